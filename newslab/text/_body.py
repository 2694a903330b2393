"""The body of an article: its dateline, paragraphs, subheads, captions, links and credits.

Private to :mod:`newslab.text`. :func:`read_body` runs after :func:`newslab.text._front.read_front`:
it looks for the dateline in the first three body lines, joins hard-wrapped lines, names photo
lines and a standfirst, then every other body line (a paragraph, a subhead, a related link, a
credit), splits credits off the end of paragraphs, and warns about paragraphs it doubts.
"""

from __future__ import annotations

import itertools
import re

from .. import columns as C
from . import _boilerplate, _corrections, _shapes
from ._pieces import KIND_WORDS, Piece, Reading, content_words, first_words, named, quote, shape

#: What stands between a standfirst and the body, but never between two paragraphs of the body.
FRONT_KINDS = frozenset({C.CAPTION, C.DATE_LINE, C.BOILERPLATE, C.SOURCE_LINE, C.REPEATED_HEADLINE, C.BYLINE,
                         C.AUDIO, C.AUTHOR})
_BRAND_LINK = re.compile(r"^(?P<brand>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?):\s+(?P<title>[^.!?]{10,160}\??)$")
#: A photo's people by where they stand: ``Jo Example, left, ...``, ``Ann Roe, second right, ...``.
_POSITIONED = re.compile(r"[A-Z][\w.’'-]+,\s+(?:(?:second|third|far)\s+)?(?:from\s+)?(?:left|right|cent(?:re|er))"
                         r"(?:,|\s+and\b|\))"
                         r"|[A-Z][\w.’'-]+\s\((?:(?:second|third|far)\s+)?(?:from\s+)?(?:left|right|cent(?:re|er))\)\s")
#: "... southern Seoul, Thursday. (Newsis)": a photo agency after the caption's stop (at the end of the last
#: paragraph the same form is a credit, so the loader reads it only where the body goes on).
_AGENCY_AFTER_STOP = re.compile(r"[.!?]\s\((?:Yonhap|Newsis|News1|Xinhua|Kyodo|Jiji|AP|AFP|Reuters|EPA|Getty Images|"
                                r"Bernama|ANTARA|PTI|ANI|IANS|AAP|PA|Anadolu|NNN|EFE|dpa|Shutterstock)\)$")
_MENU_ITEM = re.compile(r"^\s*[-–•*·]\s*\S+(?:\s\S+)?\s*$")
_DEAR_READER = re.compile(r"^dear (?:reader|readers|subscriber|subscribers|friend|friends)s?,?$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:thank you|thanks|sincerely|yours sincerely|with thanks|best regards|warm regards)[,.!]?$",
                       re.IGNORECASE)
_LABELLED = re.compile(r"^[A-Z][\w-]+(?:\s[A-Z][\w-]+)?:\s+[A-Z]")
#: The lines that close an article: whatever prose comes after them is page furniture, unless the body goes on.
_END_KINDS = frozenset({C.AUTHOR, C.SOURCE_LINE, C.CREDIT, C.EDITOR_NOTE})
_DATELINE_GAP = re.compile(r"[\s,]*(?:\([^)]{1,40}\))?\s*(?::|[–—-]{1,2})?\s*(?:\([^)]{1,40}\)\s*[–—-]{1,2})?\s*")


def read_body(reading: Reading) -> None:
    """Name the body's lines (see the module docstring)."""
    start = reading.body_start if reading.body_start is not None else _first_body(reading)
    for k in range(start, len(reading.pieces)):  # "Sentinel Digital Desk", "Reuters Staff": never a paragraph
        if reading.free(k) and _shapes.is_agency_byline(reading.line(k)):
            reading.set(k, C.BYLINE)
    _menus(reading, start)
    _appeal_boxes(reading, start)
    _printed_twice(reading, start)
    _repeated_headlines(reading, start)  # before the dateline: a copy of the headline is not a summary above it
    _find_dateline(reading, start)
    _join_wrapped(reading, start)
    _piped_names(reading, start)
    _photo_lines(reading, start)
    _standfirst(reading, start)
    _body_kinds(reading, start)
    _credit_tails(reading)


def _first_body(reading: Reading) -> int:
    return next((k for k in range(len(reading.pieces)) if reading.pieces[k].kind is None), len(reading.pieces))


def _candidates(reading: Reading, start: int, *, limit: int) -> list[int]:
    """The first lines from ``start`` on that could be paragraphs (not yet named, or kept)."""
    found = [k for k in range(start, len(reading.pieces))
             if reading.free(k) or (reading.pieces[k].forced and reading.pieces[k].kind == C.PARAGRAPH)]
    return found[:limit]


def _find_dateline(reading: Reading, start: int) -> None:
    given = reading.fix.get("dateline")
    if given is False or any(p.kind == C.DATELINE for p in reading.pieces):
        return
    if isinstance(given, str):
        _given_dateline(reading, given)
        return
    for rank, k in enumerate(_candidates(reading, start, limit=3)):
        piece = reading.pieces[k]
        match = _shapes.dateline(reading.text, piece.start, piece.end)
        if match is None and _after_a_named_line(reading, k) and (
                match := _shapes.colon_dateline(reading.text, piece.start, piece.end)):
            reading.warn(f"read {quote(match.group('place'))} as the dateline (a place and a colon at the start of "
                         f"the first paragraph); if it is not, pass dateline=false")
        if match is None and _after_a_named_line(reading, k) and (
                match := _shapes.dash_dateline(reading.text, piece.start, piece.end)):
            reading.warn(f"read {quote(match.group('place'))} as the dateline (a place and a dash at the start of "
                         f"the first paragraph); if it is not, pass dateline=false")
        if match is None:
            continue
        _split_dateline(reading, k, match)
        for before in _candidates(reading, start, limit=rank):
            if reading.free(before):
                reading.set(before, C.STANDFIRST)
                reading.warn(f"read {quote(reading.line(before))} as a standfirst (a summary above the body), "
                             f"not as a paragraph: the dateline comes after it; if it is the first paragraph, "
                             f'pass keep=["{first_words(reading.line(before))}"]')
        return


def _menus(reading: Reading, start: int) -> None:
    """Three or more lines in a row of one or two words after a dash ("- Français", "- 日本語"): a menu."""
    k = start
    while k < len(reading.pieces):
        j = k
        while j < len(reading.pieces) and reading.free(j) and _MENU_ITEM.match(reading.line(j)):
            j += 1
        if j - k >= 3:
            for i in range(k, j):
                reading.set(i, C.BOILERPLATE)
        k = max(j, k + 1)


def _appeal_boxes(reading: Reading, start: int) -> None:
    """A letter to the reader inside the page ("Dear Reader, ... Thank you,"), with its signature: a promo."""
    for k in range(start, len(reading.pieces)):
        if not (reading.free(k) and _DEAR_READER.match(reading.line(k))):
            continue
        close = next((j for j in range(k + 1, min(k + 20, len(reading.pieces)))
                      if _SIGN_OFF.match(reading.line(j))), None)
        if close is None:
            continue
        end = close + 1
        while end < min(close + 3, len(reading.pieces)) and reading.free(end) and len(reading.line(end).split()) <= 6 and (
                not _shapes.ends_sentence(reading.line(end))):
            end += 1  # the signature
        for j in range(k, end):
            if not reading.pieces[j].forced:
                reading.set(j, C.PROMO)
        reading.warn(f"read the lines from {quote(reading.line(k))} to {quote(reading.line(end - 1))} as a letter to "
                     f"the reader (a promo), not as paragraphs; if they are the article, pass "
                     f'keep=["{first_words(reading.line(k))}", ...] with the first words of each')
        return


def _printed_twice(reading: Reading, start: int) -> None:
    """The same line twice in a row above the first paragraph: a photo's alt text and its caption."""
    for k in range(start, len(reading.pieces) - 1):
        if reading.kind(k) == C.PARAGRAPH:
            return
        line = reading.line(k)
        if reading.free(k) and reading.free(k + 1) and len(line.split()) >= 5 and (
                " ".join(line.split()) == " ".join(reading.line(k + 1).split())):
            reading.set(k, C.CAPTION)
            reading.set(k + 1, C.CAPTION)
            reading.warn(f"read {quote(line)} as a photo caption (printed twice in a row above the body), not as a "
                         f'paragraph; if it is one, pass keep=["{first_words(line)}"]')
            return


def _after_a_named_line(reading: Reading, k: int) -> bool:
    """Whether line ``k`` follows the front or a named part: a weak (colon) dateline never makes a paragraph before
    it a standfirst, so ``Lena Brandt: ...`` under a first sentence stays a statement by Lena Brandt."""
    return k == 0 or not reading.free(k - 1)


def _split_dateline(reading: Reading, k: int, match: re.Match[str]) -> None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    if "agency2" in groups:
        groups["agency"] = groups.pop("agency2")
    reading.found.update(groups)
    place_end = match.end("region") if groups.get("region") else match.end("place")
    _cut_dateline(reading, k, match.start("place"), place_end, match.end())  # "(BALTIMORE) —": the place alone


def _cut_dateline(reading: Reading, k: int, place_start: int, place_end: int, body_start: int) -> None:
    """Piece ``k`` becomes the dateline (the place) and the paragraph from ``body_start``."""
    piece = reading.pieces[k]
    forced = piece.forced
    reading.pieces[k : k + 1] = [Piece(place_start, place_end, piece.gap, C.DATELINE, True),
                                 Piece(body_start, piece.end, False, C.PARAGRAPH if forced else None, forced)]


def _given_dateline(reading: Reading, words: str) -> None:
    after = (reading.headline_at or -1) + 1
    for k, end in named(reading, "dateline", words):
        if k < after:
            continue
        piece = reading.pieces[k]
        place_end = piece.start + end
        match = _shapes.dateline(reading.text, piece.start, piece.end)
        gap = _DATELINE_GAP.match(reading.text, place_end, piece.end)
        body = match.end() if match is not None and match.end() > place_end else gap.end() if gap else place_end
        if body >= piece.end:  # the place alone on its line
            piece.end, piece.kind, piece.forced = place_end, C.DATELINE, True
        else:
            if match is not None:
                reading.found.update({key: v for key, v in match.groupdict().items() if v and key != "place"})
            _cut_dateline(reading, k, piece.start, place_end, body)
            reading.pieces[k + 1].kind, reading.pieces[k + 1].forced = C.PARAGRAPH, True
        return
    raise _corrections.not_found("dateline", words)


def _join_wrapped(reading: Reading, start: int) -> None:
    """Hard-wrapped text (e-mail, PDF): the lines of a paragraph become one piece."""
    body = [k for k in range(start, len(reading.pieces)) if not reading.pieces[k].forced
            and reading.pieces[k].kind != C.DATELINE]
    width = _shapes.wrap_width([reading.line(k) for k in body if reading.pieces[k].kind is None])
    if width is None:
        return
    reading.width = width
    lines_before = len(body)
    by_gap = any(reading.pieces[k].gap for k in body[1:])
    column = max(reading.pieces[k].end - reading.pieces[k].start for k in body)
    k = start
    while k + 1 < len(reading.pieces):
        before, after = reading.pieces[k], reading.pieces[k + 1]
        joinable = not (before.forced or after.forced or before.kind == C.DATELINE) and k >= start
        last_line = before.end - max(before.start, reading.text.rfind("\n", before.start, before.end) + 1)
        fits = last_line + 1 + len(reading.line(k + 1).split()[0]) <= column
        if joinable and (not after.gap if by_gap else not fits):
            reading.pieces[k : k + 2] = [Piece(before.start, after.end, before.gap)]
            continue
        k += 1
    for k in range(start, len(reading.pieces)):  # the joined paragraphs are named again, whole
        if not reading.pieces[k].forced and reading.pieces[k].kind != C.DATELINE:
            reading.pieces[k].kind = shape(reading, k)
    joined = lines_before - sum(1 for k in range(start, len(reading.pieces))
                                if not reading.pieces[k].forced and reading.pieces[k].kind != C.DATELINE)
    if joined > 0:
        paragraphs = lines_before - joined
        reading.warn(f"lines joined: the text looks hard-wrapped (lines of about {width} characters), "
                     f"so {lines_before} lines were read as {paragraphs} paragraphs")


def _repeated_headlines(reading: Reading, start: int) -> None:
    """A copy of the headline inside the body: the page title again, or the photo's alt text."""
    headline = next((reading.line(k) for k, p in enumerate(reading.pieces) if p.kind == C.HEADLINE), None)
    for k in range(start, len(reading.pieces)):
        if headline is not None and reading.free(k) and _shapes.same_headline(reading.line(k), headline):
            exact = _shapes.exact_repeat(reading.line(k), headline)
            reading.set(k, C.REPEATED_HEADLINE if exact else C.CAPTION)


def _piped_names(reading: Reading, start: int) -> None:
    """``Jo Example | Riverton Gazette``: printed over each photo of a gallery, the photo's credit, and the line
    under it its caption; printed once right under the headline, the byline."""
    if reading.headline_at is None:
        return
    outlets = {k: match.group("outlet") for k in range(max(start, reading.headline_at + 1), len(reading.pieces))
               if reading.free(k) and (match := _shapes.name_pipe_outlet(reading.line(k)))}
    found = list(outlets)
    if len(found) >= 2 and len(set(outlets.values())) == 1:
        for k in found:
            reading.set(k, C.CAPTION)
            if k + 1 < len(reading.pieces) and reading.free(k + 1) and len(reading.line(k + 1).split()) <= 60:
                reading.set(k + 1, C.CAPTION)
                reading.warn_each("photo captions (each under a photo credit with a pipe)", reading.line(k + 1),
                                  "if one is a paragraph, pass keep=[{words}]")
    elif len(found) == 1 and not any(reading.free(j) for j in range(reading.headline_at + 1, found[0])) and not any(
            reading.kind(j) == C.BYLINE for j in range(len(reading.pieces))):
        line = reading.line(found[0])
        reading.set(found[0], C.BYLINE)
        reading.warn(f"read {quote(line)} as the byline (a name and an outlet under the headline); if it is not, "
                     f'pass skip=["{first_words(line)}"]')


def _photo_lines(reading: Reading, start: int) -> None:
    """Photo alt text (a short line just above a caption), and a caption's second line."""
    for k in range(start, len(reading.pieces) - 1):
        line = reading.line(k)
        if not reading.free(k) or _shapes.ends_sentence(line) or _shapes.is_bullet(line):
            continue
        if reading.kind(k + 1) == C.CAPTION and len(line.split()) <= 12:
            reading.set(k, C.CAPTION)
        elif (reading.kind(k - 1) in (C.CAPTION, C.REPEATED_HEADLINE) and k - 1 >= start and len(line.split()) >= 5
              and not any(reading.kind(j) == C.PARAGRAPH for j in range(start, k))):
            reading.set(k, C.CAPTION)
            reading.warn(f"read {quote(line)} as a photo caption (it has no final stop and follows one), "
                         f'not as a paragraph; if it is one, pass keep=["{first_words(line)}"]')
    # a credit alone under page furniture ("|", "Noah Berger/AP"), then the caption on the next line
    for k in range(start + 1, len(reading.pieces)):
        if reading.free(k) and reading.kind(k - 1) == C.CAPTION and _shapes.is_photo_credit(reading.line(k - 1)) and (
                k < 2 or not reading.free(k - 2)) and (
                not any(reading.kind(j) == C.PARAGRAPH for j in range(start, k))) and len(reading.line(k).split()) <= 60:
            reading.set(k, C.CAPTION)
            reading.warn(f"read {quote(reading.line(k))} as a photo caption (it follows a photo credit above the "
                         f'body), not as a paragraph; if it is one, pass keep=["{first_words(reading.line(k))}"]')


def _standfirst(reading: Reading, start: int) -> None:
    """A summary line above the body.

    Either what follows it is photo matter, a date or a link (not body), or the paragraph after it
    says the same again (it shares at least half of its words, and five or more).
    """
    if "body_starts" in reading.fix or reading.width:
        return
    first = _candidates(reading, start, limit=2)
    if not first or not reading.free(first[0]):
        return
    k = first[0]
    line = reading.line(k)
    if reading.kind(k - 1) == C.DATELINE and reading.pieces[k - 1].end > reading.text.rfind("\n", 0, reading.pieces[k].start):
        return  # the dateline opens this line: it is the body
    restated = len(first) == 2 and _restates(reading.line(first[1]), line)
    if any(p.kind == C.DATELINE for p in reading.pieces) and not restated:
        return
    between: list[str] = []
    for j in range(k + 1, len(reading.pieces)):
        if reading.free(j) or reading.pieces[j].kind == C.PARAGRAPH:
            break
        between.append(reading.pieces[j].kind or C.PARAGRAPH)
    else:
        return  # nothing after it would be the body
    front = [kind for kind in between if kind in FRONT_KINDS]
    # a date line, a byline or a share link under a line puts that line above the body; a caption alone
    # (a photo inside the body) or a source line (some sites print it under the first paragraph) does not
    above = len(front) == len(between) and (len(front) >= 2 or (front and front[0] not in (C.CAPTION, C.SOURCE_LINE)))
    lead = list(itertools.takewhile(lambda kind: kind in FRONT_KINDS, between))
    above = above or C.DATE_LINE in lead or C.BYLINE in lead  # the article's date or byline under it, whatever follows
    if not (above or restated):
        if between == [C.CAPTION] and reading.headline_at == k - 1:
            reading.warn(f"read {quote(line)} as the first paragraph, though a photo caption stands under it: if it "
                         f'is a summary under the headline (a standfirst), pass skip=["{first_words(line)}"]')
        return
    reading.set(k, C.STANDFIRST)
    why = "the paragraph after it says the same" if restated and not above else (
        f"followed by {KIND_WORDS.get(between[0], between[0].replace('_', ' '))}")
    reading.warn(f"read {quote(line)} as a standfirst (a summary above the body: {why}), not as a paragraph; "
                 f'if it is the first paragraph, pass keep=["{first_words(line)}"]')


def _restates(paragraph: str, summary: str) -> bool:
    said, again = content_words(summary), content_words(paragraph)
    shared = said & again
    return len(summary.split()) <= 60 and len(shared) >= 5 and len(shared) >= 0.5 * len(said)


def _body_kinds(reading: Reading, start: int) -> None:
    for k in range(start, len(reading.pieces)):
        if reading.free(k) or (reading.kind(k) == C.DATE_LINE and not reading.pieces[k].forced):
            reading.pieces[k].kind = _body_kind(reading, k)
    _bullet_standfirst(reading)
    paragraphs = [k for k, p in enumerate(reading.pieces) if p.kind == C.PARAGRAPH]
    if not paragraphs:
        return
    for k in paragraphs:  # a heading stands between paragraphs, or above a list
        piece, line = reading.pieces[k], reading.line(k)
        inner = paragraphs[0] < k < paragraphs[-1] or (
            k + 1 < len(reading.pieces) and reading.kind(k + 1) == C.PARAGRAPH and _shapes.is_bullet(reading.line(k + 1)))
        inner = inner or (k == paragraphs[0] < paragraphs[-1] and reading.kind(k - 1) == C.EDITOR_NOTE)  # "PREVIOUSLY:"
        if not piece.forced and inner and "\n" not in line and _shapes.is_subhead(line) and not _shapes.is_bullet(line):
            piece.kind = C.SUBHEAD
    _lists_are_not_headings(reading)
    last = max((k for k in paragraphs if not _shapes.is_initials(reading.line(k))), default=-1)
    for k in range(last + 1, len(reading.pieces)):
        if reading.pieces[k].kind == C.PARAGRAPH and not reading.pieces[k].forced and (
                _shapes.is_initials(reading.line(k))):
            reading.pieces[k].kind = C.CREDIT  # the editor's initials after the last paragraph
    _sponsored_boxes(reading)
    _titles_after_the_end(reading)
    _after_the_end(reading)
    _doubtful_paragraphs(reading)


def _bullet_standfirst(reading: Reading) -> None:
    """Bullet points right under the headline, then a byline, a date or an advertisement before the first
    paragraph: the summary a British or Irish paper prints above its story."""
    first = next((k for k, p in enumerate(reading.pieces) if p.kind == C.PARAGRAPH), None)
    if first is None or reading.headline_at is None or reading.headline_at > first or "body_starts" in reading.fix:
        return
    run = []
    for k in range(first, len(reading.pieces)):
        if reading.kind(k) != C.PARAGRAPH or reading.pieces[k].forced or not _shapes.is_bullet(reading.line(k)):
            break
        run.append(k)
    after = run[-1] + 1 if run else len(reading.pieces)
    if len(run) < 2 or after >= len(reading.pieces) or reading.kind(after) in (C.PARAGRAPH, C.SUBHEAD, None):
        return
    if not any(reading.kind(j) == C.PARAGRAPH for j in range(after, len(reading.pieces))):
        return
    under = reading.pieces[after].kind or C.PARAGRAPH
    for k in run:
        reading.pieces[k].kind = C.STANDFIRST
        reading.warn_each(f"a standfirst (bullet points under the headline, above "
                          f"{KIND_WORDS.get(under, under.replace('_', ' '))})",
                          reading.line(k), "if one is a paragraph, pass keep=[{words}]")


def _lists_are_not_headings(reading: Reading) -> None:
    """Three or more short lines in a row, each with a figure ("Pheu Thai: 137", "Diesel - Down by P1.90 per
    liter"), with the body going on after them, are a list of results in the body, not headings: a heading is
    followed by the text it heads. (Lines without figures in a row are links, headings or a gallery's captions,
    and stay as they are.)"""
    k = 0
    while k < len(reading.pieces):
        j = k
        while j < len(reading.pieces) and reading.kind(j) == C.SUBHEAD and not reading.pieces[j].forced:
            j += 1
        if j - k >= 3 and all(re.search(r"\d", reading.line(i)) for i in range(k, j)) and any(reading.kind(i) == C.PARAGRAPH and _shapes.ends_sentence(reading.line(i))
                                             for i in range(j, len(reading.pieces))):
            for i in range(k, j):  # (a run after the last sentence is a list of links: it stays out of the body)
                reading.pieces[i].kind = C.PARAGRAPH
        k = max(j, k + 1)


def _sponsored_boxes(reading: Reading) -> None:
    """The teasers under a sponsored label inside the body: short lines, up to four, until the body goes on with
    a long paragraph."""
    for k, piece in enumerate(reading.pieces):
        if piece.kind not in (C.AD, C.PROMO) or not _boilerplate.is_sponsored_label(reading.line(k)):
            continue
        box = []
        for j in range(k + 1, min(k + 6, len(reading.pieces))):
            if reading.kind(j) not in (C.PARAGRAPH, C.SUBHEAD) or reading.pieces[j].forced:
                break
            if len(reading.line(j).split()) > _boilerplate.MAX_WORDS:
                break
            box.append(j)
        else:
            continue  # no long paragraph after the box: where it ends is not known
        if not box or len(box) > 4 or reading.kind(box[-1] + 1) != C.PARAGRAPH:
            continue
        for j in box:
            reading.pieces[j].kind = C.PROMO
        reading.warn(f"read {', '.join(quote(reading.line(j)) for j in box)} as paid teasers (under "
                     f"{quote(reading.line(k))}), not as paragraphs; if one is a paragraph, "
                     f'pass keep=["{first_words(reading.line(box[0]))}"]')


def _titles_after_the_end(reading: Reading) -> None:
    """Three or more short lines without a stop after the last sentence of the body: a list of links to other
    stories ("Fire brigade holds group wedding", "Top 10 media buzzwords of 2020")."""
    ends = [k for k, p in enumerate(reading.pieces) if p.kind == C.PARAGRAPH and _shapes.ends_sentence(reading.line(k))
            and len(reading.line(k).split()) >= 8]
    if len(ends) < 2:
        return
    block = [k for k in range(ends[-1] + 1, len(reading.pieces)) if reading.kind(k) in (C.PARAGRAPH, C.SUBHEAD)]
    if len(block) < 3 or any(
            reading.pieces[k].forced or len(reading.line(k).split()) > 15 or _shapes.ends_sentence(reading.line(k))
            or _shapes.is_bullet(reading.line(k)) or re.search(r":\s*\d+$", reading.line(k)) for k in block):
        return
    for k in block:
        reading.pieces[k].kind = C.RELATED
        reading.warn_each("links to other stories (short titles without a stop after the last paragraph), not as "
                          "paragraphs", reading.line(k), "if one is a paragraph, pass keep=[{words}]")


def _after_the_end(reading: Reading) -> None:
    """One or two short lines of prose after the lines that close an article (an author, a source, a copyright,
    "This article will be updated") are the page's, not the article's: a teaser, a widget's blurb."""
    paragraphs = [k for k, p in enumerate(reading.pieces) if p.kind == C.PARAGRAPH]
    if len(paragraphs) < 4:
        return
    end = next((k for k in range(paragraphs[2] + 1, paragraphs[-1]) if reading.kind(k) in _END_KINDS), None)
    if end is None:
        return
    after = [k for k in paragraphs if k > end]
    if not after or len(after) > 2 or any(reading.pieces[k].forced or len(reading.line(k).split()) > 40
                                          for k in after):
        return
    if after[0] - max(k for k in paragraphs if k < after[0]) <= 2:
        return  # a source or a note under a chart or a photo inside the body, then the body goes on
    closing = reading.line(end)
    for k in after:  # "Town News: A hidden door ...": a teaser for another story; else a widget's blurb
        reading.pieces[k].kind = C.RELATED if _LABELLED.match(reading.line(k)) else C.BOILERPLATE
        reading.warn(f"read {quote(reading.line(k))} as page furniture, not as a paragraph: it comes after "
                     f"{quote(closing)}, which closes the article; if it is one, "
                     f'pass keep=["{first_words(reading.line(k))}"]')


def _doubtful_paragraphs(reading: Reading) -> None:
    """Words left after the body ("Pages"), and paragraphs that may be something else: warn about them."""
    paragraphs = [k for k, p in enumerate(reading.pieces) if p.kind == C.PARAGRAPH and not p.forced]
    while len(paragraphs) > 1 and len(reading.line(paragraphs[-1]).split()) <= 2 and (
            not _shapes.ends_sentence(reading.line(paragraphs[-1]))):
        k = paragraphs.pop()
        reading.pieces[k].kind = C.BOILERPLATE
        reading.warn(f"read {quote(reading.line(k))} after the last paragraph as page furniture, not as a paragraph; "
                     f'if it is one, pass keep=["{first_words(reading.line(k))}"]')
    for k in paragraphs[1:]:
        line = reading.line(k)
        if len(line.split()) <= 20 and not _shapes.ends_sentence(line) and not line.rstrip().endswith(":") and (
                not _shapes.is_bullet(line)) and "\n" not in line:
            reading.warn_each("paragraphs, though they have no closing stop", line,
                              "if one is a heading or a link, pass skip=[{words}]")
    if len(paragraphs) >= 2 and _under_headline(reading, paragraphs[0]):
        first, second = (len(reading.line(k).split()) for k in paragraphs[:2])
        if first <= 12 and second >= 2 * first:
            line = reading.line(paragraphs[0])
            reading.warn(f"read {quote(line)} as the first paragraph, though it is short: if it is a summary "
                         f'under the headline (a standfirst), pass skip=["{first_words(line)}"]')


def _under_headline(reading: Reading, k: int) -> bool:
    """Only lines that are not body (a date, a byline, page furniture) stand between the headline and ``k``."""
    j = k - 1
    while j >= 0 and reading.kind(j) not in (C.HEADLINE, C.PARAGRAPH, C.DATELINE):
        j -= 1
    return j >= 0 and reading.kind(j) == C.HEADLINE


def _body_kind(reading: Reading, k: int) -> str:
    line = reading.line(k)
    if k > 0 and _boilerplate.is_topics_label(reading.line(k - 1)) and not _shapes.ends_sentence(line) and (
            len(line.split()) <= 40):
        return C.BOILERPLATE  # the topics under "Key Topics": "Culture, New Museum, Lower East Side"
    if _POSITIONED.search(line) and not any(mark in line for mark in "“\"") and len(line.split()) <= 80:
        reading.warn(f"read {quote(line)} as a photo caption (it says who stands left or right), not as a "
                     f'paragraph; if it is one, pass keep=["{first_words(line)}"]')
        return C.CAPTION
    if _AGENCY_AFTER_STOP.search(line) and len(line.split()) <= 45 and any(
            reading.kind(j) == C.PARAGRAPH or reading.free(j) for j in range(k + 1, len(reading.pieces))):
        reading.warn(f"read {quote(line)} as a photo caption (an agency in brackets after its last stop, and the "
                     f'body goes on), not as a paragraph; if it is one, pass keep=["{first_words(line)}"]')
        return C.CAPTION
    if _shapes.BRACKETED_PHOTOGRAPHER.search(line) and len(line.split()) <= 30 and not _shapes.is_bullet(line) and (
            not any(0 <= j < len(reading.pieces) and j != k and reading.line(j).rstrip().endswith("]")
                    for j in (k - 1, k + 1))):
        reading.warn(f"read {quote(line)} as a photo caption (it ends in a name and an outlet in square brackets), "
                     f'not as a paragraph; if it is one, pass keep=["{first_words(line)}"]')
        return C.CAPTION
    if line.rstrip().endswith(("…", "...")) and not _shapes.ends_in_quote(line) and len(line.split()) <= 30:
        reading.warn_each('related-article teasers (they break off with "…"), not as paragraphs', line,
                          "if one is a paragraph, pass keep=[{words}]")
        return C.RELATED
    if _shapes.is_bullet(line) and not _bullet_near(reading, k):
        lone = _lone_bullet(reading, k, line)
        if lone is not None:
            return lone
    if reading.kind(k) == C.DATE_LINE:  # a date line stays one, save under a list of links
        return C.RELATED if _under_label(reading, k) else C.DATE_LINE
    if _shapes.is_agency_byline(line):
        return C.BYLINE  # "Sentinel Digital Desk", "Reuters Staff": a desk or an agency alone
    if _shapes.is_byline(line) and not line.startswith(("-", "–", "—")) and (
            _shapes.is_name_line(_shapes.byline_fields(line)["author"].split(",")[0])):
        return C.BYLINE
    if (not _shapes.ends_sentence(line) or line.rstrip().endswith("?")) and len(line.split()) <= 15 and (
            _under_label(reading, k)):
        return C.RELATED  # the titles listed under "RELATED STORIES", "Read more:" (a title may ask a question)
    if (match := _BRAND_LINK.match(line)) and _shapes.title_case(match.group("title")) and len(line.split()) <= 16:
        reading.warn(f"read {quote(line)} as a related-article link (a name, a colon and a title), "
                     f'not as a paragraph; if it is one, pass keep=["{first_words(line)}"]')
        return C.RELATED
    return C.PARAGRAPH


def _bullet_near(reading: Reading, k: int) -> bool:
    return any(0 <= j < len(reading.pieces) and _shapes.is_bullet(reading.line(j)) for j in (k - 1, k + 1))


def _lone_bullet(reading: Reading, k: int, line: str) -> str | None:
    """A list of one item is no list: a summary under the headline, or a heading without a stop."""
    if _under_headline(reading, k) and _shapes.ends_sentence(line):
        reading.warn(f"read {quote(line)} as a standfirst (a one-item list under the headline), not as a "
                     f'paragraph; if it is one, pass keep=["{first_words(line)}"]')
        return C.STANDFIRST
    if not _shapes.ends_sentence(line) and len(line.split()) <= 11:
        reading.warn(f"read {quote(line)} as a subhead (a one-item list without a stop), not as a paragraph; "
                     f'if it is one, pass keep=["{first_words(line)}"]')
        return C.SUBHEAD
    return None


def _under_label(reading: Reading, k: int) -> bool:
    """Piece ``k`` stands under a bare label of links ("RELATED STORIES"), maybe after other titles."""
    j = k - 1
    while j >= 0 and reading.kind(j) == C.RELATED and not _boilerplate.is_related_label(reading.line(j)):
        j -= 1
    return j >= 0 and reading.kind(j) == C.RELATED and _boilerplate.is_related_label(reading.line(j))


def _credit_tails(reading: Reading) -> None:
    """``... next month. (Reporting by ...)``: the credit at the end of a paragraph is its own part."""
    k = 0
    while k < len(reading.pieces):
        piece = reading.pieces[k]
        if piece.kind == C.PARAGRAPH and (at := _shapes.credit_tail(reading.line(k))) is not None:
            reading.split(k, piece.start + at)
            if k + 1 < len(reading.pieces) and reading.pieces[k + 1].start >= piece.start + at:
                reading.pieces[k + 1].kind = C.CREDIT
        k += 1
