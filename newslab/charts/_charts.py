"""One function per chart: each takes a tidy table (or the ``Doc`` it comes from) and returns an
Altair chart, without displaying it or changing any global state.

The data of each chart comes from :mod:`newslab.ner.chartdata`; this module only draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import altair as alt

from .. import columns as C
from ..labels import PALETTE, part_color
from ..ner import chartdata as D
from ..ner.counts import entity_counts, label_counts
from ..precomputed import is_lite
from ..tables.coerce import as_entities, as_table, name_column
from ..types import is_doc

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    Data = Doc | pd.DataFrame

__all__ = [
    "label_scale", "label_counts_chart", "top_entities_chart", "mentions_chart", "cooccurrence_chart",
    "cooccurrence_network_chart", "sentence_lengths_chart", "pos_mix_chart", "POS_COLORS",
]

WIDTH = 360
#: Colours of the part-of-speech groups: the distinct colours of :data:`newslab.PALETTE`.
POS_COLORS: dict[str, str] = dict(zip([*dict.fromkeys(D.POS_GROUPS.values()), D.OTHER_POS],
                                      dict.fromkeys(PALETTE.values())))


def label_scale(labels: Iterable[str] | None = None) -> alt.Scale:
    """The colour scale of entity labels, from :data:`newslab.PALETTE`.

    Args:
        labels: Keep only these labels in the legend (all of them when ``None``).

    Examples:
        >>> label_scale(["GPE"]).to_dict()
        {'domain': ['GPE'], 'range': ['#44BB99']}
    """
    wanted = list(PALETTE) if labels is None else [label for label in PALETTE if label in set(labels)]
    return alt.Scale(domain=wanted, range=[PALETTE[label] for label in wanted])


def _label_color(table: pd.DataFrame, **legend: Any) -> alt.Color:
    return alt.Color(f"{C.LABEL}:N", scale=label_scale(table[C.LABEL].unique()), title="Label", **legend)


def label_counts_chart(data: Data) -> alt.Chart:
    """Bar chart: how many entity mentions carry each label.

    Args:
        data: An entity table, or the parsed article it comes from.

    Examples:
        >>> import newslab
        >>> spec = label_counts_chart(newslab.analyze("Rutte met NATO.")).to_dict()
        >>> spec["mark"]["type"]
        'bar'
    """
    table = label_counts(as_entities(data, where="nl.charts.label_counts_chart"))
    return alt.Chart(table, title="Entity mentions by label").mark_bar().encode(
        x=alt.X(f"{C.COUNT}:Q", title="Mentions"),
        y=alt.Y(f"{C.LABEL}:N", sort="-x", title="Label"),
        color=_label_color(table, legend=None),
        tooltip=[alt.Tooltip(f"{C.LABEL}:N", title="Label"), alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    ).properties(width=WIDTH)


def top_entities_chart(data: Data, *, n: int | None = 10, by: str | None = None, width: int = WIDTH) -> alt.Chart:
    """Bar chart of the ``n`` most mentioned entities, coloured by the labels the model gave them.

    Args:
        data: An entity table, or the parsed article it comes from.
        n: How many entities to show (``None`` shows all).
        by: The column that names an entity (see :func:`newslab.entity_counts`).
        width: Width of the plot in pixels.

    Examples:
        >>> import newslab
        >>> spec = top_entities_chart(newslab.analyze("Rutte met NATO. Rutte left."), n=1).to_dict()
        >>> spec["encoding"]["y"]["sort"]
        ['Rutte']
    """
    entities = as_entities(data, where="nl.charts.top_entities_chart")
    name = name_column(entities, by)
    return top_chart(entity_counts(entities, by=[name, C.LABEL], n=n), name, n=n, width=width)


def top_chart(counts: pd.DataFrame, name: str, *, n: int | None, width: int = WIDTH) -> alt.Chart:
    """The bars of :func:`top_entities_chart`, from the entity counts by ``[name, "label"]``."""
    table = counts[[name, C.LABEL, C.COUNT]]
    return alt.Chart(table, title=f"The {n or table[name].nunique()} most mentioned entities").mark_bar().encode(
        x=alt.X(f"sum({C.COUNT}):Q", title="Mentions"),
        y=alt.Y(f"{name}:N", sort=list(dict.fromkeys(table[name])), title="Entity"),
        color=_label_color(table),
        tooltip=[*_entity_tooltip(name), alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    ).properties(width=width)


def mentions_chart(
    data: Data,
    *,
    n: int | None = 10,
    position: Literal["sent_id", "start_char"] = C.SENT_ID,
    by: str | None = None,
    width: int = WIDTH,
    middle: float | None = None,
) -> alt.LayerChart:
    """Strip plot: where in the article each of the ``n`` most mentioned entities appears.

    A dashed rule marks the middle of the article, so the reader sees who dominates the
    beginning and who the end.

    Args:
        data: An entity table, or the parsed article it comes from (then the middle is that of
            the whole article, not of its last mention).
        n: How many entities (rows) to show; ``None`` shows all.
        position: Position along the article: sentence number or character offset.
        by: The column that names an entity (see :func:`newslab.entity_counts`).
        width: Width of the plot in pixels.
        middle: Where to draw the middle line (computed from ``data`` when ``None``).

    Examples:
        >>> import newslab
        >>> spec = mentions_chart(newslab.analyze("Rutte met NATO. Rutte left.")).to_dict()
        >>> spec["layer"][0]["mark"]["type"]
        'tick'
    """
    entities = as_entities(data, where="nl.charts.mentions_chart")
    name = name_column(entities, by)
    order = entity_counts(entities, by=name, n=n)[name].tolist()
    middle = _middle(data, entities, position) if middle is None else middle
    return strip_chart(entities[entities[name].isin(order)], name, order, position=position, width=width,
                       middle=middle)


def strip_chart(table: pd.DataFrame, name: str, order: list[str], *, position: str = C.SENT_ID, width: int = WIDTH,
                middle: float) -> alt.LayerChart:
    """The strip plot of :func:`mentions_chart`, from the mentions to show and the entities in order."""
    title = "Sentence (0 is the headline)" if position == C.SENT_ID else "Character position"
    ticks = alt.Chart(table.reset_index(drop=True)).mark_tick(thickness=3).encode(
        x=alt.X(f"{position}:Q", title=title),
        y=alt.Y(f"{name}:N", sort=order, title="Entity"),
        color=_label_color(table),
        tooltip=[*_entity_tooltip(name), alt.Tooltip(f"{C.TEXT}:N", title="Mention"),
                 alt.Tooltip(f"{C.SENT_ID}:Q", title="Sentence")],
    )
    rule = alt.Chart(alt.Data(values=[{position: middle}])).mark_rule(strokeDash=[4, 4], color="#666").encode(
        x=f"{position}:Q")
    # alt.LayerChart rather than alt.layer, which is typed LayerChart | FacetChart because it hoists
    # shared facet encodings; these layers have none, so both build the same chart
    return alt.LayerChart(layer=[ticks, rule], title="Where each entity is mentioned (dashed line: middle)").properties(
        width=width)


def _middle(data: Data, entities: pd.DataFrame, position: str) -> float:
    """Half the article when the article is at hand, else half of what the table covers."""
    if position == C.SENT_ID:
        return D.middle_sentence(as_table(data, "sentences") if is_doc(data) or is_lite(data) else entities)
    return len(data.text) / 2 if is_doc(data) or is_lite(data) else float(entities[C.END_CHAR].max()) / 2


def cooccurrence_chart(data: Data, *, n: int | None = 15, by: str | None = None) -> alt.LayerChart:
    """Heatmap: in how many sentences each pair of the ``n`` most mentioned entities meet.

    Examples:
        >>> import newslab
        >>> spec = cooccurrence_chart(newslab.analyze("NATO met Ukraine. NATO met Russia.")).to_dict()
        >>> spec["layer"][0]["mark"]["type"]
        'rect'
    """
    import pandas as pd

    entities = as_entities(data, where="nl.charts.cooccurrence_chart")
    name = name_column(entities, by)
    keys = entity_counts(entities, by=name, n=n)[name].tolist()
    pairs = D.cooccurrence(entities, by=name)
    pairs = pairs[pairs[C.KEY_A].isin(keys) & pairs[C.KEY_B].isin(keys)]
    both = pd.concat([pairs, pairs.rename(columns={C.KEY_A: C.KEY_B, C.KEY_B: C.KEY_A})], ignore_index=True)
    base = alt.Chart(both, title="Entities mentioned in the same sentence").encode(
        x=alt.X(f"{C.KEY_A}:N", sort=keys, title=None),
        y=alt.Y(f"{C.KEY_B}:N", sort=keys, title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{C.COUNT}:Q", scale=alt.Scale(scheme="blues"), title="Sentences"),
        tooltip=[alt.Tooltip(f"{C.KEY_A}:N", title="Entity"), alt.Tooltip(f"{C.KEY_B}:N", title="with"),
                 alt.Tooltip(f"{C.COUNT}:Q", title="Sentences")],
    )
    numbers = base.mark_text(fontSize=10).encode(text=f"{C.COUNT}:Q")
    return alt.LayerChart(layer=[cells, numbers]).properties(width=WIDTH, height=WIDTH)


def cooccurrence_network_chart(data: Data, *, n: int | None = 16, by: str | None = None) -> alt.LayerChart:
    """Node-link view of co-occurrence: entities on a circle, a line per pair that share a sentence.

    Examples:
        >>> import newslab
        >>> spec = cooccurrence_network_chart(newslab.analyze("NATO met Ukraine.")).to_dict()
        >>> [layer["mark"]["type"] for layer in spec["layer"]]
        ['rule', 'circle', 'text', 'text']
    """
    entities = as_entities(data, where="nl.charts.cooccurrence_network_chart")
    nodes, edges = D.network_nodes(entities, n=n, by=by), D.network_edges(entities, n=n, by=by)
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    xs, ys = alt.Scale(domain=[-1.6, 1.6]), alt.Scale(domain=[-1.2, 1.2])
    x, y = alt.X(f"{C.X}:Q", axis=hidden, scale=xs), alt.Y(f"{C.Y}:Q", axis=hidden, scale=ys)
    lines = alt.Chart(edges).mark_rule(color="#888", opacity=0.6).encode(
        x=x, y=y, x2=f"{C.X_B}:Q", y2=f"{C.Y_B}:Q",
        strokeWidth=alt.StrokeWidth(f"{C.COUNT}:Q", title="Shared sentences", scale=alt.Scale(range=[1, 6])),
        tooltip=[alt.Tooltip(f"{C.KEY_A}:N", title="Entity"), alt.Tooltip(f"{C.KEY_B}:N", title="with"),
                 alt.Tooltip(f"{C.COUNT}:Q", title="Sentences")],
    )
    points = alt.Chart(nodes).mark_circle(opacity=1, stroke="#333", strokeWidth=0.5).encode(
        x=x, y=y, color=_label_color(nodes), size=alt.Size(f"{C.COUNT}:Q", title="Mentions"),
        tooltip=[*_entity_tooltip(C.KEY), alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    )
    outward = alt.Chart(nodes).transform_calculate(lx=f"datum.{C.X} * 1.1", ly=f"datum.{C.Y} * 1.1")
    sides: tuple[tuple[str, Literal["left", "right"]], ...] = ((">= -0.001", "left"), ("< -0.001", "right"))
    right, left = (outward.transform_filter(f"datum.{C.X} {op}").mark_text(align=side, fontSize=11).encode(
        x=alt.X("lx:Q", axis=hidden, scale=xs), y=alt.Y("ly:Q", axis=hidden, scale=ys), text=f"{C.KEY}:N",
    ) for op, side in sides)
    return alt.LayerChart(layer=[lines, points, right, left], title="Who is mentioned with whom").properties(
        width=WIDTH, height=WIDTH, view=alt.ViewConfig(stroke=None))


def sentence_lengths_chart(data: Data) -> alt.Chart:
    """Bar chart of sentence lengths in words, in reading order, coloured by article part.

    Args:
        data: A sentence table, or the parsed article it comes from.

    Examples:
        >>> import newslab
        >>> spec = sentence_lengths_chart(newslab.analyze("Rutte came. He spoke to the press.")).to_dict()
        >>> spec["encoding"]["y"]["field"]
        'n_words'
    """
    table = as_table(data, "sentences", where="nl.charts.sentence_lengths_chart")[[C.SENT_ID, C.N_WORDS, C.PART, C.TEXT]]
    present = set(table[C.PART].dropna())
    parts = [kind for kind in C.PART_KINDS if kind in present] + sorted(present - set(C.PART_KINDS))
    return alt.Chart(table, title="Sentence lengths").mark_bar().encode(
        x=alt.X(f"{C.SENT_ID}:O", title="Sentence (0 is the headline)"),
        y=alt.Y(f"{C.N_WORDS}:Q", title="Words"),
        color=alt.Color(f"{C.PART}:N", title="Part",
                        scale=alt.Scale(domain=parts, range=[part_color(kind) for kind in parts])),
        tooltip=[alt.Tooltip(f"{C.SENT_ID}:Q", title="Sentence"), alt.Tooltip(f"{C.N_WORDS}:Q", title="Words"),
                 alt.Tooltip(f"{C.TEXT}:N", title="Text")],
    ).properties(width=WIDTH)


def pos_mix_chart(data: Data) -> alt.Chart:
    """Stacked, normalized bars: the part-of-speech mix of each body paragraph.

    Args:
        data: A token table, or the parsed article it comes from.

    Examples:
        >>> import newslab
        >>> spec = pos_mix_chart(newslab.analyze("Rutte visited Kyiv.")).to_dict()
        >>> spec["encoding"]["x"]["stack"]
        'normalize'
    """
    table = D.pos_mix(as_table(data, "tokens", where="nl.charts.pos_mix_chart"))
    order = [pos for pos in POS_COLORS if pos in set(table[C.POS])]
    return alt.Chart(table, title="Part-of-speech mix per paragraph").mark_bar().encode(
        x=alt.X(f"{C.COUNT}:Q", stack="normalize", title="Share of words",
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
        y=alt.Y(f"{C.PARAGRAPH_ID}:O", title="Paragraph"),
        color=alt.Color(f"{C.POS}:N", title="Part of speech", sort=order,
                        scale=alt.Scale(domain=order, range=[POS_COLORS[p] for p in order])),
        order=alt.Order("pos_rank:Q"),
        tooltip=[alt.Tooltip(f"{C.PARAGRAPH_ID}:O", title="Paragraph"),
                 alt.Tooltip(f"{C.POS}:N", title="Part of speech"),
                 alt.Tooltip(f"{C.COUNT}:Q", title="Words"), alt.Tooltip(f"{C.SHARE}:Q", title="Share", format=".0%")],
    ).transform_calculate(pos_rank=f"indexof({order!r}, datum.{C.POS})").properties(width=WIDTH)


def _entity_tooltip(name: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{name}:N", title="Entity"), alt.Tooltip(f"{C.LABEL}:N", title="Label")]
