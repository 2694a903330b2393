"""Who said what, as charts: statements along the article, and whose voices fill it.

Both functions take a table (:func:`newslab.quotes`, :func:`newslab.voices`) and return an
Altair chart without displaying it; colours come from :data:`newslab.labels.QUOTE_COLORS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

from .. import columns as C
from ..edge import require_table
from ..labels import QUOTE_COLORS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["statements_chart", "voices_chart"]

_WIDTH = 360


def _kind_scale() -> alt.Scale:
    kinds = list(C.QUOTE_KINDS)
    return alt.Scale(domain=kinds, range=[QUOTE_COLORS[k] for k in kinds])


def statements_chart(table: pd.DataFrame) -> alt.Chart:
    """Statements per speaker along the article: one mark per statement, at its sentence.

    Args:
        table: A quotes table from :func:`newslab.quotes`.

    Examples:
        >>> import newslab
        >>> spec = statements_chart(newslab.quotes(newslab.analyze())).to_dict()
        >>> spec["mark"]["type"], spec["encoding"]["x"]["field"], spec["encoding"]["y"]["field"]
        ('point', 'sent_id', 'canonical')
    """
    table = require_table(table, "nl.charts.statements_chart", made_by="nl.quotes(doc)")
    data = table.assign(**{C.CANONICAL: table[C.CANONICAL].where(table[C.CANONICAL] != "", table[C.SPEAKER])})
    data = data[[C.QUOTE_ID, C.CANONICAL, C.SPEAKER, C.CUE, C.CONTENT, C.KIND, C.SENT_ID, C.RULE]]
    return alt.Chart(data, title="Who speaks where in the article").mark_point(filled=True, size=120).encode(
        x=alt.X(f"{C.SENT_ID}:Q", title="Sentence", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y(f"{C.CANONICAL}:N", title="Speaker", sort=alt.EncodingSortField(C.SENT_ID, op="min")),
        color=alt.Color(f"{C.KIND}:N", scale=_kind_scale(), title="Kind"),
        shape=alt.Shape(f"{C.KIND}:N", title="Kind"),
        tooltip=[alt.Tooltip(f"{C.SPEAKER}:N", title="Speaker as written"), alt.Tooltip(f"{C.CUE}:N", title="Cue"),
                 alt.Tooltip(f"{C.CONTENT}:N", title="Content"), alt.Tooltip(f"{C.RULE}:N", title="Rule")],
    ).properties(width=_WIDTH)


def voices_chart(table: pd.DataFrame) -> alt.Chart:
    """Whose words fill the article: the share of the body's words per speaker and the reporter.

    Args:
        table: A voices table from :func:`newslab.voices`.

    Examples:
        >>> import newslab
        >>> spec = voices_chart(newslab.voices(newslab.analyze())).to_dict()
        >>> spec["mark"]["type"], spec["encoding"]["x"]["field"]
        ('bar', 'share')
    """
    table = require_table(table, "nl.charts.voices_chart", made_by="nl.voices(doc)")
    speakers = [s for s in table[C.SPEAKER] if s != C.REPORTER]
    colors = alt.Scale(domain=[C.REPORTER, *speakers],
                       range=[QUOTE_COLORS[C.REPORTER], *[QUOTE_COLORS[C.SPEAKER]] * len(speakers)])
    return alt.Chart(table, title="Whose words fill the article").mark_bar().encode(
        x=alt.X(f"{C.SHARE}:Q", title="Share of the article's words", axis=alt.Axis(format="%")),
        y=alt.Y(f"{C.SPEAKER}:N", sort="-x", title=None),
        color=alt.Color(f"{C.SPEAKER}:N", scale=colors, legend=None),
        tooltip=[alt.Tooltip(f"{C.SPEAKER}:N", title="Voice"), alt.Tooltip(f"{C.N_WORDS}:Q", title="Words"),
                 alt.Tooltip(f"{C.N_STATEMENTS}:Q", title="Statements"),
                 alt.Tooltip(f"{C.SHARE}:Q", title="Share", format=".0%")],
    ).properties(width=_WIDTH)
