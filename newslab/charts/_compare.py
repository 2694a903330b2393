"""Charts that compare outlets; each takes a table from :mod:`newslab.corpus.compare` and returns an Altair chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

from .. import columns as C
from ..edge import require_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["entity_share_chart", "keyness_chart", "shared_sentences_chart", "reporting_verbs_chart"]

WIDTH = 360
_OUTLET = alt.Y(f"{C.OUTLET}:N", title="Outlet")


def entity_share_chart(table: pd.DataFrame) -> alt.Chart:
    """Heat map: each entity's share of every outlet's mentions (a table from ``compare.entity_share``).

    Examples:
        >>> from newslab import compare, corpus
        >>> spec = entity_share_chart(compare.entity_share(corpus.teaching_corpus(), n=8)).to_dict()
        >>> spec["mark"]["type"], spec["encoding"]["color"]["field"]
        ('rect', 'share')
    """
    table = require_table(table, "nl.charts.entity_share_chart", made_by="nl.compare.entity_share(corpus)")
    order = table.groupby(C.KEY)[C.COUNT].sum().sort_values(ascending=False, kind="stable").index.tolist()
    return alt.Chart(table, title="Share of each outlet's entity mentions").mark_rect().encode(
        x=alt.X(f"{C.KEY}:N", sort=order, title="Entity"),
        y=_OUTLET,
        color=alt.Color(f"{C.SHARE}:Q", title="Share", scale=alt.Scale(scheme="blues")),
        tooltip=[f"{C.OUTLET}:N", f"{C.KEY}:N", f"{C.COUNT}:Q", alt.Tooltip(f"{C.SHARE}:Q", format=".0%")],
    ).properties(width=WIDTH)


def keyness_chart(table: pd.DataFrame, *, n: int = 5) -> alt.Chart:
    """Bars: the ``n`` entities of each outlet with the highest G2, signed by the log ratio.

    A bar to the right is an entity the outlet mentions more often than the others; its
    length is the log ratio (1 = twice as often). Takes a table from ``compare.keyness``.

    Examples:
        >>> from newslab import compare, corpus
        >>> spec = keyness_chart(compare.keyness(corpus.teaching_corpus())).to_dict()
        >>> spec["spec"]["encoding"]["x"]["field"], "facet" in spec
        ('log_ratio', True)
    """
    table = require_table(table, "nl.charts.keyness_chart", made_by="nl.compare.keyness(corpus)")
    top = table.sort_values(C.G2, ascending=False, kind="stable").groupby(C.OUTLET, sort=True).head(n)
    return alt.Chart(top).mark_bar().encode(
        x=alt.X(f"{C.LOG_RATIO}:Q", title="Log ratio (this outlet vs the others)"),
        y=alt.Y(f"{C.KEY}:N", sort="-x", title=None),
        color=alt.Color(f"{C.OVER}:N", title="More often", scale=alt.Scale(domain=[True, False],
                                                                         range=["#EE8866", "#77AADD"])),
        tooltip=[f"{C.KEY}:N", f"{C.COUNT}:Q", f"{C.OTHER_COUNT}:Q", alt.Tooltip(f"{C.G2}:Q", format=".2f"),
                 alt.Tooltip(f"{C.LOG_RATIO}:Q", format=".2f")],
    ).properties(width=WIDTH // 2, height=110).facet(
        facet=alt.Facet(f"{C.OUTLET}:N", title=None), columns=2,
        title="Distinctive entities per outlet (log-likelihood keyness)").resolve_scale(y="independent")


def shared_sentences_chart(table: pd.DataFrame) -> alt.Chart:
    """Bars: each outlet's body sentences, by how many other outlets carry a similar one.

    Takes a table from ``compare.sentence_reach``; 0 means the sentence is this outlet's alone.

    Examples:
        >>> from newslab import compare, corpus
        >>> spec = shared_sentences_chart(compare.sentence_reach(corpus.teaching_corpus())).to_dict()
        >>> spec["encoding"]["color"]["field"]
        'n_outlets'
    """
    table = require_table(table, "nl.charts.shared_sentences_chart", made_by="nl.compare.shared_sentences(corpus)")
    return alt.Chart(table, title="Sentences an outlet shares with how many others").mark_bar().encode(
        x=alt.X(f"count({C.SENT_ID}):Q", title="Body sentences"),
        y=_OUTLET,
        color=alt.Color(f"{C.N_OUTLETS}:O", title="Other outlets", scale=alt.Scale(scheme="oranges")),
        order=alt.Order(f"{C.N_OUTLETS}:O"),
        tooltip=[f"{C.OUTLET}:N", f"{C.N_OUTLETS}:O", alt.Tooltip(f"count({C.SENT_ID}):Q", title="Sentences")],
    ).properties(width=WIDTH)


def reporting_verbs_chart(table: pd.DataFrame) -> alt.Chart:
    """Heat map: who is given a voice by which outlet (a table from ``compare.reporting_verbs``).

    Examples:
        >>> from newslab import compare, corpus
        >>> spec = reporting_verbs_chart(compare.reporting_verbs(corpus.teaching_corpus())).to_dict()
        >>> spec["mark"]["type"]
        'rect'
    """
    table = require_table(table, "nl.charts.reporting_verbs_chart", made_by="nl.compare.reporting_verbs(corpus)")
    return alt.Chart(table, title="Who speaks, per outlet (subjects of reporting verbs)").mark_rect().encode(
        x=alt.X(f"{C.SUBJECT}:N", title="Speaker (subject)"),
        y=_OUTLET,
        color=alt.Color(f"sum({C.COUNT}):Q", title="Reporting verbs", scale=alt.Scale(scheme="greens")),
        tooltip=[f"{C.OUTLET}:N", f"{C.SUBJECT}:N", alt.Tooltip(f"sum({C.COUNT}):Q", title="Verbs")],
    ).properties(width=WIDTH)
