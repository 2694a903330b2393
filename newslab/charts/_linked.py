"""Linked views: a selection in one chart filters the others."""

from __future__ import annotations

from typing import Any, Final

import altair as alt

from .. import _columns as C
from . import data as D
from ._charts import mentions_chart, top_entities_chart

__all__ = ["linked_charts", "ENTITY_SELECTION", "LABEL_SELECTION"]

#: Name of the point selection that holds the clicked entity keys.
ENTITY_SELECTION: Final = "entity"
#: Name of the point selection bound to the label legend.
LABEL_SELECTION: Final = "label"


def linked_charts(data: Any = None, *, n: int | None = 10) -> alt.HConcatChart:
    """Top entities beside their mentions: click a bar (or a legend label) to filter the mentions.

    Shift-click selects several entities; a double click clears the selection.

    Examples:
        >>> import newslab
        >>> spec = linked_charts(newslab.analyze("Rutte met NATO. Rutte left.")).to_dict()
        >>> sorted(param["name"] for param in spec["params"])
        ['entity', 'label']
    """
    doc = data if D._is_frame(data) else D._doc(data)
    entity = alt.selection_point(fields=[C.KEY], name=ENTITY_SELECTION, clear="dblclick")
    label = alt.selection_point(fields=[C.LABEL], name=LABEL_SELECTION, bind="legend")
    bars = top_entities_chart(doc, n=n).add_params(entity, label).encode(
        opacity=alt.when(entity, label).then(alt.value(1.0)).otherwise(alt.value(0.3)),
    )
    marks = mentions_chart(doc, n=n)
    marks.layer = [marks.layer[0].transform_filter(entity).transform_filter(label), *marks.layer[1:]]
    return alt.hconcat(bars, marks).resolve_scale(color="shared")
