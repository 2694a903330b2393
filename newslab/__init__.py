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

__version__ = "0.2.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # article
    "Article": "text.article",
    "Part": "text.article",
    "load_article": "text.article",
    # pipeline
    "load_pipeline": "text.pipeline",
    "analyze": "text.pipeline",
    "analyze_many": "text.pipeline",
    # tidy tables
    "tokens": "tables.parse",
    "sentences": "tables.parse",
    "lede": "tables.parse",
    "entities": "tables.mentions",
    "entity_counts": "ner.counts",
    "label_counts": "ner.counts",
    "noun_chunks": "tables.parse",
    "sentence_span": "tables.parse",
    "article_parts": "tables.structure",
    "article_stats": "tables.structure",
    "pos_counts": "tables.grammar",
    "svo_triples": "tables.grammar",
    # who said what
    "entity_clusters": "ner.clusters",
    "aliases": "tables.clustering",
    "quotes": "attribution.statements",
    "REPORTING_VERBS": "attribution.cues",
    "voices": "attribution.share",
    "gold_quotes": "attribution.evaluation",
    "read_quotes": "attribution.evaluation",
    "evaluate_quotes": "attribution.evaluation",
    "QuoteEvaluation": "attribution.evaluation",
    "QuoteBrowser": "widgets.quote_browser",
    # rendering
    "entities_html": "render.html",
    "dependencies_html": "render.html",
    "structure_html": "render.html",
    "disagreements_html": "render.html",
    "DependencyViewer": "widgets.dependencies",
    "DependencyModel": "widgets.dependencies_model",
    # labels and palette
    "LABELS": "labels",
    "PALETTE": "labels",
    "label_color": "labels",
    # annotated texts
    "annotated_text": "io.spans",
    "spans_from_doc": "io.spans",
    "validate_spans": "io.spans",
    # gold standard
    "gold": "evaluation.gold",
    # evaluation
    "evaluate": "evaluation.scores",
    "Evaluation": "evaluation.scores",
    "agreement": "evaluation.agreement",
    "Agreement": "evaluation.agreement",
    # exploring entities
    "filter_entities": "ner.explore",
    "kwic": "ner.explore",
    "label_summary": "ner.explore",
    # widgets
    "EntityExplorer": "widgets.explorer",
    "ExplorerModel": "widgets.explorer_model",
    "Annotator": "widgets.annotator",
    "Dashboard": "widgets.dashboard",
    # charts and reports
    "save_chart": "charts",
    "linked_charts": "charts",
    "setup_notebook": "widgets.notebook",
    "report_html": "render.report",
    "write_report": "render.report",
    # exercises
    "check": "exercises",
    "hint": "exercises",
    "solution": "exercises",
    "respond": "exercises",
    "progress": "widgets.progress",
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
    "NotParsedError": "errors",
    "DoorError": "errors",
    "NotInLiteError": "errors",
    "GradingError": "errors",
    "AliasError": "errors",
    "ModelInstallError": "errors",
    # any article (issue 9)
    "with_rules": "text.rules",
    "RuleError": "errors",
    "findings": "evaluation.findings",
    "Findings": "evaluation.findings",
    "evaluate_many": "evaluation.findings",
    "annotations_path": "evaluation.reference",
    "reference": "evaluation.reference",
    "reference_note": "evaluation.reference",
    "course_note": "evaluation.reference",
}
# public submodule name -> module path
_SUBMODULES: dict[str, str] = {
    name: name for name in ("io", "charts", "exercises", "labels", "errors", "types", "teach", "corpus", "text",
                            "tables", "ner", "evaluation", "attribution", "render", "widgets", "columns")
} | {
    "chartdata": "ner.chartdata",
    "compare": "corpus.compare",
    "spans": "io.spans",
    "notebook": "widgets.notebook",
    "grading": "teach.grading",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import charts, corpus, exercises, io, types
    from .attribution.cues import REPORTING_VERBS
    from .attribution.evaluation import QuoteEvaluation, evaluate_quotes, gold_quotes, read_quotes
    from .attribution.share import voices
    from .attribution.statements import quotes
    from .charts import linked_charts, save_chart
    from .corpus import compare
    from .errors import (
        AliasError,
        AnnotationError,
        ArticleError,
        DoorError,
        FileChangedError,
        GradingError,
        MissingDependencyError,
        ModelInstallError,
        ModelNotFoundError,
        NewslabError,
        NotInLiteError,
        NotParsedError,
        RuleError,
        SaveError,
        TextFileError,
        UnknownLabelError,
    )
    from .evaluation.agreement import Agreement, agreement
    from .evaluation.findings import Findings, evaluate_many, findings
    from .evaluation.gold import gold
    from .evaluation.reference import annotations_path, course_note, reference, reference_note
    from .evaluation.scores import Evaluation, evaluate
    from .exercises import check, hint, respond, solution
    from .io.spans import annotated_text, spans_from_doc, validate_spans
    from .labels import LABELS, PALETTE, label_color
    from .ner import chartdata
    from .ner.clusters import entity_clusters
    from .ner.counts import entity_counts, label_counts
    from .ner.explore import filter_entities, kwic, label_summary
    from .render.html import (
        dependencies_html,
        disagreements_html,
        entities_html,
        structure_html,
    )
    from .render.report import report_html, write_report
    from .tables.clustering import aliases
    from .tables.grammar import pos_counts, svo_triples
    from .tables.mentions import entities
    from .tables.parse import lede, noun_chunks, sentence_span, sentences, tokens
    from .tables.structure import article_parts, article_stats
    from .text.article import Article, Part, load_article
    from .text.pipeline import analyze, analyze_many, load_pipeline
    from .text.rules import with_rules
    from .widgets import notebook
    from .widgets.annotator import Annotator
    from .widgets.dashboard import Dashboard
    from .widgets.dependencies import DependencyViewer
    from .widgets.dependencies_model import DependencyModel
    from .widgets.explorer import EntityExplorer
    from .widgets.explorer_model import ExplorerModel
    from .widgets.notebook import setup_notebook
    from .widgets.progress import progress
    from .widgets.quote_browser import QuoteBrowser


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    raise AttributeError(f"module 'newslab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext newslab``: charts render offline in this notebook (see :mod:`newslab.widgets.notebook`)."""
    from .widgets.notebook import load_ipython_extension as load

    load(ipython)
