"""Who said what: attributed statements (quotations and reported speech) of a parsed article.

:func:`quotes` finds every statement the article attributes to someone, from the
dependency parse and two documented word lists, with no knowledge of any particular
article. Each row says *why* it was attributed in its ``rule`` column:

=====================  =============================================================
rule                   pattern
=====================  =============================================================
``quote-speaker-verb`` ``"We will rebuild," Brandt said.`` (quote before the verb)
``quote-verb-speaker`` ``"We will rebuild," said Brandt.`` (inverted subject)
``speaker-verb-quote`` ``Brandt said that "the bridge is safe."`` (quote after the verb)
``colon``              ``Brandt said: "We will rebuild."``
``split-quote``        ``"We will," Brandt said, "rebuild."`` (one row per piece)
``continued-quote``    a quoted sentence right after an attributed quotation
``multi-paragraph``    a quotation whose paragraph ends unclosed and that re-opens
``reported-clause``    ``Brandt said that the bridge is safe.``
``reported-object``    ``Brandt stressed the need for repairs.``
``reported-request``   ``Brandt urged residents to sign up for alerts.``
``call-for``           ``Brandt called for the council to act.``
``according-to``       ``The bridge is safe, according to Brandt.``
=====================  =============================================================

A speaker that is a pronoun (he, she, they, it) is resolved to the nearest earlier
compatible speaker or named subject, or else to the nearest earlier person mentioned, and
the rule gets ``+pronoun``. "He" and "she" are not told apart (the parse knows no gender);
"it" never refers to a person. A speaker named by role ("the spokeswoman", "the ministry") is kept as
written, unless an appositive names them ("The spokeswoman, Ida Moreau, said": Ida Moreau
speaks). ``cluster_id`` and ``canonical`` come from :mod:`newslab.ner.clusters`, so "Rutte" and
"Mark Rutte" are one speaker; ``cluster_id`` is ``<NA>`` for a speaker that is no entity.

Quotation marks may be straight (``"``) or curly (``“ ”``, ``« »``, ``„``). Unbalanced marks
never raise: a quotation left open runs to the end of its paragraph. Only the body is
searched: a headline summarises and a byline names the reporter.

``content`` is the statement without its quotation marks or the word "that";
``sent_id`` is the sentence where the content starts (as in :func:`newslab.sentences`).

Examples:
    >>> import newslab
    >>> doc = newslab.analyze('"We will rebuild the bridge," Mayor Lena Brandt said on Monday.')
    >>> quotes(doc)[["speaker", "cue", "content", "kind", "rule"]].values.tolist()
    [['Lena Brandt', 'say', 'We will rebuild the bridge', 'direct', 'quote-speaker-verb']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from .. import columns as C
from ..edge import require_doc
from ..tables.index import token_index

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span, Token


__all__ = ["quotes", "voices", "REPORTING_VERBS", "OBJECT_VERBS", "REQUEST_VERBS"]

#: Lemmas of the verbs that attribute a statement to their subject.
REPORTING_VERBS: Final = frozenset({
    "acknowledge", "add", "admit", "affirm", "allege", "announce", "answer", "argue", "ask",
    "assert", "assure", "boast", "caution", "claim", "comment", "complain", "concede", "conclude",
    "confirm", "contend", "declare", "demand", "deny", "emphasise", "emphasize", "explain",
    "express", "insist", "maintain", "mention", "note", "pledge", "predict", "promise", "propose",
    "reaffirm", "reassure", "recall", "reiterate", "remark", "repeat", "reply", "report",
    "respond", "reveal", "say", "state", "stress", "suggest", "tell", "testify", "tweet",
    "underline", "underscore", "urge", "voice", "vow", "warn", "write",
})
#: Reporting verbs that report a request: "urged residents to sign up" (object + "to" clause).
REQUEST_VERBS: Final = frozenset({"ask", "tell", "urge", "warn"})
#: Reporting verbs whose direct object can itself be the statement ("stressed the need for ...").
OBJECT_VERBS: Final = frozenset({
    "acknowledge", "admit", "affirm", "announce", "confirm", "demand", "deny", "emphasise",
    "emphasize", "express", "pledge", "promise", "propose", "reaffirm", "reiterate", "repeat",
    "stress", "underline", "underscore", "voice",
})

_OPENING: Final = "“«„"
_CLOSING: Final = "”»"
_MARKS: Final = re.compile(r"[\"“”«»„]")
_PRONOUNS: Final = {"he": "person", "she": "person", "him": "person", "her": "person",
                    "they": "any", "it": "thing", "we": "any", "i": "person"}
_SUBJECTS: Final = ("nsubj", "nsubjpass")
_BODY: Final = (None, C.PARAGRAPH)


@dataclass(frozen=True)
class _Quote:
    """Characters between a pair of quotation marks (``start``/``end``: the marks included)."""

    start: int
    end: int
    content_start: int
    content_end: int
    multi_paragraph: bool = False


@dataclass
class _Statement:
    speaker: Span
    cue: tuple[int, int, str]  # start_char, end_char, lemma (or "according to")
    content: tuple[int, int]
    kind: str
    rule: str
    cluster: tuple[int | None, str] = (None, "")
    person: bool = True
    quote_end: int = -1  # end of the closing quotation mark, for direct quotations


def quotes(doc: Doc) -> pd.DataFrame:
    """One row per attributed statement: speaker, cue, content, kind and the rule that fired.

    A cue is a verb whose lemma is in :data:`REPORTING_VERBS` (``nl.REPORTING_VERBS``), with a
    subject; its direct object counts as a statement only for the verbs in :data:`OBJECT_VERBS`
    ("stressed the need for ..."), and "call" only in "call for". The patterns and their
    ``rule`` names are listed in the module's documentation (``help(newslab.attribution.statements)``).

    Args:
        doc: A parsed article (:func:`newslab.analyze`), or any spaCy ``Doc`` with a parser.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Mayor Lena Brandt spoke on Monday. She stressed the need for repairs.")
        >>> quotes(doc)[["speaker", "canonical", "cue", "content", "rule"]].values.tolist()
        [['She', 'Lena Brandt', 'stress', 'the need for repairs', 'reported-object+pronoun']]
    """
    doc = require_doc(doc, "nl.quotes")
    found: list[_Statement] = []
    if len(doc) and doc.has_annotation("DEP"):
        text = doc.text  # spaCy rebuilds doc.text on every access: read it once
        marks = _quotations(text)
        body = _body_mask(doc)
        used: set[int] = set()
        quoted = _quoted_tokens(doc, marks)
        found = _direct(doc, text, marks, quoted, body, used)
        found += _reported(doc, quoted, body, used)
        _resolve(doc, found)
    return _frame(doc, found)


# --- quotation marks ---------------------------------------------------------------


def _quotations(text: str) -> list[_Quote]:
    """Pair quotation marks paragraph by paragraph; re-opened unclosed quotations are merged."""
    quotes: list[_Quote] = []
    offset = 0
    for paragraph in text.split("\n"):
        quotes += _paragraph_quotations(paragraph, offset)
        offset += len(paragraph) + 1
    return _merge_paragraphs(text, quotes)


def _paragraph_quotations(paragraph: str, offset: int) -> list[_Quote]:
    found = []
    opened: int | None = None
    for match in _MARKS.finditer(paragraph):
        char, pos = match.group(), offset + match.start()
        if opened is None and char not in _CLOSING:
            opened = pos
        elif opened is not None and (char in _CLOSING or char == '"'):
            found.append(_Quote(opened, pos + 1, opened + 1, pos))
            opened = None
        elif opened is not None and char in _OPENING:
            opened = pos  # an unclosed curly quotation: start again at the new one
    if opened is not None:
        end = offset + len(paragraph.rstrip())
        found.append(_Quote(opened, end, opened + 1, end, multi_paragraph=True))  # open at the end
    return [quote for quote in found if quote.content_end > quote.content_start]


def _merge_paragraphs(text: str, quotes: list[_Quote]) -> list[_Quote]:
    merged: list[_Quote] = []
    for quote in quotes:
        previous = merged[-1] if merged else None
        continues = (previous is not None and previous.multi_paragraph and previous.end < quote.start
                     and text[previous.end:quote.start].strip() == "")
        if continues and previous is not None:
            merged[-1] = _Quote(previous.start, quote.end, previous.content_start, quote.content_end,
                                multi_paragraph=True)
        else:
            merged.append(quote)
    return [replace(q, multi_paragraph=q.multi_paragraph and "\n" in text[q.start:q.end]) for q in merged]


def _body_mask(doc: Doc) -> list[bool]:
    index = token_index(doc)
    return [index.locate(i)[2] in _BODY for i in range(len(doc))]


def _quoted_tokens(doc: Doc, marks: list[_Quote]) -> list[bool]:
    """For each token, whether it lies between quotation marks (the marks included)."""
    quoted = [False] * len(doc)
    for quote in marks:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            quoted[i] = True
    return quoted


# --- cues and speakers ---------------------------------------------------------------


def _is_cue(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB" and token.dep_ != "amod"


def _according(token: Token) -> Token | None:
    """The ``to`` of "according to X", when ``token`` is its "according"."""
    if token.lower_ != "according":
        return None
    return next((t for t in token.children if t.lower_ == "to"), None) or (
        token.nbor() if token.i + 1 < len(token.doc) and token.nbor().lower_ == "to" else None)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subject = next((t for t in verb.children if t.dep_ in _SUBJECTS), None)
    if subject is not None and subject.dep_ != "nsubjpass":
        if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ in ("conj", "advcl", "xcomp") and depth < 3 and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _speaker_span(token: Token) -> Span:
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        start, end = token.i, token.i + 1
        while doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _strip_possessive(doc[start:end])
    if token.pos_ == "PRON":
        return doc[token.i:token.i + 1]
    named = next((t for t in token.rights if t.dep_ == "appos" and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")), None)
    if named is not None:
        return _speaker_span(named)  # "The spokeswoman, Ida Moreau, said ...": the name speaks
    lefts = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nmod", "case", "flat")]
    start = min([t.left_edge.i for t in lefts], default=token.i)
    return doc[start:token.i + 1]


def _strip_possessive(span: Span) -> Span:
    if len(span) > 1 and span[-1].tag_ == "POS":
        return span[:-1]
    return span


def _cue_of(token: Token) -> tuple[int, int, str]:
    return token.idx, token.idx + len(token), token.lemma_.lower()


# --- direct quotations ---------------------------------------------------------------


def _direct(doc: Doc, text: str, marks: list[_Quote], quoted: list[bool], body: list[bool], used: set[int]
            ) -> list[_Statement]:
    found: list[_Statement] = []
    for quote in marks:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not body[span.start]:
            continue
        statement = _attribute(doc, text, quote, span, quoted, used) or _continued(doc, text, quote, span, found)
        if statement is not None:
            found.append(replace(statement, quote_end=quote.end))
    return found


def _window(doc: Doc, span: Span) -> list[Token]:
    """Tokens of the sentences the quotation touches, and of the sentence before if it ends in ':'."""
    sents = list({doc[i].sent.start: doc[i].sent for i in (span.start, span.end - 1)}.values())
    first = sents[0]
    if first.start > 0 and span.start <= first.start + 1:
        before = doc[first.start - 1].sent
        if any(t.text == ":" for t in before[-3:]):
            sents.insert(0, before)
    return [t for sent in sents for t in sent]


def _attribute(doc: Doc, text: str, quote: _Quote, span: Span, quoted: list[bool], used: set[int]
               ) -> _Statement | None:
    tokens = [t for t in _window(doc, span) if not quoted[t.i]]
    cues = [t for t in tokens if _is_cue(t) and t.i not in used and _subject(t) is not None]
    if not cues:
        return _according_direct(text, quote, tokens)
    inside = set(range(span.start, span.end))
    governing = [c for c in cues if any(a.i == c.i for t in span for a in t.ancestors if t.i in inside)]
    verb = (governing or sorted(cues, key=lambda c: min(abs(c.idx - quote.start), abs(c.idx - quote.end))))[0]
    used.add(verb.i)
    subject = _subject(verb)
    assert subject is not None
    return _Statement(_speaker_span(subject), _cue_of(verb), _content(text, quote), C.DIRECT,
                      _direct_rule(text, quote, verb, subject))


def _direct_rule(text: str, quote: _Quote, verb: Token, subject: Token) -> str:
    if quote.multi_paragraph:
        return "multi-paragraph"
    if verb.idx > quote.start:
        return "quote-verb-speaker" if subject.i > verb.i else "quote-speaker-verb"
    between = text[verb.idx:quote.start]
    return "colon" if ":" in between else "speaker-verb-quote"


def _content(text: str, quote: _Quote) -> tuple[int, int]:
    start, end = quote.content_start, quote.content_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _according_direct(text: str, quote: _Quote, tokens: list[Token]) -> _Statement | None:
    for token in tokens:
        to = _according(token)
        pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
        if to is not None and pobj is not None:
            cue = (token.idx, to.idx + len(to), "according to")
            return _Statement(_speaker_span(pobj), cue, _content(text, quote), C.DIRECT, "according-to")
    return None


def _continued(doc: Doc, text: str, quote: _Quote, span: Span, found: list[_Statement]) -> _Statement | None:
    """The second piece of a split quotation, or a quoted sentence right after an attributed one.

    Only the attribution ("Brandt said") or nothing may stand between the two quotations.
    """
    if not found or found[-1].kind != C.DIRECT or found[-1].quote_end < 0:
        return None
    last = found[-1]
    gap = text[last.quote_end:quote.start]
    cue_between = last.quote_end <= last.cue[0] < quote.start and last.speaker.start_char >= last.quote_end
    if "\n" in gap or not (cue_between or not _MARKS.sub("", gap).strip(" ,.")):
        return None
    split = cue_between and doc[span.start].sent.start <= doc.char_span(
        last.cue[0], last.cue[1], alignment_mode="expand")[0].sent.start  # type: ignore[index]
    if split:
        last.rule = "split-quote"
    return _Statement(last.speaker, last.cue, _content(text, quote), C.DIRECT,
                      "split-quote" if split else "continued-quote", last.cluster, last.person)


# --- reported speech ---------------------------------------------------------------------


def _reported(doc: Doc, quoted: list[bool], body: list[bool], used: set[int]) -> list[_Statement]:
    found = []
    for token in doc:
        if not body[token.i] or token.i in used or quoted[token.i]:
            continue
        statement = _reported_at(doc, token, quoted) if _is_cue(token) or token.lemma_ == "call" else None
        statement = statement or _according_reported(doc, token, quoted)
        if statement is not None:
            found.append(statement)
    return found


def _reported_at(doc: Doc, verb: Token, quoted: list[bool]) -> _Statement | None:
    subject = _subject(verb)
    if subject is None:
        return None
    children = list(verb.children)
    clause = next((t for t in children if t.dep_ == "ccomp"), None)
    obj = next((t for t in children if t.dep_ == "dobj"), None)
    call_for = next((t for t in children if t.lower_ == "for" and t.dep_ in ("prep", "mark")), None)
    call_for = call_for or next((t for c in children if c.dep_ == "advcl" for t in c.children
                                 if t.lower_ == "for" and t.dep_ == "mark"), None)
    if verb.lemma_ == "call":
        if call_for is None:
            return None
        head, rule = (call_for if call_for.dep_ == "prep" else call_for.head), "call-for"
    elif clause is not None:
        head, rule = clause, "reported-clause"
    elif obj is not None and verb.lemma_.lower() in REQUEST_VERBS and (request := _request(obj)) is not None:
        return _Statement(_speaker_span(subject), _cue_of(verb), request, C.REPORTED, "reported-request")
    elif obj is not None and verb.lemma_.lower() in OBJECT_VERBS:
        head, rule = obj, "reported-object"
    else:
        return None
    content = _clause_span(head, skip={call_for.i} if call_for is not None else set())
    if content is None or any(quoted[t.i] for t in content):
        return None
    if rule == "reported-object":
        content = _with_purpose(verb, content)
    return _Statement(_speaker_span(subject), _cue_of(verb), (content.start_char, content.end_char),
                      C.REPORTED, rule)


def _request(obj: Token) -> tuple[int, int] | None:
    """"urged residents | to sign up": the object and the "to" clause the verb governs after it."""
    verb = obj.head
    clause = next((t for t in verb.rights if t.dep_ == "xcomp" and t.i > obj.i and
                   any(c.lower_ == "to" for c in t.lefts)), None)
    if clause is None:
        return None
    doc = verb.doc
    end = clause.right_edge.i + 1
    while end > obj.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[obj.left_edge.i:end]
    return span.start_char, span.end_char


def _with_purpose(verb: Token, content: Span) -> Span:
    """Extend an object by what the parser hung on the verb right after it: a "for/of/to" phrase or
    a "to ..." clause ("stressed the need | for repairs | to keep the bridge open")."""
    doc = verb.doc
    end = content.end
    for child in verb.rights:
        first = child.left_edge
        if first.i == end and first.lower_ in ("for", "of", "to") and child.dep_ in ("prep", "advcl"):
            end = child.right_edge.i + 1
    while end > content.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[content.start:end]


def _clause_span(head: Token, *, skip: set[int]) -> Span | None:
    """The head's subtree without a leading "that"/"for", trailing punctuation or a ", -ing" comment."""
    doc = head.doc
    tokens = [t.i for t in head.subtree]
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            tokens = [i for i in tokens if i < child.left_edge.i - 1]
    start, end = min(tokens), max(tokens) + 1
    while start < end and (doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "for") or start in skip):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _according_reported(doc: Doc, token: Token, quoted: list[bool]) -> _Statement | None:
    to = _according(token)
    pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
    sent = token.sent
    rest = [t for t in sent if t.i not in phrase and not (t.is_punct or t.is_space)]
    if not rest or any(quoted[t.i] for t in rest):
        return None
    content = doc[rest[0].i:rest[-1].i + 1]
    cue = (token.idx, to.idx + len(to), "according to")
    return _Statement(_speaker_span(pobj), cue, (content.start_char, content.end_char), C.REPORTED, "according-to")


# --- speakers: clusters and pronouns ----------------------------------------------------


def _resolve(doc: Doc, found: list[_Statement]) -> None:
    """Give every speaker a cluster; resolve pronouns to an earlier compatible speaker or person."""
    from ..tables.mentions import entities

    table = entities(doc)
    names = _Names(table)
    subjects = [(t.idx, names.cluster(_speaker_span(t))) for t in doc
                if t.dep_ == "nsubj" and t.pos_ == "PROPN" and not _inside_place(t)]
    mentions = [(int(start), (int(cid), str(name))) for start, cid, name in
                zip(table[C.START_CHAR], table[C.CLUSTER_ID], table[C.CANONICAL], strict=True)]
    found.sort(key=lambda s: (s.speaker.start_char, s.cue[0]))
    for i, statement in enumerate(found):
        pronoun = _PRONOUNS.get(statement.speaker.text.lower()) if len(statement.speaker) == 1 else None
        if pronoun is None:
            if statement.rule not in ("split-quote", "continued-quote") or not statement.cluster[1]:
                statement.cluster = names.cluster(statement.speaker)
                statement.person = names.is_person(statement.cluster)
            continue
        earlier = [(s.speaker.start_char, s.cluster) for s in found[:i] if s.cluster[1]]
        start = statement.speaker.start_char
        nearby = sorted(earlier + subjects, key=lambda c: c[0])  # speakers and named subjects: the salient ones
        for candidates in (nearby, mentions):
            match = [c for at, c in candidates if at < start and (c[0] is None or _fits(pronoun, names.is_person(c)))]
            if match:
                statement.cluster, statement.person = match[-1], names.is_person(match[-1])
                statement.rule += "+pronoun"
                break
        else:
            statement.cluster = (None, statement.speaker.text)
    found.sort(key=lambda s: (s.content[0], s.cue[0]))


def _fits(pronoun: str, person: bool) -> bool:
    return pronoun == "any" or (pronoun == "person") == person


def _inside_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP")


class _Names:
    """Map a speaker span to an entity cluster by its mentions, forms and surnames."""

    def __init__(self, table: pd.DataFrame) -> None:
        from ..tables.mentions import entity_key

        self._key = entity_key
        clusters = list(zip(table[C.KEY], table[C.CLUSTER_ID].astype(int), table[C.CANONICAL], strict=True))
        self.persons = {cid for cid, label in zip(table[C.CLUSTER_ID], table[C.LABEL], strict=True)
                        if label == "PERSON"}
        self.by_form = {str(key): (cid, str(name)) for key, cid, name in clusters}
        self.by_surname = {str(name).split()[-1]: (cid, str(name)) for _, cid, name in clusters
                           if cid in self.persons and " " in str(name)}
        self.spans = list(zip(table[C.START_CHAR], table[C.END_CHAR], table[C.CLUSTER_ID].astype(int),
                              table[C.CANONICAL], strict=True))

    def cluster(self, span: Span) -> tuple[int | None, str]:
        for start, end, cid, name in self.spans:
            if start < span.end_char and span.start_char < end:
                return cid, str(name)
        key = self._key(span.text)
        words = key.split()
        return self.by_form.get(key) or (self.by_surname.get(words[-1]) if words else None) or (None, key)

    def is_person(self, cluster: tuple[int | None, str]) -> bool:
        return cluster[0] is None or cluster[0] in self.persons


# --- tables -------------------------------------------------------------------------------


def _frame(doc: Doc, found: list[_Statement]) -> pd.DataFrame:
    import pandas as pd

    index = token_index(doc) if len(doc) else None
    text = doc.text
    rows = []
    for i, s in enumerate(found):
        span = doc.char_span(s.content[0], s.content[1], alignment_mode="expand")
        sent_id = index.sent_id(span.start) if index is not None and span is not None else 0
        rows.append((i, s.speaker.text, s.speaker.start_char, s.speaker.end_char, s.cluster[0], s.cluster[1],
                     s.cue[2], s.cue[0], s.cue[1], text[s.content[0]:s.content[1]], s.content[0],
                     s.content[1], s.kind, sent_id, s.rule))
    table = pd.DataFrame.from_records(rows, columns=list(C.QUOTE_COLUMNS))
    ints = (C.QUOTE_ID, C.SPEAKER_START, C.SPEAKER_END, C.CUE_START, C.CUE_END, C.CONTENT_START,
            C.CONTENT_END, C.SENT_ID)
    types = {**{col: "int64" for col in ints}, C.CLUSTER_ID: "Int64"}
    return table.astype({col: types.get(col, "object") for col in C.QUOTE_COLUMNS})


def voices(doc: Doc, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose words fill the article: words of statements per speaker, and the reporter's own share.

    A word belongs to a speaker when it lies in the content of one of their statements
    (direct or reported); every other word of the body is the reporter's, shown as
    ``"(reporter)"``. ``share`` is a fraction of the body's words, so the shares add up to 1.

    Args:
        doc: The parsed article.
        table: Its :func:`quotes` table, if you already have it.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze('The bridge reopened. "It is safe," Mayor Lena Brandt said.')
        >>> voices(doc)[["speaker", "n_statements", "n_words"]].values.tolist()
        [['(reporter)', 0, 7], ['Lena Brandt', 1, 3]]
    """
    import pandas as pd

    doc = require_doc(doc, "nl.voices")
    table = quotes(doc) if table is None else table
    body = _body_mask(doc) if len(doc) else []
    owner: dict[int, str] = {}
    for row in table.itertuples(index=False):
        name = getattr(row, C.CANONICAL) or getattr(row, C.SPEAKER)
        span = doc.char_span(getattr(row, C.CONTENT_START), getattr(row, C.CONTENT_END), alignment_mode="expand")
        for t in span if span is not None else ():
            owner.setdefault(t.i, name)
    words = [t for t in doc if body[t.i] and not (t.is_punct or t.is_space)]
    counts = pd.Series([owner.get(t.i, C.REPORTER) for t in words], dtype="object").value_counts()
    n_statements = table.groupby(table[C.CANONICAL].where(table[C.CANONICAL] != "", table[C.SPEAKER])).size()
    rows = [(name, int(n_statements.get(name, 0)), int(n), n / max(len(words), 1)) for name, n in counts.items()]
    result = pd.DataFrame(rows, columns=list(C.VOICE_COLUMNS))
    return result.sort_values([C.N_WORDS, C.SPEAKER], ascending=[False, True], kind="stable").reset_index(drop=True)
