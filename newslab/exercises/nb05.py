"""Exercises of notebook 05, Visualizing the article.

Every expected answer is computed from the article in use, with the same functions that
draw the charts, so an instructor's own article works too.
"""

from __future__ import annotations

from typing import Any

from .. import _columns as C
from . import Context, exercise


def _key(answer: Any) -> str:
    from ..tables import entity_key

    return entity_key(str(answer))


def _totals(ctx: Context) -> dict[str, int]:
    """Mentions per entity, named as the charts name them (by cluster)."""
    from ..tables import entity_counts

    counts = entity_counts(ctx.doc)
    return {str(name): int(count) for name, count in zip(counts.iloc[:, 0], counts[C.COUNT])}


def _unknown(answer: Any, totals: dict[str, int]) -> str | None:
    key = _key(answer)
    if key in totals:
        return None
    from ..labels import LABELS

    if key.upper() in LABELS:
        return f"{key!r} is a label, a kind of entity. The question asks for one entity, such as a name."
    near = [k for k in totals if k.lower() == key.lower()]
    if near:
        return f"Check the spelling: the chart writes it {near[0]!r}."
    return f"{key!r} is not an entity of this article. Copy a name from the chart's Entity axis."


@exercise("05-top-entity", hint="Read the longest bar of nl.charts.top_entities_chart(doc) and give its name as a string.")
def top_entity(answer: Any, ctx: Context) -> bool | str:
    totals = _totals(ctx)
    best = max(totals.values())
    if problem := _unknown(answer, totals):
        return problem
    count = totals[_key(answer)]
    return count == best or f"{_key(answer)} is mentioned {count} times; one entity is mentioned more often."


def _second_half_only(ctx: Context) -> dict[str, int]:
    from ..chartdata import middle_sentence
    from ..tables import entities, sentences
    from ..types import name_column

    table = entities(ctx.doc)
    first = table.groupby(name_column(table))[C.SENT_ID].min()
    late = first[first > middle_sentence(sentences(ctx.doc))].index
    return {k: v for k, v in _totals(ctx).items() if k in set(late)}


@exercise("05-second-half-only", hint=("In the mentions chart, look for rows whose ticks are all to the right of the "
                                       "dashed middle line; of those, pick the row with the most ticks."))
def second_half_only(answer: Any, ctx: Context) -> bool | str:
    from ..chartdata import middle_sentence
    from ..tables import entities, sentences
    from ..types import name_column

    late = _second_half_only(ctx)
    if not late:
        return str(answer).lower() == "none" or 'No entity appears only after the middle here: answer "none".'
    if problem := _unknown(answer, _totals(ctx)):
        return problem
    key = _key(answer)
    if key not in late:
        table = entities(ctx.doc)
        first = int(table[table[name_column(table)] == key][C.SENT_ID].min())
        return (f"{key} is already mentioned in sentence {first}, before the middle line "
                f"(sentence {middle_sentence(sentences(ctx.doc)):g}).")
    return late[key] == max(late.values()) or (
        f"{key} appears only after the middle, {late[key]} time(s); another such entity appears more often.")


@exercise("05-strongest-pair", hint=("In nl.charts.cooccurrence_chart(doc), find the darkest cell and answer with "
                                     "its two entities, for example ('NATO', 'Kyiv')."))
def strongest_pair(answer: Any, ctx: Context) -> bool | str:
    from ..chartdata import cooccurrence
    from ..tables import entities

    pairs = cooccurrence(entities(ctx.doc))
    if isinstance(answer, str) or len(answer) != 2:
        return "Give two entity names, as a tuple or a list: ('first', 'second')."
    a, b = sorted(_key(item) for item in answer)
    found = pairs[(pairs["key_a"] == a) & (pairs["key_b"] == b)]
    if found.empty:
        return f"{a} and {b} never appear in the same sentence."
    count, best = int(found["count"].iloc[0]), int(pairs["count"].max())
    return count == best or f"{a} and {b} share {count} sentence(s); another pair shares {best}."
