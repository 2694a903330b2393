"""A one-page, self-contained HTML report of an article: text, entities and charts.

The page needs no network to be read: charts are inline SVG, there are no scripts, and
every piece of article text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import columns as C

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..types import DocLike, PathLike

__all__ = ["report_html", "write_report"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } th, td { padding: 2px 10px; border-bottom: 1px solid #eee; text-align: left; }
.newslab-report-charts figure { display: inline-block; margin: 1em 1em 0 0; vertical-align: top; }
"""


def report_html(source: DocLike = None, *, helper_process: bool = False) -> str:
    """Return one self-contained HTML page about an article (or text, or path, or ``Doc``).

    Args:
        source: The article: a parsed ``Doc``, a path, a text, or ``None`` for the course article.
        helper_process: Draw the charts in a second process, which loads Altair and vl-convert
            while this one parses: about a second faster in a fresh process (the ``newslab report``
            command), no faster where Altair is loaded already (a notebook).

    Examples:
        >>> page = report_html("Rutte visited <b>Kyiv</b>.")
        >>> "&lt;b&gt;" in page and "<script" not in page
        True
    """
    from ._chart_process import ChartProcess

    if helper_process:
        with ChartProcess() as helper:  # started before parsing, so the two overlap
            return _page(source, start=helper.start)
    return _page(source, start=lambda function, *args: lambda: function(*args))


def _page(source: DocLike, *, start: Callable[..., Callable[[], list[str]]]) -> str:
    from ..tables.many import row_source
    from ..tables.mentions import entities
    from ..tables.parse import sentences, tokens
    from ..text.pipeline import analyze

    doc = analyze(source)  # the report, like analyze, reads any source
    meta = dict(doc.user_data.get(C.META_KEY, {}))
    title = str(meta.get("title") or " ".join(doc.text.split()[:8]))
    # The tables travel as row tuples: this process never needs pandas, the helper builds the frames
    rows = [(source.rows(doc), source.columns) for source in map(row_source, (entities, sentences, tokens))
            if source is not None]
    tables = start(_tables_html, rows)  # drawn while the article's HTML is built
    sections = [_metadata(meta), _article(doc), *tables()]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
            f'<body class="newslab-report"><h1>{html.escape(title)}</h1>{"".join(sections)}</body></html>\n')


def _tables_html(rows: list[tuple[list[tuple[Any, ...]], tuple[str, ...]]]) -> list[str]:
    """The entity table and the charts of the page, from the row tuples of the entity, sentence and token tables."""
    from ..tables.many import frame

    mentions, sentences, tokens = (frame(table, columns) for table, columns in rows)
    return [_entity_table(mentions), _figures(_chart_svgs(mentions, sentences, tokens))]


def _metadata(meta: dict[str, Any]) -> str:
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in meta.items() if k in ("byline", "dateline", "date", "language", "source", "id"))
    return f"<h2>About</h2><table>{rows}</table>" if rows else ""


def _article(doc: Doc) -> str:
    from .html import entities_html

    return f"<h2>The article</h2>{entities_html(doc)}"


def _entity_table(mentions: pd.DataFrame) -> str:
    from ..ner.counts import entity_counts

    table = entity_counts(mentions)
    return "<h2>Entities</h2>" + table.to_html(index=False, escape=True, border=0, classes="newslab-entity-table")


_CAPTIONS = ("The most mentioned entities", "Where each entity is mentioned", "Mentions by label",
             "Entities that share sentences", "Who is mentioned with whom", "Sentence lengths",
             "Part-of-speech mix per paragraph")


def _chart_svgs(mentions: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame) -> list[str]:
    """The report's charts as SVG, in the order of ``_CAPTIONS``."""
    from .. import charts
    from ..ner.chartdata import middle_sentence

    drawn = (
        charts.top_entities_chart(mentions),
        charts.mentions_chart(mentions, middle=middle_sentence(sentences)),
        charts.label_counts_chart(mentions),
        charts.cooccurrence_chart(mentions),
        charts.cooccurrence_network_chart(mentions),
        charts.sentence_lengths_chart(sentences),
        charts.pos_mix_chart(tokens),
    )
    return [charts.chart_svg(chart) for chart in drawn]  # one vl-convert engine: threads would not help


def _figures(svgs: list[str]) -> str:
    figures = [f"<figure>{svg}<figcaption>{html.escape(caption)}</figcaption></figure>"
               for svg, caption in zip(svgs, _CAPTIONS, strict=True)]
    return f'<h2>Charts</h2><div class="newslab-report-charts">{"".join(figures)}</div>'


def write_report(source: DocLike, path: PathLike, *, helper_process: bool = False) -> Path:
    """Write :func:`report_html` of ``source`` to ``path`` atomically and return the path.

    Examples:
        >>> import tempfile
        >>> write_report("Rutte visited Kyiv.", Path(tempfile.mkdtemp()) / "report.html").suffix
        '.html'
    """
    from ..io.atomic import atomic_write_text

    return atomic_write_text(path, report_html(source, helper_process=helper_process))
