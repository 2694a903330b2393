"""Showing and saving charts: the offline ``newslab`` renderer, static fallbacks and files.

The ``newslab`` renderer shows a chart as an offline :class:`altair.JupyterChart` widget
(its JavaScript comes from vl-convert, not from a CDN) and adds a static SVG or PNG of the
same chart to the output. JupyterLab shows the live widget; GitHub, nbviewer and any
reader without a kernel fall back to the picture.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final, Literal

import altair as alt

from .._atomic import atomic_write_bytes, atomic_write_text
from ..errors import MissingDependencyError, NewslabError

__all__ = ["RENDERER", "CHART_CLASS", "chart_widget", "chart_svg", "chart_png", "chart_html", "save_chart",
           "newslab_renderer", "enable_renderer"]

RENDERER: Final = "newslab"
#: Stable CSS class of every chart widget (the browser tests look for it).
CHART_CLASS: Final = "newslab-chart"
Fallback = Literal["svg", "png"]
_SAVERS = (".png", ".svg", ".html")


def _vlc() -> Any:
    try:
        import vl_convert
    except ImportError:
        raise MissingDependencyError("saving or rendering charts statically needs vl-convert: "
                                     "python -m pip install vl-convert-python") from None
    return vl_convert


def _vl_version() -> str:
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"v{major}_{minor}"


def _spec(chart: alt.TopLevelMixin | dict) -> dict:
    return chart if isinstance(chart, dict) else chart.to_dict()


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


def chart_svg(chart: alt.TopLevelMixin | dict) -> str:
    """Render a chart (or a Vega-Lite dict) to an SVG string, without a browser or network.

    Examples:
        >>> chart_svg(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")).startswith("<svg")
        True
    """
    return _vlc().vegalite_to_svg(_spec(chart), vl_version=_vl_version())


def chart_png(chart: alt.TopLevelMixin | dict, *, scale: float = 2.0) -> bytes:
    """Render a chart to PNG bytes (``scale`` 2 suits high-density screens).

    Examples:
        >>> chart_png(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"))[:4]
        b'\\x89PNG'
    """
    return _vlc().vegalite_to_png(_spec(chart), vl_version=_vl_version(), scale=scale)


def chart_html(chart: alt.TopLevelMixin | dict) -> str:
    """Render a chart to a self-contained HTML page: the JavaScript is inlined, nothing loads from a CDN.

    Examples:
        >>> page = chart_html(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"))
        >>> "cdn.jsdelivr" in page
        False
    """
    return _vlc().vegalite_to_html(_spec(chart), vl_version=_vl_version(), bundle=True)


def save_chart(chart: alt.TopLevelMixin, path: str | os.PathLike, *, scale: float = 2.0) -> Path:
    """Save a chart as ``.png``, ``.svg`` or a self-contained, offline ``.html`` file.

    The file is written atomically: a reader never sees half of it.

    Raises:
        NewslabError: if the suffix is not one of ``.png``, ``.svg``, ``.html``.

    Examples:
        >>> import tempfile
        >>> chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")
        >>> save_chart(chart, Path(tempfile.mkdtemp()) / "bar.svg").suffix
        '.svg'
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".png":
        return atomic_write_bytes(target, chart_png(chart, scale=scale))
    if suffix == ".svg":
        return atomic_write_text(target, chart_svg(chart))
    if suffix == ".html":
        return atomic_write_text(target, chart_html(chart))
    raise NewslabError(f"cannot save a chart as {suffix or 'a file without a suffix'!r}: "
                       f"name the file with one of {', '.join(_SAVERS)}")


def newslab_renderer(spec: dict, *, offline: bool = True, fallback: Fallback = "svg",
                     embed_options: dict | None = None, **_: Any) -> tuple[dict, dict]:
    """Altair renderer: a live, offline chart widget plus a static picture of the chart.

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
    try:
        static = {"image/png": chart_png(spec)} if fallback == "png" else {"image/svg+xml": chart_svg(spec)}
    except Exception:  # a chart that vl-convert cannot draw still shows live
        static = {}
    return {**data, **static}, metadata


def enable_renderer(*, offline: bool = True, fallback: Fallback = "svg", force: bool = False) -> None:
    """Register the ``newslab`` renderer and enable it, unless the user chose another one.

    Args:
        offline: Load the chart's JavaScript from vl-convert instead of a CDN.
        fallback: The static picture kept beside the widget: ``"svg"`` or ``"png"``.
        force: Enable it even if a renderer other than Altair's default is active.

    Examples:
        >>> enable_renderer()
        >>> alt.renderers.active
        'newslab'
    """
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, newslab_renderer)
    if force or alt.renderers.active in ("default", RENDERER):
        alt.renderers.enable(RENDERER, offline=offline, fallback=fallback)
