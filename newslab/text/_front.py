"""The front of an article, above its first paragraph: kicker, headline, bylines, date lines, standfirst.

Private to :mod:`newslab.text`. Web pages put a lot above the headline (a site's tagline, skip
links, membership appeals, section labels) and between the headline and the body (copies of the
headline, share buttons, the author's name alone, a date, a summary). :func:`read_front` names
every line of that block; lines it has no form for are headline candidates, and the headline is
the first candidate that shares words with the body.
"""

from __future__ import annotations

import re

from .. import columns as C
from . import _shapes
from ._pieces import Reading, content_words, first_words, headline_shaped, opens_body, quote, title_over_bullets


def read_front(reading: Reading) -> None:
    """Name the lines above the first paragraph; set ``reading.body_start`` when it is not given."""
    end = reading.body_start if reading.body_start is not None else _front_end(reading)
    front = range(end)
    _read_front(reading, front, end)
    if "body_starts" in reading.fix:  # the instructor said where the body starts: nothing above it is body
        for k in front:
            if reading.free(k):
                reading.set(k, C.SKIPPED)


def _read_front(reading: Reading, front: range, end: int) -> None:
    _orphans_and_widgets(reading, front)
    bylines: list[str] = []
    for k in front:
        line = reading.line(k)
        if reading.free(k) and " ".join(line.split()) in bylines:
            reading.set(k, C.AUTHOR)  # the byline printed twice
        elif reading.free(k) and (_shapes.is_byline(line) or _shapes.is_agency_byline(line)):
            reading.set(k, C.BYLINE)
        elif reading.free(k) and _shapes.is_name_with_station(line) and not any(
                reading.kind(j) == C.BYLINE for j in range(k)):
            reading.set(k, C.BYLINE)
            reading.warn(f"read {quote(line)} as the byline (a name and a station, without \"By\"); "
                         f'if it is not, pass skip=["{first_words(line)}"]')
        if reading.kind(k) == C.BYLINE:
            bylines.append(" ".join(line.split()))
    if reading.fix.get("headline") is False:
        return  # no headline: the lines it would have been are body
    candidates = [k for k in front if reading.free(k) or reading.pieces[k].kind == C.HEADLINE]
    headline = reading.headline_at if reading.headline_at is not None else _choose(reading, candidates, end)
    if headline is None:
        return
    reading.set(headline, C.HEADLINE)
    reading.headline_at = headline
    _around_headline(reading, [k for k in candidates if k != headline], headline, end)
    if reading.body_start is None:  # lines under the headline that no form names are body
        reading.body_start = next((k for k in range(headline + 1, end) if reading.free(k)), end)


def _front_end(reading: Reading) -> int:
    """The first line that opens the body; a text that is all front has its last line as body."""
    end = next((k for k in range(len(reading.pieces)) if opens_body(reading, k)), len(reading.pieces))
    if end == len(reading.pieces):  # no sentence anywhere: the last free line is the body
        free = [k for k in range(len(reading.pieces)) if reading.free(k)]
        end = free[-1] if len(free) > 1 else end
    return end


def _orphans_and_widgets(reading: Reading, front: range) -> None:
    widget = False
    for k in front:
        line = reading.line(k)
        if reading.kind(k) == C.BOILERPLATE and line.strip().lower().startswith("in this article"):
            widget = True  # the entity cards under "In this article:": a name, the name again, a role
        elif widget and reading.free(k) and not _shapes.ends_sentence(line) and len(line.split()) <= 12:
            reading.set(k, C.BOILERPLATE)
        elif reading.free(k):
            widget = False


def _choose(reading: Reading, candidates: list[int], end: int) -> int | None:
    """The headline among the candidate lines of the front.

    A line printed again as the page title (``<headline> | <Site>``) is the headline; else the
    first candidate that shares a word with the body, else the first candidate.
    """
    shaped = [k for k in candidates if (headline_shaped(reading.line(k)) or title_over_bullets(reading, k))
              and not _label_only(reading, k, candidates)
              and not _shapes.own_line_dateline(reading.line(k)) and not _shapes.name_pipe_outlet(reading.line(k))]
    titled = [k for k in shaped if any(j != k and _shapes.exact_repeat(reading.line(j), reading.line(k))
                                       and len(reading.line(j)) > len(reading.line(k)) for j in shaped)]
    shaped = [k for k in shaped if not any(j != k and _shapes.exact_repeat(reading.line(k), reading.line(j))
                                           and len(reading.line(j)) < len(reading.line(k)) for j in shaped)]
    if not shaped:
        return None
    if end >= len(reading.pieces) and len(shaped) == 1 and shaped[0] == end - 1:
        return None
    body = set().union(*(content_words(reading.line(k)) for k in range(end, min(end + 3, len(reading.pieces)))))
    distinct: list[int] = []
    for k in shaped:
        if not any(_shapes.same_headline(reading.line(k), reading.line(j)) for j in distinct):
            distinct.append(k)
    shared = {k: len(content_words(reading.line(k)) & body) for k in distinct}
    sharing = [k for k in distinct if shared[k]]
    pick = titled[0] if titled else sharing[0] if sharing else distinct[0]
    # one word shared by chance ("News" in a site's name) loses to a later short line that shares several;
    # a trending story's title above the headline loses to a short line whose words the body says again
    if shared.get(pick) == 1 and not titled:
        pick = next((k for k in sharing if k > pick and shared[k] >= 2 and _short_title(reading.line(k))), pick)
    if sharing and not titled:
        share = {k: shared[k] / max(1, len(content_words(reading.line(k)))) for k in sharing}
        words = len(reading.line(pick).split())
        pick = next((k for k in sharing if k > pick and shared[k] >= max(3, shared[pick]) and share[k] >= 0.5
                     and share[k] >= 2 * share.get(pick, 0.0) and _short_title(reading.line(k))
                     and words >= 10 and len(reading.line(k).split()) < words), pick)
    above = [k for k in distinct if k < pick and len(reading.line(k).split()) >= 4]
    if above:
        others = ", ".join(quote(reading.line(k)) for k in above)
        reading.warn(f"took {quote(reading.line(pick))} as the headline (it shares words with the body) and "
                     f"{others} above it as a promo line; if that is the headline, pass "
                     f'headline="{first_words(reading.line(above[0]))}"')
    return pick


def _short_title(line: str) -> bool:
    """Short enough for a headline, and a single sentence (a caption has several)."""
    return len(line.split()) <= 25 and not re.search(r"[a-z0-9]\.\s+[A-Z]", line.rstrip(".!?"))


def _label_only(reading: Reading, k: int, candidates: list[int]) -> bool:
    """A section label ("News", "Politics", "WORLD NEWS") when a longer candidate stands in the front."""
    return _section_label(reading.line(k)) and any(
        len(reading.line(j).split()) >= 3 and headline_shaped(reading.line(j)) for j in candidates if j != k)


def _section_label(line: str) -> bool:
    words = line.split()
    if line.isupper() and len(words) <= 5 and not _shapes.ends_sentence(line):
        return True  # "BELARUS NEWS AND ANALYSIS", "WORLD"
    return _shapes.is_label(line) and len(words) <= 2 and len(line) <= 25


def _around_headline(reading: Reading, candidates: list[int], headline: int, end: int) -> None:
    title = reading.line(headline)
    byline = next((reading.line(k) for k in range(end) if reading.kind(k) == C.BYLINE), None)
    for k in candidates:
        if not reading.free(k):
            continue
        line = reading.line(k)
        if _shapes.same_headline(line, title):
            reading.set(k, C.REPEATED_HEADLINE if _shapes.exact_repeat(line, title) else C.CAPTION)
        elif byline is not None and " ".join(line.split()) == " ".join(byline.split()):
            reading.set(k, C.AUTHOR)  # the byline printed twice
        elif k > headline and (place := _shapes.own_line_dateline(line)) and not (
                reading.kind(k - 1) == C.BYLINE and _shapes.is_outlet_line(line)):  # "Jo Example" over "USA TODAY"
            _own_line_dateline(reading, k, place)
        elif k > headline and byline is None and _name_byline(reading, k):
            byline = line
        elif byline is not None and (_shapes.is_role_line(line) or _shapes.is_outlet_line(line)):
            reading.set(k, C.AUTHOR)
        elif (_shapes.is_label(line) and k < headline) or (_section_label(line) and not _heads_list(reading, k)):
            reading.set(k, C.KICKER)
        elif k < headline:
            reading.set(k, C.PROMO)
        elif _heads_list(reading, k) and _shapes.is_subhead(line):
            reading.set(k, C.SUBHEAD)  # "What you need to know", above a list


def _heads_list(reading: Reading, k: int) -> bool:
    return k + 1 < len(reading.pieces) and reading.free(k + 1) and _shapes.is_bullet(reading.line(k + 1))


def _name_byline(reading: Reading, k: int) -> bool:
    """A name alone under the headline, with a date or a role under it: a byline without "By"."""
    line = reading.line(k)
    with_station = _shapes.is_name_with_station(line)
    after = reading.line(k + 1) if k + 1 < len(reading.pieces) else ""
    if not (with_station or (_shapes.is_name_line(line) and (
            reading.kind(k + 1) == C.DATE_LINE or _shapes.is_role_line(after) or _shapes.is_outlet_line(after)))):
        return False
    reading.set(k, C.BYLINE)
    reading.warn(f"read {quote(line)} as the byline (a name under the headline, without \"By\"); "
                 f'if it is not, pass skip=["{first_words(line)}"]')
    return True


def _own_line_dateline(reading: Reading, k: int, match) -> None:
    piece = reading.pieces[k]
    whole = reading.line(k)
    place_end = piece.start + match.end("place")
    if "agency" in match.groupdict() and match.group("agency"):
        reading.found.setdefault("agency", match.group("agency"))
    piece.end, piece.kind, piece.forced = place_end, C.DATELINE, True
    reading.warn(f"read {quote(whole)} as the dateline (the place, on a line of its own above the "
                 f"body); if it is not, pass dateline=false")
