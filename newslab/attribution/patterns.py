"""Reported speech: the statement a cue word carries, found in the dependency parse.

Each cue (a verb or noun of :mod:`newslab.attribution.cues`) with a speaker
(:func:`newslab.attribution.speakers.speaker_of`) is tried against its frames, most specific
first; the first frame the parse shows gives the content and the rule:

==========================  ===================================================================
rule                        pattern (frame)
==========================  ===================================================================
``reported-clause``         ``Brandt said that the bridge is safe.`` (clause)
``reported-request``        ``Brandt urged residents to sign up for alerts.`` (object-to)
``reported-complement``     ``Brandt called the delay a disgrace.`` (object-complement)
``call-for``                ``Brandt called for the council to act.`` (prep:for of "call")
``reported-prep``           ``Brandt talked about the cost.``, ``called on the council to act``
``reported-object``         ``Brandt criticized the delay in the tender.`` (object)
``reported-to``             ``Brandt vowed to rebuild the bridge.`` (to)
``noun-clause``             ``Brandt's claim that the bridge is safe`` (a noun cue's clause)
``noun-prep``               ``Brandt's criticism of the tender`` (a noun cue's preposition)
``parenthetical``           ``The bridge, Brandt said, is safe.``; ``As Brandt noted, it is safe.``
``according-to``            ``The bridge is safe, according to Brandt.``
``name-colon``              ``Brandt: the bridge is safe`` (a paragraph that opens with a name)
==========================  ===================================================================

A content that holds a partial quotation is *mixed* (``said the plan was "a disaster"``): its
content is the whole clause. A content that is nothing but quotations is left to
:mod:`newslab.attribution.direct`, which reads it as a direct quotation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .. import columns as C
from ._base import Article, Statement, trimmed, words
from .cues import frames
from .speakers import can_speak, speaker_of, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["reported", "Found"]

_EXTENDERS: Final = frozenset({"for", "of", "to", "as", "on", "over", "about", "against", "in", "from", "with", "by"})
#: Nouns of the occasion or medium of a statement, which is no part of it ("criticized the plan | on Twitter").
_OCCASIONS: Final = frozenset("""
    interview statement speech rally debate event conference show program programme tweet post radio television
    tv twitter facebook instagram video appearance hearing meeting letter email call broadcast network news
    podcast briefing forum town hall floor session campaign trail op-ed column website blog article media page
    anonymity
""".split())
#: Punctuation a content keeps at its end when a dangling conjunction before it is cut.
_KEPT_AT_END: Final = frozenset({"%", "”", '"', "'", "’", ")"})
_LEADING: Final = frozenset({"that", "whether", "if"})
_LEAD_NOUNS: Final = frozenset({"poll", "polls", "report", "survey", "study", "sources", "analysis", "review", "q", "a",
                                 "newspaper"})

#: Token ranges of a content's pieces, and the rule.
Match = tuple[list[tuple[int, int]], str]
#: The rows of one statement (one per piece of its content) and the quotations it holds.
Found = tuple[list[Statement], list[int]]


def reported(article: Article) -> list[Found]:
    """Every reported (or mixed) statement of the article's body, with the quotations it holds.

    Statements whose content is only quotations come back with kind ``direct`` and are finished
    by the direct pass.
    """
    found: list[Found] = []
    doc = article.doc
    for token in doc:
        if not article.body[token.i] or article.quoted[token.i]:
            continue
        result = _at(article, token)
        if result is not None:
            found.append(result)
    found += _name_colons(article)
    return found


def _at(article: Article, token: Token) -> Found | None:
    if token.lower_ == "according":
        return _according(article, token)
    noun = token.pos_ in ("NOUN", "PROPN")
    if token.pos_ not in ("VERB", "NOUN") or token.dep_ == "amod" or noun and token.ent_type_:
        return None
    fs = frames(token.lemma_, noun=noun)
    if not fs:
        return None
    speaker = speaker_of(token)
    if speaker is None or not can_speak(speaker) or article.quoted[speaker.i]:
        return None
    match = _noun_frame(token, fs) if noun else _verb_frame(token, fs)
    if match is None and not noun and "clause" in fs:
        return _parenthetical(article, token, speaker)
    if match is None:
        return None
    pieces, rule = match
    spans = [span for start, end in pieces if (span := trimmed(article.doc, start, end)) is not None]
    return _make(article, speaker, _cue(token), spans, rule) if spans else None


# --- frames ---------------------------------------------------------------------------------------------


def _verb_frame(verb: Token, fs: tuple[str, ...]) -> Match | None:
    """The content and rule of the first of the verb's frames (most frequent first) the parse shows.

    An object with a "to" clause or a complement beats the bare object or "to" clause it contains.
    """
    children = list(verb.children)
    for frame in fs:
        wider = ("object-to", "object-complement") if frame in ("object", "to") else ()
        for option in (*[w for w in wider if w in fs], frame):
            found = _frame(verb, children, option)
            if found is not None:
                return found
    return None


def _frame(verb: Token, children: list[Token], frame: str) -> Match | None:
    dobj = next((t for t in children if t.dep_ == "dobj"), None)
    if frame == "clause":
        clauses = _ccomps(verb, children)
        if not clauses:
            return None
        pieces = [_clause(c) for c in clauses]
        joined = _joined_clause(verb, pieces[-1][1])
        if joined is not None:
            pieces[-1] = (pieces[-1][0], joined)
        return [piece for p in pieces for piece in _around_cue(verb, p)], "reported-clause"
    if frame.startswith("prep:"):
        return _prep_frame(verb, children, frame[5:])
    if frame == "to":
        to = next((t for t in children if t.dep_ == "xcomp" and _has_to(t)), None)
        return ([(to.left_edge.i, _end(to))], "reported-to") if to is not None else None
    if dobj is None:
        return None
    if frame == "object-to":
        to = next((t for t in children if t.dep_ == "xcomp" and t.i > dobj.i and _has_to(t)), None)
        return ([(dobj.left_edge.i, _end(to))], "reported-request") if to is not None else None
    if frame == "object-complement":
        complement = next((t for t in children if t.dep_ in ("oprd", "xcomp", "ccomp", "dobj") and t.i > dobj.i), None)
        return ([(dobj.left_edge.i, _end(complement))], "reported-complement") if complement is not None else None
    if frame == "object":
        if dobj.pos_ == "PRON" and dobj.n_lefts + dobj.n_rights == 0 or dobj.lower_ in ("so", "what"):
            return None  # "criticized him": who, not what
        return [(dobj.left_edge.i, _extended(verb, dobj))], "reported-object"
    return None


def _ccomps(verb: Token, children: list[Token]) -> list[Token]:
    """The verb's clause: one before it set off by a comma ("The dam holds, she said"), one after it, or
    both (the pieces of a split statement)."""
    clauses = [t for t in children if t.dep_ == "ccomp"]
    after = next((t for t in clauses if t.i > verb.i), None)
    before = next((t for t in reversed(clauses) if t.i < verb.i), None)
    if before is not None:
        gap = verb.doc[before.right_edge.i + 1:verb.i]
        before = before if not any(t.text in (";", ":", "—", "–", "(", ")") for t in gap) else None
    return [c for c in (before, after) if c is not None]


def _joined_clause(verb: Token, end: int) -> int | None:
    """The end of a clause with a subject of its own that the parser joined to the cue verb right after its
    content: "She said the tool worked, but people were still waiting" (the speaker's words go on)."""
    doc = verb.doc
    for conj in (t for t in verb.rights if t.dep_ == "conj"):
        first = conj.left_edge
        gap = doc[end:first.i]
        cc = [t for t in doc[end:conj.i] if t.dep_ == "cc" and t.head.i in (verb.i, conj.i)]
        if not cc or any(t.text != "," and t.dep_ != "cc" for t in gap) or cc[0].i > first.i + 1:
            continue
        subject = next((t for t in conj.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None or subject.i < cc[0].i or frames(conj.lemma_):
            continue
        return _end(conj)
    return None


def _prep_frame(verb: Token, children: list[Token], word: str) -> Match | None:
    rule = "call-for" if verb.lemma_ == "call" and word == "for" else "reported-prep"
    for prep in (t for t in children if t.dep_ == "prep" and t.lower_ == word):
        found = _prep(verb, prep)
        if found is not None:
            return [found], rule
    for clause in (t for t in children if t.dep_ == "advcl"):  # "called | for the council to act"
        mark = next((t for t in clause.children if t.dep_ == "mark" and t.lower_ == word), None)
        if mark is not None and mark.i == clause.left_edge.i:
            return [(mark.i + 1, _end(clause))], rule
    return None


def _prep(verb: Token, prep: Token) -> tuple[int, int] | None:
    pobj = next((t for t in prep.children if t.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return None
    end = _end(pobj)
    to = next((t for t in verb.children if t.dep_ == "xcomp" and t.i > pobj.i and _has_to(t)), None)
    to = to or next((t for t in pobj.children if t.dep_ in ("acl", "relcl") and _has_to(t)), None)
    if to is not None:  # "called on the council to act"
        end = max(end, _end(to))
    return pobj.left_edge.i, end


def _noun_frame(noun: Token, fs: tuple[str, ...]) -> Match | None:
    for child in noun.children:
        if "clause" in fs and child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in ("VERB", "AUX") \
                and any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children):
            return [_clause(child)], "noun-clause"
        if child.dep_ == "prep" and f"prep:{child.lower_}" in fs:
            pobj = next((t for t in child.children if t.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return [(pobj.left_edge.i, _end(pobj))], "noun-prep"
    return None


def _has_to(verb: Token) -> bool:
    return any(t.lower_ == "to" and t.dep_ == "aux" for t in verb.lefts)


def _end(head: Token) -> int:
    return head.right_edge.i + 1


def _around_cue(verb: Token, piece: tuple[int, int]) -> list[tuple[int, int]]:
    """A clause that starts before its own cue ("the wall, which she said the town would pay for") without
    the speaker and the cue: "which" and "the town would pay for" are what she said."""
    start, end = piece
    if not start < verb.i < end:
        return [piece]
    subjects = [t.left_edge.i for t in verb.lefts if t.dep_ in ("nsubj", "nsubjpass")]
    after = [t.i for c in verb.rights if c.dep_ == "ccomp" for t in c.subtree if t.i > verb.i]
    cut = (min([verb.i, *subjects]), min(after) if after else verb.i + 1)
    return [p for p in ((start, cut[0]), (cut[1], end)) if p[1] > p[0]]


def _clause(head: Token) -> tuple[int, int]:
    """The clause's subtree without a leading "that" or a trailing ", adding ..." comment."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in ("advcl", "conj") and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    while start < end and doc[start].dep_ == "mark" and doc[start].lower_ == "that":
        start += 1
    return start, end


def _extended(verb: Token, obj: Token) -> int:
    """An object's end, extended by the phrases the parser hung on the verb right after it: "criticized
    the plan | for its cost", "described the visit | as historic", "stressed the need | to act"."""
    end = _end(obj)
    for child in verb.rights:
        first = child.left_edge
        if first.i == end and child.dep_ in ("prep", "advcl", "xcomp", "oprd") and (
                first.lower_ in _EXTENDERS or child.dep_ == "oprd") and not _occasion(child):
            end = _end(child)
    return end


def _occasion(phrase: Token) -> bool:
    """A prepositional phrase that says when, where or through what a statement was made."""
    pobj = next((t for t in phrase.children if t.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return pobj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or pobj.lemma_.lower() in _OCCASIONS


# --- the cue inside the content ----------------------------------------------------------------------------


def _parenthetical(article: Article, verb: Token, speaker: Token) -> Found | None:
    """"The bridge, Brandt said, is safe." / "The bridge is safe, Brandt said." / "As Brandt noted, ..."."""
    doc = verb.doc
    if any(t.dep_ in ("ccomp", "dobj", "xcomp", "prep", "attr", "acomp") for t in verb.children):
        return None
    if verb.dep_ not in ("parataxis", "advcl", "ccomp") or verb.head.i == verb.i:
        return None
    if verb.dep_ == "advcl" and not any(t.lower_ == "as" and t.dep_ == "mark" for t in verb.children):
        return None
    sent = verb.sent
    inner = {t.i for t in verb.subtree}
    around = [t.i for t in verb.head.subtree if t.i not in inner and sent.start <= t.i < sent.end]
    if not around:
        return None
    first, last = min(inner), max(inner) + 1
    pieces = [trimmed(doc, around[0], first), trimmed(doc, last, around[-1] + 1)]
    kept = [p for p in pieces if p is not None and words(p)]
    if sum(len(words(p)) for p in kept) < 3:
        return None
    return _make(article, speaker, _cue(verb), kept, "parenthetical")


# --- according to, and a name before a colon -------------------------------------------------------------


def _according(article: Article, token: Token) -> Found | None:
    doc = article.doc
    to = next((t for t in token.children if t.lower_ == "to"), None) or (
        token.nbor() if token.i + 1 < len(doc) and token.nbor().lower_ == "to" else None)
    pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
    sent = token.sent
    head = token.head if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX") else None
    words_after = [t for t in doc[max(phrase) + 1:sent.end] if not (t.is_punct or t.is_space)]
    if min(phrase) <= sent.start + 1 or not words_after:
        head = None  # "According to X, ..." and "..., according to X." speak for the whole sentence
    scope = sorted(t.i for t in (head.subtree if head is not None else sent) if sent.start <= t.i < sent.end)
    if head is not None:  # "X, according to Brandt, and Y": the clause joined after the phrase is not hers
        others = {t.i for c in head.rights if c.dep_ == "conj" and c.i > max(phrase)
                  and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for t in c.subtree}
        others |= {c.i for c in head.rights if c.dep_ == "cc" and c.i > max(phrase)}
        scope = [i for i in scope if i not in others]
    rest = [i for i in scope if i not in phrase and not (doc[i].is_punct or doc[i].is_space)]
    if not rest:
        return None
    cue = (token.idx, to.idx + len(to), "according to")
    cuts = sorted(phrase)
    pieces = [trimmed(doc, rest[0], cuts[0]), trimmed(doc, cuts[-1] + 1, rest[-1] + 1)]
    kept = [p for p in pieces if p is not None and words(p) and p.start >= rest[0] and p.end <= rest[-1] + 1]
    return _make(article, pobj, cue, kept, "according-to") if kept else None


def _name_colons(article: Article) -> list[Found]:
    """"Brandt: The bridge is safe." A paragraph that opens with a name (or "Poll", "Report") and a colon."""
    doc = article.doc
    found: list[Found] = []
    persons = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent}  # "Brandt:" after "Lena Brandt"
    for token in doc:
        i = token.i
        if token.text != ":" or not article.body[i] or article.quoted[i] or i == 0:
            continue
        start = i
        while start > 0 and "\n" not in doc[start - 1].text and i - start < 7:
            start -= 1
        if start == i or start > 0 and "\n" not in doc[start - 1].text:
            continue
        name = [t for t in doc[start:i] if not t.is_punct]
        if not name or any(t.pos_ in ("VERB", "AUX", "ADP", "PRON") for t in name):
            continue
        head = name[-1]
        known = head.ent_type_ in ("PERSON", "ORG", "NORP") or head.is_title and head.lower_ in persons
        if not (known or head.lower_ in _LEAD_NOUNS) \
                or any(t.lower_ in ("note", "editor", "update", "correction", "photo") for t in name):
            continue
        end = i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        span = trimmed(doc, i + 1, end)
        if span is None or len(words(span)) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # a statement, not a list of names
        result = _make(article, head, (token.idx, token.idx + 1, ":"), [span], "name-colon",
                       speaker_words=doc[name[0].i:head.i + 1])
        if result is not None:
            found.append(result)
    return found


# --- statements ---------------------------------------------------------------------------------------------


def _cue(token: Token) -> tuple[int, int, str]:
    return token.idx, token.idx + len(token), token.lemma_.lower()


def _make(article: Article, speaker: Token, cue: tuple[int, int, str], spans: list[Span], rule: str, *,
          speaker_words: Span | None = None) -> Found | None:
    """The statement's rows (one per piece), its kind, and the quotations it holds."""
    spans = [tidy for span in spans if (tidy := _tidy(span)) is not None]
    held = sorted({q for span in spans for q in article.quotes_in(span.start, span.end)})
    who = speaker_words if speaker_words is not None else speaker_span(speaker)
    if not held:
        kind = C.REPORTED
    elif all(_only_quoted(article, span) for span in spans):
        return [Statement(who, cue, (-1, -1), C.DIRECT, rule)], held  # the direct pass writes one row per quotation
    else:
        kind = C.MIXED
        spans = [_whole_quotes(article, span) for span in spans]
    rows = [Statement(who, cue, (span.start_char, span.end_char), kind, rule) for span in spans]
    return (rows, held) if rows else None


def _tidy(span: Span) -> Span | None:
    """A content without a leading "and"/"but" or "Still,", nor a trailing clause of contrast set off by a
    comma (", while ...", ", as ..."). A trailing relative clause (", which ...") stays: the course article's
    gold keeps it, and leaving it out would gain 0.2% exact content on PolNeAR's train split."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end - 1 and (doc[start].dep_ == "cc" or doc[start].dep_ == "advmod" and doc[start + 1].text == ","):
        start += 1 + (doc[start + 1].text == ",")
    for token in doc[start + 2:end]:
        before = doc[token.left_edge.i - 1]
        if before.text != "," or token.right_edge.i < end - 1 or token.left_edge.i <= start + 2:
            continue
        first = token.left_edge
        if token.dep_ == "advcl" and first.lower_ in ("while", "as", "whereas", "although", "though"):
            end = before.i
            break
    while end > start + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct or doc[end - 1].is_space) \
            and doc[end - 1].text not in _KEPT_AT_END:
        end -= 1  # "honest and trustworthy, and": the parser left the conjunction of what follows
    return trimmed(doc, start, end)


def _only_quoted(article: Article, span: Span) -> bool:
    """No word outside quotation marks, but for a leading "that" ("said that "...")."""
    rest = [t for t in words(span) if not article.quoted[t.i]]
    if rest and rest[0].lower_ in _LEADING and rest[0].i == span.start:
        rest = rest[1:]
    return not rest


def _whole_quotes(article: Article, span: Span) -> Span:
    """Extend a mixed content so that it holds each of its quotations whole, marks included."""
    doc = article.doc
    start, end = span.start, span.end
    for q in article.quotes_in(span.start, span.end):
        quote = doc.char_span(article.marks[q].start, article.marks[q].end, alignment_mode="expand")
        if quote is not None and quote.end - quote.start < 200:
            start, end = min(start, quote.start), max(end, quote.end)
    return doc[start:end]
