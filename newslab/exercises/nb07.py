"""Exercises of notebook 07, One event, many outlets.

Every expected answer is computed from the course's constructed reports
(``newslab.corpus.teaching_corpus()``) with the same functions the notebook uses.
Answers are accepted in their ordinary forms: a number as an int, a numpy int or a string,
a name in any case or spacing, and a one-element list or Series of either.
"""

from __future__ import annotations

import re
from typing import Any

from .. import _columns as C
from . import Context, exercise

QUOTE = "your security matters for ours"


def _one(answer: Any) -> Any:
    """Unwrap a one-element list, tuple, Series or array."""
    if hasattr(answer, "tolist") and not isinstance(answer, str):
        answer = answer.tolist()
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        return answer[0]
    return answer


def _name(answer: Any) -> str:
    return re.sub(r"\s+", " ", str(_one(answer))).strip().casefold()


def _outlet(answer: Any) -> str | None:
    """The outlet an answer names (its name or its article id), or ``None``."""
    from ..corpus import teaching_corpus

    articles = teaching_corpus().articles()
    for outlet, article_id in zip(articles[C.OUTLET], articles[C.ARTICLE_ID]):
        if _name(answer) in {_name(outlet), _name(article_id), _name(re.sub(r"^The ", "", str(outlet)))}:
            return str(outlet)
    return None


def _unknown_outlet(answer: Any) -> str:
    return f"{str(_one(answer))!r} is not one of the six outlets: copy a name from the outlet column."


@exercise("07-shared-quote", hint=('Filter nl.sentences(corpus) to the rows whose text contains the quotation, '
                                   'then count the distinct values of the "outlet" column (nunique()).'))
def shared_quote(answer: Any, ctx: Context) -> bool | str:
    from ..corpus import teaching_corpus
    from ..tables import sentences

    table = sentences(teaching_corpus())
    expected = table[table[C.TEXT].str.contains(QUOTE, regex=False)][C.OUTLET].nunique()
    try:
        given = int(_one(answer))
    except (TypeError, ValueError):
        return "Answer with a number: how many outlets."
    if given == len(table):
        return "That counts sentences, not outlets: count the distinct outlets."
    return given == expected or f"{given} is not it: count each outlet once, and only those that carry the quotation."


@exercise("07-own-selection", hint=('In nl.compare.sentence_reach(corpus), keep the rows with n_outlets == 0 '
                                    '(sentences no other outlet carries) and count them per outlet.'))
def own_selection(answer: Any, ctx: Context) -> bool | str:
    from ..compare import sentence_reach
    from ..corpus import teaching_corpus

    reach = sentence_reach(teaching_corpus())
    own = reach[reach[C.N_OUTLETS] == 0][C.OUTLET].value_counts()
    outlet = _outlet(answer)
    if outlet is None:
        return _unknown_outlet(answer)
    if outlet not in own.index:
        return f"Every body sentence of {outlet} also appears in another outlet."
    return bool(own[outlet] == own.max()) or f"{outlet} has {own[outlet]} such sentence(s); another outlet has more."


@exercise("07-distinctive", hint=('Take nl.compare.keyness(corpus), keep The Daily Clarion\'s rows with '
                                  'overused == True, and read the key of the row with the highest g2.'))
def distinctive(answer: Any, ctx: Context) -> bool | str:
    from ..compare import keyness
    from ..corpus import teaching_corpus
    from ..tables import entity_key

    table = keyness(teaching_corpus())
    clarion = table[(table[C.OUTLET] == "The Daily Clarion") & table[C.OVER]]
    best = clarion.sort_values(C.G2, ascending=False, kind="stable").iloc[0]
    key = entity_key(str(_one(answer)).strip())
    found = clarion[clarion[C.KEY].str.casefold() == key.casefold()]
    if found.empty:
        return f"{key!r} is not among the entities The Daily Clarion mentions more often than the others."
    return found[C.KEY].iloc[0] == best[C.KEY] or (
        f"{key} is overused (G2 {found[C.G2].iloc[0]:.2f}), but another entity has a higher G2.")


@exercise("07-first-voice", hint=('Filter nl.svo_triples(corpus) to rows whose verb_lemma is in '
                                  'nl.compare.REPORTING_VERBS, keep the first row of each outlet, and find the '
                                  'outlet whose first speaker is Zelenskiy.'))
def first_voice(answer: Any, ctx: Context) -> bool | str:
    from ..compare import REPORTING_VERBS
    from ..corpus import teaching_corpus
    from ..grammar import svo_triples

    triples = svo_triples(teaching_corpus())
    first = triples[triples[C.VERB_LEMMA].isin(REPORTING_VERBS)].groupby(C.OUTLET).head(1)
    expected = set(first[first[C.SUBJECT].str.contains("Zelenskiy")][C.OUTLET])
    outlet = _outlet(answer)
    if outlet is None:
        return _unknown_outlet(answer)
    if outlet in expected:
        return True
    speaker = first[first[C.OUTLET] == outlet][C.SUBJECT]
    return (f"The first reporting verb of {outlet} has {speaker.iloc[0]!r} as its subject." if len(speaker)
            else f"{outlet} has no reporting verb with a subject.")
