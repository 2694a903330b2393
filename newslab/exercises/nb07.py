"""Exercises of notebook 07, One event, many outlets.

Every expected answer is computed from the course's constructed reports
(``newslab.corpus.teaching_corpus()``) with the same functions the notebook uses, so the
answers never depend on the article in use.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ._context import Context, memoised
from ._model import Distractor, Need
from .checks import define

if TYPE_CHECKING:
    import pandas as pd

QUOTE = "your security matters for ours"
CLARION = "The Daily Clarion"


def _corpus() -> Any:
    from ..corpus.collection import teaching_corpus

    return teaching_corpus()


def _names(outlets: list[str]) -> list[str]:
    """Every way to name these outlets: the name, the name without "The", the article id."""
    articles = _corpus().articles()
    ids = dict(zip(articles[C.OUTLET], articles[C.ARTICLE_ID]))
    return [name for outlet in outlets for name in (outlet, re.sub(r"^The ", "", outlet), str(ids.get(outlet, outlet)))]


@memoised
def _quote_sentences(ctx: Context) -> pd.DataFrame:
    from ..tables.parse import sentences

    table = sentences(_corpus())
    return table[table[C.TEXT].str.contains(QUOTE, regex=False)]


@memoised
def _own(ctx: Context) -> pd.Series:
    from ..corpus.compare import sentence_reach

    reach = sentence_reach(_corpus())
    return reach[reach[C.N_OUTLETS] == 0][C.OUTLET].value_counts()


def _most_own(ctx: Context) -> list[str]:
    own = _own(ctx)
    return _names([str(name) for name, count in own.items() if count == own.max()]) if len(own) else []


def _fewest_own(ctx: Context) -> str | None:
    own = _own(ctx)
    return None if len(own) < 2 else str(own.index[-1])


@memoised
def _overused(ctx: Context) -> pd.DataFrame:
    from ..corpus.compare import keyness

    table = keyness(_corpus())
    return table[(table[C.OUTLET] == CLARION) & table[C.OVER]].sort_values(C.G2, ascending=False, kind="stable")


def _best_entity(ctx: Context) -> list[str]:
    """The overused entity with the highest G2, by its name and by its last word ("Zelenskiy")."""
    table = _overused(ctx)
    return [] if table.empty else list(dict.fromkeys([str(table[C.KEY].iloc[0]), str(table[C.KEY].iloc[0]).split()[-1]]))


@memoised
def _most_mentioned_by_clarion(ctx: Context) -> str | None:
    from ..ner.counts import entity_counts
    from ..tables.mentions import entities

    table = entities(_corpus())
    table = table[(table[C.OUTLET] == CLARION) & (table[C.PART] != C.BYLINE)]
    return None if table.empty else str(entity_counts(table, by=C.KEY)[C.KEY].iloc[0])


@memoised
def _first_voices(ctx: Context) -> pd.DataFrame:
    from ..corpus.compare import REPORTING_VERBS
    from ..tables.grammar import svo_triples

    triples = svo_triples(_corpus())
    return triples[triples[C.VERB_LEMMA].isin(REPORTING_VERBS)].groupby(C.OUTLET).head(1)


def _zelenskiy_first(ctx: Context) -> list[str]:
    first = _first_voices(ctx)
    return _names(sorted(set(first[first[C.SUBJECT].str.contains("Zelenskiy")][C.OUTLET])))


def _rutte_first(ctx: Context) -> str | None:
    first = _first_voices(ctx)
    rutte = first[first[C.SUBJECT].str.contains("Rutte")][C.OUTLET]
    return None if rutte.empty else str(rutte.iloc[0])


def _outlet(answer: str) -> str | None:
    """The outlet an answer names (by its name, its name without "The", or its article id)."""
    outlets = [str(outlet) for outlet in _corpus().articles()[C.OUTLET]]
    return next((outlet for outlet in outlets if answer.casefold() in {n.casefold() for n in _names([outlet])}), None)


def _unknown_outlet(answer: str) -> str:
    return f"{answer!r} is not one of the {len(_corpus().articles())} outlets: copy a name from the outlet column."


def _explain_own(answer: str, ctx: Context) -> str:
    outlet, own = _outlet(answer), _own(ctx)
    if outlet is None:
        return _unknown_outlet(answer)
    if outlet not in own.index:
        return f"Every body sentence of {outlet} also appears in another outlet."
    return f"{outlet} has {own[outlet]} such sentence(s); another outlet has more."


def _explain_distinctive(answer: str, ctx: Context) -> str:
    from ..tables.mentions import entity_key

    table = _overused(ctx)
    found = table[table[C.KEY].map(lambda key: entity_key(answer).casefold() in {
        str(key).casefold(), str(key).split()[-1].casefold()})]
    if found.empty:
        return f"{answer!r} is not among the entities {CLARION} mentions more often than the others."
    return f"{found[C.KEY].iloc[0]} is overused (G2 {found[C.G2].iloc[0]:.2f}), but another entity has a higher G2."


def _explain_voice(answer: str, ctx: Context) -> str:
    outlet = _outlet(answer)
    if outlet is None:
        return _unknown_outlet(answer)
    first = _first_voices(ctx)
    speaker = first[first[C.OUTLET] == outlet][C.SUBJECT]
    return (f"The first reporting verb of {outlet} has {speaker.iloc[0]!r} as its subject." if len(speaker)
            else f"{outlet} has no reporting verb with a subject.")


define(
    "07-shared-quote", kind="count", answers=lambda ctx: [int(_quote_sentences(ctx)[C.OUTLET].nunique())],
    goal="Selection: count how many outlets keep one quotation.",
    hints=("An outlet that drops a quotation has chosen not to give that voice the space.",
           'nl.sentences(corpus) has an "outlet" column; keep the rows whose text contains the quotation.'),
    blank='"outlet"', blank_last=True,
    solution=('corpus = nl.corpus.teaching_corpus()\nbody = nl.sentences(corpus)\n'
              f'answer = body[body["text"].str.contains("{QUOTE}")]["outlet"].nunique()'),
    why="Each outlet is counted once, and only if one of its sentences holds the quotation.",
    distractors=(Distractor("every outlet", lambda ctx: len(_corpus().articles()),
                            "That is every outlet. Count only those that carry the quotation."),),
    explain=lambda answer, ctx: f"{answer} is not it: count each outlet once, and only those that carry the quotation.",
)

define(
    "07-own-selection", kind="text", answers=_most_own,
    needs=(Need("sentence that no other outlet carries", lambda ctx: len(_own(ctx)) > 0),),
    goal="Selection: find the outlet that adds the most sentences no other outlet carries.",
    hints=("Sentences that only one outlet carries show what that outlet chose to add.",
           'nl.compare.sentence_reach(corpus) says, for each body sentence, in how many other outlets it appears '
           '("n_outlets").'),
    blank='== 0',
    solution=('reach = nl.compare.sentence_reach(nl.corpus.teaching_corpus())\nown = reach[reach["n_outlets"] == 0]\n'
              'answer = own["outlet"].value_counts().index[0]'),
    why="No other outlet has as many sentences that appear nowhere else.",
    distractors=(Distractor("the fewest", _fewest_own, "That outlet adds the fewest sentences of its own."),),
    explain=_explain_own,
)

define(
    "07-distinctive", kind="text",
    answers=lambda ctx: _best_entity(ctx),
    needs=(Need(f"entity that {CLARION} mentions more than the others", lambda ctx: not _overused(ctx).empty),),
    goal="Keyness: what one outlet mentions more often than the others, beyond chance (log-likelihood G2).",
    hints=("A distinctive entity is mentioned by one outlet more often than the other outlets would lead you to "
           "expect.",
           f'nl.compare.keyness(corpus): keep the rows of {CLARION} with overused == True; the highest "g2" wins.'),
    blank='"g2"',
    solution=(f'key = nl.compare.keyness(nl.corpus.teaching_corpus())\n'
              f'clarion = key[(key["outlet"] == "{CLARION}") & key["overused"]]\n'
              'answer = clarion.sort_values("g2", ascending=False)["key"].iloc[0]'),
    why=f"Among the entities {CLARION} overuses, it has the highest G2.",
    distractors=(Distractor("the most mentioned", _most_mentioned_by_clarion,
                            "That is the entity the outlet mentions most, but the others mention it as much: "
                            "look for the highest G2 among the overused rows."),),
    explain=_explain_distinctive,
)

define(
    "07-first-voice", kind="text", answers=_zelenskiy_first,
    needs=(Need("report whose first reporting verb belongs to Zelenskiy", lambda ctx: bool(_zelenskiy_first(ctx))),),
    goal="Voices: who gets the first word in each report.",
    hints=("The first reporting verb of a report gives someone the first word.",
           "nl.svo_triples(corpus) has the subject of every verb; nl.compare.REPORTING_VERBS lists the reporting "
           "verbs; keep the first row of each outlet."),
    blank='head(1)',
    solution=('triples = nl.svo_triples(nl.corpus.teaching_corpus())\n'
              'first = triples[triples["verb_lemma"].isin(nl.compare.REPORTING_VERBS)].groupby("outlet").head(1)\n'
              'answer = first[first["subject"].str.contains("Zelenskiy")]["outlet"].iloc[0]'),
    why="Its first reporting verb has Zelenskiy as its subject: he speaks before Rutte.",
    distractors=(Distractor("Rutte first", _rutte_first, "In that report Mark Rutte has the first word."),),
    explain=_explain_voice,
)
