"""The dashboard, tested through its trait state, as anywidget's tests do."""

from __future__ import annotations

import pytest

import newslab
from newslab.ner import chartdata as D
from newslab.widgets.dashboard import DASHBOARD_CLASS, Dashboard
from newslab.widgets.dashboard_model import DashboardModel


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
    name = dashboard.name
    key = newslab.entity_counts(seed_doc, by=name, n=1)[name].iloc[0]
    dashboard.selected = [key]
    assert _marks(dashboard.text_html) == len(D.entity_spans(newslab.entities(seed_doc), keys=[key], by=name))
    dashboard.selected = []
    assert _marks(dashboard.text_html) == len(seed_doc.ents)


def test_a_click_in_the_chart_sets_selected(dashboard):
    # what the front end sends when a bar is clicked
    name = dashboard.name
    dashboard._chart._vl_selections = {"entity": {"value": {"vlPoint": {"or": [{name: "NATO"}, {name: "Ukraine"}]}},
                                                  "store": []}}
    assert dashboard.selected == ["NATO", "Ukraine"]
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


def test_the_model_alone_derives_what_to_highlight(seed_doc):
    """The state works without any widget: the view only draws it."""
    model = DashboardModel(seed_doc)
    assert len(model.spans) == len(seed_doc.ents)
    model.selected = ["NATO"]
    assert {seed_doc.text[s["start"]:s["end"]] for s in model.spans} <= {"NATO", "NATO’s", "NATO's"}
    assert model.middle == D.middle_sentence(newslab.sentences(seed_doc))


def test_an_article_without_entities_still_shows_its_text():
    dashboard = Dashboard(newslab.analyze("it rained and then it stopped."))
    assert "rained" in dashboard.text_html
