"""How the loader reads an article, line by line: what each line is, and what it is not sure of.

Private to :mod:`newslab.text`. :func:`read` cuts the text into lines (splitting what pages glue
together: a date after the headline, an editor's note or a syndicator's tag before the first
sentence, a photo credit before a dateline), applies the instructor's corrections, names the page
furniture by its form, then reads the front (:mod:`~newslab.text._front`: kicker, headline,
bylines, date lines) and the body (:mod:`~newslab.text._body`: dateline, standfirst, paragraphs,
subheads, captions, links, credits, also at the end of a paragraph). Every weak decision leaves a warning
in plain words that quotes the line, so an instructor knows what to pass to ``headline=``,
``skip=`` or ``keep=``.
"""

from __future__ import annotations

import re
from typing import Any

from .. import columns as C
from ..errors import ArticleError
from . import _body, _boilerplate, _dates, _front, _shapes
from ._pieces import Piece, Reading, named, quote, shape

_GLUED_DATE = re.compile(r"(?:(?<=[a-z0-9?!’'\")])|\s*[|–—-]\s*|\s+)(?=(?:Published|Updated|Posted|Last updated|"
                         r"First published)\b)")


def read(text: str, fix: dict[str, Any]) -> Reading:
    """Read ``text`` into named pieces (see the module docstring)."""
    reading = Reading(text, fix, [Piece(s, e, gap) for s, e, gap in _line_spans(text)])
    _split_glued(reading)
    _apply_corrections(reading)
    for k in range(len(reading.pieces)):
        if reading.free(k):
            reading.pieces[k].kind = shape(reading, k)
        if reading.free(k) and reading.kind(k - 1) == C.DATE_LINE and _dates.is_orphan_date_word(reading.line(k)):
            reading.pieces[k].kind = C.DATE_LINE  # "Published" and "on" on two lines, the date lost
    _front.read_front(reading)
    _body.read_body(reading)
    return reading


# --- lines and what is glued to them --------------------------------------------------------


def _line_spans(text: str) -> list[tuple[int, int, bool]]:
    spans, previous = [], 0
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end, text.count("\n", previous, start) >= 2))
            previous = end
    return spans


def _split_glued(reading: Reading) -> None:
    k = 0
    while k < min(len(reading.pieces), 12):
        line, start = reading.line(k), reading.pieces[k].start
        if k < 6 and (at := _glued_date(line)) is not None:
            reading.split(k, start + at)  # "...at EU summitPublished October 17, 2024"
            if _shapes.is_label(line[:at].rstrip(" |–—-")):
                reading.pieces[k].kind = C.KICKER  # "World News | Published:": the section, then the date
        elif (note := _boilerplate.glued(line)) is not None:
            if note[0] == C.EDITOR_NOTE:
                reading.warn(f"split the editor's note {quote(line)} off the paragraph it was glued to")
            reading.split(k, start + note[1])
        elif (credit := _shapes.GLUED_CREDIT.match(line)) is not None and _shapes.dateline(
                reading.text, start + credit.end(), reading.pieces[k].end):
            reading.split(k, start + credit.end())  # "kali9/iStock(BALTIMORE) — ...": the photo credit
            reading.pieces[k].kind = C.CAPTION
        elif (tag := _boilerplate.SYNDICATOR.match(line)) is not None and tag.end() < len(line) and (
                _shapes.dateline(reading.text, start + tag.end() + 1, reading.pieces[k].end)
                or _shapes.dateline(reading.text, start + tag.end(), reading.pieces[k].end)
                or _shapes.dash_dateline(reading.text, start + tag.end() + 1, reading.pieces[k].end)):
            reading.split(k, start + tag.end())  # "(MENAFN- ... (KUNA)) BRUSSELS, Oct 18 (KUNA) --"
        k += 1


def _glued_date(line: str) -> int | None:
    for match in _GLUED_DATE.finditer(line):
        head, rest = line[: match.start()], line[match.end() :]
        if len(head.split()) >= 2 and _dates.is_date_line(rest):
            return match.end()
    return None


def _apply_corrections(reading: Reading) -> None:
    fix = reading.fix
    if isinstance(fix.get("headline"), str):
        k = named(reading, "headline", fix["headline"])[0][0]
        reading.pieces[k].kind, reading.pieces[k].forced = C.HEADLINE, True
        reading.headline_at = k
    if "body_starts" in fix:
        k = named(reading, "body_starts", fix["body_starts"])[0][0]
        reading.pieces[k].kind, reading.pieces[k].forced = C.PARAGRAPH, True
        reading.body_start = k
    for key, kind in (("skip", C.SKIPPED), ("keep", C.PARAGRAPH)):
        for words in fix.get(key, ()):
            for k, _ in named(reading, key, words):
                piece = reading.pieces[k]
                if piece.forced and piece.kind != kind:
                    raise ArticleError(
                        f"{key}={words!r} names a line that another correction already names as {piece.kind}: "
                        "name each line in one correction only")
                piece.kind, piece.forced = kind, True
