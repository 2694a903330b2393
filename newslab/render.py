"""HTML views of entities and dependencies, built on displaCy.

These functions return HTML strings (wrapped in :class:`HTML`, a ``str`` that Jupyter
displays as HTML) and never call ``display()``. Every piece of article text is
HTML-escaped by displaCy; labels are escaped here. Colours come from
:data:`newslab.labels.PALETTE`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .labels import PALETTE, check_labels, label_color

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span

    from .article import Article

__all__ = [
    "HTML", "entities_html", "dependencies_html", "structure_html", "kwic_html", "show_entities", "show_dependencies",
    "show_structure",
]

_SCROLL_STYLE = "overflow-x:auto;overflow-y:hidden;max-width:100%;border:1px solid #e5e5e5;border-radius:4px"


class HTML(str):
    """An HTML string that Jupyter renders as HTML, and any other code sees as a ``str``."""

    def _repr_html_(self) -> str:
        return str(self)


def entities_html(
    doc: Doc,
    *,
    labels: Iterable[str] | None = None,
    spans: Iterable[Mapping[str, Any]] | None = None,
) -> HTML:
    """Return the text of ``doc`` with entities highlighted in the newslab palette.

    Args:
        doc: A parsed article.
        labels: Show only these labels (all labels when ``None``).
        spans: Highlight these ``{"start", "end", "label"}`` dicts instead of ``doc.ents``.

    Examples:
        >>> import newslab
        >>> page = entities_html(newslab.analyze("Mark Rutte visited Ukraine."), labels=["GPE"])
        >>> "Ukraine" in page and "PERSON" not in page
        True
    """
    from spacy import displacy

    source = list(spans) if spans is not None else [
        {"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents
    ]
    known = tuple({*PALETTE, *(str(s["label"]) for s in source)})
    wanted = None if labels is None else set(check_labels(list(labels), allowed=known))
    ents = [
        {"start": int(s["start"]), "end": int(s["end"]), "label": html.escape(str(s["label"]))}
        for s in sorted(source, key=lambda s: (s["start"], s["end"]))
        if wanted is None or s["label"] in wanted
    ]
    markup = displacy.render(
        {"text": doc.text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        jupyter=False,
        options={"colors": dict(PALETTE)},
    )
    return HTML(f'<div class="newslab-entities">{markup}</div>')


def dependencies_html(sentence: Span | Doc, *, compact: bool = True, distance: int = 110) -> HTML:
    """Return a dependency tree of one sentence as SVG in a horizontally scrolling box.

    Long sentences stay readable: compact mode keeps arcs low, and the box scrolls instead
    of overflowing the notebook.

    Examples:
        >>> import newslab
        >>> page = dependencies_html(newslab.analyze("Rutte visited Kyiv."))
        >>> page.startswith('<div class="newslab-dependencies"') and "<svg" in page
        True
    """
    from spacy import displacy

    svg = displacy.render(
        sentence,
        style="dep",
        jupyter=False,
        options={"compact": compact, "distance": distance, "bg": "#ffffff", "font": "sans-serif"},
    )
    return HTML(f'<div class="newslab-dependencies" style="{_SCROLL_STYLE}">{svg}</div>')


def kwic_html(table: pd.DataFrame) -> HTML:
    """Return keyword-in-context rows (from :func:`newslab.kwic`) as an HTML table; text is escaped.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Rutte met <b>Zelenskiy</b>. Rutte left.")
        >>> page = kwic_html(newslab.kwic(doc, "Rutte"))
        >>> page.count("<mark") == 2 and "<b>" not in page
        True
    """
    from . import _columns as C

    e = html.escape
    rows = "".join(
        f'<tr><td style="text-align:right">{row[C.SENT_ID]}</td><td>{e(row[C.LABEL])}</td>'
        f'<td style="text-align:right;white-space:pre">{e(row[C.LEFT])}</td>'
        f'<td><mark style="background:{label_color(row[C.LABEL])}">{e(row[C.TEXT])}</mark></td>'
        f'<td style="white-space:pre">{e(row[C.RIGHT])}</td>'
        f'<td style="color:#555;font-size:0.9em">{e(row[C.SENTENCE])}</td></tr>'
        for _, row in table.iterrows()
    )
    head = "".join(f"<th>{name}</th>" for name in ("sentence #", "label", "left", "mention", "right", "sentence"))
    return HTML(f'<table class="newslab-kwic"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')


_PART_COLORS = {"headline": "#77AADD", "byline": "#BBCC33", "dateline": "#EE8866", "paragraph": "#DDDDDD",
                "kicker": "#99DDFF", "date_line": "#EEDD88", "subhead": "#AAAA00", "caption": "#FFAABB",
                "credit": "#BBBBBB"}


def structure_html(article: Article) -> HTML:
    """Return the article with each part (headline, byline, dateline, paragraph) boxed and named.

    Examples:
        >>> from newslab import load_article
        >>> page = structure_html(load_article("Big News\\nBy A. Writer\\nPARIS - It <b>happened</b>."))
        >>> "newslab-part-dateline" in page and "&lt;b&gt;" in page
        True
    """
    boxes = []
    for part in article.parts:
        name = part.kind if part.kind != "paragraph" else f"paragraph {part.index}"
        boxes.append(
            f'<div class="newslab-part newslab-part-{part.kind}" style="border-left:6px solid '
            f'{_PART_COLORS[part.kind]};padding:2px 8px;margin:4px 0">'
            f'<span style="font:bold 0.75em sans-serif;color:#555">{html.escape(name)} · '
            f"characters {part.start}–{part.end}</span><br>{html.escape(part.text)}</div>"
        )
    return HTML(f'<div class="newslab-structure">{"".join(boxes)}</div>')


def show_structure(article: Article) -> HTML:
    """Show how an article is built; Jupyter displays the result as HTML.

    Examples:
        >>> from newslab import load_article
        >>> "newslab-part-headline" in show_structure(load_article())
        True
    """
    return structure_html(article)


def show_entities(doc: Doc, labels: Iterable[str] | None = None) -> HTML:
    """Highlight the entities of an article; Jupyter shows the result as HTML.

    Examples:
        >>> import newslab
        >>> "newslab-entities" in show_entities(newslab.analyze("NATO met."))
        True
    """
    return entities_html(doc, labels=labels)


def show_dependencies(sentence: Span | Doc | str, *, compact: bool = True) -> HTML:
    """Draw the dependency tree of a sentence (a ``Span``, a ``Doc`` or a string to parse).

    Examples:
        >>> "<svg" in show_dependencies("Rutte visited Kyiv.")
        True
    """
    if isinstance(sentence, str):
        from .pipeline import load_pipeline

        sentence = load_pipeline()(sentence)
    return dependencies_html(sentence, compact=compact)
