"""The :class:`Article` model: a news text split into headline, byline, dateline and paragraphs.

Every part keeps character offsets into the raw text, so anything computed on a
part (a token, an entity, a highlight) maps back to the exact characters of the
original file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, cast

from .. import columns as C
from ..errors import ArticleError
from ..io.sidecar import read_sidecar, sidecar_path
from ..io.text import decode, read_text
from ..seeds import lite_article, seed_path
from . import _corrections, _dates, _pieces, _reading, _shapes
from .html import HTML_SUFFIXES, is_html, read_html

__all__ = ["Article", "Part", "load_article", "ArticleSource", "ARTICLE_ENV", "is_title_case"]

PartKind = Literal[
    "headline", "byline", "dateline", "paragraph", "kicker", "date_line", "subhead", "caption", "credit",
    "standfirst", "repeated_headline", "promo", "related", "ad", "newsletter", "editor_note", "audio", "source",
    "author", "boilerplate", "skipped",
]
ArticleSource = Union[str, os.PathLike, bytes, "Article", None]

#: Environment variable an instructor sets to swap in their own article.
ARTICLE_ENV = "NEWSLAB_ARTICLE"

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
        """The names in the byline, without the leading "By" or an outlet or date after them (``None`` when the
        page printed the byline without its name: ``By  Sep 15, 2016``)."""
        return None if self.byline is None else _shapes.byline_fields(self.byline.text)["author"] or None

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


def load_article(source: ArticleSource = None, *, meta: dict[str, Any] | None = None,
                 headline: str | bool | None = None, body_starts: str | None = None,
                 skip: str | Sequence[str] | None = None, keep: str | Sequence[str] | None = None,
                 dateline: str | bool | None = None) -> Article:
    """Load an article from the bundled seed, a file, raw text or bytes.

    When the loader misreads a pasted article (``article.warnings`` and ``newslab teach
    check-article`` show what it read), one line corrects it. Each correction names lines by their
    first words, exactly as they appear in the text; each also works as the same key in the
    ``.json`` file beside the article, and an argument wins over the file:

    - ``headline="Riverton votes"``: the line that starts with these words is the headline (the
      whole line; a date glued to the end of a headline is split off before, as the loader always
      does); ``headline=False``: the article has no headline, and its first lines are body.
    - ``body_starts="The council voted"``: the body starts at this line; the lines above it are
      never paragraphs (the ones no form names become ``skipped``).
    - ``skip=["Share", "Oops!"]``: every line that starts with one of these is ``skipped``, never body.
    - ``keep=["Photo albums"]``: every line that starts with one of these is a body paragraph,
      whatever it looks like.
    - ``dateline="KYIV"``: the dateline is this text, at the start of a body line (its paragraph
      starts after the dash or colon that follows) or alone on its line; ``dateline=False``: none.

    Args:
        source: ``None`` for the article named by the ``NEWSLAB_ARTICLE`` environment variable
            or else the bundled seed; a path to a UTF-8 text file or an ``.html`` page; a string
            of article text; bytes of UTF-8 text; or an :class:`Article`, returned as is (or read
            again with the corrections given). An HTML page goes through trafilatura to the
            article's text (headline, byline, date, body).
        meta: Metadata to attach; it updates what is read from a ``.json`` file beside the text.
        headline: The headline's first words, or ``False`` for none (see above).
        body_starts: The first words of the first body paragraph.
        skip: The first words of each line that is not body text (a string or a list).
        keep: The first words of each line that is a body paragraph (a string or a list).
        dateline: The dateline as written, or ``False`` for none.

    Raises:
        ArticleError: if the text is empty or whitespace only, is not valid UTF-8, or the path
            is missing or a directory; or if a correction has the wrong type or names no line.

    Examples:
        >>> load_article().meta["date"]
        '2024-10-03'
        >>> load_article("Rutte visited Kyiv.").paragraphs[0].text
        'Rutte visited Kyiv.'
        >>> load_article("Share\\nRutte visited Kyiv.\\nHe left.", skip=["Share"]).parts[0].kind
        'skipped'
    """
    given = {"headline": headline, "body_starts": body_starts, "skip": skip, "keep": keep, "dateline": dateline}
    fix = _corrections.corrections(given, where="the arguments")
    if isinstance(source, Article):
        return source if not fix else parse_article(source.text, meta=source.meta, headline=headline,
                                                    body_starts=body_starts, skip=skip, keep=keep, dateline=dateline)
    if source is None:
        source = os.environ.get(ARTICLE_ENV) or lite_article() or seed_path()
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
        sidecar = read_sidecar(path)
        from_file = _corrections.corrections(sidecar, where=str(sidecar_path(path)))
        known = {key: value for key, value in sidecar.items() if key not in _corrections.KEYS or key == "dateline"}
        if sidecar.get("dateline") is False:
            known.pop("dateline")
        return parse_article(text, meta={**found, **known, C.SOURCE: str(path), **(meta or {}),
                                         _corrections.META_KEY: {**from_file, **fix}})
    if not isinstance(source, str):
        raise ArticleError(f"cannot load an article from {type(source).__name__}; give text, bytes or a path")
    if is_html(source):
        source, found = read_html(source, where="the given HTML")
        meta = {**found, **(meta or {})}
    return parse_article(source, meta=meta, headline=headline, body_starts=body_starts, skip=skip, keep=keep,
                         dateline=dateline)


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


def parse_article(text: str, *, meta: dict[str, Any] | None = None, headline: str | bool | None = None,
                  body_starts: str | None = None, skip: str | Sequence[str] | None = None,
                  keep: str | Sequence[str] | None = None, dateline: str | bool | None = None) -> Article:
    """Split raw article text into its parts.

    Above the body: a kicker (section label), the headline, then bylines (``By ...`` in any case,
    ``Author: ...``, an agency alone), date lines (``Published 3 October 2024``, ``15 minutes ago``),
    captions and the page furniture readers paste with an article (promo, related, ad, newsletter,
    audio, source and author lines, repeated headlines, a standfirst). At the start of the body (in
    its first three lines): a dateline (``KYIV, Oct 3 (Reuters) -``). Inside the body: subheads,
    captions, related links, ads and credits (``(Reporting by ...)``, also at the end of the last
    paragraph). Every other line is a paragraph, except in hard-wrapped text, where the lines of a
    paragraph are joined (offsets still point into the raw text). What the loader is not sure of
    is listed in ``article.warnings``, in plain words that quote the line.

    The keyword arguments correct a misread (see :func:`load_article`); the corrections applied
    are kept in ``article.meta["corrections"]``, and ``meta["corrections"]`` is read when given.

    Examples:
        >>> article = parse_article("Big News Today\\nBy A. Writer\\nPARIS - It happened.")
        >>> [(part.kind, part.text) for part in article.parts]
        [('headline', 'Big News Today'), ('byline', 'By A. Writer'), ('dateline', 'PARIS'), ('paragraph', 'It happened.')]
        >>> parse_article("Kyiv\\nBY MAX HUNDER\\nKYIV, Oct 3 (Reuters) - Rutte came.").meta["agency"]
        'Reuters'
        >>> parse_article("Share\\nRutte came to Kyiv.\\nHe left.", skip="Rutte came").paragraphs[0].text
        'He left.'
    """
    if not isinstance(text, str):
        raise ArticleError(f"article text must be str, not {type(text).__name__}")
    if not text.strip():
        raise ArticleError("the article text is empty (or only whitespace): there is nothing to read")
    given = {"headline": headline, "body_starts": body_starts, "skip": skip, "keep": keep, "dateline": dateline}
    fix = {**_corrections.corrections(dict((meta or {}).get(_corrections.META_KEY) or {}), where="meta"),
           **_corrections.corrections(given, where="the arguments")}
    reading = _reading.read(text, fix)
    parts = _numbered([Part(cast(PartKind, piece.kind or C.PARAGRAPH), piece.start, piece.end,
                            text[piece.start:piece.end]) for piece in reading.pieces])
    warnings = reading.final_warnings() + _warnings(parts)
    known = dict(meta or {})
    known.pop(_corrections.META_KEY, None)
    if fix:
        known[_corrections.META_KEY] = fix
    return Article(text=text, parts=tuple(parts), meta=_default_meta(parts, reading.found, known),
                   warnings=tuple(warnings))


def _numbered(parts: list[Part]) -> list[Part]:
    """Number each part among the parts of its kind (paragraph 0, 1, ...)."""
    counts: dict[str, int] = {}
    numbered = []
    for part in parts:
        numbered.append(Part(part.kind, part.start, part.end, part.text, counts.get(part.kind, 0)))
        counts[part.kind] = counts.get(part.kind, 0) + 1
    return numbered


def _warnings(parts: list[Part]) -> list[str]:
    kinds = [part.kind for part in parts]
    headline = next((part.text for part in parts if part.kind == C.HEADLINE), None)
    warnings = []
    if headline is not None and len(headline.split()) == 1:
        warnings.append(f"one-word headline ({headline!r}): check that the first line really is the headline")
    if headline is not None and _shapes.ends_in_quote(headline):
        warnings.append("the headline ends in a quotation mark: check that it is not the first paragraph")
    if headline is None and len(parts) > 1 and C.PARAGRAPH in kinds:
        first = next(part.text for part in parts if part.kind == C.PARAGRAPH)
        warnings.append(f"no headline found: the first line, {_pieces.quote(first)}, reads like body text; if "
                        f'the article has a headline, pass headline="<its first words>"')
    if C.PARAGRAPH not in kinds:
        warnings.append("no body: no line reads like a paragraph")
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
            if author := fields.pop("author"):
                known["byline"] = author
            known.update({key: value for key, value in fields.items() if key not in known})
        elif part.kind == C.DATELINE:
            known["dateline"] = part.text
        elif part.kind == C.DATE_LINE and "date" not in known and (date := _dates.iso_date(part.text)):
            known["date"] = date
    if found.get("agency"):
        known["agency"] = found["agency"]
    if "date" not in known and found.get("date") and (date := _dates.iso_date(found["date"])):
        known["date"] = date
    return {**known, **(meta or {})}


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

