"""Tidy tables of a parsed article: tokens, sentences, entity mentions, noun chunks, structure and grammar.

Every table has stable column names (:mod:`newslab.columns`), character offsets into the raw
text (end exclusive), and the sentence and paragraph each row belongs to. ``paragraph_id``
counts body paragraphs from 0 and is missing (``<NA>``) for the headline, byline and
dateline; ``part`` says which of those a row belongs to. Given many docs (a list, an iterator
or a :class:`newslab.corpus.Corpus`), a table function stacks the table of each, with
``article_id``, ``outlet``, ``date`` and ``title`` as the first columns.
"""

from .grammar import pos_counts, svo_triples
from .mentions import entities, entity_key
from .parse import lede, noun_chunks, sentence_span, sentences, tokens
from .structure import article_parts, article_stats

__all__ = ["tokens", "sentences", "lede", "entities", "noun_chunks", "entity_key", "sentence_span", "article_parts",
           "article_stats", "pos_counts", "svo_triples"]
