"""The :class:`Article` model: a news text split into headline, byline, dateline and paragraphs.

Every part keeps character offsets into the raw text, so anything computed on a
part (a token, an entity, a highlight) maps back to the exact characters of the
original file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple, Union

from .. import columns as C
from ..errors import ArticleError
from ..io.sidecar import read_sidecar
from ..io.text import decode, read_text
from ..seeds import seed_path
from . import _shapes
from .html import HTML_SUFFIXES, is_html, read_html

__all__ = ["Article", "Part", "load_article", "ArticleSource", "ARTICLE_ENV", "is_title_case"]

PartKind = Literal[
    "headline", "byline", "dateline", "paragraph", "kicker", "date_line", "subhead", "caption", "credit"
]
ArticleSource = Union[str, os.PathLike, bytes, "Article", None]

#: Environment variable an instructor sets to swap in their own article.
ARTICLE_ENV = "NEWSLAB_ARTICLE"

_LINE = re.compile(r"[^\r\n]+")
_TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(frozen=True)
class Part:
    """One structural part of an article.

    Attributes:
        kind: ``"headline"``, ``"byline"``, ``"dateline"``, ``"paragraph"``, or one of the parts
            that are not body text: ``"kicker"``, ``"date_line"``, ``"subhead"``, ``"caption"``,
            ``"credit"``.
        start: Offset of the first character in the raw text.
        end: Offset one past the last character (exclusive).
        text: Exactly ``article.text[start:end]``.
        index: Position among the parts of the same kind (paragraph number).
    """

    kind: PartKind
    start: int
    end: int
    text: str
    index: int = 0


@dataclass(frozen=True)
class Article:
    """A news article and its structure.

    Attributes:
        text: The raw text, exactly as read.
        parts: Headline, byline, dateline and paragraphs, in reading order.
        meta: Title, byline, dateline, date, language and source, where known.
        warnings: Dubious structure, in plain words (empty when the article looks well formed).

    Examples:
        >>> article = load_article()
        >>> article.headline.text
        'New NATO Chief Rutte Reaffirms Support for Ukraine During Kyiv Visit'
        >>> article.text[article.dateline.start:article.dateline.end]
        'KYIV'
        >>> len(article.paragraphs)
        9
    """

    text: str
    parts: tuple[Part, ...]
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def _first(self, kind: PartKind) -> Part | None:
        return next((part for part in self.parts if part.kind == kind), None)

    @property
    def headline(self) -> Part | None:
        """The headline, if the text has one."""
        return self._first(C.HEADLINE)

    @property
    def byline(self) -> Part | None:
        """The byline line (``"By ..."``), if any."""
        return self._first(C.BYLINE)

    @property
    def dateline(self) -> Part | None:
        """The dateline place (``"KYIV"``), if any."""
        return self._first(C.DATELINE)

    @property
    def paragraphs(self) -> tuple[Part, ...]:
        """The body paragraphs, in order."""
        return tuple(part for part in self.parts if part.kind == C.PARAGRAPH)

    @property
    def author(self) -> str | None:
        """The names in the byline, without the leading "By" or an outlet or date after them."""
        return None if self.byline is None else _shapes.byline_fields(self.byline.text)["author"]

    @property
    def title(self) -> str:
        """The title from the metadata, else the headline, else the first words."""
        if self.meta.get("title"):
            return str(self.meta["title"])
        if self.headline is not None:
            return self.headline.text
        return " ".join(self.text.split()[:8])

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (offsets do not apply to this string)."""
        return "\n\n".join(part.text for part in self.paragraphs)

    def __iter__(self) -> Iterator[Part]:
        return iter(self.parts)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def segments(self) -> list[tuple[int, int]]:
        """Cut the raw text into consecutive pieces, one per part, that cover it exactly.

        Each piece runs from the start of its part's line (or the part itself) to the start
        of the next piece, so separators stay with the part before them. The pipeline parses
        each piece on its own: a headline is never read as the start of a body sentence.
        """
        cuts = sorted({self._cut(part) for part in self.parts} | {0})
        bounds = cuts + [len(self.text)]
        return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]

    def _cut(self, part: Part) -> int:
        line_start = self.text.rfind("\n", 0, part.start) + 1
        before = self.text[line_start : part.start]
        # A paragraph that follows a dateline on the same line starts where it starts;
        # every other part starts at the beginning of its line.
        return part.start if before.strip() else line_start


def load_article(source: ArticleSource = None, *, meta: dict[str, Any] | None = None) -> Article:
    """Load an article from the bundled seed, a file, raw text or bytes.

    Args:
        source: ``None`` for the article named by the ``NEWSLAB_ARTICLE`` environment variable
            or else the bundled seed; a path to a UTF-8 text file or an ``.html`` page; a string
            of article text; bytes of UTF-8 text; or an :class:`Article`, returned as is. An HTML
            page goes through trafilatura to the article's text (headline, byline, date, body).
        meta: Metadata to attach; it updates what is read from a ``.json`` file beside the text.

    Raises:
        ArticleError: if the text is empty or whitespace only, is not valid UTF-8, or the path
            is missing or a directory.

    Examples:
        >>> load_article().meta["date"]
        '2024-10-03'
        >>> load_article("Rutte visited Kyiv.").paragraphs[0].text
        'Rutte visited Kyiv.'
    """
    if isinstance(source, Article):
        return source
    if source is None:
        source = os.environ.get(ARTICLE_ENV) or seed_path()
    if isinstance(source, bytes):
        source = _decode(source, where="the given bytes")
    elif isinstance(source, os.PathLike) or _looks_like_path(source):
        path = Path(source)
        text = _read(path)
        if not text.strip():  # name the file: in a list of many, the reader must know which one
            raise ArticleError(f"{path} is empty (or only whitespace): there is nothing to read")
        found: dict[str, Any] = {}
        if is_html(text, path.suffix):
            text, found = read_html(text, where=str(path))
        return parse_article(text, meta={**found, **read_sidecar(path), C.SOURCE: str(path), **(meta or {})})
    if not isinstance(source, str):
        raise ArticleError(f"cannot load an article from {type(source).__name__}; give text, bytes or a path")
    if is_html(source):
        source, found = read_html(source, where="the given HTML")
        meta = {**found, **(meta or {})}
    return parse_article(source, meta=meta)


def is_title_case(headline: str) -> bool:
    """Whether a headline is written in Title Case: most words that are not small words are capitalized.

    The first word and small words ("of", "for", "the") do not count; at least two words must
    count, and a headline in capitals only is not Title Case.

    Examples:
        >>> is_title_case("New NATO Chief Rutte Reaffirms Support for Ukraine During Kyiv Visit")
        True
        >>> is_title_case("Rutte reaffirms support for Ukraine during Kyiv visit")
        False
    """
    return _shapes.title_case(headline)


def parse_article(text: str, *, meta: dict[str, Any] | None = None) -> Article:
    """Split raw article text into its parts.

    Above the body: a kicker (section label), the headline (short, not a sentence), then
    bylines (``By ...`` in any case), date lines (``Published 3 October 2024``) and captions.
    At the start of the body: a dateline (``KYIV, Oct 3 (Reuters) -``). Inside the body:
    subheads, captions, date lines and credit trailers (``(Reporting by ...)``). Every other
    line is a paragraph, except in hard-wrapped text, where the lines of a paragraph are
    joined (offsets still point into the raw text). Dubious structure is listed in
    ``article.warnings``.

    Examples:
        >>> article = parse_article("Big News Today\\nBy A. Writer\\nPARIS - It happened.")
        >>> [(part.kind, part.text) for part in article.parts]
        [('headline', 'Big News Today'), ('byline', 'By A. Writer'), ('dateline', 'PARIS'), ('paragraph', 'It happened.')]
        >>> parse_article("Kyiv\\nBY MAX HUNDER\\nKYIV, Oct 3 (Reuters) - Rutte came.").meta["agency"]
        'Reuters'
    """
    if not isinstance(text, str):
        raise ArticleError(f"article text must be str, not {type(text).__name__}")
    if not text.strip():
        raise ArticleError("the article text is empty (or only whitespace): there is nothing to read")
    lines = _lines(text)
    front, first_body = _front_matter(text, lines)
    width = _shapes.wrap_width([text[s:e] for s, e, _ in lines[first_body:]])
    groups = _paragraph_groups(text, lines[first_body:], width)
    found: dict[str, Any] = {}
    parts = _numbered(front + _body(text, groups, found))
    warnings = _warnings(text, parts, lines[first_body:], groups, width)
    return Article(text=text, parts=tuple(parts), meta=_default_meta(parts, found, meta),
                   warnings=tuple(warnings))


class _Line(NamedTuple):
    start: int
    end: int
    gap: bool  # a blank line separates it from the line before


def _lines(text: str) -> list[_Line]:
    found: list[_Line] = []
    previous = 0
    for match in _LINE.finditer(text):
        if match.group().strip():
            start, end = _strip(text, match.start(), match.end())
            found.append(_Line(start, end, text.count("\n", previous, start) >= 2))
            previous = end
    return found


def _front_matter(text: str, lines: list[_Line]) -> tuple[list[Part], int]:
    """Kicker, headline, then bylines, date lines and captions; returns them and the first body line."""
    said = [text[s:e] for s, e, _ in lines]

    def after(k: int) -> str | None:
        return said[k + 1] if k + 1 < len(said) else None

    parts: list[Part] = []
    i = 0
    if (len(lines) > 2 and _shapes.is_kicker(said[0], next_line=said[1]) and not _front_kind(said[1])
            and _shapes.is_headline(said[1], next_line=said[2])):
        parts.append(Part(C.KICKER, lines[0].start, lines[0].end, said[0]))
        i = 1
    if i < len(lines) - 1 and _shapes.is_headline(said[i], next_line=after(i)) and not _front_kind(said[i]):
        parts.append(Part(C.HEADLINE, lines[i].start, lines[i].end, said[i]))
        i += 1
    while i < len(lines) - 1 and (kind := _front_kind(said[i])):
        parts.append(Part(kind, lines[i].start, lines[i].end, said[i]))
        i += 1
    return parts, i


def _front_kind(line: str) -> PartKind | None:
    if _shapes.is_byline(line):
        return C.BYLINE
    if _shapes.is_date_line(line):
        return C.DATE_LINE
    return C.CAPTION if _shapes.is_caption(line) else None


def _paragraph_groups(text: str, lines: list[_Line], width: int | None) -> list[tuple[int, int]]:
    """One ``(start, end)`` per paragraph: a line each, or the joined lines of hard-wrapped text."""
    if width is None:
        return [(s, e) for s, e, _ in lines]
    by_gap = any(line.gap for line in lines[1:])
    column = max(end - start for start, end, _ in lines)
    groups = [(lines[0].start, lines[0].end)]
    for before, line in zip(lines, lines[1:]):
        # Without blank lines, a line ends its paragraph when the next word would have fit on it.
        fits = before.end - before.start + 1 + len(text[line.start : line.end].split()[0]) <= column
        joined = not line.gap if by_gap else not fits
        groups[-1:] = [(groups[-1][0], line.end)] if joined else [groups[-1], (line.start, line.end)]
    return groups


def _body(text: str, groups: list[tuple[int, int]], found: dict[str, Any]) -> list[Part]:
    parts: list[Part] = []
    seen_paragraph = False
    for k, (start, end) in enumerate(groups):
        line = text[start:end]
        kind = _body_kind(line, inner=seen_paragraph and k < len(groups) - 1)
        if kind == C.PARAGRAPH and not seen_paragraph and (match := _shapes.dateline(text, start, end)):
            place_end = match.end("region") if match.group("region") else match.end("place")
            parts.append(Part(C.DATELINE, match.start(), place_end, text[match.start() : place_end]))
            found.update({key: value for key, value in match.groupdict().items() if value})
            start = match.end()
        seen_paragraph = seen_paragraph or kind == C.PARAGRAPH
        parts.append(Part(kind, start, end, text[start:end]))
    return parts


def _body_kind(line: str, *, inner: bool) -> PartKind:
    if _shapes.is_credit(line):
        return C.CREDIT
    if _shapes.is_caption(line):
        return C.CAPTION
    if _shapes.is_date_line(line):
        return C.DATE_LINE
    return C.SUBHEAD if inner and "\n" not in line and _shapes.is_subhead(line) else C.PARAGRAPH


def _numbered(parts: list[Part]) -> list[Part]:
    """Number each part among the parts of its kind (paragraph 0, 1, ...)."""
    counts: dict[str, int] = {}
    numbered = []
    for part in parts:
        numbered.append(Part(part.kind, part.start, part.end, part.text, counts.get(part.kind, 0)))
        counts[part.kind] = counts.get(part.kind, 0) + 1
    return numbered


def _warnings(text: str, parts: list[Part], body: list[_Line], groups: list[tuple[int, int]],
              width: int | None) -> list[str]:
    kinds = [part.kind for part in parts]
    headline = next((part.text for part in parts if part.kind == C.HEADLINE), None)
    warnings = []
    if headline is not None and len(headline.split()) == 1:
        warnings.append(f"one-word headline ({headline!r}): check that the first line really is the headline")
    if headline is not None and _shapes.ends_in_quote(headline):
        warnings.append("the headline ends in a quotation mark: check that it is not the first paragraph")
    if headline is None and len(parts) > 1:
        warnings.append("no headline found: the first line reads like body text")
    if C.PARAGRAPH not in kinds:
        warnings.append("no body: no line reads like a paragraph")
    if width is not None and len(groups) < len(body):
        warnings.append(f"lines joined: the text looks hard-wrapped (lines of about {width} characters), "
                        f"so {len(body)} lines were read as {len(groups)} paragraphs")
    return warnings


def _default_meta(parts: list[Part], found: dict[str, Any], meta: dict[str, Any] | None) -> dict[str, Any]:
    known: dict[str, Any] = {"language": "en"}
    for part in parts:
        if part.kind == C.HEADLINE:
            known["title"] = part.text
        elif part.kind == C.KICKER:
            known["kicker"] = part.text
        elif part.kind == C.BYLINE and "byline" not in known:
            fields = _shapes.byline_fields(part.text)
            known["byline"] = fields.pop("author")
            known.update({key: value for key, value in fields.items() if key not in known})
        elif part.kind == C.DATELINE:
            known["dateline"] = part.text
        elif part.kind == C.DATE_LINE and "date" not in known and (date := _shapes.iso_date(part.text)):
            known["date"] = date
    if found.get("agency"):
        known["agency"] = found["agency"]
    if "date" not in known and found.get("date") and (date := _shapes.iso_date(found["date"])):
        known["date"] = date
    return {**known, **(meta or {})}


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_path(source: object) -> bool:
    if not isinstance(source, str) or not source.strip() or "\n" in source or len(source) > 1024:
        return False
    if Path(source).exists():
        return True
    suffix = Path(source).suffix.lower()
    return suffix in _TEXT_SUFFIXES | HTML_SUFFIXES or (os.sep in source and " " not in source)


def _read(path: Path) -> str:
    if path.is_dir():
        raise ArticleError(f"{path} is a directory; give the path of a text file inside it")
    if not path.exists():
        raise ArticleError(f"no such article file: {path}")
    return read_text(path)


def _decode(data: bytes, *, where: str) -> str:
    return decode(data, path=None if where == "the given bytes" else where)

