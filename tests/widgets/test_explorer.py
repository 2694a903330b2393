"""newslab.EntityExplorer, driven through its traits and its child widgets, without a browser.

Setting a public trait stands for code; setting a child widget's ``value`` stands for a
student clicking or typing in the browser (that is what a front-end update does).
"""

from __future__ import annotations

import doctest
import sys

import comm
import pytest

import newslab
from newslab import columns as C
from newslab.ner.explore import filter_entities
from newslab.widgets import explorer as explorer_module
from newslab.widgets.explorer import EntityExplorer

HOSTILE = ('Mark Rutte said <script>alert("x")</script> in Kyiv. NATO met <img src=x onerror=alert(1)> '
           'in Brussels, and Mark Rutte spoke to NATO again.')
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def explorer(seed_doc):
    return EntityExplorer(seed_doc)


def n_rows(page: str) -> int:
    return page.count("<tr>") - 1  # minus the header row


def test_doctests():
    assert doctest.testmod(explorer_module).failed == 0


def test_it_is_a_box_with_stable_css_classes(explorer):
    import ipywidgets as w

    assert isinstance(explorer, w.VBox) and "newslab-explorer" in explorer._dom_classes
    parts = {"labels": w.SelectMultiple, "search": w.Text, "counts": w.HTML, "entities": w.Select,
             "text": w.HTML, "kwic": w.HTML}
    for name, kind in parts.items():
        child = getattr(explorer, f"_{name}")
        assert isinstance(child, kind) and f"newslab-explorer-{name}" in child._dom_classes
    assert explorer._search.continuous_update


def test_starts_with_everything_shown(explorer, seed_doc):
    table = newslab.entities(seed_doc)
    assert (explorer.labels, explorer.query, explorer.selected) == ([], "", "")
    assert len(explorer.visible) == len(table)
    assert explorer.counts == f"{len(table)} of {len(table)} mentions · {table[C.KEY].nunique()} entities"
    assert explorer._entities.value is None and explorer._kwic.value == ""


def test_label_picker_shows_counts_but_holds_plain_labels(explorer, seed_doc):
    table = newslab.entities(seed_doc)
    options = dict(explorer._labels.options)
    gpe = int((table[C.LABEL] == "GPE").sum())
    assert options[f"GPE ({gpe})"] == "GPE"
    assert set(options.values()) == set(table[C.LABEL])


def test_setting_labels_filters_the_text_and_the_counts(explorer, seed_doc):
    before = explorer._text.value
    explorer.labels = ["GPE"]
    expected = filter_entities(newslab.entities(seed_doc), labels=["GPE"])
    assert explorer._text.value != before
    assert "GPE</span>" in explorer._text.value and "PERSON</span>" not in explorer._text.value
    assert explorer._text.value.count("<mark") == len(expected)
    assert explorer.counts.startswith(f"{len(expected)} of ") and explorer.counts in explorer._counts.value
    assert explorer._labels.value == ("GPE",)
    assert explorer.visible[C.ENT_ID].tolist() == expected[C.ENT_ID].tolist()


def test_picking_labels_in_the_browser_sets_the_trait(explorer):
    explorer._labels.value = ("PERSON", "GPE")
    assert explorer.labels == ["PERSON", "GPE"]
    assert set(explorer.visible[C.LABEL]) == {"PERSON", "GPE"}
    explorer._labels.value = ()
    assert explorer.labels == [] and explorer.counts.split()[0] == explorer.counts.split()[2]


def test_unknown_label_is_an_error_and_changes_nothing(explorer):
    explorer.labels = ["GPE"]
    with pytest.raises(newslab.UnknownLabelError):
        explorer.labels = ["PLACE"]
    assert explorer.labels == ["GPE"] and set(explorer.visible[C.LABEL]) == {"GPE"}


def test_a_label_the_article_lacks_shows_nothing(explorer):
    explorer.labels = ["MONEY"]
    assert explorer.visible.empty and explorer.counts.startswith("0 of ")
    assert explorer.labels == ["MONEY"] and explorer._labels.value == ()
    assert "<mark" not in explorer._text.value and explorer._entities.options == ()


def test_typing_a_query(explorer, seed_doc):
    explorer._search.value = "ukr"  # the browser, one keystroke at a time
    assert explorer.query == "ukr"
    expected = filter_entities(newslab.entities(seed_doc), query="ukr")
    assert explorer.visible[C.ENT_ID].tolist() == expected[C.ENT_ID].tolist()
    assert [value for _, value in explorer._entities.options] == newslab.entity_counts(expected, by=C.KEY)[C.KEY].tolist()
    explorer.query = "zzz"
    assert explorer._search.value == "zzz" and explorer.visible.empty and explorer.counts.startswith("0 of")


def test_entity_list_follows_the_filter(explorer):
    explorer.labels = ["PERSON"]
    keys = [value for _, value in explorer._entities.options]
    assert keys == newslab.entity_counts(explorer.visible, by=C.KEY)[C.KEY].tolist()
    assert explorer._entities.value is None and explorer.selected == ""  # no entity is picked for you
    label, key = explorer._entities.options[0]
    assert label.startswith(f"{key} · PERSON (")


def test_choosing_an_entity_fills_the_kwic(explorer, seed_doc):
    explorer._entities.value = "Ukraine"  # a click in the browser
    assert explorer.selected == "Ukraine"
    expected = newslab.entities(seed_doc)
    assert n_rows(explorer._kwic.value) == (expected[C.KEY] == "Ukraine").sum() == len(explorer.kwic)
    assert explorer.kwic[C.SENTENCE].iloc[-1] in explorer._kwic.value
    explorer.selected = "NATO"  # code
    assert explorer._entities.value == "NATO" and n_rows(explorer._kwic.value) == len(explorer.kwic)
    explorer.selected = ""
    assert explorer._kwic.value == "" and explorer._entities.value is None and explorer.kwic.empty


def test_filtering_an_entity_away_clears_the_selection(explorer):
    explorer.selected = "Ukraine"
    explorer.labels = ["GPE", "ORG"]
    assert explorer.selected == "Ukraine"  # still shown
    explorer.labels = ["PERSON"]
    assert explorer.selected == "" and explorer._kwic.value == ""


def test_selecting_an_entity_that_is_not_shown_is_an_error(explorer):
    explorer.labels = ["PERSON"]
    with pytest.raises(newslab.NewslabError, match="Ukraine"):
        explorer.selected = "Ukraine"
    assert explorer.selected == ""


def test_constructor_options(seed_doc):
    explorer = EntityExplorer(seed_doc, labels=["ORG"], query="nat", selected="NATO")
    assert explorer.visible[C.TEXT].unique().tolist() == ["NATO"]
    assert explorer._search.value == "nat" and explorer._labels.value == ("ORG",)
    assert explorer._entities.value == "NATO" and n_rows(explorer._kwic.value) == len(explorer.visible)


def test_visible_is_a_copy(explorer):
    shown = explorer.visible
    shown.loc[0, C.TEXT] = "changed"
    assert explorer.visible.loc[0, C.TEXT] != "changed"


def test_article_text_is_escaped_everywhere():
    explorer = EntityExplorer(newslab.analyze(HOSTILE), width=60)
    explorer.selected = explorer.visible.loc[0, C.KEY]
    assert len(explorer.kwic) >= 1
    bundle = explorer._repr_mimebundle_()
    for page in (explorer._text.value, explorer._kwic.value, explorer._counts.value, bundle["text/html"],
                 *(label for label, _ in explorer._entities.options)):
        assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in explorer._kwic.value and "&lt;img" in explorer._text.value


def test_static_html_beside_the_widget_view(explorer):
    explorer.labels = ["GPE"]
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_MIME in bundle and "text/plain" in bundle
    assert explorer.counts in bundle["text/html"] and explorer._text.value in bundle["text/html"]


class RecordingComm(comm.base_comm.BaseComm):
    messages: list = []

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        RecordingComm.messages.append((self.comm_id, msg_type, data))


def test_one_filter_change_sends_one_update_per_widget(seed_doc, monkeypatch):
    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: RecordingComm(**kwargs))
    explorer = EntityExplorer(seed_doc)
    RecordingComm.messages.clear()
    explorer.labels = ["GPE"]
    updates = [comm_id for comm_id, kind, data in RecordingComm.messages if kind == "comm_msg"]
    assert updates and len(updates) == len(set(updates))  # batched by hold_sync
    assert explorer._text.comm.comm_id in updates and explorer._counts.comm.comm_id in updates


def test_no_notebook_globals(seed_doc):
    before = dict(vars(sys.modules["__main__"]))
    explorer = EntityExplorer(seed_doc)
    explorer.labels, explorer.query, explorer.selected = ["GPE"], "u", "Ukraine"
    assert dict(vars(sys.modules["__main__"])) == before
