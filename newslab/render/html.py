"""HTML views of entities and dependencies, built on displaCy.

These functions return HTML strings (wrapped in :class:`HTML`, a ``str`` that Jupyter
displays as HTML) and never call ``display()``. Every piece of article text is
HTML-escaped by displaCy; labels are escaped here. Colours come from
:data:`newslab.labels.PALETTE`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..edge import require_doc, require_table
from ..labels import PALETTE, check_labels, label_color, part_color
from ..markup import HTML
from ..precomputed import is_lite, lite_result

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span

    from ..evaluation.agreement import Agreement
    from ..evaluation.scores import Evaluation
    from ..text.article import Article

__all__ = ["HTML", "entities_html", "dependencies_html", "structure_html", "kwic_html", "disagreements_html"]

_SCROLL_STYLE = "overflow-x:auto;overflow-y:hidden;max-width:100%;border:1px solid #e5e5e5;border-radius:4px"


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
    if is_lite(doc):  # the lite edition: the entity table's mentions, drawn without displaCy
        from ..io.spans import spans_from_doc

        text = doc.text
        source: list[Mapping[str, Any]] = list(spans) if spans is not None else list(spans_from_doc(doc))
    else:
        doc = require_doc(doc, "nl.entities_html")
        text, source = doc.text, list(spans) if spans is not None else [
            {"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
    known = tuple({*PALETTE, *(str(s["label"]) for s in source)})
    wanted = None if labels is None else set(check_labels(list(labels), allowed=known))
    ents = [
        {"start": int(s["start"]), "end": int(s["end"]), "label": html.escape(str(s["label"]))}
        for s in sorted(source, key=lambda s: (s["start"], s["end"]))
        if wanted is None or s["label"] in wanted
    ]
    return HTML(f'<div class="newslab-entities">{_entity_markup(text, ents, lite=is_lite(doc))}</div>')


_MARK = ('<mark class="entity" style="background: {bg}; padding: 0.45em 0.6em; margin: 0 0.25em; line-height: 1; '
         'border-radius: 0.35em;">{text}<span style="font-size: 0.8em; font-weight: bold; line-height: 1; '
         'border-radius: 0.35em; vertical-align: middle; margin-left: 0.5rem">{label}</span></mark>')


def _entity_markup(text: str, ents: list[dict[str, Any]], *, lite: bool) -> str:
    """displaCy's entity markup; the lite edition (no spaCy) draws the same marks itself."""
    if not lite:
        from spacy import displacy

        return str(displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                                   jupyter=False, options={"colors": dict(PALETTE)}))
    pieces, at = [], 0
    for ent in ents:
        if ent["start"] < at:  # overlapping spans: displaCy draws the first
            continue
        pieces += [_plain(text[at : ent["start"]]), _MARK.format(
            bg=PALETTE.get(html.unescape(ent["label"]), "#ddd"), text=_plain(text[ent["start"] : ent["end"]]),
            label=ent["label"])]
        at = ent["end"]
    pieces.append(_plain(text[at:]))
    return f'<div class="entities" style="line-height: 2.5; direction: ltr">{"".join(pieces)}</div>'


def _plain(text: str) -> str:
    return html.escape(text).replace("\n", "</br>")


@lite_result
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
        require_doc(sentence, "nl.dependencies_html"),
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
    from .. import columns as C

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


def disagreements_html(
    result: Evaluation | Agreement | pd.DataFrame,
    *,
    texts: Sequence[str] | None = None,
    width: int = 40,
    sides: tuple[str, str] | None = None,
) -> HTML:
    """Return disagreements as an HTML table: each one in a short context, its sentence on demand.

    The context is ``width`` characters either side of the disagreement, with the span
    highlighted; clicking it opens the whole sentence. All text is escaped.

    Args:
        result: An evaluation (:func:`newslab.evaluate`) or an agreement (:func:`newslab.agreement`),
            or the ``disagreements`` table of one (then give ``texts``).
        texts: For a table: the annotated text; for an agreement table, the texts in ``doc_id`` order.
        width: Characters of context on each side.
        sides: Column headings for the ``predicted`` and ``gold`` sides (for an agreement: ``b``, ``a``).

    Examples:
        >>> import newslab
        >>> text = "Mayor Ana Field of Riverton spoke. Riverton voted <b>yes</b>."
        >>> result = newslab.evaluate((text, [(35, 43, "PERSON")]), (text, [(35, 43, "GPE")]))
        >>> page = disagreements_html(result, width=10)
        >>> "spoke. <mark" in page and "<details>" in page and "voted &lt;b&gt;yes" in page
        True
    """
    from .. import columns as C
    from ..evaluation.agreement import Agreement
    from ..evaluation.scores import Evaluation

    if isinstance(result, Evaluation):
        table, texts, sides = result.disagreements, [result._text], sides or ("predicted", "gold")
    elif isinstance(result, Agreement):
        table, texts, sides = result.disagreements, result._texts, sides or ("b", "a")
    else:
        table = require_table(result, "nl.disagreements_html", made_by="nl.evaluate(doc, reference)")
        if texts is None:
            raise TypeError("disagreements_html(table) needs texts=[...]: or pass the evaluation or agreement itself")
        sides = sides or ("predicted", "gold")

    e = html.escape
    rows = []
    for row in table.astype(object).where(table.notna(), None).to_dict("records"):  # NA becomes None
        text = texts[int(row.get(C.DOC_ID, 0))]
        start, end = int(row[C.START_CHAR]), int(row[C.END_CHAR])
        color = label_color(str(row[C.GOLD_LABEL] or row[C.PREDICTED_LABEL]))
        context = (f"{e(_left(text, start, width))}<mark style=\"background:{color}\">{e(text[start:end])}</mark>"
                   f"{e(_right(text, end, width))}")
        rows.append(
            f'<tr><td style="text-align:right">{row[C.SENT_ID]}</td><td>{e(row[C.KIND])}</td>'
            f'<td style="white-space:nowrap">{_side(row[C.PREDICTED_TEXT], row[C.PREDICTED_LABEL])}</td>'
            f'<td style="white-space:nowrap">{_side(row[C.GOLD_TEXT], row[C.GOLD_LABEL])}</td>'
            f'<td style="text-align:left"><details><summary>{context}</summary>'
            f'<div style="color:#555;max-width:40em">{e(row[C.SENTENCE])}</div></details></td></tr>')
    head = "".join(f"<th>{e(name)}</th>" for name in ("sentence #", "kind", *sides, "context (click for the sentence)"))
    if not rows:
        return HTML('<p class="newslab-disagreements">No disagreements.</p>')
    return HTML(f'<table class="newslab-disagreements"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')




_SPACES = re.compile(r"\s+")


def _left(text: str, start: int, width: int) -> str:
    return ("…" if start > width else "") + _SPACES.sub(" ", text[max(0, start - width) : start])


def _right(text: str, end: int, width: int) -> str:
    return _SPACES.sub(" ", text[end : end + width]) + ("…" if end + width < len(text) else "")


def _side(text: Any, label: Any) -> str:
    return "" if label is None else f"{html.escape(str(text))} · {html.escape(str(label))}"


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
            f'{part_color(part.kind)};padding:2px 8px;margin:4px 0">'
            f'<span style="font:bold 0.75em sans-serif;color:#555">{html.escape(name)} · '
            f"characters {part.start}–{part.end}</span><br>{html.escape(part.text)}</div>"
        )
    return HTML(f'<div class="newslab-structure">{"".join(boxes)}</div>')





