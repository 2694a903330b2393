"""The dashboard, tested through its trait state, as anywidget's tests do."""

from __future__ import annotations

import pytest

import newslab
from newslab.charts import data as D
from newslab.dashboard import DASHBOARD_CLASS, Dashboard


@pytest.fixture()
def dashboard(seed_doc):
    return Dashboard(seed_doc)


def _marks(html: str) -> int:
    return html.count("<mark")


def test_classes_and_children(dashboard):
    assert DASHBOARD_CLASS in dashboard._dom_classes
    assert "newslab-chart" in dashboard._chart._dom_classes
    assert dashboard.children == (dashboard._chart, dashboard._text)
    assert dashboard.selected == []


def test_nothing_selected_highlights_every_entity(dashboard, seed_doc):
    assert _marks(dashboard.text_html) == len(seed_doc.ents)


def test_setting_selected_highlights_only_those_mentions(dashboard, seed_doc):
    key = D.top_entities(seed_doc, n=1)["key"].iloc[0]
    dashboard.selected = [key]
    assert _marks(dashboard.text_html) == len(D.entity_spans(seed_doc, keys=[key]))
    dashboard.selected = []
    assert _marks(dashboard.text_html) == len(seed_doc.ents)


def test_a_click_in_the_chart_sets_selected(dashboard):
    # what the front end sends when a bar is clicked
    dashboard._chart._vl_selections = {"entity": {"value": {"vlPoint": {"or": [{"key": "NATO"}, {"key": "Rutte"}]}},
                                                  "store": []}}
    assert dashboard.selected == ["NATO", "Rutte"]
    assert "NATO" in dashboard.text_html
    dashboard._chart._vl_selections = {"entity": {"value": None, "store": []}}
    assert dashboard.selected == []


def test_changing_the_doc_rebuilds_the_views(dashboard):
    dashboard.selected = ["NATO"]
    dashboard.doc = newslab.analyze("Russia is big. Russia is old.")
    assert dashboard.selected == []
    assert "Ukraine" not in dashboard.text_html and "Russia" in dashboard.text_html


def test_static_fallback_in_the_mimebundle(dashboard):
    data, _ = dashboard._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "<svg" in data["text/html"] and DASHBOARD_CLASS in data["text/html"]
