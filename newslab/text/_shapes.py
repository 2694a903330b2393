"""Recognisers for the lines of real news texts: datelines, bylines, date lines, credits.

Private to :mod:`newslab.text.article`. Each recogniser looks at one line (or one line-length
profile) and says what it is; :func:`newslab.text.article.parse_article` decides the order.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY_MONTH_YEAR = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
_MONTH_DAY_YEAR = rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_DATE = re.compile(rf"\b(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO})\b", re.IGNORECASE)

#: Words that may surround a date on a date line ("Published Thursday 3 October 2024, 10:15 GMT").
_DATE_LINE_FILLER = re.compile(
    r"(?i:\b(?:published|updated|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|ago|min|mins|read|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?)"
    r"|\b[A-Z]{2,5}\b|\d{1,2}[:.]\d{2}|[+-]\d{1,2}\b",
)

_PLACE = r"[A-Z][A-Z.'’\-]*[A-Z.](?:\s+[A-Z][A-Z.'’\-]*[A-Z.])*"
_REGION = rf"(?!{_MONTH}\b)[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*)*"
_DATELINE_DATE = rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}\.?(?:\s+\d{{4}})?)"
#: ``KYIV -``, ``KYIV, Ukraine (AP) —``, ``KYIV, Oct 3 (Reuters) -``, ``KYIV, October 3, 2024 —``.
DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_REGION}))?(?:,\s*(?P<date>{_DATELINE_DATE}))?"
    r"(?:\s*\((?P<agency>[^)]{1,40})\))?\s*[–—-]{1,2}\s+(?=\S)"
)

_BYLINE = re.compile(r"^by\s+(?=(?-i:[A-Z]))(?P<rest>.{1,120})$", re.IGNORECASE)  # names start upper case
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·;]\s*|\s+[–—-]\s+")
_OUTLET = re.compile(
    r"^(?:Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|The\s.+|"
    r".+\b(?:News|Times|Post|Press|Herald|Guardian|Journal|Telegraph|Tribune|Gazette|Correspondent)s?)$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|research|graphics|translation)\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story)\b|^\(?\s*(?:©|copyright\b)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?i:photo|image|picture|caption|pictured|file photo|photograph)\b\s*[:|]"
    r"|(?:REUTERS|AP Photo|AFP|Getty Images)\s*/\s*\w[^.]{0,60}\)?$"
    r"|\b(?:Photograph|Photo|Image)(?:\s+by)?:\s*[^.]{2,60}$"
)
_CLOSING_QUOTES = "\"”’'»"
_SENTENCE_END = tuple(".!?")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of off on onto or over per the to up via vs with".split()
)


def iso_date(text: str, *, year: int | None = None) -> str | None:
    """The first calendar date in ``text`` as ``YYYY-MM-DD`` (``year`` fills a missing year)."""
    for match in _DATE.finditer(text):
        parts = match.groupdict()
        day = parts["d1"] or parts["d2"] or parts["d3"]
        month_text = parts["m1"] or parts["m2"] or parts["m3"]
        found_year = parts["y1"] or parts["y2"] or parts["y3"] or year
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:4].lower(),
                                                                           _MONTHS.get(month_text[:3].lower()))
        try:
            return dt.date(int(found_year), int(month or 0), int(day)).isoformat()  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return None


def is_date_line(line: str) -> bool:
    """A line that holds a dated timestamp and nothing else ("Published 14 May 2025")."""
    match = _DATE.search(line)
    if match is None or len(line.split()) > 14 or iso_date(match.group()) is None:
        return False
    rest = _DATE_LINE_FILLER.sub(" ", line[: match.start()] + " " + line[match.end() :])
    return not re.search(r"[^\W\d_]{2,}", rest)


def dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """Match a dateline at ``text[start:end]`` (the first body line)."""
    return DATELINE.match(text, start, end)


def is_byline(line: str) -> bool:
    """``By Max Hunder``, ``BY MAX HUNDER``, ``By Jo Reporter, The Riverton Times``."""
    return bool(_BYLINE.match(line)) and not line.rstrip().endswith((".", "!", "?", ":"))


def byline_fields(line: str) -> dict[str, str]:
    """Split a byline into ``author`` and, where given, ``outlet`` and ``date`` (ISO)."""
    rest = re.sub(r"^by\s+", "", line.strip(), flags=re.IGNORECASE)
    pieces = [p for p in _BYLINE_SEPARATOR.split(rest) if p.strip()]
    extra = pieces[1:]
    if (dated := _DATE.search(pieces[0])) is not None:  # "By Jo Reporter, October 3, 2031"
        extra.insert(0, dated.group())
        pieces[0] = pieces[0][: dated.start()].rstrip(" ,") + pieces[0][dated.end() :]
    names = pieces[0].split(",")
    while len(names) > 1 and (_OUTLET.match(names[-1].strip()) or iso_date(names[-1])):
        extra.insert(0, names.pop())
    fields = {"author": ",".join(names).strip()}
    for piece in (p.strip() for p in extra):
        if (date := iso_date(piece)) is not None:
            fields.setdefault("date", date)
        elif piece:
            fields.setdefault("outlet", piece)
    return fields


def is_credit(line: str) -> bool:
    """``(Reporting by ...; Editing by ...)``, ``... contributed to this report.``, ``© 2024 ...``."""
    return bool(_CREDIT.search(line)) and len(line.split()) <= 60


def is_caption(line: str) -> bool:
    """A photo caption or photo credit line."""
    return bool(_CAPTION.search(line.strip()))


def ends_sentence(line: str) -> bool:
    """The line ends with ``.``, ``!`` or ``?``, maybe followed by closing quotes or a bracket."""
    return line.rstrip().rstrip(_CLOSING_QUOTES + ")]").endswith(_SENTENCE_END)


def ends_in_quote(line: str) -> bool:
    return line.rstrip().endswith(tuple(_CLOSING_QUOTES))


def is_headline(line: str, *, next_line: str | None) -> bool:
    """Short, not a sentence, not a dateline, and the next line does not continue it."""
    bare = line.rstrip().rstrip(_CLOSING_QUOTES)
    if len(line) > 200 or bare.endswith((".", "!", ",", ";", ":")) or DATELINE.match(line):
        return False
    if ends_in_quote(line) and (bare.endswith("?") or len(line.split()) > 15):
        return False  # the closing quotation of a lede, not a headline
    return next_line is not None and (not next_line[:1].islower() or is_byline(next_line))


def is_kicker(line: str, *, next_line: str | None) -> bool:
    """A section label or kicker above the headline ("Ukraine", "World news")."""
    words = line.split()
    short = (len(words) <= 2 and len(line) <= 25) or (line.isupper() and len(words) <= 4)
    return (next_line is not None and short and not ends_sentence(line)
            and not line.rstrip().endswith((",", ";", ":")) and len(next_line.split()) >= len(words) + 2)


def is_subhead(line: str) -> bool:
    """A short heading inside the body: a few words and no closing punctuation."""
    words = line.split()
    return (1 <= len(words) <= 10 and len(line) <= 90 and not ends_in_quote(line)
            and not line.rstrip().endswith((".", "!", "?", ",", ";", ":", ")"))
            and not line.lstrip().startswith(("“", '"', "‘", "(", "-", "•", "*")))


def title_case(headline: str) -> bool:
    """See :func:`newslab.text.article.is_title_case`."""
    words = re.findall(r"[^\W\d_][\w’'-]*", headline)[1:]
    counted = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(counted) < 2 or all(w.isupper() for w in counted):
        return False
    capitalized = sum(1 for w in counted if w[:1].isupper())
    return capitalized / len(counted) >= 0.8


def wrap_width(lines: list[str]) -> int | None:
    """The wrap width if ``lines`` look hard-wrapped (e-mail, PDF), else ``None``.

    Hard-wrapped text has lines of nearly the same length, at most about 100 characters,
    most of which stop in the middle of a sentence.
    """
    if len(lines) < 4:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 100:
        return None
    long_lines = [line for line in lines if len(line) >= 0.7 * width]
    open_lines = [line for line in long_lines if not ends_sentence(line)]
    if len(long_lines) >= 0.5 * len(lines) and len(open_lines) >= 0.5 * len(long_lines):
        return int(statistics.median(len(line) for line in long_lines))
    return None
