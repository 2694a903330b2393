"""Charts as files and strings: SVG, PNG and self-contained HTML, with no browser and no network.

These functions return what they draw (a string or bytes) or write it to a file; showing a
chart in a notebook is the job of :mod:`newslab.widgets.notebook`. Specs are not validated against
the Vega-Lite schema here, at every render: the test suite validates every chart newslab
draws, once (``tests/test_charts.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import altair as alt
import vl_convert

from ..errors import NewslabError
from ..io.atomic import atomic_write_bytes, atomic_write_text
from ..precomputed import in_lite, not_in_lite

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["chart_svg", "chart_png", "chart_html", "save_chart", "chart_spec"]

_SAVERS = (".png", ".svg", ".html")
# vl-convert's page ends with one script: "\n    const spec = {...};\n    const opts = ...". JSON never
# holds a raw line break, so these two markers (which start with one) cannot come from the chart's data.
_SPEC_START = "\n    const spec = "
_SPEC_END = ";\n    const opts = "
# Inside <script>, "</script" or "<!--" in a string ends or breaks the element, and U+2028/U+2029 end a
# line in older JavaScript: write them as \uXXXX escapes, which JSON.parse reads back as the same text.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def _converter() -> Any:
    """vl-convert; the lite site's stand-in bundles the chart widget only, so lite cannot export."""
    if in_lite():
        raise not_in_lite("export charts as PNG, SVG or HTML files (vl-convert has no browser build); "
                          "right-click a chart to save it")
    return vl_convert


def _vl_version() -> str:
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"v{major}_{minor}"


def chart_spec(chart: alt.TopLevelMixin | dict) -> dict[str, Any]:
    """The Vega-Lite spec of a chart as a dict (not validated: the tests validate every chart once).

    Examples:
        >>> chart_spec(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"))["mark"]
        {'type': 'bar'}
    """
    return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


def chart_svg(chart: alt.TopLevelMixin | dict) -> str:
    """Render a chart (or a Vega-Lite dict) to an SVG string, without a browser or network.

    Examples:
        >>> chart_svg(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")).startswith("<svg")
        True
    """
    return _converter().vegalite_to_svg(chart_spec(chart), vl_version=_vl_version())


def chart_png(chart: alt.TopLevelMixin | dict, *, scale: float = 2.0) -> bytes:
    """Render a chart to PNG bytes (``scale`` 2 suits high-density screens).

    Examples:
        >>> chart_png(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"))[:4]
        b'\\x89PNG'
    """
    return _converter().vegalite_to_png(chart_spec(chart), vl_version=_vl_version(), scale=scale)


def chart_html(chart: alt.TopLevelMixin | dict) -> str:
    """Render a chart to a self-contained HTML page: the JavaScript is inlined, nothing loads from a CDN.

    Text from the article (a sentence, an entity, a label) can hold markup. vl-convert writes
    the spec as JSON inside a ``<script>`` element, where ``</script>`` would end the element
    and run whatever follows; so the spec is written again here with ``<``, ``>``, ``&``,
    U+2028 and U+2029 escaped as ``\\uXXXX``, which JavaScript reads back as the same text.

    Raises:
        NewslabError: if vl-convert's page no longer has the shape this relies on (never an
            unsafe page).

    Examples:
        >>> page = chart_html(alt.Chart(alt.Data(values=[{"a": "</script>"}])).mark_bar().encode(x="a:N"))
        >>> "cdn.jsdelivr" in page, "</script>\\"" in page
        (False, False)
    """
    spec = chart_spec(chart)
    page = _converter().vegalite_to_html(spec, vl_version=_vl_version(), bundle=True)
    end = page.rfind(_SPEC_END)
    start = page.rfind(_SPEC_START, 0, end)
    if start < 0 or end < 0:
        raise NewslabError("cannot write this chart as HTML safely: vl-convert's page has an unexpected shape; "
                           "save it as .svg or .png instead")
    safe = json.dumps(spec, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return page[: start + len(_SPEC_START)] + safe + page[end:]


def save_chart(chart: alt.TopLevelMixin, path: PathLike, *, scale: float = 2.0) -> Path:
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
