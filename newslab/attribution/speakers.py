"""Who speaks: the speaker of a cue, its span, and the entity it is.

- **The speaker of a cue** is its subject. A relative pronoun stands for the noun it hangs on
  ("Brandt, who said": Brandt). A verb with no subject of its own borrows one: from the verb it
  is joined to ("Brandt arrived and said"), continues ("Brandt said ..., adding that"), or serves
  ("went on to say", "refused to concede", "after saying"); from the person it describes
  ("Brandt, speaking to reporters, said"); from the noun it completes ("a statement saying":
  whoever made the statement). Passive cues speak through their agent ("was criticized by
  Brandt"); "was quoted as saying" through its subject.
- **Things do not speak.** A speaker is a person, a group, an organisation, a place standing for
  its government, a publication, a poll or a document. A subject that is a thing or an event
  (:data:`THINGS`: "air raid sirens", "the explosion", "the visit"), or an entity that names a
  date, a time or an amount of money, is no speaker, and its cue gives no statement.
- **Its span** is the entity the subject belongs to, or the noun with its left modifiers ("the
  Ukrainian President"). An appositive name speaks for its role ("The spokeswoman, Ida Moreau,
  said": Ida Moreau).
- **The entity** (``cluster_id`` and ``canonical``) is that of the span's *head*: "The NATO
  secretary general" is never NATO, and "Israeli protesters" never the adjective "Israeli". A
  role ("the secretary general") is the person the article names in it
  (:func:`newslab.tables.clustering.role_links`). A pronoun (he, she, they, it, we, I) is the
  nearest earlier compatible speaker or named subject, else the nearest earlier person mentioned;
  its rule gets ``+pronoun``. "He" and "she" are not told apart (the parse knows no gender); "it"
  never refers to a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .. import columns as C

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span, Token

    from ..tables.clustering import RoleLink
    from ._base import Statement

__all__ = ["speaker_of", "speaker_span", "can_speak", "resolve", "THINGS"]

_PRONOUNS: Final = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
                    "they": "any", "their": "any", "it": "thing", "its": "thing", "we": "any", "our": "any",
                    "i": "person", "my": "person", "you": "any"}
_RELATIVE: Final = frozenset({"who", "that", "which", "whom"})
#: Verbs whose object does what their "to" clause says ("urged Brandt to say"): Brandt speaks.
_CONTROL: Final = frozenset({"ask", "urge", "tell", "prompt", "force", "encourage", "invite", "push", "press", "lead",
                             "get", "persuade", "challenge", "dare", "order", "allow", "expect", "want", "need"})
_PASSIVE_SPEAKERS: Final = frozenset({"quote", "hear", "record", "see", "film", "overhear"})
_BORROW: Final = frozenset({"conj", "advcl", "xcomp", "pcomp", "acl", "relcl"})
#: Entity labels that never speak (a GPE or NORP stands for its government or people, a PERCENT for a
#: share of those polled: "55 percent said").
_MUTE_LABELS: Final = frozenset({"DATE", "TIME", "MONEY"})
#: Nouns of a statement that speaks for whoever made it ("a letter saying ...").
_STATEMENT_NOUNS: Final = frozenset({"statement", "letter", "report", "release", "memo", "email", "tweet", "post",
                                     "message", "video", "ad", "advertisement", "note", "filing", "speech"})
#: Things and events that make a noise or news but never a statement: "air raid sirens warned ...",
#: "the visit underscores ..." (general English; a subject with one of these heads is no speaker).
THINGS: Final = frozenset("""
    alarm alert attack airstrike ban blast bomb bombardment bombing bullet ceremony crash day debate drone
    earthquake effort event explosion fire flood gun gunfire hour hurricane incident meeting minute missile
    moment month move noise pressure rain rocket round shell shelling shot siren sound storm strike summit
    time tour trip visit vote war weapon weather week wind year
""".split())


# --- the speaker of a cue ------------------------------------------------------------------------


def speaker_of(cue: Token, depth: int = 0) -> Token | None:
    """The token that speaks through ``cue`` (a verb, or a noun cue), or ``None``."""
    if cue.pos_ in ("NOUN", "PROPN"):
        return _noun_speaker(cue, depth)
    children = list(cue.children)
    subjects = [t for t in children if t.dep_ == "nsubj"]
    # of two subjects the parser gave one verb ("In Berea, OH, ... Lena Brandt said"), the nearer speaks
    subject = min(subjects, key=lambda t: abs(t.i - cue.i)) if subjects else None
    if subject is not None and subject.lower_.replace("’", "'") in _CLITICS:
        subject = _before_clitic(subject)  # "superdelegates who’ve said": the parser took "’ve" for the subject
    if subject is not None:
        if subject.lower_ in _RELATIVE and cue.dep_ == "relcl":
            return cue.head
        if subject.lower_ in ("what", "which"):
            return None
        return _past_dateline(subject, cue) or _owner(subject)
    agent = next((t for t in children if t.dep_ == "agent"), None)
    by = next((t for t in agent.children if t.dep_ == "pobj"), None) if agent is not None else None
    if by is not None:
        return by
    passive = next((t for t in children if t.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive if cue.lemma_ in _PASSIVE_SPEAKERS else None
    return _borrowed(cue, depth)


_CLITICS: Final = frozenset({"'ve", "'s", "'re", "'d", "'ll", "'m"})


def _before_clitic(clitic: Token) -> Token | None:
    """The subject a contracted auxiliary stands for: the word it is glued to ("they’ve"), or, when that is a
    relative pronoun, the noun right before it ("the superdelegates who’ve")."""
    doc = clitic.doc
    word = doc[clitic.i - 1] if clitic.i else None
    if word is None or word.is_punct or word.is_space:
        return None
    if word.lower_ in _RELATIVE and word.i and doc[word.i - 1].pos_ in ("NOUN", "PROPN"):
        return doc[word.i - 1]
    return word


def _past_dateline(subject: Token, verb: Token) -> Token | None:
    """"CLEVELAND (AP) — Senator Brandt said": the parser may take the dateline's place for the subject."""
    doc = subject.doc
    if subject.ent_type_ not in ("GPE", "LOC", "ORG") or subject.i > subject.sent.start + 4:
        return None
    dash = next((t for t in doc[subject.i + 1:min(verb.i, subject.i + 8)] if t.text in ("—", "–", "--")), None)
    if dash is None:
        return None
    heads = [t for t in doc[dash.i + 1:verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
             and not dash.i < t.head.i < verb.i]
    return heads[0] if heads else None


def _owner(subject: Token) -> Token:
    """"His statement said": a statement that is someone's speaks for them."""
    poss = next((t for t in subject.children if t.dep_ == "poss"), None)
    if poss is not None and subject.lemma_.lower() in _STATEMENT_NOUNS:
        return poss
    return subject


def _borrowed(verb: Token, depth: int) -> Token | None:
    head = verb.head
    if depth >= 4 or head.i == verb.i or verb.dep_ not in _BORROW and verb.dep_ != "pobj":
        return None
    if verb.dep_ == "pcomp" or verb.dep_ == "pobj":  # "after saying", "as saying": through the preposition
        head = head.head if head.dep_ in ("prep", "agent") else head
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ == "relcl":
            return None  # a relative clause with no subject of its own
        if head.lemma_.lower() in _STATEMENT_NOUNS:  # "a statement saying": who made it, else the statement
            return _noun_speaker(head, depth + 1) or head
        return head if can_speak(head) else None
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _CONTROL:
        obj = next((t for t in head.children if t.dep_ == "dobj" and t.i < verb.i), None)
        if obj is not None:  # "urged Brandt to say": Brandt says
            return obj
    if head.pos_ in ("NOUN", "PROPN"):
        return _noun_speaker(head, depth + 1)
    return speaker_of(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None


def _noun_speaker(noun: Token, depth: int) -> Token | None:
    """Who made a statement named by a noun: "Brandt's claim", "a claim by Brandt", "Brandt made the claim"."""
    poss = next((t for t in noun.children if t.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ in ("dobj", "pobj") and depth < 4:
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in ("make", "issue", "release", "give", "deliver", "send",
                                                            "post", "publish", "repeat", "offer", "write", "voice",
                                                            "express", "put", "do", "have", "say", "tweet"):
            return speaker_of(verb, depth + 1)
    return None


def can_speak(token: Token) -> bool:
    """Whether a speaker token names someone who can speak (not a thing or an event)."""
    if token.pos_ == "PRON" or token.lower_ in _RELATIVE:
        return token.lower_ not in ("what", "this", "these", "those", "there", "something", "anything", "nothing")
    if token.ent_type_:
        return token.ent_type_ not in _MUTE_LABELS
    return token.pos_ == "PROPN" or token.lemma_.lower() not in THINGS


# --- its span ----------------------------------------------------------------------------------------


def speaker_span(token: Token) -> Span:
    """The words that name the speaker: the entity of ``token``, or its noun phrase."""
    doc = token.doc
    if token.ent_iob_ in ("B", "I") and token.ent_type_ not in _MUTE_LABELS:
        start, end = token.i, token.i + 1
        while doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _strip_possessive(doc[start:end])
    if token.pos_ == "PRON":
        return doc[token.i:token.i + 1]
    named = next((t for t in token.rights if t.dep_ == "appos" and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")),
                 None)
    if named is not None:
        return speaker_span(named)  # "The spokeswoman, Ida Moreau, said ...": the name speaks
    lefts = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nmod", "case", "flat", "nummod")]
    start = min([t.left_edge.i for t in lefts], default=token.i)
    return _strip_possessive(doc[start:token.i + 1])


def _strip_possessive(span: Span) -> Span:
    if len(span) > 1 and span[-1].tag_ == "POS":
        return span[:-1]
    return span


# --- the entity it is -------------------------------------------------------------------------------


def resolve(doc: Doc, found: list[Statement]) -> None:
    """Give every speaker a cluster; resolve pronouns to an earlier compatible speaker or person.

    One pass in document order: the latest compatible candidate is kept for each kind of pronoun, so
    the work grows with the number of statements and mentions, not with their square.
    """
    from ..tables.clustering import role_links
    from ..tables.mentions import entities

    table = entities(doc)
    names = _Names(table, role_links(doc, table))
    subjects = [(t.idx, names.cluster(speaker_span(t))) for t in doc
                if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "")]
    mentions = sorted((int(start), (int(cid), str(name))) for start, cid, name, label in
                      zip(table[C.START_CHAR], table[C.CLUSTER_ID], table[C.CANONICAL], table[C.LABEL], strict=True)
                      if label not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"))
    found.sort(key=lambda s: (s.speaker.start_char, s.cue[0]))
    nearby, named = _Latest(names), _Latest(names)  # speakers and named subjects: the salient ones; any mention
    done = subject = mention = 0
    for i, statement in enumerate(found):
        start = statement.speaker.start_char
        while True:  # everything before this speaker, in document order
            said = found[done].speaker.start_char if done < i else None
            subj = subjects[subject][0] if subject < len(subjects) else None
            if said is not None and said < start and (subj is None or said <= subj):
                if found[done].cluster[1]:
                    nearby.add(found[done].cluster)
                done += 1
            elif subj is not None and subj < start:
                nearby.add(subjects[subject][1])
                subject += 1
            else:
                break
        while mention < len(mentions) and mentions[mention][0] < start:
            named.add(mentions[mention][1])
            mention += 1
        if statement.resolved:
            continue
        pronoun = _PRONOUNS.get(statement.speaker.text.lower()) if len(statement.speaker) == 1 else None
        if pronoun is None:
            statement.cluster = names.cluster(statement.speaker)
            statement.person = names.is_person(statement.cluster)
            continue
        match = nearby.best[pronoun] or named.best[pronoun]
        if match is not None:
            statement.cluster, statement.person = match, names.is_person(match)
            statement.rule += "+pronoun"
        else:
            statement.cluster = (None, statement.speaker.text)
    found.sort(key=lambda s: (s.content[0], s.cue[0]))


class _Latest:
    """The latest candidate seen so far that each kind of pronoun can refer to."""

    def __init__(self, names: _Names) -> None:
        self.names = names
        self.best: dict[str, tuple[int | None, str] | None] = {"person": None, "thing": None, "any": None}

    def add(self, cluster: tuple[int | None, str]) -> None:
        person = self.names.is_person(cluster)
        self.best["any"] = cluster
        if cluster[0] is None or person:
            self.best["person"] = cluster
        if cluster[0] is None or not person:
            self.best["thing"] = cluster


class _Names:
    """Map a speaker span to an entity cluster by its head's entity, a role, its forms or its surname."""

    def __init__(self, table: pd.DataFrame, roles: list[RoleLink]) -> None:
        from ..tables.mentions import entity_key

        self._key = entity_key
        self.persons = {int(cid) for cid, label in zip(table[C.CLUSTER_ID], table[C.LABEL], strict=True)
                        if label == "PERSON"}
        clusters = list(zip(table[C.KEY], table[C.CLUSTER_ID].astype(int), table[C.CANONICAL], table[C.LABEL],
                            strict=True))
        self.by_form = {str(key): (cid, str(name)) for key, cid, name, label in clusters if label != "NORP"}
        self.by_surname = {str(name).split()[-1]: (cid, str(name)) for _, cid, name, _ in clusters
                           if cid in self.persons and " " in str(name)}
        self.by_char: dict[int, tuple[int, str]] = {}
        for start, end, cid, name in zip(table[C.START_CHAR], table[C.END_CHAR], table[C.CLUSTER_ID],
                                         table[C.CANONICAL], strict=True):
            for char in range(int(start), int(end)):
                self.by_char[char] = (int(cid), str(name))
        self.role_ends = {link.end_char: (link.cluster_id, link.canonical) for link in roles}

    def cluster(self, span: Span) -> tuple[int | None, str]:
        head = span.root
        if head.ent_type_ and head.ent_type_ != "NORP" or head.ent_type_ == "NORP" and head.pos_ != "ADJ":
            found = self.by_char.get(head.idx)
            if found is not None:
                return found
        role = self.role_ends.get(head.idx + len(head))
        if role is not None:
            return role
        key = self._key(span.text)
        words = key.split()
        if head.pos_ == "PROPN" and words:
            return self.by_form.get(key) or self.by_surname.get(words[-1]) or (None, key)
        return self.by_form.get(key) or (None, key)

    def is_person(self, cluster: tuple[int | None, str]) -> bool:
        return cluster[0] is None or cluster[0] in self.persons
