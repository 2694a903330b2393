"""The :class:`Article` model: a news text split into headline, byline, dateline and paragraphs.

Every part keeps character offsets into the raw text, so anything computed on a
part (a token, an entity, a highlight) maps back to the exact characters of the
original file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union

from . import _columns as C
from ._seeds import seed_path
from .errors import ArticleError

__all__ = ["Article", "Part", "load_article", "ArticleSource", "ARTICLE_ENV"]

PartKind = Literal["headline", "byline", "dateline", "paragraph"]
ArticleSource = Union[str, os.PathLike, bytes, "Article", None]

#: Environment variable an instructor sets to swap in their own article.
ARTICLE_ENV = "NEWSLAB_ARTICLE"

_LINE = re.compile(r"[^\r\n]+")
_BYLINE = re.compile(r"^By\s+\S.{0,120}$")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’\- ]*)?)"
    r"(?:\s*\([^)]{1,40}\))?\s*[–—-]{1,2}\s+(?=\S)"
)
_HEADLINE_MAX = 200
_TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(frozen=True)
class Part:
    """One structural part of an article.

    Attributes:
        kind: ``"headline"``, ``"byline"``, ``"dateline"`` or ``"paragraph"``.
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
        """The names in the byline, without the leading "By"."""
        return None if self.byline is None else re.sub(r"^By\s+", "", self.byline.text)

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
            or else the bundled seed; a path to a UTF-8 text file; a string of article text;
            bytes of UTF-8 text; or an :class:`Article`, returned as is.
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
        return parse_article(_decode(source, where="the given bytes"), meta=meta)
    if isinstance(source, os.PathLike) or _looks_like_path(source):
        path = Path(source)
        text = _read(path)
        if not text.strip():  # name the file: in a list of many, the reader must know which one
            raise ArticleError(f"{path} is empty (or only whitespace): there is nothing to read")
        return parse_article(text, meta={**_sidecar_meta(path), "source": str(path), **(meta or {})})
    if not isinstance(source, str):
        raise ArticleError(f"cannot load an article from {type(source).__name__}; give text, bytes or a path")
    return parse_article(source, meta=meta)


def parse_article(text: str, *, meta: dict[str, Any] | None = None) -> Article:
    """Split raw article text into its parts.

    The first line is the headline when more lines follow and it reads like one (short, no
    final full stop); a following line that starts with "By" is the byline; an upper-case
    place followed by a dash at the start of the first body line is the dateline. Every other
    non-blank line is a paragraph.

    Examples:
        >>> article = parse_article("Big News Today\\nBy A. Writer\\nPARIS - It happened.")
        >>> [(part.kind, part.text) for part in article.parts]
        [('headline', 'Big News Today'), ('byline', 'By A. Writer'), ('dateline', 'PARIS'), ('paragraph', 'It happened.')]
    """
    if not isinstance(text, str):
        raise ArticleError(f"article text must be str, not {type(text).__name__}")
    if not text.strip():
        raise ArticleError("the article text is empty (or only whitespace): there is nothing to read")
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    lines = [_strip(text, start, end) for start, end in lines]
    parts: list[Part] = []
    if len(lines) > 1 and _is_headline(text[slice(*lines[0])]):
        parts.append(Part(C.HEADLINE, *lines[0], text[slice(*lines[0])]))
        lines = lines[1:]
    if len(lines) > 1 and _BYLINE.match(text[slice(*lines[0])]):
        parts.append(Part(C.BYLINE, *lines[0], text[slice(*lines[0])]))
        lines = lines[1:]
    if lines and (match := _DATELINE.match(text, lines[0][0], lines[0][1])):
        place_end = match.start() + len(match.group("place"))
        parts.append(Part(C.DATELINE, match.start(), place_end, match.group("place")))
        lines[0] = (match.end(), lines[0][1])
    parts += [Part(C.PARAGRAPH, s, e, text[s:e], i) for i, (s, e) in enumerate(lines)]
    return Article(text=text, parts=tuple(parts), meta=_default_meta(parts, meta))


def _default_meta(parts: list[Part], meta: dict[str, Any] | None) -> dict[str, Any]:
    found: dict[str, Any] = {"language": "en"}
    for part in parts:
        if part.kind == C.HEADLINE:
            found["title"] = part.text
        elif part.kind == C.BYLINE:
            found["byline"] = re.sub(r"^By\s+", "", part.text)
        elif part.kind == C.DATELINE:
            found["dateline"] = part.text
    return {**found, **(meta or {})}


def _is_headline(line: str) -> bool:
    return len(line) <= _HEADLINE_MAX and not line.rstrip().endswith((".", "!", ",", ";"))


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
    return Path(source).suffix.lower() in _TEXT_SUFFIXES or (os.sep in source and " " not in source)


def _read(path: Path) -> str:
    if path.is_dir():
        raise ArticleError(f"{path} is a directory; give the path of a text file inside it")
    if not path.exists():
        raise ArticleError(f"no such article file: {path}")
    return _decode(path.read_bytes(), where=str(path))


def _decode(data: bytes, *, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"{where} is not UTF-8 text: byte 0x{data[err.start]:02x} at position {err.start} "
            "cannot be decoded. Re-save it as UTF-8 (for example: iconv -f latin1 -t utf-8 in.txt > out.txt)."
        ) from None


def _sidecar_meta(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise ArticleError(f"the metadata file {sidecar} is not valid JSON: {err}") from None
    return data if isinstance(data, dict) else {}
