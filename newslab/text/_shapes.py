"""Recognisers for the lines of real news texts: datelines, bylines, date lines, captions, credits.

Private to :mod:`newslab.text`. Each recogniser looks at one line (or one line-length profile)
and says what it is; :mod:`~newslab.text._front` and :mod:`~newslab.text._body` decide the order
and the context. Dates are in :mod:`~newslab.text._dates`, page furniture (links, buttons,
appeals) in :mod:`~newslab.text._boilerplate`.
"""

from __future__ import annotations

import re
import statistics

from ._dates import DATE, MONTH, is_date_line, iso_date

_PLACE = r"[A-Z][A-Z.'’\-]*[A-Z.](?:\s+[A-Z][A-Z.'’\-]*[A-Z.])*"
_REGION = rf"(?!{MONTH}\b)[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*)*"
_DATELINE_DATE = rf"(?:{MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}\.?(?:\s+\d{{4}})?)"
_DASH = r"(?:[–—-]{1,2}|_(?=\s))"  # "_": the dash of old AP copy, ``WASHINGTON (AP) _ The ...``
#: ``KYIV -``, ``KYIV, Ukraine (AP) —``, ``KYIV, Oct 3 (Reuters) -``, ``KYIV, October 3, 2024 —``,
#: and ``KYIV, Ukraine — (AP) —`` (the agency between two dashes).
DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_REGION}))?(?:,\s*(?P<date>{_DATELINE_DATE}))?"
    rf"(?:\s*\((?P<agency>[^)]{{1,40}})\))?\s*{_DASH}(?:\s*\((?P<agency2>[^)]{{1,40}})\)\s*{_DASH})?\s+(?=\S)"
)
#: A place in ordinary case needs an outlet in brackets: ``Brussels, 11 October 2022 (TDI):``, ``Kyiv (UNN) -``.
_DATELINE_OUTLET = re.compile(
    rf"(?P<place>[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+){{0,2}})(?:,\s*(?P<region>{_REGION}))?"
    rf"(?:,\s*(?P<date>{_DATELINE_DATE}))?\s*\((?P<agency>[A-Z][A-Za-z]{{1,12}})\)\s*(?::|{_DASH})\s+(?=\S)"
)
#: The dash glued to the first word after the agency: ``MANILA (Reuters) -Philippine authorities ...``.
_DATELINE_GLUED_DASH = re.compile(
    rf"(?P<place>{_PLACE}|[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+){{0,2}})(?:,\s*(?P<region>{_REGION}))?"
    rf"(?:,\s*(?P<date>{_DATELINE_DATE}))?\s*\((?P<agency>[A-Z][A-Za-z]{{1,12}})\)\s*[–—-](?=[A-Z\"“‘])"
)
#: A place in ordinary case and a long dash, as South African and Kenyan papers write it: ``Cape Town – Eskom ...``
#: (a weak form: the loader warns, and a name between two dashes is not one).
_DASH_DATELINE = re.compile(r"(?P<place>[A-Z][a-z’'-]{2,}(?:\s[A-Z][a-z’'-]{2,}){0,2})"
                            rf"(?:,\s*(?P<date>{_DATELINE_DATE}))?\s+(?:[–—]|-{{1,2}})\s+(?=[A-Z\"“])")
_NOT_DASH_PLACES = frozenset(
    "meanwhile however today yesterday tonight now then earlier later first finally also still yet again "
    "elsewhere instead overall indeed update breaking exclusive analysis opinion watch".split())
#: A European agency's dateline without a dash: ``Berlin (AFP) Die Mieten ...``.
_DATELINE_NO_DASH = re.compile(
    r"(?P<place>[A-Z][a-zäöüßéèàáíóúñç’'-]+(?:\s[A-Z][a-zäöüßéèàáíóúñç’'-]+){0,2}|[A-Z]{3,}(?:\s[A-Z]{3,}){0,2})"
    r"\s*\((?P<agency>AFP|dpa|Reuters|AP|KNA|epd|APA|SDA|ANSA|EFE|PAP|CTK|MTI|TT|NTB|Ritzau|Belga|ANP)\)\s+"
    r"(?=[A-ZÄÖÜ\"“„])")
#: ABC News: the place in brackets, ``(BALTIMORE) —``.
_DATELINE_BRACKETED = re.compile(rf"\((?!(?:AP|AFP|UPI|PTI|ANI|IANS|UNI|AA|EFE|TASS|DPA|KUNA|WAM|SPA|APP|BSS|NNN|CNA)\))"
                                 rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_REGION}))?\)\s*{_DASH}\s+(?=\S)")
#: A place and a colon, as Indian, Pakistani and Malaysian papers write it: ``London: British Prime Minister ...``,
#: ``PUTRAJAYA: A total of ...``.
COLON_DATELINE = re.compile(r"(?P<place>[A-Z][a-z’'-]{2,}(?:\s[A-Z][a-z’'-]{2,})?) ?:\s+(?=[A-Z])")
#: In capitals the colon may be glued to the first word: ``LAHORE:Organised ...``.
_COLON_DATELINE_CAPS = re.compile(
    r"(?P<place>[A-Z][A-Z’'-]{2,}(?:\s[A-Z][A-Z’'-]{2,})?) ?:(?:\s+(?=[A-Z])|(?=[A-Z][a-z]))")
_NOT_COLON_PLACES = frozenset(
    "details quote source sources background update updates note notes editor watch read related photo photos image "
    "video breaking exclusive analysis opinion summary context report reports warning question answer comment "
    "statement live latest also meanwhile correction clarification disclaimer important author authors by "
    "written reporter reporting editor editing credit credits contact email tags tag category topics fact check "
    "factbox explainer flashback timeline reuters afp xinhua bernama".split())
#: A dateline alone on its line: ``KIEV``, or ``Kyiv • UNN``.
_OWN_LINE_PLACE = re.compile(r"^(?P<place>[A-Z][A-Z.'’\-]{2,}(?:\s+[A-Z][A-Z.'’\-]{2,}){0,2})$")
_OWN_LINE_DATED = re.compile(rf"^(?P<place>[A-Z][a-z’'-]{{2,}}(?:\s[A-Z][a-z’'-]{{2,}}){{0,2}}),\s*(?P<date>{_DATELINE_DATE})$")
_OWN_LINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})\s*[•·|]\s*(?P<agency>[A-Z][A-Za-z]{1,10})$")
_LABELS = frozenset("PHOTO VIDEO AUDIO PODCAST GALLERY SLIDESHOW WATCH UPDATE BREAKING EXCLUSIVE ANALYSIS OPINION".split())
#: Capitals on a line of their own that are labels, not places.
_NOT_PLACES = frozenset(
    "NEWS LIVE UPDATE UPDATED UPDATES EXCLUSIVE BREAKING OPINION ANALYSIS VIDEO VIDEOS PHOTOS GALLERY WATCH "
    "LISTEN ADVERTISEMENT SPONSORED FEATURED MORE READ RELATED TOP WORLD POLITICS BUSINESS SPORT SPORTS "
    "EDITORIAL COMMENTARY REVIEW INTERVIEW FACTBOX EXPLAINER FIGHTING DIPLOMACY ECONOMY CONTEXT BACKGROUND "
    "SHARE MENU HOME".split()
)
_NOT_DATELINE_PLACES = _NOT_PLACES | _LABELS

_BYLINE = re.compile(r"^(?:posted )?by\s+(?=(?-i:[A-Z]))(?P<rest>.{1,120})$", re.IGNORECASE)  # names start upper case
_HANDLE_BYLINE = re.compile(r"^(?-i:by)\s+(?P<rest>[a-z][a-z0-9_.-]{2,24})$")  # a blog's "by admin"
_AUTHOR_LINE = re.compile(r"^(?:authors?|written by|words by|posted by|reporter|reporting)\s*:\s*(?=[A-Z])(?P<rest>.{2,100})$",
                          re.IGNORECASE)
_AGENCY_BYLINE = re.compile(
    r"^(?:The Associated Press|Associated Press|Reuters(?: Staff)?|AFP|Agence France-Presse|Bloomberg(?: News)?|"
    r"(?:[A-Z][\w.’'-]+\s+){1,3}(?:[Ss]taff(?: [Ww]riters?| [Rr]eporters?| [Cc]orrespondents?)?|[Nn]ewsdesk|"
    r"(?:[Nn]ews |[Ww]eb |[Oo]nline |[Dd]igital )?[Dd]esk|[Nn]ewsroom|"
    r"[Ww]ire [Ss]ervices?|[Nn]ews [Ss]ervice)|[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){0,3}\s+NEWS SERVICE|"
    r"(?:Our|From [Oo]ur) (?:[Ss]taff |[Ss]pecial )?(?:[Cc]orrespondents?|[Rr]eporters?))$"
)
_NAME = r"[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+(?:-[A-Z][a-z’']+)?|de|van|von|der|da|al|bin|le)){1,3}"
_NAME_LINE = re.compile(rf"^{_NAME}$")
#: ``Jo Example | Riverton Gazette``: a byline under the headline, or, printed over each photo, its credit.
_NAME_PIPE_OUTLET = re.compile(rf"^(?P<name>{_NAME})\s*\|\s*(?P<outlet>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){{0,3}})$")
#: A blog theme's byline, glued: ``Jo ExampleBy Jo ExampleMarch 21, 2023No Comments5 Mins Read``.
#: A byline in a row of fields, "By" in the middle: ``Jo Example | By Jo Example | The Riverton Gazette``.
_PIPED_BYLINE = re.compile(rf"^(?:{_NAME}\s*\|\s*)By\s+(?P<name>{_NAME})\s*(?:\|\s*(?P<outlet>[^|]{{2,60}}))?$")
#: The date, then the byline, on one line: ``Nov. 16, 2023 - 15:11 By Jo Example``.
_DATED_BYLINE = re.compile(rf"^(?P<date>\S.{{3,40}}?)\s+[-|·]?\s*By\s+(?P<name>{_NAME})$")
_GLUED_BYLINE = re.compile(rf"^(?:{_NAME})?By\s+(?P<name>{_NAME})(?=(?:{MONTH})\b|{MONTH}\s*\d|\d)")
#: Another role after the author's name: ``Author: Jo Example, Approving editor: Ann Roe``.
_ROLE_FIELD = re.compile(r"^\s*[A-Z][\w’' -]{1,30}:\s*\S")
_DASH_NAME = re.compile(rf"^[-–—]\s*{_NAME}$")  # "- Olga R. Rodriguez" (PressReader)
_NAME_STATION = re.compile(rf"^(?P<name>{_NAME}),\s+(?P<station>[A-Z][A-Z0-9]{{1,6}}(?:\s+[A-Z][A-Z0-9]{{1,6}}){{0,2}})$")
_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w’'-]*\s+){0,4}(?:[\w’'-]+\s+)?(?:correspondent|reporter|editor|writer|producer|columnist|"
    r"journalist|contributor|bureau chief|analyst)s?$", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·;]\s*|\s+[–—-]\s+")
_OUTLET = re.compile(
    r"^(?:Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|The\s.+|"
    r".+\b(?:News|Times|Post|Press|Herald|Guardian|Journal|Telegraph|Tribune|Gazette|Correspondent|Today|Daily|"
    r"Star|Chronicle|Courier|Observer|Mirror|Express|Record|Standard|Media|Radio|Network|Wire)s?)$",
    re.IGNORECASE,
)
_STATION = re.compile(r"^[A-Z][A-Z0-9]{1,6}(?:\s+[A-Z][A-Z0-9]{1,6}){0,2}$")  # "RVTV", "WTCI PBS"
_OUTLET_WORDS = frozenset("news times post press herald guardian journal telegraph tribune gazette today daily star "
                          "chronicle courier observer mirror express record standard media radio network wire".split())
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d+\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|research|graphics|translation)\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story)\b"
    r"|^\(?\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s*©)|\ball rights reserved\b"
    # "TM and © Copyright 2015 <Owner> ...": the copyright sign and a year anywhere in a short line
    r"|(?:©|\(c\))\s*(?:copyright\s*)?(?:19|20)\d{2}\b"
    # "BBC Monitoring. Copyright BBC.": a short line that ends in "Copyright <Name>"
    r"|(?:^|[.!]\s+)(?-i:Copyright\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})\.?$"
    r"|^\(end\)$|^\(?with inputs from [\w ,]{2,40}\.?\)?$"
    # the print edition's note: "A version of this article appears in e-paper on <date>", "Published in <Paper>, <date>."
    r"|^a version of this (?:article|story) (?:appears|appeared)\b.{0,160}$"
    r"|^published in (?:the )?(?-i:[A-Z])[\w.&' -]{2,40},\s.{4,40}$"
    # editors' initials, with the agencies: "rc/sms (dpa, AP)"
    r"|^[a-z]{2,4}(?:/[a-z]{2,4})+(?:\s*\([^()]{1,60}\))?$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^[a-z]{2,4}$")  # the editor's initials alone, after the last paragraph
_CREDIT_TAIL = re.compile(
    r"\s(?P<credit>\((?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b[^()]{2,200}\)\.?"
    r"|\(end\)|\(with inputs from [\w ,]{2,40}\.?\)\.?)\s*$"
    # an agency's name after the last sentence: "... it read. IANS"
    r"|(?<=[.!?”\"’])\s+(?P<agency>(?-i:IANS|PTI|ANI|UNI|AFP|Reuters|Xinhua|TASS|dpa|EFE|KUNA|WAM|SPA|APP|Bernama|"
    r"Yonhap|Kyodo|Anadolu|AA|BSS|NNN))\s*$",
    re.IGNORECASE,
)
#: A photo credit alone on its line: ``Noah Berger/AP``, ``Jo Example / Reuters``.
_PHOTO_CREDIT = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s?/\s?(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Xinhua|Shutterstock|"
    r"iStock|Alamy|[A-Z]{2,6})(?: Photos?)?$")
_BRACKETED_CREDIT = (r"\((?=[^()]*[A-Z])(?=[^()]*(?:/|\bPhotos?\b|Getty|Screenshot|Source:|\bvia\b|\bFile\b|\bCourtesy\b|iStock|"
                     r"Shutterstock|Alamy|Unsplash|Pexels|Pixabay))[^()]{2,90}\)\.?")
_CAPTION = re.compile(
    r"^(?i:photo|image|picture|caption|pictured|file photo|photograph)\b\s*[:|]"
    r"|^(?i:image (?:source|caption)),\s"  # BBC pages
    r"|^(?i:photo credits?)\b"
    r"|^(?i:photo(?:graph)?|image|picture)\s+(?i:by|courtesy of)\s+[A-Z][\w.'’ -]{1,60}$"  # "Photo by Jo Example on Unsplash"
    r"|^[A-Z][A-Z .'’-]+/(?:AP|AFP|REUTERS|EPA|GETTY IMAGES)(?: PHOTO)?$"
    r"|(?:REUTERS|AP Photo|AFP|Getty Images)\s*/\s*\w[^.]{0,60}\)?$"
    r"|(?:\b|(?<=[a-z]))(?:Photograph|Photo|Image)(?:\s+by)?:\s*[^.]{2,60}$"  # glued: "...at a timeImage: Jo/NNA"
    rf"|\s{_BRACKETED_CREDIT}$"
    r"|[.!?”\"]?\s*[—–]\s*(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|Xinhua|Anadolu(?: Agency)?)\.?$"
    r"|[.!?]\s+(?:Photo|Image|Picture|File photo)s?\s+(?i:courtesy(?: of)?|by|via|credit:?)\s+[A-Z][^.!?]{1,90}$"
    # "... on her wall. ST PHOTO: JO EXAMPLE", "PHOTO: REUTERS": the credit in capitals at the end
    r"|(?:^|[.!?”\"]\s+)(?:[A-Z]{2,6}\s)?PHOTOS?:\s*[A-Z][A-Z .'’/-]{1,60}$"
    # "... to R$3.70, photo by Jo Example/Wikimedia Creative Commons.": the credit after a comma
    r"|,\s+(?i:photo(?:graph)?|image|picture)\s+(?i:by|courtesy of)\s+[A-Z][^.!?]{1,90}\.?$"
    # "Flags outside the town hall.Photo:", "... (photo credit: )": a credit left empty
    r"|(?<=[a-z.])(?:Photo|Image|Photograph):$|\((?i:photo|image) credit:[^()]{0,80}\)\.?$"
    r"|[.!?]\s+Courtesy\s+[A-Z].{1,80}(?:/Handout|via)\s+(?:REUTERS|Reuters|AP|AFP|Getty Images)$"
    # the photographer and the agency at the end: "...due to wildfires.Michael A. Mariant / MICHAEL A. MARIANT"
    r"|[.!?]\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3}\s*/\s*[A-Z][A-Z.'’ -]{1,40}$"
    rf"|{_PHOTO_CREDIT.pattern}"
    # "... on Tuesday. – Photo AP/Jo Example", or alone: the agency before the photographer
    r"|(?:^|[.!?”\"]\s*[—–-]\s*)(?i:photo):?\s+(?:AP|AFP|Reuters|REUTERS|EPA|PA|Getty Images|Xinhua|Anadolu)"
    r"\s*/\s*[A-Z][\w.'’ -]{1,40}$"
    # "... pose before the signing (AP)": an agency in brackets right after the last word, no stop
    r"|(?<=[\w’'])\s\((?:AP|AFP|Reuters|REUTERS|PA|PA Wire|EPA|Xinhua|Getty Images|Anadolu)\)$"
    # "Credit: Pixabay.", "Image source: <site>": a short credit line
    r"|^(?i:credits?|image source|photo source)\s*:\s*\S+(?:\s+\S+){0,5}$"
    # "... photo by Jo Example. Jo Example/Social Media/via REUTERS": a slashed credit that ends in the agency
    r"|[.!?]\s+[A-Z][^.!?]{1,80}/\s*(?:via\s+)?(?:REUTERS|Reuters|AP|AFP|Getty Images|EPA|Xinhua)$"
    # the agency glued after a slash at the end: "... of the year/GAZ-FILE", "... on Tuesday/AFP"
    r"|[a-z0-9]/[A-Z]{2,8}(?:-FILE)?$"
    # an image's path left in the page: "/wp-content/uploads/2022/11/<name>.jpeg"
    r"|^/?(?:[\w.-]+/)+[\w.-]+\.(?i:jpe?g|png|gif|webp)$"
    # a stock agency or "Supplied" alone on its line
    r"|^(?i:123rf|getty images|shutterstock|istock(?:photo)?|alamy|unsplash|pexels|pixabay|dreamstime|"
    r"depositphotos|supplied)(?i:\.com)?$"
)
#: "... on May 25, 2031. [Jo Example, Gazette]": a photographer's name and the outlet in square brackets at the end
#: (a newsletter's summaries end in the same form: the loader reads it only on a short line standing alone, and warns).
BRACKETED_PHOTOGRAPHER = re.compile(r"[.!?]\s*\[(?:[A-Z][\w.'’-]+\s){1,3}[A-Z][\w.'’-]+\s*(?:,|/)\s*[A-Z][\w.'’ -]{1,40}\]$")
#: A photo credit glued before an ABC-style dateline: ``kali9/iStock(BALTIMORE) — ...``.
GLUED_CREDIT = re.compile(r"^[\w.-]+(?:\s[\w.-]+){0,3}/[\w.-]+(?:\s[\w.-]+){0,2}(?=\([A-Z])")
CLOSING_QUOTES = "\"”’'»"
OPENING_QUOTES = "\"“‘'«"
_SENTENCE_END = tuple(".!?")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of off on onto or over per the to up via vs with".split()
)
_SENTENCE_OPENERS = frozenset("the a an this these those here there they he she it we i you our his her its".split())
_LIST_VERBS = frozenset("are is was were include includes included follows following said says added adds be "
                        "been being as".split())
#: "Jo Example reports from Riverton:": a line that hands over to a report is body, not a heading.
_REPORT_VERBS = frozenset("reports reported writes wrote says said explains explained tells told adds added".split())
#: A headline may end in an abbreviation's stop: ``... across Western Pa.``, ``... in the U.S.``
_ABBREVIATION_END = re.compile(
    r"\b(?:U\.S|U\.K|U\.N|E\.U|D\.C|N\.Y|N\.J|N\.C|S\.C|N\.H|N\.M|R\.I|W\.Va|Jr|Sr|Inc|Corp|Ltd|Co|St|Pa|Ga|"
    r"Fla|Calif|Mass|Va|Tenn|Ky|Ill|Mich|Wis|Minn|Ore|Wash|Colo|Ariz|Okla|Ala|La|Md|Conn|Del|Ind|Kan|Neb|Nev|Mo|"
    r"Miss|Mont|Wyo|Vt|Ark|Tex)\.$")


def ends_in_abbreviation(line: str) -> bool:
    """Whether the line's last stop belongs to an abbreviation ("Western Pa.", "the U.S.")."""
    return bool(_ABBREVIATION_END.search(line.rstrip()))


_WH_WORDS = frozenset("what who how why where when which".split())  # "What the minister told MPs:" is a heading
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|]{2,40}$")  # "Headline | Inquirer Opinion"
_LOOSE = re.compile(r"[^\w\s]|_")


def dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """Match a dateline at ``text[start:end]`` (the start of a body line); a label ("PHOTO –") is not a place."""
    match = DATELINE.match(text, start, end)
    if match is not None and match.group("place").rstrip(".") in _NOT_DATELINE_PLACES:
        return None
    return (match or _DATELINE_OUTLET.match(text, start, end)
            or _DATELINE_BRACKETED.match(text, start, end) or _DATELINE_GLUED_DASH.match(text, start, end)
            or _DATELINE_NO_DASH.match(text, start, end))


def dash_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """``Cape Town – ...``: a place in ordinary case and a long dash (weak: not a word, not a name between dashes)."""
    match = _DASH_DATELINE.match(text, start, end)
    if match is None or match.group("place").split()[0].lower() in _NOT_DASH_PLACES:
        return None
    sentence = re.split(r"(?<=[.!?])\s", text[match.end():end], maxsplit=1)[0]
    return None if re.search(r"\s[–—]\s|[–—]$", sentence) else match


def colon_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """``London: ...``: a place and a colon (a weak form; a label such as "Details:" is not one)."""
    match = COLON_DATELINE.match(text, start, end) or _COLON_DATELINE_CAPS.match(text, start, end)
    if match is None or any(word.lower() in _NOT_COLON_PLACES for word in match.group("place").split()):
        return None
    return match if len(text[match.end() : end].split()) >= 6 else None  # a sentence follows, not a name


def own_line_dateline(line: str) -> re.Match[str] | None:
    """A dateline alone on its line (``KIEV``, ``Kyiv • UNN``); the match has ``place`` (and ``agency``)."""
    match = _OWN_LINE_PLACE.match(line) or _OWN_LINE_AGENCY.match(line) or _OWN_LINE_DATED.match(line.strip())
    if match is None or any(word in _NOT_PLACES for word in match.group("place").split()):
        return None
    return match


def is_byline(line: str) -> bool:
    """``By Max Hunder``, ``BY MAX HUNDER``, ``By Jo Reporter, The Riverton Times``, ``Author: Jo Reporter``."""
    if (_AUTHOR_LINE.match(line) or _DASH_NAME.match(line.strip()) or _GLUED_BYLINE.match(line.strip())
            or _PIPED_BYLINE.match(line.strip()) or _HANDLE_BYLINE.match(line.strip()) or _dated_byline(line)
            or _dated_name(line)):
        return True
    return bool(_BYLINE.match(line)) and not line.rstrip().endswith((".", "!", "?", ":"))


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: A name or a desk, then the date, without "By": ``Jo Example Thursday, 27 January 2022, 19:09``.
_NAME_THEN_DATE = re.compile(rf"^(?P<name>.+?)\s+(?P<date>(?:{_WEEKDAY},?\s+)?(?:{MONTH}\b|\d{{1,2}}\s+{MONTH}\b).*)$")


def _dated_name(line: str) -> re.Match[str] | None:
    match = _NAME_THEN_DATE.match(line.strip())
    if match is None or not (_NAME_LINE.match(match.group("name")) or _AGENCY_BYLINE.match(match.group("name"))):
        return None
    return match if DATE.match(re.sub(rf"^{_WEEKDAY},?\s+", "", match.group("date"))) else None


def _dated_byline(line: str) -> re.Match[str] | None:
    match = _DATED_BYLINE.match(line.strip())
    return match if match is not None and is_date_line(match.group("date").rstrip(" -|·")) else None


def is_agency_byline(line: str) -> bool:
    """The agency alone where a byline stands: ``The Associated Press``, ``Reuters Staff``."""
    return bool(_AGENCY_BYLINE.match(line.strip()))


def is_name_line(line: str) -> bool:
    """Two to four capitalised words and nothing else (a name, maybe a byline without "By")."""
    return bool(_NAME_LINE.match(line.strip()))


def name_pipe_outlet(line: str) -> re.Match[str] | None:
    """``Jo Example | Riverton Gazette``: a name, a pipe and an outlet."""
    return _NAME_PIPE_OUTLET.match(line.strip())


def is_name_with_station(line: str) -> bool:
    """``Jo Example, RVTV``: a name and a broadcaster's call letters."""
    return bool(_NAME_STATION.match(line.strip()))


def is_outlet_line(line: str) -> bool:
    """An outlet's name alone under the author's name: ``The Times``, ``Associated Press``."""
    bare = line.strip()
    return len(bare.split()) <= 4 and not ends_sentence(bare) and bool(_OUTLET.match(bare)) and bare[:1].isupper()


def is_role_line(line: str) -> bool:
    """A reporter's role under the name: ``Northvale correspondent``."""
    return len(line.split()) <= 6 and bool(_ROLE_LINE.match(line.strip()))


def byline_fields(line: str) -> dict[str, str]:
    """Split a byline into ``author`` and, where given, ``outlet`` and ``date`` (ISO)."""
    if glued := _GLUED_BYLINE.match(line.strip()):
        rest = line.strip()[glued.end():]
        fields = {"author": glued.group("name")}
        if (date := iso_date(rest)) is not None:
            fields["date"] = date
        return fields
    if dated := _dated_name(line) or _dated_byline(line):  # the name and the date, in either order
        return {"author": dated.group("name"), **({"date": d} if (d := iso_date(dated.group("date"))) else {})}
    if piped := _PIPED_BYLINE.match(line.strip()):
        return {"author": piped.group("name"), **({"outlet": piped.group("outlet").strip()} if piped.group("outlet") else {})}
    rest = re.sub(r"^(?:(?:posted )?by|(?:authors?|written by|words by|posted by|reporter|reporting)\s*:)\s+|^[-–—]\s*", "", line.strip(),
                  flags=re.IGNORECASE)
    pieces = [p for p in _BYLINE_SEPARATOR.split(rest) if p.strip()] or [rest]
    extra = pieces[1:]
    dated = DATE.search(pieces[0])
    clock = _CLOCK.search(pieces[0])
    cut = min((m.start() for m in (dated, clock) if m is not None), default=None)
    if cut is not None:  # "by Jo Reporter October 3, 2031 3:02 PM 2 min read": the name ends at the date
        tail = pieces[0][cut:]
        pieces[0] = re.sub(r"(?:[\s,]+(?:on|at|updated|published))+$", "", pieces[0][:cut].rstrip(" ,"), flags=re.I)
        extra.insert(0, tail)
    names = pieces[0].split(",")
    while len(names) > 1 and (_OUTLET.match(names[-1].strip()) or iso_date(names[-1]) or _ROLE_FIELD.match(names[-1])
                              or _ROLE_LINE.match(names[-1].strip()) or (
            _STATION.match(names[-1].strip()) and not ",".join(names[:-1]).isupper())):
        extra.insert(0, names.pop())
    author = ",".join(names).strip()
    words = author.split()
    for n in (3, 2, 1):  # "Thomas Piller Global News": the outlet glued after the name
        if len(words) > n + 1 and _NAME_LINE.match(" ".join(words[:-n])) and _OUTLET.match(" ".join(words[-n:])) and (
                words[-n][:1].isupper() and words[-1].lower() in _OUTLET_WORDS):
            author = " ".join(words[:-n])
            break
    fields = {"author": author}
    for piece in (p.strip() for p in extra):
        if (date := iso_date(piece)) is not None:
            fields.setdefault("date", date)
        elif piece and not _CLOCK.search(piece) and not _ROLE_FIELD.match(piece):
            fields.setdefault("outlet", piece)
    return fields


def is_credit(line: str) -> bool:
    """``(Reporting by ...; Editing by ...)``, ``... contributed to this report.``, ``© 2024 ...``, ``(end)``."""
    return bool(_CREDIT.search(line.strip())) and len(line.split()) <= 60


def is_initials(line: str) -> bool:
    """An editor's initials alone on a line (``arn``); a credit only after the last paragraph."""
    return bool(_INITIALS.match(line.strip()))


def credit_tail(line: str) -> int | None:
    """Where a credit glued to the end of a paragraph starts (``... next month. (Reporting by ...)``)."""
    match = _CREDIT_TAIL.search(line)
    if match is None or not line[: match.start()].strip():
        return None
    return match.start("credit") if match.group("credit") else match.start("agency")


def is_caption(line: str) -> bool:
    """A photo caption or photo credit line."""
    return bool(_CAPTION.search(line.strip()))


def is_photo_credit(line: str) -> bool:
    """A photo credit alone on its line (``Noah Berger/AP``): the caption may stand on the next line."""
    return bool(_PHOTO_CREDIT.match(line.strip()))


def ends_sentence(line: str) -> bool:
    """The line ends with ``.``, ``!`` or ``?``, maybe followed by closing quotes or a bracket."""
    return line.rstrip().rstrip(CLOSING_QUOTES + ")]").endswith(_SENTENCE_END)


def ends_in_quote(line: str) -> bool:
    return line.rstrip().endswith(tuple(CLOSING_QUOTES))


def is_headline(line: str, *, next_line: str | None) -> bool:
    """Short, not a sentence, not a dateline, and the next line does not continue it."""
    bare = line.rstrip().rstrip(CLOSING_QUOTES)
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


def is_label(line: str) -> bool:
    """A section label: at most three words, no closing punctuation ("News", "On The Move")."""
    words = line.split()
    return (1 <= len(words) <= 3 and len(line) <= 30 and not ends_sentence(line)
            and not line.rstrip().endswith((",", ";", ":")) and line[:1].isupper())


def is_subhead(line: str) -> bool:
    """A short heading inside the body: a few words and no closing punctuation.

    A heading may end in a colon when it has at most six words ("Background:"), and may be a
    short phrase in quotation marks ("‘A long winter’").
    """
    words = line.split()
    bare = line.strip()
    if not 1 <= len(words) <= 10 or len(line) > 90:
        return False
    if bare.endswith(":"):  # "Background:", "Key developments on Dec. 6:", not "The new appointments are:"
        return (len(words) <= 6 and not bare.lstrip().startswith(OPENING_QUOTES)
                and words[0].lower() not in _SENTENCE_OPENERS and words[-1].rstrip(":").lower() not in _LIST_VERBS
                and not (words[0][:1].isupper() and words[0].lower() not in _WH_WORDS
                         and any(word.rstrip(":").lower() in _REPORT_VERBS for word in words[1:])))
    if bare[:1] in OPENING_QUOTES:
        inner = bare[1:].rstrip(CLOSING_QUOTES)
        return ends_in_quote(bare) and len(words) <= 8 and not inner.rstrip().endswith((".", "!", "?", ","))
    if ends_in_quote(bare) and bare.rstrip(CLOSING_QUOTES).rstrip().endswith((".", "!", "?", ",")):
        return False
    if bare.endswith("?"):  # "Are Cuts Copy Cat Behavior? Do They Pay Off?": a heading in Title Case
        return title_case(bare)
    return (not bare.endswith((".", "!", "?", ",", ";", ")"))
            and not bare.startswith(("(", "-", "•", "*", "–", "—")))


def is_bullet(line: str) -> bool:
    """A list item of at least three words ("- The council votes on Thursday")."""
    bare = line.lstrip()
    return bare[:1] in ("-", "•", "*", "–", "·") and len(bare[1:].split()) >= 3


def same_headline(line: str, headline: str) -> bool:
    """``line`` repeats ``headline`` (case, punctuation, a trailing `` | <Site>`` aside)."""
    def loose(value: str) -> str:
        return " ".join(_LOOSE.sub("", value).casefold().split())

    target = loose(headline)
    return bool(target) and (loose(line) == target or loose(_SITE_SUFFIX.sub("", line)) == target
                             or loose(line).endswith(" " + target) and len(line.split(":")[0].split()) <= 3
                             and ":" in line)


def exact_repeat(line: str, headline: str) -> bool:
    """The same characters as the headline (or the headline with `` | <Site>`` after it)."""
    return " ".join(line.split()) == " ".join(headline.split()) or (
        " ".join(_SITE_SUFFIX.sub("", line).split()) == " ".join(headline.split()))


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

    Hard-wrapped text has lines of nearly the same length, at most about 100 characters, most
    of which stop in the middle of a sentence, and many of which go on in lower case on the
    next line. A short web paste (a headline, a date, a link, a line of body) is not wrapped.
    """
    if len(lines) < 5:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 100:
        return None
    long_lines = [k for k, line in enumerate(lines) if len(line) >= 0.7 * width]
    open_lines = [k for k in long_lines if not ends_sentence(lines[k])]
    if len(long_lines) < 4 or len(long_lines) < 0.5 * len(lines) or len(open_lines) < 0.5 * len(long_lines):
        return None
    # most open lines go on in the middle of a sentence: the next line starts in lower case or with a
    # small word, or the open line stops after a comma or a small word
    going_on = sum(1 for k in open_lines if k + 1 < len(lines) and _goes_on(lines[k], lines[k + 1]))
    if going_on < 0.4 * len(open_lines):
        return None
    return int(statistics.median(len(lines[k]) for k in long_lines))


def _goes_on(line: str, after: str) -> bool:
    last = line.split()[-1] if line.split() else ""
    first = after.split()[0] if after.split() else ""
    return first[:1].islower() or last.endswith(",") or last.lower() in _SMALL_WORDS
