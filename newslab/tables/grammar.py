"""Grammar tables: part-of-speech counts and who does what to whom."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import columns as C
from .many import per_article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span, Token

__all__ = ["pos_counts", "svo_triples"]

_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"dobj", "attr", "oprd", "dative"}


@per_article(columns=C.POS_COUNT_COLUMNS)
def pos_counts(doc: Doc | Span) -> pd.DataFrame:
    """Count the universal parts of speech (spaces left out), most frequent first.

    Examples:
        >>> import newslab
        >>> table = pos_counts(newslab.analyze("Rutte visited Kyiv."))
        >>> int(table.set_index("pos").loc["PROPN", "count"])
        2
    """
    import pandas as pd

    series = pd.Series([t.pos_ for t in doc if not t.is_space], dtype="string")
    counts = series.value_counts(sort=True).rename_axis(C.POS).reset_index(name=C.COUNT)
    counts[C.SHARE] = counts[C.COUNT] / max(len(series), 1)
    return counts[list(C.POS_COUNT_COLUMNS)]


@per_article(columns=C.SVO_COLUMNS)
def svo_triples(doc: Doc | Span) -> pd.DataFrame:
    """Who does what to whom: one row per verb with a subject, and its object if any.

    Subjects and objects are given as their whole phrase (the word and its dependents);
    conjoined verbs share their subject ("He called and asked" gives two rows).

    Examples:
        >>> import newslab
        >>> table = svo_triples(newslab.analyze("Rutte visited Kyiv."))
        >>> table[["subject", "verb", "object"]].values.tolist()
        [['Rutte', 'visited', 'Kyiv']]
    """
    import pandas as pd
    from spacy.tokens import Span

    from .parse import sentences

    whole = doc.doc if isinstance(doc, Span) else doc
    sent_of = _sent_lookup(sentences(whole))
    rows = []
    for verb in (t for t in doc if t.pos_ in {"VERB", "AUX"}):
        subject = _subject(verb)
        if subject is None:
            continue
        obj = next((c for c in verb.children if c.dep_ in _OBJECTS), None)
        rows.append((sent_of(verb.i), _phrase(subject), verb.text, verb.lemma_,
                     _phrase(obj) if obj is not None else "", any(c.dep_ == "neg" for c in verb.children),
                     verb.sent.start_char, verb.sent.end_char))
    return pd.DataFrame.from_records(rows, columns=list(C.SVO_COLUMNS))


def _subject(verb: Token) -> Token | None:
    while True:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None or verb.dep_ != "conj" or verb.head is verb:
            return subject
        verb = verb.head


def _phrase(token: Token) -> str:
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text.strip()


def _sent_lookup(table: pd.DataFrame) -> Callable[[int], int]:
    """Map a token index to the id of the sentence it is in (sentences as numbered by newslab)."""
    starts = table[C.START_TOKEN].tolist()
    ids = table[C.SENT_ID].tolist()

    def find(i: int) -> int:
        return ids[max(bisect.bisect_right(starts, i) - 1, 0)]

    return find
