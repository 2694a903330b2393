"""HTML of the quote browser (presentation): the statements grouped by speaker, and the text
with a statement's speaker, cue and content in three distinct styles. Every text is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from .. import columns as C
from ..labels import QUOTE_COLORS

#: CSS class of the browser and of its parts (the browser tests look for them).
BROWSER_CLASS = "newslab-quotes"
STATEMENT_CLASS = "newslab-quotes-statement"
TEXT_CLASS = "newslab-quotes-text"
_PARTS = (C.CUE, C.SPEAKER, C.CONTENT)  # drawn on top of each other in this order of priority
_STYLES = {
    C.SPEAKER: f"background:{QUOTE_COLORS[C.SPEAKER]};font-weight:bold;border-radius:3px;padding:0 2px",
    C.CUE: f"background:{QUOTE_COLORS[C.CUE]};text-decoration:underline;border-radius:3px;padding:0 2px",
    C.CONTENT: f"background:{QUOTE_COLORS[C.CONTENT]}",
}


def part_class(part: str) -> str:
    """The CSS class of a highlighted part: ``newslab-quotes-speaker``, ``-cue`` or ``-content``.

    Examples:
        >>> part_class("cue")
        'newslab-quotes-cue'
    """
    return f"{BROWSER_CLASS}-{part}"


def quote_text_html(text: str, highlight: Mapping[str, Sequence[int]]) -> str:
    """The text, one paragraph per line, with the highlighted parts of one statement marked.

    Examples:
        >>> quote_text_html("<b>Brandt</b> said no.", {"speaker": [3, 9], "cue": [14, 18]})
        '<div class="newslab-quotes-text"><p>&lt;b&gt;<mark class="newslab-quotes-speaker" ...>Brandt</mark>&lt;/b&gt; <mark class="newslab-quotes-cue" ...>said</mark> no.</p></div>'
    """
    owner: list[str | None] = [None] * len(text)
    for part in reversed(_PARTS):
        start, end = highlight.get(part, (0, 0))
        for i in range(max(start, 0), min(end, len(text))):
            owner[i] = part
    pieces, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and owner[j] == owner[i] and text[j] != "\n":
            j += 1
        if text[i] == "\n":
            pieces.append("</p><p>")
            j = i + 1
        elif owner[i] is None:
            pieces.append(html.escape(text[i:j]))
        else:
            part = str(owner[i])
            pieces.append(f'<mark class="{part_class(part)}" style="{_STYLES[part]}">{html.escape(text[i:j])}</mark>')
        i = j
    return f'<div class="{TEXT_CLASS}"><p>{"".join(pieces)}</p></div>'


def statement_label(row: Mapping[str, Any], *, width: int = 90) -> str:
    """One line for a statement: its kind, cue and the start of its content (plain text).

    Examples:
        >>> statement_label({"kind": "direct", "cue": "say", "content": "We will rebuild the bridge"}, width=20)
        '[direct] say: We will rebuild the…'
    """
    content = " ".join(str(row[C.CONTENT]).split())
    short = content if len(content) <= width else content[: width - 1] + "…"
    return f"[{row[C.KIND]}] {row[C.CUE]}: {short}"


def statements_html(statements: Sequence[Mapping[str, Any]], groups: Sequence[Mapping[str, Any]],
                    selected: int = -1) -> str:
    """The statements grouped by speaker, as a static list (the browser's fallback).

    Examples:
        >>> rows = [{"quote_id": 0, "kind": "direct", "cue": "say", "content": "<script>x</script>"}]
        >>> "&lt;script&gt;" in statements_html(rows, [{"speaker": "Lena Brandt", "quote_ids": [0]}])
        True
    """
    by_id = {int(row[C.QUOTE_ID]): row for row in statements}
    parts = []
    for group in groups:
        items = "".join(
            f'<li class="{STATEMENT_CLASS}{" selected" if qid == selected else ""}">'
            f"{html.escape(statement_label(by_id[qid]))}</li>" for qid in group[C.QUOTE_IDS])
        parts.append(f"<h4>{html.escape(str(group[C.SPEAKER]))}</h4><ul>{items}</ul>")
    return "".join(parts) or "<p>No attributed statement.</p>"
