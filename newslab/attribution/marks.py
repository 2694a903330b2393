"""Quotation marks: where each quotation of a text starts and ends.

Marks may be straight (``"``), curly (``“ ”``), guillemets (``« »``), low (``„ “``), two
apostrophes (``''``, as some wire copy writes a double quotation mark) or curly single quotes
(``‘ ’``). A single curly quote is read as a quotation only outside a double one (inside, it is
the quotation within the quotation) and only where it can open or close one: ``‘`` before a
letter or digit and after a space, a bracket or a dash; ``’`` after a letter, digit or punctuation
and before anything but a letter, so the apostrophe of "don’t" or "Trump’s" never closes one.

An opening ``“`` typed where a closing mark belongs (after a word and before a space or a stop,
or last in its paragraph) closes the open quotation.

Quotations are paired paragraph by paragraph. Unbalanced marks never raise: a quotation left
open runs to the end of its paragraph and, when the next paragraph opens another quotation (the
newspaper convention for a quotation over several paragraphs), the two are one quotation.
Everything here is linear in the length of the text.

Examples:
    >>> [(q.content_start, q.content_end) for q in quotations('He said “yes” and ‘no’.')]
    [(9, 12), (19, 21)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

__all__ = ["Quote", "quotations", "MARKS"]

#: Every character (or pair) that can open or close a quotation.
MARKS: Final = re.compile(r"''|[\"“”«»„‘’]")
_DOUBLE_OPENING: Final = "“«„"
_DOUBLE_CLOSING: Final = "”»"
_EITHER: Final = ('"', "''")


@dataclass(frozen=True)
class Quote:
    """Characters between a pair of quotation marks (``start``/``end``: the marks included)."""

    start: int
    end: int
    content_start: int
    content_end: int
    multi_paragraph: bool = False
    single: bool = False  # marked with ‘ ’


def quotations(text: str) -> list[Quote]:
    """Pair the quotation marks of ``text``, paragraph by paragraph, in document order.

    Examples:
        >>> [text[q.content_start:q.content_end] for text in ["“A” and “B"] for q in quotations(text)]
        ['A', 'B']
    """
    found: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n"):
        found += _paragraph(paragraph, offset)
        offset += len(paragraph) + 1
    return _merge_paragraphs(text, found)


def _paragraph(paragraph: str, offset: int) -> list[Quote]:
    found: list[Quote] = []
    opened: int | None = None
    width = 1  # the opening mark's length
    single: int | None = None
    opener = ""
    for match in MARKS.finditer(paragraph):
        mark, pos = match.group(), match.start()
        if mark in "‘’":
            if opened is None:
                single = _single(paragraph, mark, pos, single, offset, found)
            continue
        if opened is None:
            if mark not in _DOUBLE_CLOSING:
                opened, width, single, opener = pos, len(mark), None, mark
        elif mark in _DOUBLE_CLOSING or mark in _EITHER or opener == "„" and mark == "“" \
                or mark == "“" and _closes(paragraph, pos):
            found.append(Quote(offset + opened, offset + pos + len(mark), offset + opened + width, offset + pos))
            opened = None
        elif mark in _DOUBLE_OPENING:
            opened, width, opener = pos, 1, mark  # an unclosed curly quotation: start again at the new one
    if opened is not None:
        end = offset + len(paragraph.rstrip())
        found.append(Quote(offset + opened, end, offset + opened + width, end, multi_paragraph=True))
    return [q for q in found if q.content_end > q.content_start]


def _closes(paragraph: str, pos: int) -> bool:
    """An opening mark typed where a closing one belongs: ``review“ of`` (after a word and before a space)
    or ``ends here. “`` (nothing but spaces after it in the paragraph)."""
    before = paragraph[pos - 1] if pos else " "
    after = paragraph[pos + 1:pos + 2] or " "
    return not paragraph[pos + 1:].strip() or not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _single(paragraph: str, mark: str, pos: int, opened: int | None, offset: int, found: list[Quote]) -> int | None:
    """Track a ‘…’ quotation outside double quotes; return the position of the open ‘, if any."""
    before = paragraph[pos - 1] if pos else " "
    after = paragraph[pos + 1] if pos + 1 < len(paragraph) else " "
    if mark == "‘":
        opens = (before.isspace() or before in "([—–-/") and (after.isalnum() or after in "$#")
        return pos if opens else opened
    closes = not before.isspace() and not after.isalnum()
    if opened is not None and closes:
        found.append(Quote(offset + opened, offset + pos + 1, offset + opened + 1, offset + pos, single=True))
        return None
    return opened


def _merge_paragraphs(text: str, found: list[Quote]) -> list[Quote]:
    merged: list[Quote] = []
    for quote in found:
        previous = merged[-1] if merged else None
        continues = (previous is not None and previous.multi_paragraph and previous.end < quote.start
                     and text[previous.end:quote.start].strip() == "")
        if continues and previous is not None:
            merged[-1] = Quote(previous.start, quote.end, previous.content_start, quote.content_end,
                               multi_paragraph=True)
        else:
            merged.append(quote)
    return [replace(q, multi_paragraph=q.multi_paragraph and "\n" in text[q.start:q.end]) for q in merged]
