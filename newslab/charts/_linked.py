"""Linked views: a selection in one chart filters the others."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import altair as alt

from .. import columns as C
from ..ner.chartdata import middle_sentence
from ..ner.counts import entity_counts
from ..precomputed import is_lite
from ..tables.coerce import as_entities, as_table, name_column
from ..types import is_doc
from ._charts import strip_chart, top_chart

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["linked_charts", "ENTITY_SELECTION", "LABEL_SELECTION", "LINKED_WIDTH"]

#: Name of the point selection that holds the clicked entity names.
ENTITY_SELECTION: Final = "entity"
#: Name of the point selection bound to the label legend.
LABEL_SELECTION: Final = "label"
#: Width of each of the two plots: both, with their axes and legend, fit a notebook at 1280 px.
LINKED_WIDTH: Final = 220


def linked_charts(
    data: Doc | pd.DataFrame,
    *,
    n: int | None = 10,
    by: str | None = None,
    width: int = LINKED_WIDTH,
    middle: float | None = None,
) -> alt.HConcatChart:
    """Top entities beside their mentions: click a bar (or a legend label) to filter the mentions.

    Shift-click selects several entities; a double click clears the selection.

    Args:
        data: An entity table, or the parsed article it comes from.
        n: How many entities to show.
        by: The column that names an entity (see :func:`newslab.entity_counts`).
        width: Width of each plot in pixels.
        middle: Where to draw the middle line (the middle of the article when ``data`` is a
            ``Doc``, else of what the table covers).

    Examples:
        >>> import newslab
        >>> spec = linked_charts(newslab.analyze("Rutte met NATO. Rutte left.")).to_dict()
        >>> sorted(param["name"] for param in spec["params"])
        ['entity', 'label']
    """
    entities = as_entities(data, where="nl.linked_charts")
    name = name_column(entities, by)
    counts = entity_counts(entities, by=[name, C.LABEL], n=n)  # counted once, for both plots
    order = list(dict.fromkeys(counts[name]))
    entity = alt.selection_point(fields=[name], name=ENTITY_SELECTION, clear="dblclick")
    label = alt.selection_point(fields=[C.LABEL], name=LABEL_SELECTION, bind="legend")
    bars = top_chart(counts, name, n=n, width=width).add_params(entity, label).encode(
        opacity=alt.when(entity, label).then(alt.value(1.0)).otherwise(alt.value(0.3)),
    )
    # the dashed line marks the middle of the whole article when the article is at hand
    if middle is None:
        middle = middle_sentence(as_table(data, "sentences") if is_doc(data) or is_lite(data) else entities)
    marks = strip_chart(entities[entities[name].isin(order)], name, order, width=width, middle=middle)
    marks.layer = [marks.layer[0].transform_filter(entity).transform_filter(label), *marks.layer[1:]]
    return alt.hconcat(bars, marks).resolve_scale(color="shared")


