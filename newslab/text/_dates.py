"""Dates and date lines: ``Published 3 October 2024, last updated 2 hours ago``, ``15 minutes ago``.

Private to :mod:`newslab.text`: :func:`iso_date` reads the first calendar date of a text, and
:func:`is_date_line` tells a line that holds only a timestamp from a sentence that holds a date.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY_MONTH_YEAR = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})\.?,?\s+(?P<y1>\d{{4}})"
# "October 3, 2024", "Oct. 3 2024", and the "October 03,2024" of some sites (no space after the comma)
_MONTH_DAY_YEAR = rf"(?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(?P<y2>\d{{4}}))?"
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_DOTTED = r"(?P<d4>\d{1,2})(?P<sep>[./])(?P<m4>\d{1,2})(?P=sep)(?P<y4>\d{4})"  # 03.10.2024, 09/01/2007
DATE = re.compile(rf"\b(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO}|{_DOTTED})(?![\d])", re.IGNORECASE)

#: Words that may surround a date on a date line ("Published Thursday 3 October 2024, 10:15 GMT").
_DATE_LINE_FILLER = re.compile(
    r"(?i:\b(?:published|updated|posted|last|first|modified|created|on|at|am|pm|a\.m|p\.m|ago|min|mins|read|"
    r"hours?|hrs?|minutes?|seconds?|days?|weeks?|months?|just|now|about|and|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?)"
    r"|\b[A-Z]{2,5}\b|\d{1,2}[:.]\d{2}(?::\d{2})?(?i:\s*[ap]\.?m\b\.?)?|[+-]\d{1,4}\b",
)
#: A date line without a date: "15 minutes ago", "·4 min read", "1 Min Read", "Reading Time: 2 minutes",
#: "Published", "14:24".
_UNDATED_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|date|dated)(?: on)?:?"
    r"|published:?\s+(?:last\s+)?updated:?"  # "Published Last updated": the labels, their dates lost
    r"|(?:(?:published|updated|posted|last updated):?\s+)?(?:about\s+)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"
    r"|[·•|]?\s*(?:\d+|one)\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\.?"
    r"|(?:estimated )?reading time:?\s*(?:about\s+|<\s*)?(?:\d+|one|less than (?:a|one))\s*min(?:ute)?s?\.?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)$",
    re.IGNORECASE,
)
# "...2024last updated" on pages that glue the two dates together
_GLUED_WORD = re.compile(r"(?<=\d)(?=(?:last|updated|published)\b)", re.IGNORECASE)

_LEADING_PLACE = re.compile(rf"^\s*[A-Z][A-Z.'’\-]*[A-Z.](?:\s+[A-Z][A-Z.'’\-]*[A-Z.])*,\s+(?={MONTH}|\d)")


def iso_date(text: str, *, year: int | None = None) -> str | None:
    """The first calendar date in ``text`` as ``YYYY-MM-DD`` (``year`` fills a missing year)."""
    for match in DATE.finditer(text):
        parts = match.groupdict()
        day = parts["d1"] or parts["d2"] or parts["d3"] or parts["d4"]
        month_text = parts["m1"] or parts["m2"] or parts["m3"] or parts["m4"]
        found_year = parts["y1"] or parts["y2"] or parts["y3"] or parts["y4"] or year
        if parts["d4"] and parts["sep"] == "/" and int(parts["d4"]) <= 12 and int(parts["m4"]) <= 12:
            continue  # 09/01/2007: the 9th of January or September 1st, depending on the site
        if parts["d4"] and parts["sep"] == "/" and int(parts["m4"]) > 12:
            day, month_text = parts["m4"], parts["d4"]  # 10/23/2024, month first
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:4].lower(),
                                                                           _MONTHS.get(month_text[:3].lower()))
        try:
            return dt.date(int(found_year), int(month or 0), int(day)).isoformat()  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return None


def is_date_line(line: str) -> bool:
    """A line that holds a timestamp and nothing else ("Published 14 May 2025", "15 minutes ago")."""
    if _UNDATED_LINE.match(line.strip()):
        return True
    line = _GLUED_WORD.sub(" ", line)
    line = _LEADING_PLACE.sub("", line)  # "WASHINGTON, Sept 29 | Sun Sep 29, 2013 2:45pm EDT"
    match = DATE.search(line)
    if match is None or len(line.split()) > 16:
        return False
    if iso_date(match.group(), year=2000) is None and not match.group("d4"):
        return False  # no such day ("February 30"); a date without its year ("Wednesday, December 8") is one
    rest = DATE.sub(" ", line[: match.start()] + " " + line[match.end() :])  # a second date ("last updated ...")
    rest = _DATE_LINE_FILLER.sub(" ", rest)
    return not re.search(r"[^\W\d_]{2,}", rest)


def is_orphan_date_word(line: str) -> bool:
    """``on`` alone: what is left of "Published on <date>" when the date did not come along."""
    return line.strip().lower() in {"on", "at", "by"}
