"""A one-page, self-contained HTML report of an article: text, entities and charts.

The page needs no network to be read: charts are inline SVG, there are no scripts, and
every piece of article text is HTML-escaped.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _columns as C

if TYPE_CHECKING:
    from .article import ArticleSource

__all__ = ["report_html", "write_report", "report_command"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } th, td { padding: 2px 10px; border-bottom: 1px solid #eee; text-align: left; }
.newslab-report-charts figure { display: inline-block; margin: 1em 1em 0 0; vertical-align: top; }
"""
_CHARTS = (
    ("top_entities_chart", "The most mentioned entities"),
    ("mentions_chart", "Where each entity is mentioned"),
    ("label_counts_chart", "Mentions by label"),
    ("cooccurrence_chart", "Entities that share sentences"),
    ("cooccurrence_network_chart", "Who is mentioned with whom"),
    ("sentence_lengths_chart", "Sentence lengths"),
    ("pos_mix_chart", "Part-of-speech mix per paragraph"),
)


def report_html(source: ArticleSource = None) -> str:
    """Return one self-contained HTML page about an article (or text, or path, or ``Doc``).

    Examples:
        >>> page = report_html("Rutte visited <b>Kyiv</b>.")
        >>> "&lt;b&gt;" in page and "<script" not in page
        True
    """
    from .pipeline import analyze

    doc = analyze(source)
    meta = dict(doc.user_data.get(C.META_KEY, {}))
    title = str(meta.get("title") or " ".join(doc.text.split()[:8]))
    sections = [_metadata(meta), _article(doc), _entity_table(doc), _charts(doc)]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
            f'<body class="newslab-report"><h1>{html.escape(title)}</h1>{"".join(sections)}</body></html>\n')


def _metadata(meta: dict[str, Any]) -> str:
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in meta.items() if k in ("byline", "dateline", "date", "language", "source", "id"))
    return f"<h2>About</h2><table>{rows}</table>" if rows else ""


def _article(doc: Any) -> str:
    from .render import entities_html

    return f"<h2>The article</h2>{entities_html(doc)}"


def _entity_table(doc: Any) -> str:
    from .tables import entity_counts

    table = entity_counts(doc)[[C.KEY, C.LABEL, C.COUNT, C.FIRST_SENT_ID]]
    return "<h2>Entities</h2>" + table.to_html(index=False, escape=True, border=0, classes="newslab-entity-table")


def _charts(doc: Any) -> str:
    from . import charts

    figures = [f"<figure>{charts.chart_svg(getattr(charts, name)(doc))}<figcaption>{html.escape(caption)}"
               "</figcaption></figure>" for name, caption in _CHARTS]
    return f'<h2>Charts</h2><div class="newslab-report-charts">{"".join(figures)}</div>'


def write_report(source: ArticleSource, path: str | os.PathLike) -> Path:
    """Write :func:`report_html` of ``source`` to ``path`` atomically and return the path.

    Examples:
        >>> import tempfile
        >>> write_report("Rutte visited Kyiv.", Path(tempfile.mkdtemp()) / "report.html").suffix
        '.html'
    """
    from ._atomic import atomic_write_text

    return atomic_write_text(path, report_html(source))


def report_command(path: str | None = None, out: str = "report.html") -> Path:
    """CLI body of ``newslab report [PATH] --out report.html``: write the report, print where."""
    written = write_report(path, out)
    print(f"wrote {written}")
    return written
