"""The dashboard: linked charts above the highlighted article text.

Clicking an entity in the charts highlights only its mentions in the text. The state lives
in :class:`~newslab.widgets.dashboard_model.DashboardModel` (``selected`` is the one trait a click
changes); this view only draws it, so setting ``dashboard.selected`` from Python highlights
the same way a click does.
"""

from __future__ import annotations

from typing import Any, Final

import ipywidgets as widgets

from ..charts import ENTITY_SELECTION, chart_svg, linked_charts
from ..precomputed import in_lite
from ..render.html import entities_html
from .dashboard_model import DashboardModel
from .notebook import chart_widget

__all__ = ["Dashboard", "DASHBOARD_CLASS", "TEXT_CLASS"]

DASHBOARD_CLASS: Final = "newslab-dashboard"
TEXT_CLASS: Final = "newslab-dashboard-text"


class Dashboard(DashboardModel, widgets.VBox):
    """Top entities, their mentions along the article, and the highlighted text, linked.

    Attributes:
        doc: The parsed article shown.
        n: How many entities the charts show.
        selected: Names of the selected entities; empty highlights every entity. A click in the
            charts sets it; setting it from Python updates the text (not the chart's own
            selection, which Altair lets only the browser set).

    Examples:
        >>> import newslab
        >>> dashboard = Dashboard(newslab.analyze("NATO met Ukraine. NATO left."))
        >>> dashboard.selected = ["Ukraine"]
        >>> "Ukraine" in dashboard.text_html and "ORG" not in dashboard.text_html
        True
    """

    _chart: Any = None  # the linked charts' JupyterChart, made in _on_mentions

    def _build_view(self) -> None:
        self._text = widgets.HTML(layout=widgets.Layout(max_height="32em", overflow="auto"))
        self._text.add_class(TEXT_CLASS)
        self.add_class(DASHBOARD_CLASS)
        self.observe(self._on_mentions, ["mentions", "n"])
        self.observe(self._on_spans, "spans")
        self._on_mentions()
        self._on_spans()

    @property
    def text_html(self) -> str:
        """The highlighted article as HTML, as the dashboard shows it now."""
        return self._text.value

    def _on_mentions(self, change: dict[str, Any] | None = None) -> None:
        self._chart = chart_widget(linked_charts(self.mentions, n=self.n, middle=self.middle))
        self._chart.selections.observe(self._on_entity, names=ENTITY_SELECTION)
        self.children = (self._chart, self._text)

    def _on_entity(self, change: dict[str, Any]) -> None:
        """The browser changed the chart's entity selection."""
        self.selected = list(dict.fromkeys(str(point[self.name]) for point in change["new"].value))

    def _on_spans(self, change: dict[str, Any] | None = None) -> None:
        self._text.value = str(entities_html(self.doc, spans=self.spans))

    def static_html(self) -> str:
        """The dashboard as static HTML: an SVG of the charts and the highlighted text."""
        return (f'<div class="{DASHBOARD_CLASS}">{chart_svg(self._chart.chart)}'
                f'<div class="{TEXT_CLASS}">{self.text_html}</div></div>')

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # the widget view for live kernels, static HTML for GitHub, nbviewer and exports
        data = super()._repr_mimebundle_(**kwargs)
        data, metadata = data if isinstance(data, tuple) else (data, {})
        if in_lite():  # no static copy in the lite edition: vl-convert has no browser build
            return data, metadata
        return {**data, "text/html": self.static_html()}, metadata
