"""Charts in a notebook: the offline ``newslab`` Altair renderer, and notebook setup.

Importing newslab changes nothing in the kernel. A notebook opts in with one line in its
import cell, ``%load_ext newslab``, or a call to :func:`setup_notebook`; both enable the
``newslab`` renderer, which Altair finds through the ``altair.vegalite.v6.renderer`` entry
point that newslab declares in ``pyproject.toml`` (so ``alt.renderers.enable("newslab")``
works too). The renderer shows each chart as an offline :class:`altair.JupyterChart` widget
(its JavaScript comes from vl-convert, not from a CDN) and keeps a static SVG or PNG of the
same chart in the output for readers without a kernel (GitHub, nbviewer).

A researcher who only uses the data functions (``newslab.entities``, ``newslab.ner.chartdata``)
never loads this module, Altair or ipywidgets.
"""

from __future__ import annotations

import warnings
from typing import Any, Final, Literal

import altair as alt

from ..charts import chart_png, chart_svg
from ..errors import NewslabError
from ..precomputed import in_lite

__all__ = ["RENDERER", "CHART_CLASS", "chart_widget", "newslab_renderer", "enable_renderer", "setup_notebook",
           "load_ipython_extension"]

RENDERER: Final = "newslab"
#: Stable CSS class of every chart widget (the browser tests look for it).
CHART_CLASS: Final = "newslab-chart"
Fallback = Literal["svg", "png"]


def chart_widget(chart: alt.TopLevelSpec, *, offline: bool = True, embed_options: dict | None = None) -> alt.JupyterChart:
    """Wrap a chart in a :class:`altair.JupyterChart` widget with the ``newslab-chart`` CSS class.

    Examples:
        >>> widget = chart_widget(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"))
        >>> widget._dom_classes
        ('newslab-chart',)
    """
    alt.JupyterChart.enable_offline(offline)
    widget = alt.JupyterChart(chart, embed_options=embed_options)
    widget.add_class(CHART_CLASS)
    return widget


def newslab_renderer(spec: dict, *, offline: bool = True, fallback: Fallback = "svg",
                     embed_options: dict | None = None, **_: Any) -> tuple[dict, dict]:
    """Altair renderer: a live, offline chart widget plus a static picture of the chart.

    A chart that vl-convert cannot draw (one whose expression it cannot evaluate, say) still
    shows live, with a warning instead of the picture.

    Examples:
        >>> data, _ = newslab_renderer(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q").to_dict())
        >>> sorted(data)
        ['application/vnd.jupyter.widget-view+json', 'image/svg+xml', 'text/plain']
    """
    widget = chart_widget(alt.Chart.from_dict(spec), offline=offline, embed_options=embed_options)
    bundle = widget._repr_mimebundle_()
    if bundle is None:  # anywidget returns None only for a widget without a view; JupyterChart has one
        raise NewslabError("the chart widget has no front-end view to render")
    data, metadata = bundle
    if in_lite():  # vl-convert has no browser build: the lite edition shows the live chart only
        return data, metadata
    try:
        static = {"image/png": chart_png(spec)} if fallback == "png" else {"image/svg+xml": chart_svg(spec)}
    except ValueError as err:  # vl-convert's error for a spec it cannot draw offline
        warnings.warn(f"no static copy of this chart for readers without a kernel: {err}", stacklevel=2)
        static = {}
    return {**data, **static}, metadata


def enable_renderer(*, offline: bool = True, fallback: Fallback = "svg") -> None:
    """Enable the ``newslab`` renderer for this kernel.

    Args:
        offline: Load the chart's JavaScript from vl-convert instead of a CDN.
        fallback: The static picture kept beside the widget: ``"svg"`` or ``"png"``.

    Examples:
        >>> enable_renderer()
        >>> alt.renderers.active
        'newslab'
    """
    if RENDERER not in alt.renderers.names():  # a source tree that was never installed has no entry point
        alt.renderers.register(RENDERER, newslab_renderer)
    alt.renderers.enable(RENDERER, offline=offline, fallback=fallback)


def setup_notebook(*, fallback: Fallback = "svg") -> None:
    """Prepare a notebook for newslab: charts render offline, as widgets with a static copy.

    ``%load_ext newslab`` in the import cell does the same.

    Examples:
        >>> setup_notebook()
        >>> alt.renderers.active
        'newslab'
    """
    enable_renderer(fallback=fallback)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext newslab``: set the notebook up (see :func:`setup_notebook`)."""
    setup_notebook()
