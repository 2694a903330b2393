"""newslab: read, annotate and visualize news text with spaCy in Jupyter.

``import newslab`` is cheap: spaCy, pandas, Altair and ipywidgets load only when a
function that needs them is first used.

Examples:
    >>> import newslab as nl
    >>> article = nl.load_article()
    >>> article.meta["dateline"]
    'KYIV'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # article
    "Article": "article",
    "Part": "article",
    "load_article": "article",
    # pipeline
    "load_pipeline": "pipeline",
    "analyze": "pipeline",
    "analyze_many": "pipeline",
    # tidy tables
    "tokens": "tables",
    "sentences": "tables",
    "entities": "tables",
    "entity_counts": "tables",
    "label_counts": "tables",
    "noun_chunks": "tables",
    "sentence_span": "tables",
    "article_parts": "structure",
    "article_stats": "structure",
    "pos_counts": "grammar",
    "svo_triples": "grammar",
    # who said what
    "entity_clusters": "clusters",
    "aliases": "clusters",
    "quotes": "attribution",
    "REPORTING_VERBS": "attribution",
    "voices": "attribution",
    "gold_quotes": "quote_evaluation",
    "read_quotes": "quote_evaluation",
    "evaluate_quotes": "quote_evaluation",
    "QuoteEvaluation": "quote_evaluation",
    "QuoteBrowser": "quote_browser",
    # rendering
    "show_entities": "render",
    "show_dependencies": "render",
    "entities_html": "render",
    "dependencies_html": "render",
    "structure_html": "render",
    "show_structure": "render",
    "disagreements_html": "render",
    "show_disagreements": "render",
    "DependencyViewer": "viewers",
    "DependencyModel": "dependency_model",
    # labels and palette
    "LABELS": "labels",
    "PALETTE": "labels",
    "label_color": "labels",
    # annotated texts
    "annotated_text": "spans",
    "spans_from_doc": "spans",
    "validate_spans": "spans",
    # gold standard
    "gold": "goldstandard",
    # evaluation
    "evaluate": "evaluation",
    "Evaluation": "evaluation",
    "agreement": "iaa",
    "Agreement": "iaa",
    # exploring entities
    "filter_entities": "explore",
    "kwic": "explore",
    "label_summary": "explore",
    "mention_counts": "explore",
    # widgets
    "EntityExplorer": "explorer",
    "ExplorerModel": "explorer_model",
    "Annotator": "annotator",
    "Dashboard": "dashboard",
    # charts and reports
    "save_chart": "charts",
    "linked_charts": "charts",
    "setup_notebook": "notebook",
    "report_html": "report",
    "write_report": "report",
    # exercises
    "check": "exercises",
    "hint": "exercises",
    "solution": "exercises",
    "progress": "exercise_progress",
    # errors
    "NewslabError": "errors",
    "ArticleError": "errors",
    "ModelNotFoundError": "errors",
    "AnnotationError": "errors",
    "MissingDependencyError": "errors",
    "UnknownLabelError": "errors",
    "TextFileError": "errors",
    "SaveError": "errors",
    "FileChangedError": "errors",
    # any article (issue 9)
    "with_rules": "rules",
    "RuleError": "errors",
    "findings": "error_analysis",
    "Findings": "error_analysis",
    "evaluate_many": "error_analysis",
    "annotations_path": "annotations",
    "reference": "annotations",
    "reference_note": "annotations",
    "course_note": "annotations",
}
_SUBMODULES = {
    "io", "charts", "chartdata", "exercises", "labels", "errors", "spans", "teach", "types", "notebook", "grading",
}
_SUBMODULES |= {"corpus", "compare"}  # many articles (issue 11)

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import chartdata, charts, compare, corpus, exercises, io, notebook, types
    from .annotations import annotations_path, course_note, reference, reference_note
    from .annotator import Annotator
    from .article import Article, Part, load_article
    from .attribution import REPORTING_VERBS, quotes, voices
    from .charts import linked_charts, save_chart
    from .clusters import aliases, entity_clusters
    from .dashboard import Dashboard
    from .dependency_model import DependencyModel
    from .error_analysis import Findings, evaluate_many, findings
    from .errors import (
        AnnotationError,
        ArticleError,
        FileChangedError,
        MissingDependencyError,
        ModelNotFoundError,
        NewslabError,
        RuleError,
        SaveError,
        TextFileError,
        UnknownLabelError,
    )
    from .evaluation import Evaluation, evaluate
    from .exercise_progress import progress
    from .exercises import check, hint, solution
    from .explore import filter_entities, kwic, label_summary, mention_counts
    from .explorer import EntityExplorer
    from .explorer_model import ExplorerModel
    from .goldstandard import gold
    from .grammar import pos_counts, svo_triples
    from .iaa import Agreement, agreement
    from .labels import LABELS, PALETTE, label_color
    from .notebook import setup_notebook
    from .pipeline import analyze, analyze_many, load_pipeline
    from .quote_browser import QuoteBrowser
    from .quote_evaluation import QuoteEvaluation, evaluate_quotes, gold_quotes, read_quotes
    from .render import (
        dependencies_html,
        disagreements_html,
        entities_html,
        show_dependencies,
        show_disagreements,
        show_entities,
        show_structure,
        structure_html,
    )
    from .report import report_html, write_report
    from .rules import with_rules
    from .spans import annotated_text, spans_from_doc, validate_spans
    from .structure import article_parts, article_stats
    from .tables import entities, entity_counts, label_counts, noun_chunks, sentence_span, sentences, tokens
    from .viewers import DependencyViewer


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'newslab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext newslab``: charts render offline in this notebook (see :mod:`newslab.notebook`)."""
    from .notebook import load_ipython_extension as load

    load(ipython)
