"""Exercises of notebook 02, Words and grammar."""

from __future__ import annotations

from typing import Any

from .. import _columns as C
from . import Context, exercise


def _first_body_sentence(ctx: Context):
    from ..tables import sentences

    table = sentences(ctx.doc)
    row = table[table[C.PART] == C.PARAGRAPH].iloc[0]
    return ctx.doc[int(row[C.START_TOKEN]) : int(row[C.END_TOKEN])]


@exercise("02-root-verb", hint="In the first body sentence, find the token whose dep is 'ROOT' and give its lemma.")
def root_verb(answer: Any, ctx: Context) -> bool | str:
    root = _first_body_sentence(ctx).root
    if answer == root.text and root.text != root.lemma_:
        return "Close: that is the word as written. Give its lemma (dictionary form)."
    return answer == root.lemma_ or "That is not the root of the first body sentence."


@exercise("02-verb-count", hint='Filter nl.tokens(doc) on pos == "VERB" and count the rows.')
def verb_count(answer: Any, ctx: Context) -> bool | str:
    from ..tables import tokens

    table = tokens(ctx.doc)
    expected = int((table[C.POS] == "VERB").sum())
    if answer == int(table[C.POS].isin(["VERB", "AUX"]).sum()) and answer != expected:
        return "That includes auxiliaries (AUX) such as 'is' and 'would'. Count only VERB."
    return answer == expected or f"Not quite: the article does not have {answer} tokens tagged VERB."


@exercise("02-who-reassured", hint="nl.svo_triples(doc): find the row whose verb lemma is 'reassure' and read its object.")
def who_reassured(answer: Any, ctx: Context) -> bool | str:
    from ..grammar import svo_triples

    triples = svo_triples(ctx.doc)
    row = triples[triples[C.VERB_LEMMA] == "reassure"]
    if row.empty:
        return "This article has no 'reassure' verb: your instructor changed the article; ask them."
    expected = row.iloc[0][C.OBJECT]
    return str(answer).strip() in {expected, expected.split()[-1]} or expected.endswith(str(answer).strip()) \
        or "Look again at the object of 'reassured': who was reassured?"
