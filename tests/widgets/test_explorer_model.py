"""newslab.widgets.explorer_model.ExplorerModel: the explorer's state, driven and observed without ipywidgets."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newslab
from newslab import columns as C
from newslab.ner.counts import entity_counts
from newslab.ner.explore import filter_entities
from newslab.widgets.explorer_model import ExplorerModel


@pytest.fixture
def model(seed_doc):
    return ExplorerModel(seed_doc)


def recorder(model, *names):
    seen: list[str] = []
    model.observe(lambda change: seen.append(change.name), list(names))
    return seen


def test_the_model_loads_no_widget_library():
    code = ("import sys, newslab.widgets.explorer_model, newslab.widgets.dependencies_model;"
            "print(sorted({'ipywidgets', 'anywidget', 'IPython', 'altair'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_starts_with_everything_shown(model, seed_doc):
    table = newslab.entities(seed_doc)
    assert (model.labels, model.query, model.selected) == ([], "", "")
    assert model.visible[C.ENT_ID].tolist() == table[C.ENT_ID].tolist()
    assert model.kwic.empty and list(model.kwic.columns) == list(C.KWIC_COLUMNS)


def test_derived_traits_are_observable_and_follow_the_filter(model, seed_doc):
    seen = recorder(model, "visible", "entity_list", "counts")
    model.labels = ["GPE"]
    assert sorted(seen) == ["counts", "entity_list", "visible"]
    expected = filter_entities(newslab.entities(seed_doc), labels=["GPE"])
    assert model.visible[C.ENT_ID].tolist() == expected[C.ENT_ID].tolist()
    assert model.entity_list[C.KEY].tolist() == entity_counts(expected, by=C.KEY)[C.KEY].tolist()
    assert model.counts.startswith(f"{len(expected)} of ")
    seen.clear()
    model.query = "ukr"
    assert "visible" in seen and set(model.visible[C.LABEL]) == {"GPE"}
    assert all("ukr" in text.lower() for text in model.visible[C.TEXT])


def test_kwic_is_observable_and_follows_the_selection(model, seed_doc):
    seen = recorder(model, "kwic")
    model.selected = "Ukraine"
    table = newslab.entities(seed_doc)
    assert seen == ["kwic"] and len(model.kwic) == (table[C.KEY] == "Ukraine").sum() > 0
    assert set(model.kwic[C.TEXT].map(newslab.tables.entity_key)) == {"Ukraine"}
    model.labels = ["PERSON"]  # filters Ukraine away: the selection and its kwic go
    assert model.selected == "" and model.kwic.empty and seen == ["kwic", "kwic"]


def test_read_only_traits_refuse_assignment(model):
    for name in ("visible", "entity_list", "counts", "kwic"):
        with pytest.raises(Exception, match="read-only"):
            setattr(model, name, getattr(model, name))


def test_readers_get_copies(model):
    shown = model.visible
    shown.loc[0, C.TEXT] = "changed"
    assert model.visible.loc[0, C.TEXT] != "changed"


def test_bad_input_is_a_newslab_error(model):
    with pytest.raises(newslab.UnknownLabelError):
        model.labels = ["PLACE"]
    model.labels = ["PERSON"]
    with pytest.raises(newslab.NewslabError, match="Ukraine"):
        model.selected = "Ukraine"
    assert model.labels == ["PERSON"] and model.selected == ""


def test_constructor_options(seed_doc):
    model = ExplorerModel(seed_doc, labels=["ORG"], query="nat", selected="NATO")
    assert model.visible[C.TEXT].unique().tolist() == ["NATO"]
    assert model.entity_list[C.KEY].tolist() == ["NATO"] and len(model.kwic) == len(model.visible)
