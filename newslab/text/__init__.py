"""An article as text: its parts (:mod:`~newslab.text.article`), the one HTML reader, and the spaCy pipeline.

Notebook 01 reads here: how a news article is built, and how it is parsed.
"""

from .article import Article, Part, load_article
from .pipeline import analyze, analyze_many, load_pipeline
from .rules import with_rules

__all__ = ["Article", "Part", "load_article", "analyze", "analyze_many", "load_pipeline", "with_rules"]
