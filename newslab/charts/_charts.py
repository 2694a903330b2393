"""One function per chart: each takes a ``Doc`` or a tidy table and returns an Altair chart."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import altair as alt

from .. import _columns as C
from ..labels import PALETTE
from . import data as D

__all__ = [
    "label_scale", "label_counts_chart", "top_entities_chart", "mentions_chart", "cooccurrence_chart",
    "cooccurrence_network_chart", "sentence_lengths_chart", "pos_mix_chart", "POS_COLORS",
]

WIDTH = 360
#: Colours of the part-of-speech groups: the distinct colours of :data:`newslab.PALETTE`.
POS_COLORS: dict[str, str] = dict(zip([*dict.fromkeys(D.POS_GROUPS.values()), D.OTHER_POS],
                                      dict.fromkeys(PALETTE.values())))
_ENTITY_TOOLTIP = [alt.Tooltip(f"{C.KEY}:N", title="Entity"), alt.Tooltip(f"{C.LABEL}:N", title="Label")]


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


def _label_color(table: Any, **legend: Any) -> alt.Color:
    return alt.Color(f"{C.LABEL}:N", scale=label_scale(table[C.LABEL].unique()), title="Label", **legend)


def label_counts_chart(data: Any = None) -> alt.Chart:
    """Bar chart: how many entity mentions carry each label.

    Examples:
        >>> import newslab
        >>> spec = label_counts_chart(newslab.analyze("Rutte met NATO.")).to_dict()
        >>> spec["mark"]["type"]
        'bar'
    """
    table = D.label_counts(data)
    return alt.Chart(table, title="Entity mentions by label").mark_bar().encode(
        x=alt.X(f"{C.COUNT}:Q", title="Mentions"),
        y=alt.Y(f"{C.LABEL}:N", sort="-x", title="Label"),
        color=_label_color(table, legend=None),
        tooltip=[alt.Tooltip(f"{C.LABEL}:N", title="Label"), alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    ).properties(width=WIDTH)


def top_entities_chart(data: Any = None, *, n: int | None = 10) -> alt.Chart:
    """Bar chart of the ``n`` most mentioned entities, coloured by label.

    Examples:
        >>> import newslab
        >>> spec = top_entities_chart(newslab.analyze("Rutte met NATO. Rutte left."), n=1).to_dict()
        >>> spec["encoding"]["y"]["sort"]
        ['Rutte']
    """
    table = D.top_entities(data, n=n)
    return alt.Chart(table, title=f"The {n or len(table)} most mentioned entities").mark_bar().encode(
        x=alt.X(f"sum({C.COUNT}):Q", title="Mentions"),
        y=alt.Y(f"{C.KEY}:N", sort=list(dict.fromkeys(table[C.KEY])), title="Entity"),
        color=_label_color(table),
        tooltip=[*_ENTITY_TOOLTIP, alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    ).properties(width=WIDTH)


def mentions_chart(
    data: Any = None, *, n: int | None = 10, by: Literal["sent_id", "start_char"] = C.SENT_ID
) -> alt.LayerChart:
    """Strip plot: where in the article each of the ``n`` most mentioned entities appears.

    A dashed rule marks the middle of the article, so the reader sees who dominates the
    beginning and who the end.

    Args:
        data: A ``Doc`` (or article source) or an entities table.
        n: How many entities (rows) to show; ``None`` shows all.
        by: Position along the article: sentence number or character offset.

    Examples:
        >>> import newslab
        >>> spec = mentions_chart(newslab.analyze("Rutte met NATO. Rutte left.")).to_dict()
        >>> spec["layer"][0]["mark"]["type"]
        'tick'
    """
    table = D.mentions(data, n=n)
    middle = _middle(data, by)
    title = "Sentence (0 is the headline)" if by == C.SENT_ID else "Character position"
    ticks = alt.Chart(table).mark_tick(thickness=3).encode(
        x=alt.X(f"{by}:Q", title=title),
        y=alt.Y(f"{C.KEY}:N", sort=D.top_entities(table, n=n)[C.KEY].unique().tolist(), title="Entity"),
        color=_label_color(table),
        tooltip=[*_ENTITY_TOOLTIP, alt.Tooltip(f"{C.TEXT}:N", title="Mention"),
                 alt.Tooltip(f"{C.SENT_ID}:Q", title="Sentence")],
    )
    rule = alt.Chart(alt.Data(values=[{by: middle}])).mark_rule(strokeDash=[4, 4], color="#666").encode(x=f"{by}:Q")
    # alt.LayerChart rather than alt.layer, which is typed LayerChart | FacetChart because it hoists
    # shared facet encodings; these layers have none, so both build the same chart
    return alt.LayerChart(layer=[ticks, rule], title="Where each entity is mentioned (dashed line: middle)").properties(
        width=WIDTH)


def _middle(data: Any, by: str) -> float:
    if by == C.SENT_ID:
        return D.middle_sentence(data)
    if D._is_frame(data):
        return float(data[C.END_CHAR].max()) / 2
    return len(D._doc(data).text) / 2


def cooccurrence_chart(data: Any = None, *, n: int | None = 15) -> alt.LayerChart:
    """Heatmap: in how many sentences each pair of the ``n`` most mentioned entities meet.

    Examples:
        >>> import newslab
        >>> spec = cooccurrence_chart(newslab.analyze("NATO met Ukraine. NATO met Russia.")).to_dict()
        >>> spec["layer"][0]["mark"]["type"]
        'rect'
    """
    table = D._entities(data)
    keys = D.top_entities(table, n=n)[C.KEY].unique().tolist()
    pairs = D.cooccurrence(table)
    pairs = pairs[pairs[C.KEY_A].isin(keys) & pairs[C.KEY_B].isin(keys)]
    import pandas as pd

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


def cooccurrence_network_chart(data: Any = None, *, n: int | None = 16) -> alt.LayerChart:
    """Node-link view of co-occurrence: entities on a circle, a line per pair that share a sentence.

    Examples:
        >>> import newslab
        >>> spec = cooccurrence_network_chart(newslab.analyze("NATO met Ukraine.")).to_dict()
        >>> [layer["mark"]["type"] for layer in spec["layer"]]
        ['rule', 'circle', 'text', 'text']
    """
    table = D._entities(data)
    nodes, edges = D.network_nodes(table, n=n), D.network_edges(table, n=n)
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
        tooltip=[*_ENTITY_TOOLTIP, alt.Tooltip(f"{C.COUNT}:Q", title="Mentions")],
    )
    outward = alt.Chart(nodes).transform_calculate(lx=f"datum.{C.X} * 1.1", ly=f"datum.{C.Y} * 1.1")
    sides: tuple[tuple[str, Literal["left", "right"]], ...] = ((">= -0.001", "left"), ("< -0.001", "right"))
    right, left = (outward.transform_filter(f"datum.{C.X} {op}").mark_text(align=side, fontSize=11).encode(
        x=alt.X("lx:Q", axis=hidden, scale=xs), y=alt.Y("ly:Q", axis=hidden, scale=ys), text=f"{C.KEY}:N",
    ) for op, side in sides)
    return alt.LayerChart(layer=[lines, points, right, left], title="Who is mentioned with whom").properties(
        width=WIDTH, height=WIDTH, view=alt.ViewConfig(stroke=None))


def sentence_lengths_chart(data: Any = None) -> alt.Chart:
    """Bar chart of sentence lengths in words, in reading order, coloured by article part.

    Examples:
        >>> spec = sentence_lengths_chart("Rutte came. He spoke to the press.").to_dict()
        >>> spec["encoding"]["y"]["field"]
        'n_words'
    """
    table = D.sentence_table(data)[[C.SENT_ID, C.N_WORDS, C.PART, C.TEXT]]
    return alt.Chart(table, title="Sentence lengths").mark_bar().encode(
        x=alt.X(f"{C.SENT_ID}:O", title="Sentence (0 is the headline)"),
        y=alt.Y(f"{C.N_WORDS}:Q", title="Words"),
        color=alt.Color(f"{C.PART}:N", title="Part", scale=alt.Scale(domain=list(C.PART_KINDS),
                                                                     range=list(POS_COLORS.values())[:4])),
        tooltip=[alt.Tooltip(f"{C.SENT_ID}:Q", title="Sentence"), alt.Tooltip(f"{C.N_WORDS}:Q", title="Words"),
                 alt.Tooltip(f"{C.TEXT}:N", title="Text")],
    ).properties(width=WIDTH)


def pos_mix_chart(data: Any = None) -> alt.Chart:
    """Stacked, normalized bars: the part-of-speech mix of each body paragraph.

    Examples:
        >>> spec = pos_mix_chart("Rutte visited Kyiv.").to_dict()
        >>> spec["encoding"]["x"]["stack"]
        'normalize'
    """
    table = D.pos_mix(data)
    order = [pos for pos in POS_COLORS if pos in set(table[C.POS])]
    return alt.Chart(table, title="Part-of-speech mix per paragraph").mark_bar().encode(
        x=alt.X(f"{C.COUNT}:Q", stack="normalize", title="Share of words", axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
        y=alt.Y(f"{C.PARAGRAPH_ID}:O", title="Paragraph"),
        color=alt.Color(f"{C.POS}:N", title="Part of speech", sort=order,
                        scale=alt.Scale(domain=order, range=[POS_COLORS[p] for p in order])),
        order=alt.Order("pos_rank:Q"),
        tooltip=[alt.Tooltip(f"{C.PARAGRAPH_ID}:O", title="Paragraph"), alt.Tooltip(f"{C.POS}:N", title="Part of speech"),
                 alt.Tooltip(f"{C.COUNT}:Q", title="Words"), alt.Tooltip(f"{C.SHARE}:Q", title="Share", format=".0%")],
    ).transform_calculate(pos_rank=f"indexof({order!r}, datum.{C.POS})").properties(width=WIDTH)
