"""newslab.widgets.notebook: the offline renderer, enabled only when a notebook asks for it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import altair as alt
import pytest

import newslab
from newslab import charts
from newslab.widgets import notebook


@pytest.fixture()
def chart(seed_doc):
    return charts.top_entities_chart(seed_doc)


def test_setup_enables_the_offline_renderer_with_a_static_fallback(chart):
    previous = alt.renderers.active
    try:
        newslab.setup_notebook()
        assert alt.renderers.active == notebook.RENDERER
        data, _ = chart._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in data
        ET.fromstring(data["image/svg+xml"])
        assert alt.JupyterChart._is_offline
    finally:
        alt.renderers.enable(previous)


def test_altair_finds_the_renderer_through_its_entry_point():
    """An installed newslab is a renderer plugin: no import of newslab is needed to enable it."""
    code = ("import sys, altair as alt; alt.renderers.enable('newslab'); "
            "print(alt.renderers.active, 'newslab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["newslab", "True"]  # enabling loads newslab.widgets.notebook, and only then


def test_load_ext_sets_up_the_notebook():
    code = ("import altair as alt\nfrom IPython.testing.globalipapp import start_ipython\n"
            "ip = start_ipython()\nip.run_line_magic('load_ext', 'newslab')\nprint(alt.renderers.active)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "newslab"


def test_layered_and_concatenated_charts_render_too(seed_doc):
    for chart in (charts.mentions_chart(seed_doc), charts.linked_charts(seed_doc)):
        data, _ = notebook.newslab_renderer(chart.to_dict())
        assert "application/vnd.jupyter.widget-view+json" in data and "image/svg+xml" in data


def test_chart_widget_has_css_class(chart):
    assert notebook.CHART_CLASS in notebook.chart_widget(chart)._dom_classes


def test_a_chart_vl_convert_cannot_draw_still_shows_live():
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q", y="b:Q")
    spec = chart.transform_calculate(b="no_such_function(1)").to_dict()  # only a browser reports the error
    with pytest.warns(UserWarning, match="no static copy"):
        data, _ = notebook.newslab_renderer(spec)
    assert "application/vnd.jupyter.widget-view+json" in data and "image/svg+xml" not in data
