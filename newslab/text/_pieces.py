"""The state of a reading: the pieces of the text, what each is, and the warnings so far.

Private to :mod:`newslab.text`; shared by :mod:`~newslab.text._front` and
:mod:`~newslab.text._reading`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import columns as C
from . import _boilerplate, _dates, _shapes
from ._corrections import not_found

_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
_STOP = frozenset("that this with from have has been were will would their there they them about after also "
                  "into over said says than more most other some such what when which while your ours".split())
#: How a warning names each kind of line.
KIND_WORDS = {
    C.BOILERPLATE: "page furniture (a link, button or widget)", C.AD: "an advertisement line",
    C.NEWSLETTER: "a newsletter sign-up line", C.PROMO: "a promo line", C.RELATED: "a related-article link",
    C.EDITOR_NOTE: "an editor's note", C.AUDIO: "an audio-version note", C.SOURCE_LINE: "a source line",
    C.AUTHOR: "an author line", C.CAPTION: "a photo caption", C.DATE_LINE: "a date line", C.BYLINE: "a byline",
}


@dataclass
class Piece:
    """A line of the text, or part of one; ``kind`` is ``None`` until the reading names it."""

    start: int
    end: int
    gap: bool = False  # a blank line separates it from the line before
    kind: str | None = None
    forced: bool = False  # named by a correction: the reading leaves it alone


@dataclass
class Reading:
    text: str
    fix: dict[str, Any]
    pieces: list[Piece] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    found: dict[str, Any] = field(default_factory=dict)
    grouped: dict[str, list[str]] = field(default_factory=dict)
    body_start: int | None = None
    headline_at: int | None = None
    width: int | None = None

    def line(self, k: int) -> str:
        return self.text[self.pieces[k].start : self.pieces[k].end]

    def lines(self) -> list[str]:
        return [self.line(k) for k in range(len(self.pieces))]

    def kind(self, k: int) -> str | None:
        return self.pieces[k].kind if 0 <= k < len(self.pieces) else None

    def free(self, k: int) -> bool:
        """Not yet named, and not named by a correction."""
        return 0 <= k < len(self.pieces) and self.pieces[k].kind is None and not self.pieces[k].forced

    def set(self, k: int, kind: str) -> None:
        if not self.pieces[k].forced:
            self.pieces[k].kind = kind

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def warn_each(self, what: str, line: str, fix: str) -> None:
        """One warning for every line read the same doubtful way: ``read "a…", "b…" as <what>; <fix>``."""
        key = f"{what}\x00{fix}"
        if key not in self.grouped:
            self.grouped[key] = []
            self.warnings.append(key)
        self.grouped[key].append(line)

    def final_warnings(self) -> list[str]:
        """The warnings, each group of lines read the same way said once, quoting every line."""
        said = []
        for warning in self.warnings:
            if warning in self.grouped:
                what, fix = warning.split("\x00")
                lines = self.grouped[warning]
                words = ", ".join(f'"{first_words(line)}"' for line in lines)
                said.append(f"read {', '.join(quote(line) for line in lines)} as {what}; "
                            + fix.replace("{words}", words))
            else:
                said.append(warning)
        return said

    def split(self, k: int, at: int) -> None:
        """Cut piece ``k`` at offset ``at``; both halves lose the blanks at the cut."""
        piece = self.pieces[k]
        left_end, right_start = at, at
        while left_end > piece.start and self.text[left_end - 1].isspace():
            left_end -= 1
        while right_start < piece.end and self.text[right_start].isspace():
            right_start += 1
        if left_end <= piece.start or right_start >= piece.end:
            return
        self.pieces[k : k + 1] = [Piece(piece.start, left_end, piece.gap, piece.kind, piece.forced),
                                  Piece(right_start, piece.end)]


def quote(line: str, words: int = 5) -> str:
    """The first words of a line, in quotation marks, as a warning shows them."""
    said = line.split()
    return '"' + " ".join(said[:words]) + ("…" if len(said) > words else "") + '"'


def first_words(line: str, words: int = 5) -> str:
    return " ".join(line.split()[:words])


def content_words(line: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(line)} - _STOP


def opens_body(reading: Reading, k: int) -> bool:
    """A line the body could start with: a sentence, a bullet, a dateline, or a kept line."""
    piece = reading.pieces[k]
    if piece.forced:
        return piece.kind == C.PARAGRAPH
    if piece.kind is not None:
        return False
    line = reading.line(k)
    if _shapes.is_byline(line):  # "- Olga R. Rodriguez" is a byline, not a list item
        return False
    if _shapes.is_bullet(line) or _shapes.dateline(reading.text, piece.start, piece.end):
        return True
    if line[:1].islower() and len(line.split()) <= 8 and not _shapes.ends_sentence(line):
        return False  # "watch One-Minute World News": a widget's label, not the first words of a story
    return not (headline_shaped(line) or _shapes.own_line_dateline(line) or title_over_bullets(reading, k))


def title_over_bullets(reading: Reading, k: int) -> bool:
    """The first line of the text over bullet points, without a closing stop: a long headline (the Daily Mail's
    run to fifty words) over its summary."""
    line = reading.line(k).rstrip()
    return (all(reading.pieces[j].kind is not None for j in range(k)) and k + 1 < len(reading.pieces)
            and _shapes.is_bullet(reading.line(k + 1)) and not line.endswith((".", ",", ";", ":"))
            and len(line.split()) <= 80 and not _shapes.is_bullet(line) and not line[:1].islower())


def headline_shaped(line: str) -> bool:
    """Could be a headline: no closing stop, not too long, not a list item, not a lede's closing quote."""
    bare = line.strip().rstrip(_shapes.CLOSING_QUOTES).rstrip()
    if _shapes.ends_in_quote(line) and (bare.endswith("?") or len(line.split()) > 15):
        return False  # the closing quotation of a lede
    stop = bare.endswith((",", ";", ":")) or (bare.endswith(".") and not (  # a Title Case line may end in a stop
        len(line.split()) <= 20 and _shapes.title_case(bare) and not bare.endswith("..")) and not (
        len(line.split()) <= 20 and _shapes.ends_in_abbreviation(bare)))
    return (len(line) <= 220 and len(line.split()) <= 40 and not stop
            and not line[:1].islower() and not _shapes.is_bullet(line))


def named(reading: Reading, key: str, words: str) -> list[tuple[int, int]]:
    """The pieces that start with ``words``, and where the words end in each; an error if none does."""
    pattern = re.compile(r"\s+".join(map(re.escape, words.split())))
    found = [(k, m.end()) for k in range(len(reading.pieces)) if (m := pattern.match(reading.line(k)))]
    if not found:
        raise not_found(key, words)
    return found


def shape(reading: Reading, k: int) -> str | None:
    """The kind a line has by its form alone (page furniture, credit, caption, date line)."""
    line = reading.line(k)
    bare = line.strip().lstrip("•·*/").strip()
    if bare[:2] in ("- ", "– ") and _boilerplate.furniture(bare[2:]) is not None:
        bare = bare[2:].strip()  # "- Be the first of your friends!": furniture in a list
    if not bare:
        return C.BOILERPLATE
    kind = _boilerplate.furniture(bare)
    if kind is None and line.strip() != bare:  # "/ Front page / News", "· CNA · Join": the mark is part of the form
        kind = _boilerplate.furniture(line.strip())
    if kind is not None:
        if len(bare.split()) > 12 and kind != C.RELATED:  # a long line under a short form: say so
            reading.warn_each(f"{KIND_WORDS.get(kind, kind)}, not as a paragraph", line,
                              "if one is a paragraph, pass keep=[{words}]")
        return kind
    if _shapes.is_credit(bare):
        return C.CREDIT
    if _shapes.is_caption(bare):
        return C.CAPTION
    if _dates.is_date_line(bare):
        return C.DATE_LINE
    return None
