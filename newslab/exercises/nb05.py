"""Exercises of notebook 05, Visualizing the article.

Every expected answer is computed from the article in use, with the same tables that the
charts draw, so an instructor's own article works too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..tables.coerce import name_column
from ._context import Context, entity_names, memoised
from ._model import Distractor, Need
from ._normalize import text_key
from .checks import define

if TYPE_CHECKING:
    import pandas as pd


def _chart_table(name: str, ctx: Context) -> Any:
    """A table behind a chart (the one place that names the chart-data module)."""
    from ..ner import chartdata

    return getattr(chartdata, name)(ctx.sentences if name == "middle_sentence" else ctx.entities)


def _name(ctx: Context) -> str:
    """The column that names an entity in the charts: its cluster's canonical name."""
    return name_column(ctx.entities)


@memoised
def _totals(ctx: Context) -> dict[str, int]:
    """Mentions per entity, labels together: the bars of the top-entities chart."""
    from ..ner.counts import entity_counts

    counts = entity_counts(ctx.entities, by=_name(ctx))
    return {str(k): int(v) for k, v in zip(counts[_name(ctx)], counts[C.COUNT])}


def _best(totals: dict[str, int]) -> list[Any]:
    return [key for key, count in totals.items() if count == max(totals.values())] if totals else []


def _unknown(answer: str, ctx: Context) -> str | None:
    """What is wrong with a name that is not one entity of the article (``None``: it is one)."""
    from ..labels import LABELS

    meant = entity_names(ctx).get(text_key(answer), set())
    if len(meant) == 1:
        return None
    if meant:
        return f"{answer!r} names more than one entity ({', '.join(sorted(meant))}): give the full name."
    if answer.upper() in LABELS:
        return f"{answer!r} is a label, a kind of entity. The question asks for one entity, such as a name."
    return f"{answer!r} is not an entity of this article. Copy a name from the chart's Entity axis."


def _known(answer: str, ctx: Context) -> str:
    return next(iter(entity_names(ctx)[text_key(answer)]))


def _with_names(ctx: Context, canonicals: list[str]) -> list[Any]:
    """The canonical names first, then every other name that means only that entity (a surname, a spelling)."""
    names = entity_names(ctx)
    return [*canonicals, *(name for name, meant in names.items() if len(meant) == 1 and meant <= set(canonicals))]


def _explain_top(answer: str, ctx: Context) -> str:
    totals = _totals(ctx)
    if problem := _unknown(answer, ctx):
        return problem
    key = _known(answer, ctx)
    return f"{key} is mentioned {totals[key]} times; one entity is mentioned more often."


def _top_label(ctx: Context) -> str | None:
    table = ctx.entities
    return None if table.empty else str(table[table[_name(ctx)] == _best(_totals(ctx))[0]][C.LABEL].mode().iloc[0])


# with every entity mentioned once, every entity would be "the most mentioned": the question needs a winner
REPEATED = Need("entity mentioned more than once", lambda ctx: max(_totals(ctx).values(), default=0) > 1)

define(
    "05-top-entity", kind="text", needs=(REPEATED,), answers=lambda ctx: _with_names(ctx, _best(_totals(ctx))),
    goal="Read a bar chart: the longest bar is the entity the article mentions most.",
    hints=("A bar chart ranks the entities by how often they are mentioned: the longest bar wins.",
           "nl.charts.top_entities_chart(doc) draws it; nl.entity_counts(doc) is its table, most mentioned "
           'first, with a "canonical" column (the name the chart shows).'),
    blank='"canonical"',
    solution='answer = nl.entity_counts(doc, n=1)["canonical"].iloc[0]',
    why="Its bar is the longest: no entity of the article is mentioned more often.",
    distractors=(Distractor("its label", _top_label, "That is a label, a kind of entity. The question asks for one "
                            "entity, such as a name."),),
    explain=_explain_top,
)


@memoised
def _late(ctx: Context) -> dict[str, int]:
    """Entities first mentioned after the middle sentence, with their mention counts."""
    table = ctx.entities
    first = table.groupby(_name(ctx))[C.SENT_ID].min()
    late = set(first[first > _chart_table("middle_sentence", ctx)].index)
    return {key: count for key, count in _totals(ctx).items() if key in late}


def _explain_late(answer: str, ctx: Context) -> str:
    late = _late(ctx)
    if problem := _unknown(answer, ctx):
        return problem
    key = _known(answer, ctx)
    if key not in late:
        first = int(ctx.entities[ctx.entities[_name(ctx)] == key][C.SENT_ID].min())
        return (f"{key} is already mentioned in sentence {first}, before the middle line "
                f"(sentence {_chart_table('middle_sentence', ctx):g}).")
    return f"{key} appears only after the middle, {late[key]} time(s); another such entity appears more often."


def _first_mentioned(ctx: Context) -> str | None:
    table = ctx.entities
    return None if table.empty else str(table[_name(ctx)].iloc[0])


define(
    "05-second-half-only", kind="text",
    needs=(Need("entity first mentioned after the middle of the article", lambda ctx: bool(_late(ctx))),),
    answers=lambda ctx: _with_names(ctx, _best(_late(ctx))),
    goal="Read a strip plot: where in the article each entity is mentioned, and what comes late.",
    hints=("In the mentions chart each tick is a mention, placed by sentence; the dashed line marks the middle "
           "of the article.",
           "Look for rows whose ticks all lie right of the middle line; of those, pick the one with most ticks. "
           "In code: nl.entities(doc) and nl.chartdata.middle_sentence(nl.sentences(doc))."),
    blank='"sent_id"',
    solution='mentions = nl.entities(doc)\nfirst = mentions.groupby("canonical")["sent_id"].min()\n'
             "late = first[first > nl.chartdata.middle_sentence(nl.sentences(doc))].index\n"
             'answer = mentions[mentions["canonical"].isin(late)]["canonical"].value_counts().index[0]',
    why="All its mentions come after the middle line, and no other such entity is mentioned more often.",
    distractors=(Distractor("the first entity", _first_mentioned, "That entity is mentioned at the very start: "
                            "look right of the dashed middle line."),),
    explain=_explain_late,
)


@memoised
def _pairs(ctx: Context) -> pd.DataFrame:
    return _chart_table("cooccurrence", ctx)


def _strongest(ctx: Context) -> list[Any]:
    pairs = _pairs(ctx)
    best = pairs[pairs[C.COUNT] == pairs[C.COUNT].max()]
    return [(x, y) for a, b in zip(best[C.KEY_A], best[C.KEY_B])
            for x in _with_names(ctx, [str(a)]) for y in _with_names(ctx, [str(b)])]


def _shared_sentences(ctx: Context, a: str, b: str) -> int:
    table = ctx.entities
    sentences = [set(table[table[_name(ctx)] == name][C.SENT_ID]) for name in (a, b)]
    return len(sentences[0] & sentences[1])


def _explain_pair(answer: tuple[str, str], ctx: Context) -> str:
    for name in answer:
        if problem := _unknown(name, ctx):
            return problem
    a, b = (_known(name, ctx) for name in answer)
    if a == b:
        return f"Both names are {a}: a pair is two different entities."
    shared, best = _shared_sentences(ctx, a, b), int(_pairs(ctx)[C.COUNT].max())
    if shared == 0:
        return f"{a} and {b} never appear in the same sentence."
    return f"{a} and {b} share {shared} sentence(s); another pair shares {best}."


def _two_most_mentioned(ctx: Context) -> tuple[str, str] | None:
    keys = list(_totals(ctx))[:2]
    return (keys[0], keys[1]) if len(keys) == 2 else None


define(
    "05-strongest-pair", kind="pair",
    needs=(Need("two entities named together in more than one sentence",
                lambda ctx: not _pairs(ctx).empty and int(_pairs(ctx)[C.COUNT].max()) > 1),),
    answers=_strongest,
    goal="Read a heat map: the darkest cell is the pair of entities that share the most sentences.",
    hints=("Two entities co-occur when they are named in the same sentence; the heat map's darkest cell is the "
           "pair that does so most often.",
           'nl.chartdata.cooccurrence(nl.entities(doc)) is the table behind the heat map, strongest pair first, '
           'with "key_a", '
           '"key_b" and "count".'),
    blank='"key_b"',
    solution='pair = nl.chartdata.cooccurrence(nl.entities(doc)).iloc[0]\nanswer = (pair["key_a"], pair["key_b"])',
    why="No other pair of entities is named together in as many sentences.",
    distractors=(Distractor("the two most mentioned", _two_most_mentioned, "Those are the two most mentioned "
                            "entities, but they are not the pair that shares the most sentences."),),
    explain=_explain_pair,
)
