"""Direct quotations: each quotation of the body, given to the cue that introduces it.

A quotation is attributed in one of three ways, tried in this order:

1. its cue's frame holds it and nothing else (``Brandt said: "..."``; the parse of
   :mod:`newslab.attribution.patterns` finds it);
2. a reporting verb with a speaker stands in the sentences it touches, or in the sentence before
   when that one ends in a colon, or in the sentence right after when the parser ended the
   sentence inside the quotation (``"Rebuild it!" Brandt said.``): the verb whose clause holds the
   quotation wins, else the nearest;
3. it continues the quotation before it: in the same paragraph with only the attribution or
   nothing between (``split-quote``, ``continued-quote``), or as the next paragraph, opened by a
   quotation mark, when the paragraph before ended with the speaker's quotation
   (``continued-paragraph``).

The ``rule`` of each row names its pattern; :mod:`newslab.attribution.statements` lists them all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import columns as C
from ._base import Article, Statement
from .cues import REPORTING_VERBS
from .marks import MARKS, Quote
from .patterns import Found
from .speakers import can_speak, speaker_of, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["direct"]


def direct(article: Article, found: list[Found]) -> list[Statement]:
    """The rows of every statement: the reported and mixed ones of ``found``, and a row per quotation."""
    rows: list[Statement] = []
    held: dict[int, Statement] = {}  # quotation -> the cue's statement whose frame holds only quotations
    mixed: set[int] = set()
    for statements, quotes in found:
        first = statements[0]
        article.used_cues.add(first.cue[0])
        if first.kind == C.DIRECT:
            for q in quotes:
                held.setdefault(q, first)
        else:
            rows += statements
            mixed.update(quotes)
    last: Statement | None = None
    for n, quote in enumerate(article.marks):
        span = article.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not article.body[span.start] or n in mixed:
            last = None if n in mixed else last
            continue
        statement = _held(article, quote, held.get(n), last) if n in held else None
        statement = statement or _attribute(article, quote, span) or _continued(article, quote, span, last)
        if statement is not None:
            rows.append(statement)
            last = statement
    return rows


def _held(article: Article, quote: Quote, template: Statement | None, last: Statement | None) -> Statement | None:
    if template is None:
        return None
    content = quote_content(article.text, quote)
    if last is not None and last.cue == template.cue:  # the second quotation the cue's frame holds
        last.rule = "split-quote" if last.rule != "multi-paragraph" else last.rule
        return replace(template, content=content, rule="split-quote", quote_end=quote.end)
    return replace(template, content=content, rule=_rule(article.text, quote, template.cue[0], template.speaker),
                   quote_end=quote.end)


def _attribute(article: Article, quote: Quote, span: Span) -> Statement | None:
    doc = article.doc
    tokens = [t for t in _window(doc, span) if not article.quoted[t.i]]
    cues = [(t, who) for t in tokens if _is_cue(t) and t.idx not in article.used_cues
            and (who := speaker_of(t)) is not None and can_speak(who) and not article.quoted[who.i]]
    if not cues:
        return _after_colon(article, quote, span)
    inside = set(range(span.start, span.end))
    governing = [c for c in cues if any(a.i == c[0].i for t in span for a in t.ancestors if t.i in inside)]
    verb, who = (governing or sorted(cues, key=lambda c: min(abs(c[0].idx - quote.start),
                                                             abs(c[0].idx - quote.end))))[0]
    article.used_cues.add(verb.idx)
    speaker = speaker_span(who)
    cue = (verb.idx, verb.idx + len(verb), verb.lemma_.lower())
    rule = _rule(article.text, quote, verb.idx, speaker)
    whole = _around(article, verb, who, span)
    if whole is not None:  # "called it "a disgrace"": the quotation is part of reported speech
        return Statement(speaker, cue, (whole.start_char, whole.end_char), C.MIXED, rule)
    return Statement(speaker, cue, quote_content(article.text, quote), C.DIRECT, rule, quote_end=quote.end)


def _after_colon(article: Article, quote: Quote, span: Span) -> Statement | None:
    """'Brandt went on: "..."': a quotation right after a colon, introduced by any verb with a speaker."""
    doc = article.doc
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or article.quoted[i] or not article.body[i]:
        return None
    colon = doc[i]
    name = _name_before(article, i)
    if name is not None:  # "More from Brandt: "..."", "Turnout fell - Lena Brandt: "...""
        article.used_cues.add(colon.idx)
        return Statement(speaker_span(name), (colon.idx, colon.idx + 1, ":"), quote_content(article.text, quote),
                         C.DIRECT, "colon", quote_end=quote.end)
    verbs = [t for t in doc[colon.sent.start:i] if t.pos_ in ("VERB", "AUX") and not article.quoted[t.i]]
    chain = [colon.head, *colon.head.ancestors]  # the clause the colon ends, then the ones above it
    verbs = [t for t in chain if t in verbs] or sorted(verbs, key=lambda t: len(list(t.ancestors)))
    for verb in verbs:
        who = speaker_of(verb)
        if who is not None and can_speak(who) and not article.quoted[who.i] and verb.idx not in article.used_cues:
            article.used_cues.add(verb.idx)
            cue = (verb.idx, verb.idx + len(verb), verb.lemma_.lower())
            return Statement(speaker_span(who), cue, quote_content(article.text, quote), C.DIRECT, "colon",
                             quote_end=quote.end)
    return None


def _name_before(article: Article, colon: int) -> Token | None:
    """A name right before a colon, set off by a dash or "from" before it: the speaker of the quotation after
    the colon. Only a person or an organisation the parser recognised."""
    doc = article.doc
    start = colon
    while start > 0 and colon - start < 5 and doc[start - 1].pos_ == "PROPN" and not article.quoted[start - 1]:
        start -= 1
    if start == colon or start == 0 or doc[start - 1].text not in ("-", "—", "–", "--", "from", "From"):
        return None
    head = doc[colon - 1]
    return head if head.ent_type_ in ("PERSON", "ORG") else None


def _around(article: Article, verb: Token, who: Token, quote: Span) -> Span | None:
    """The verb's phrase that holds the quotation and other words too, if there is one."""
    doc = article.doc
    child = next((c for c in verb.children if c.left_edge.i <= quote.start <= c.right_edge.i), None)
    if child is None or child.dep_ not in ("ccomp", "dobj", "xcomp", "oprd", "prep", "dative") \
            or who.i in range(child.left_edge.i, child.right_edge.i + 1):
        return None
    start, end = min(child.left_edge.i, quote.start), max(child.right_edge.i + 1, quote.end)
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"
                           and doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and not article.quoted[end - 1]):
        end -= 1
    outside = [t for t in doc[start:end] if not article.quoted[t.i] and not (t.is_punct or t.is_space)]
    if not outside or any(t.sent.start != verb.sent.start for t in (doc[start], doc[end - 1])) and \
            any(article.quote_of[t.i] != article.quote_of[quote.start] for t in outside):
        return None
    return doc[start:end] if end - start < 120 else None


def _is_cue(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB" and token.dep_ != "amod"


def _window(doc: object, span: Span) -> list[Token]:
    """Tokens of the sentences the quotation touches; of the sentence before if it ends in ':'; of the
    sentence after if the quotation ends its sentence and the next one follows on the same line."""
    sdoc = span.doc
    sents = list({sdoc[i].sent.start: sdoc[i].sent for i in (span.start, span.end - 1)}.values())
    first, last = sents[0], sents[-1]
    if first.start > 0 and span.start <= first.start + 1:
        before = sdoc[first.start - 1].sent
        if any(t.text == ":" for t in before[-3:]):
            sents.insert(0, before)
    if last.end < len(sdoc) and span.end >= last.end - 1 and "\n" not in sdoc[last.end - 1].text_with_ws:
        after = sdoc[last.end].sent
        if after.start == last.end and not any(t.is_quote for t in after[:1]):
            sents.append(after)
    return [t for sent in sents for t in sent]


def _rule(text: str, quote: Quote, cue_start: int, speaker: Span) -> str:
    if quote.multi_paragraph:
        return "multi-paragraph"
    if cue_start > quote.start:
        return "quote-verb-speaker" if speaker.start_char > cue_start else "quote-speaker-verb"
    return "colon" if ":" in text[cue_start:quote.start] else "speaker-verb-quote"


def quote_content(text: str, quote: Quote) -> tuple[int, int]:
    """The quotation without its marks, surrounding spaces or a trailing comma."""
    start, end = quote.content_start, quote.content_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _continued(article: Article, quote: Quote, span: Span, last: Statement | None) -> Statement | None:
    """The second piece of a split quotation, a quoted sentence right after an attributed one, or a
    quoted paragraph right after a paragraph that ended with the speaker's quotation."""
    if last is None or last.kind != C.DIRECT or last.quote_end < 0:
        return None
    text = article.text
    gap = text[last.quote_end:quote.start]
    content = quote_content(text, quote)
    if "\n" in gap:
        if _opens_paragraph(text, quote) and _whole_paragraph(text, quote) and gap.count("\n") <= 2 \
                and (_ends_paragraph(text, last.quote_end) or _attribution_ends_paragraph(article, last)):
            return replace(last, content=content, rule="continued-paragraph", quote_end=quote.end)
        return None
    cue_between = last.quote_end <= last.cue[0] < quote.start and last.speaker.start_char >= last.quote_end
    if not (cue_between or not MARKS.sub("", gap).strip(" ,.")):
        return None
    cue = article.doc.char_span(last.cue[0], last.cue[1], alignment_mode="expand")
    split = cue_between and cue is not None and article.doc[span.start].sent.start <= cue[0].sent.start
    if split:
        last.rule = "split-quote"
    return replace(last, content=content, rule="split-quote" if split else "continued-quote", quote_end=quote.end)


def _opens_paragraph(text: str, quote: Quote) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    return not text[line_start:quote.start].strip()


def _line_end(text: str, at: int) -> int:
    """Where the paragraph holding ``at`` ends (its line break, or the end of the text)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _ends_paragraph(text: str, end: int) -> bool:
    rest = text[end:_line_end(text, end)]
    return len(rest.split()) <= 8  # the attribution ("Brandt said on Monday.") may follow the quotation


def _attribution_ends_paragraph(article: Article, last: Statement) -> bool:
    """The paragraph ends with the sentence of the quotation's attribution, however long: ``"...," Brandt
    told the council, a body of nine members elected in May.``"""
    text = article.text
    line_end = _line_end(text, last.quote_end)
    cue = article.doc.char_span(last.cue[0], last.cue[1], alignment_mode="expand")
    if not last.quote_end <= last.cue[0] < line_end or cue is None:
        return False
    sent_end = cue[0].sent.end_char
    return not text[sent_end:line_end].strip() and not MARKS.search(text, last.quote_end, sent_end)


def _whole_paragraph(text: str, quote: Quote) -> bool:
    """The quotation is all its paragraph holds: no attribution of its own ("she went on")."""
    return not text[quote.end:_line_end(text, quote.end)].strip(" .,;:!?”\"'’")
