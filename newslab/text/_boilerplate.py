"""The page furniture readers paste with an article: whole lines that are never body text.

Private to :mod:`newslab.text`. :func:`furniture` names the kind of one line by its form alone
(``"Read more:"``, ``"ADVERTISEMENT"``, ``"Skip to content"``, ``"This audio is created with AI
assistance"``, ...). Every form matches the *whole* line, so a body sentence that merely starts
with the same word ("Reading the accounts took ...", "Sources told ...", "Related events ...")
stays a paragraph. :func:`glued` finds the notes that pages glue to the first words of the body.
"""

from __future__ import annotations

import re
from typing import Final

from .. import columns as C
from ._dates import is_date_line

#: A line longer than this is prose, whatever word it starts with (a long line under a
#: boilerplate form gets a warning instead).
MAX_WORDS: Final = 30

_I = re.IGNORECASE


def _whole(*forms: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(forms) + r")$", flags)


_BOILERPLATE = _whole(
    # navigation
    r"(?:\d+\.\s*)?skip to (?:the )?(?:main )?(?:content|navigation|menu|main menu|search|footer|more .{1,40})\b.{0,40}",
    r"skip (?:navigation|nav|to navigation)", r"(?:back to )?(?:the )?(?:top|bottom) of (?:the )?page",
    r"home\s*[»›>]\s*.{1,200}",  # a breadcrumb: "Home » News » <title>"
    r"(?:/|home\s*/)\s*[^/]{1,40}(?:\s/\s*[^/]{1,40}){0,5}",  # "/ Front page / News", "Home / World"
    r"[·•]\s*[^·•]{1,30}(?:\s[·•]\s*[^·•]{1,30}){1,3}",  # a publisher's label on an aggregator: "· CNA · Join"
    r"edit post", r"connect with us", r"back to top", r"top", r"toggle navigation", r"main menu", r"menu", r"search",
    r"(?:hi,? )?what are you looking for\??", r"(?:type|start typing|press enter) (?:here )?to search\b.{0,40}",
    r"\[an error occurred while processing this directive\]",  # a web server's include that failed
    r"\[email(?:\s|&#160;)protected\]",  # an address a page hid from robots
    r"do you want to respond to this article\b.{0,200}",
    # an embedded post's signature: "— Jo Example (@jexample) February 27, 2017"
    r"[—–-]\s*[^()@]{2,60}\(@\w{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}",
    # a style sheet left in the page: "@media screen and (max-width: 600px) {", ".gmobile {", "display: none;", "}"
    r"[@.#]?[\w\s.:#,>()*-]{1,80}\{", r"\}", r"(?-i:-?[a-z][a-z-]{1,39})\s*:\s*[^\s;{}]+(?:[\s,]+[^\s;{}]+){0,5};",
    r"[-–—|•·*_=]+",
    # share buttons and permalinks
    r"share(?: this (?:article|story|page))?:?", r"share (?:on|via) \w+(?: \w+)?", r"email this link",
    r"copy link", r"copy (?:the )?url", r"print(?: this (?:article|page))?", r"leave your feedback", r"tweet",
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|email)(?:\s+(?:facebook|twitter|x|"
    r"linkedin|whatsapp|telegram|pinterest|reddit|email))*",
    r"https?://\S+", r"www\.\S+",
    # the browser notices and broken widgets
    r"(?:ie|internet explorer) \d+ is not supported\b.{0,160}", r"(?:your|this) browser (?:is|does) not\b.{0,160}",
    r"please (?:enable|update|upgrade) (?:javascript|your browser)\b.{0,120}",
    r"oops!?", r"something went wrong\.?", r"please try again later\.?", r"in this article:?",
    r"loading\.{0,3}", r"comments?(?: \(\d+\))?", r"\d+ comments?",
    r"(?:this (?:website|site) uses|we use) cookies\b.{0,200}", r"accept (?:all )?cookies",
    r"be the first of your friends\b.{0,40}",
    r"please read our comment(?:ing)? (?:policy|guidelines|rules)\b.{0,80}",
    r"click to (?:read more|hide|show|view|expand|comment|open|follow|play(?: video)?)\b.{0,160}",
    r"comments are moderated\b.{0,200}", r"share now:?",
    r"email the author", r"follow (?:on|us on) (?:twitter|x|facebook|instagram|linkedin|bluesky|threads)",
    # comment boxes: their heading, their rules, their state
    r"comments?\s*[:|-]\s*our rules", r"we want (?:our )?comments to be\b.{0,80}\bcommunity\b.{0,300}",
    r"(?:please )?(?:report|flag) any comments? that (?:break|breach|violate)s? our\b.{0,80}",
    r"(?:read the rules here\s*)?comments are (?:now )?(?:closed|disabled|switched off)\b.{0,60}",
    # a blog platform's comment form
    r"leave a (?:reply|comment)", r"cancel reply", r"add (?:a |your )?comment", r"post comment",
    r"your email address will not be published\b.{0,80}", r"required fields are marked\b.{0,10}",
    r"save my name,? email,? and website in this browser\b.{0,60}",
    r"this site uses akismet to reduce spam\b.{0,80}", r"be the first to comment\b.{0,200}",
    r"open full embed in (?:a )?new tab\b.{0,200}",
    # the page's own notices: an old story's banner, the disclaimer under external links
    r"this (?:article|story) is (?:more than |over )?(?:\d+|a|an|one|two|three) (?:years?|months?|days?) old",
    r".{1,40} (?:is|are) not responsible for the content of external (?:internet )?(?:web)?sites\.?",
    # the topics a page files the story under, as a label
    r"(?:key |related |more )?(?:topics|tags)\s*:?", r"filed under\s*:?", r"tagged(?: with)?\s*:?",
    # tracking ids: one token with a long run of digits; a counter alone (comments, shares)
    r"[A-Za-z]{0,12}\d{12,}[A-Za-z0-9]*", r"\d{1,5}",
    r"[+\-−]\d+(?:[.,]\d+)?\s*%?|\d+[.,]\d+\s*%",  # a ticker's move: "-0.9400", "+1.25%"
    # blog and feed platforms
    r"showing posts with label .{1,60}", r"show all posts", r"(?:older|newer) posts?", r"post a comment",
    r"no comments:?", r"\d+ comments?:?", r"subscribe to: .{1,60}", r"labels?: .{1,120}",
    r"posted by .{1,80}\bat\b.{1,40}",  # a blog's footer, with the time (without it, "Posted by <Name>" is a byline)
    r"powered by \w[\w .-]{1,40}", r"(?:sorry, )?(?:there (?:are|is) )?no (?:recent )?(?:results|comments|posts|"
    r"articles|stories)\b.{0,80}", r"commented", r"most (?:read|viewed|commented|popular)",
)
_AD = _whole(
    r"advertisement", r"[-–—]\s*advertisement\s*[-–—]", r"this advertisement has not loaded yet\b.{0,100}",
    r"advertising", r"sponsored(?: content)?", r"ad", r"(?:partner|paid|branded) (?:content|post)",
    r".{1,40}\((?:sponsored|sponsored content|paid post|partner content|advertorial)\)", r"(?:home|post|page|header|footer|sidebar) "
    r"(?:top|bottom|middle|side) ad", r"scroll to continue(?: with content)?",
    r"(?:article|story) continues (?:below|after (?:this )?(?:the )?advertisement)(?: advertisement)?",
    r"continue reading (?:the main story|below)", r"(?:additional )?support (?:for [\w ]{1,40} )?(?:is )?provided by:?",
    r"learn more", r".{0,40}\b\d{3}x\d{2,3}",  # a slot's name and size: "<advertiser> brd 070125 300x250"
)
_NEWSLETTER = _whole(
    r"sign up(?: for (?:our|the) [\w ’'-]{0,40}(?:newsletters?|e-?mails?|e-?mail alerts|alerts)| now| here)?[.!]?",
    r"get the latest (?:news|headlines|stories) from .{1,60} (?:in|to|straight to) your inbox\.?",
    r"subscribe(?: now| here| today)?[.!]?", r"newsletters?",
    r"subscribe to .{1,80}\bnewsletter\b.{0,120}",
    r"thank you\. please check your inbox to confirm\.?",
    r"get (?:the|our) .{1,60} delivered to your (?:inbox|home address|door)\.?",
    r"find out what[’']s happening in .{1,60}\bwith (?:free,? )?(?:real-time )?(?:updates|alerts|newsletters?)\b.{0,60}",
    r"your e-?mail(?: address)?:?", r"let[’']s go!?",
)
_PROMO = _whole(
    # membership appeals, in the imperative: a body sentence that mentions members is not one
    r"(?:.{0,100}(?:[—–-]|[.!])\s*)?become a member\b.{0,100}", r"goal: .{0,80}\bmembers?\b.{0,120}",
    r"(?:gift (?:a )?membership|support us(?: just once)?|join us in this fight|support independent journalism)\b.{0,100}",
    r"join us on (?:telegram|whatsapp|facebook|instagram|x|twitter|youtube)\.?",
    r"\(?follow (?:us|me|our coverage\b.{0,60}|(?:[A-Z][\w’'-]+\s){1,3}) ?on .{0,40}(?:@\S+|telegram|whatsapp|"
    r"facebook|instagram|x|twitter|youtube)\b.{0,30}",
    r"download (?:our|the) (?:free )?app\b.{0,60}", r"donate(?: now| today)?[.!]?",
    # paywalls
    r"\W{0,3}\s*you have (?:\d+|one|two|three) (?:more )?free (?:articles?|stories) (?:left|remaining|available)?\b.{0,120}",
    r"you(?:'ve| have) reached your (?:limit|free article limit)\b.{0,120}", r"subscribe to (?:continue|keep) reading\b.{0,60}",
    r"(?:for (?:full )?access to this (?:article|story|content),?\s*)?(?:please )?(?:sign|log) in or subscribe\b.{0,60}",
    r"you must (?:log|sign) in to (?:continue reading|read)\b.{0,80}", r"register (?:for free )?to (?:read|continue)\b.{0,120}",
    r"this (?:article|story|content) is (?:only )?(?:accessible|available) to (?:registered users|subscribers)\b.{0,400}",
    r"support (?:quality|independent|local|trusted)\b[\w ,]{0,40}journalism[^.!?]{0,40}",
    r"support (?:the |us|our )[^.!?,]{0,40}!", r"buy (?:a )?subscriptions?\b.{0,80}",  # "Support The Reykjavík Grapevine!"
    # a site's appeal to follow it: "Never miss another Facebook post from <Site>", "Subscribe to our channel"
    r"never miss (?:another|a) (?:facebook |instagram |x |youtube )?(?:post|story|update|video)s? from .{1,60}",
    r".{0,80}\bsubscribe to our (?:youtube )?channel\b.{0,120}",
    r".{1,60}\s[-–—|]\s*your (?:fastest|trusted|best|first|number one|go-to|#1) source for .{1,80}",
)
_EDITOR_NOTE = _whole(
    r"editor[’']?s[’']? note\b.{0,400}",
    # "UPDATED (1557PST 8 November 2011): ...", "UPDATE: ...": the note is in capitals, the body's "Update the map" is not
    r"(?-i:UPDATED?)(?:\s*\([^()]{1,60}\))?\s*:\s*\S.{0,300}",
    r"\(?[^()]{0,80}\bhas not been edited by\b[^()]{0,120}\)?",
    r"\[(?:this )?(?:article|story|post)? ?(?:was |has been )?(?:updated|corrected|amended)\b[^\[\]]{0,300}\]",
    r"more to come(?:\.{3}|…|\.)?", r"this is a developing story\b.{0,200}",
    r"this (?:story|article) (?:has been|was|will be|is being) updated\b.{0,200}",
)
_AUDIO = _whole(
    r"this audio is (?:created|generated|auto-generated|produced)\b.{0,160}",
    r"listen to this (?:article|story)\b.{0,60}", r"press play to listen to this article\b.{0,80}",
    r"voiced by artificial intelligence\.?", r"no media source currently available",
    r"audio version\b.{0,40}", r"audio by [\w .-]{2,40}", r"\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)+",
)
_SOURCE = _whole(r"sources?(?: link)?", r"sources?\s*:\s*\S.{0,150}",
                 r"the post .{5,200} appeared first on .{2,80}",  # a feed's footer
                 r"this (?:article|story) (?:originally |first )?(?:appeared|ran|was (?:first |originally )?published)"
                 r" (?:on|in) .{2,200}",
                 r"original(?: article| story)? (?:from|at|on) \S{4,80}", r"(?:full |original )?story here\.?")
#: The syndicator's tag in brackets before the dateline: ``(MENAFN- Kuwait News Agency (KUNA))``.
SYNDICATOR = re.compile(r"\([A-Z][A-Za-z]{1,15}\s*-\s*[^()]{2,60}(?:\([A-Z]{2,8}\))?\)"
                        r"|\[[A-Z][\w .’'&-]{1,40}\]")  # or the source in square brackets: ``[Daily News] Dodoma --``
#: An agency's name alone, or with its section in capitals: ``Anadolu Agency WORLD``.
_AGENCY_SECTION = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,4}(?:Agency|News Agency|Press Agency)"
                             r"(?:\s+[A-Z]{3,})?$")
_RELATED_WORDS = (
    r"read more|read also|also read|related|related (?:stories|articles|posts|news|coverage|content|topics)|"
    r"more on this(?: story)?|more stories|more news|news in brief|show me more!?|see also|see all|featured stories|"
    r"more images|"
    r"watch the full episode|recommended(?: stories)?|most read|top stories|you may also like|"
    r"(?:more|articles|stories|news) from [\w .’'-]{1,30}"
)
_RELATED_LABEL = _whole(rf"(?:{_RELATED_WORDS})\s*[:»>…]*",
                        # "RELATED STORIES FROM <SITE> ABOUT <TOPIC>:": a label that says whose links follow
                        r"(?:related|more) (?:stories|articles|posts|news|coverage|videos?)\b[^.!?]{1,80}:")
_RELATED_TITLED = re.compile(
    # "To read the full article click here.", "Click here for the latest updates."
    r"^(?:to )?(?:read|see|watch|view|download|listen to|hear) (?:the )?(?:full|whole|complete|original|rest of the|"
    r"entire) .{0,40}(?:click|tap) here\.?$|^(?:click|tap) here\b.{0,100}$"
    r"|^(?:read more|read also|also read|read|related|see also|watch|watch next|more)\s*[:»>|]+\s*\S.{0,200}$"
    r"|^(?:also read|read also)\s+\S.{0,200}$|^see also\s+(?-i:[A-Z\"“‘]).{0,200}$"
    r"|^.{3,100},\s*(?:click|tap) here\.?$"  # "For up to date warnings, click here."
    r"|^(?:read|see) the (?:full|whole|complete|original) (?:article|story|report)(?: here)?\.?$"
    r"|^[«‹<]?\s*(?:previous|next)(?: article| story| post)?\s*[:»›>]\s*\S.{0,200}$"
    r"|^watch (?:a |the )?(?:related )?videos? below:?$"
    r"|^.{4,200}\s+(?:…\s*)?read more\s*[»>.…]*$",
    re.IGNORECASE,
)
_GLUED_LABELS = re.compile(r"[a-z][A-Z][a-z]")
#: A social page's like box: ``Soccer News Like`` (a name of capitalised words, then "Like").
_LIKE_BOX = re.compile(r"^(?:[A-Z][\w.&'’-]*\s){1,4}Like$")
#: A link in a list of stories: a title, then when it was posted ("... - 31 mins ago", "... - November 6, 2020").
_TIMED_LINK = re.compile(r"^(?P<title>.{10,200}?[^.!?,;:])\s+[-–—|]\s+(?P<when>.{4,40})$")
_TOPICS_LABEL = _whole(r"(?:key |related |more )?(?:topics|tags)\s*:?", r"filed under\s*:?", r"tagged(?: with)?\s*:?")
_AUTHOR_LABEL = _whole(r"authors?:?", r"about the authors?", r"written by:?",
                       # "<Desk> reporter Jo Example can be reached at <address>": the reporter's note at the end
                       r".{0,120}\bcan be (?:reached|contacted|emailed) (?:at|by|via)\b.{0,120}")

#: Notes glued before the first sentence of the body: the note ends where the body begins.
_GLUED_NOTES: Final = (
    (C.AUDIO, re.compile(r"^(?:press play to listen to this article|listen to this article)"
                         r"(?:\s+voiced by artificial intelligence\.)?", re.IGNORECASE)),
    (C.EDITOR_NOTE, re.compile(r"^editor[’']?s[’']? note:\s*(?:this (?:is a developing story|story is developing)"
                               r"|this (?:story|article) (?:has been|was|will be|is being) updated)[^.!?]{0,160}[.!?]",
                               re.IGNORECASE)),
)


def furniture(line: str) -> str | None:
    """The kind of a line of page furniture, or ``None`` when it is not one.

    Examples:
        >>> [furniture(line) for line in ["Read more:", "ADVERTISEMENT", "Share on LinkedIn", "Source: NATO"]]
        ['related', 'ad', 'boilerplate', 'source']
        >>> [furniture(line) for line in ["Read together, the reports agree.", "Sources told Reuters so."]]
        [None, None]
    """
    bare = line.strip()
    if len(bare.split()) >= 30 and not re.search(r"[.,;:!?]", bare) and bare[:1] not in "-–—•*·":
        return C.BOILERPLATE  # a run of menu or icon labels: prose always has some punctuation
    if not bare or len(bare.split()) > MAX_WORDS * 2:
        return None
    for kind, pattern in _FORMS:
        if pattern.match(bare):
            return kind
    if "|" in bare and all(furniture(part) for part in bare.split("|")):
        return C.BOILERPLATE  # "Email the author | Follow on Twitter": a row of links
    if _LIKE_BOX.match(bare) or (len(_GLUED_LABELS.findall(bare)) >= 3 and not re.search(r"[.!?]", bare)):
        return C.BOILERPLATE  # "OperationsThe Recruiting Worx PodcastMoney + Investments...": menu labels glued
    if SYNDICATOR.fullmatch(bare) or _AGENCY_SECTION.match(bare):
        return C.SOURCE_LINE
    if (link := _TIMED_LINK.match(bare)) and is_date_line(link.group("when")) and not bare.lower().startswith("by "):
        return C.RELATED
    return None


def is_topics_label(line: str) -> bool:
    """The label above the topics a page files the story under ("Key Topics", "Tags:")."""
    return bool(_TOPICS_LABEL.match(line.strip()))


_SPONSORED_LABEL = _whole(r"(?:.{1,40}\s*)?\(?(?:sponsored|sponsored content|paid post|partner content|advertorial)\)?")


def is_sponsored_label(line: str) -> bool:
    """The label over a box of paid teasers ("Gazette360 (Sponsored)", "Partner content")."""
    return bool(_SPONSORED_LABEL.match(line.strip())) or line.strip().lower() in {"paid content", "branded content"}


def is_related_label(line: str) -> bool:
    """A bare label under which a page lists links ("RELATED STORIES", "Read more:")."""
    return bool(_RELATED_LABEL.match(line.strip()))


def glued(line: str) -> tuple[str, int] | None:
    """A note glued before the first sentence of a line: its kind and where the body begins."""
    for kind, pattern in _GLUED_NOTES:
        match = pattern.match(line)
        if match is not None:
            rest = line[match.end() :]
            start = match.end() + len(rest) - len(rest.lstrip())
            first = rest.lstrip()[:1]
            if len(rest.split()) >= 6 and (first.isupper() or (first != "" and first in "\"“‘'")):
                return kind, start
    return None


_FORMS: Final = (
    (C.RELATED, _RELATED_LABEL),
    (C.RELATED, _RELATED_TITLED),
    (C.BOILERPLATE, _BOILERPLATE),
    (C.AD, _AD),
    (C.NEWSLETTER, _NEWSLETTER),
    (C.PROMO, _PROMO),
    (C.EDITOR_NOTE, _EDITOR_NOTE),
    (C.AUDIO, _AUDIO),
    (C.SOURCE_LINE, _SOURCE),
    (C.AUTHOR, _AUTHOR_LABEL),
)
