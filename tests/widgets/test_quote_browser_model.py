"""The quote browser's state, without any widget."""

from __future__ import annotations

import pytest
import traitlets

import newslab
from newslab import columns as C
from newslab.widgets.quote_browser_model import QuoteModel


@pytest.fixture(scope="module")
def model(seed_doc):
    return QuoteModel(seed_doc)


def test_groups_cover_every_statement_once(model):
    ids = [qid for group in model.groups for qid in group[C.QUOTE_IDS]]
    assert sorted(ids) == [row[C.QUOTE_ID] for row in model.statements]
    assert [group[C.SPEAKER] for group in model.groups] == model.speakers


def test_filters_and_selection(model):
    model.kind, model.speaker = "", ""
    first = model.statements[0]
    model.selected = first[C.QUOTE_ID]
    assert model.highlight[C.CONTENT] == [first[C.CONTENT_START], first[C.CONTENT_END]]
    model.kind = C.REPORTED if first[C.KIND] == C.DIRECT else C.DIRECT
    assert model.selected == -1 and model.highlight == {}
    assert all(model.statement(qid)[C.KIND] == model.kind for g in model.groups for qid in g[C.QUOTE_IDS])
    model.kind = ""
    model.speaker = model.speakers[-1]
    assert [g[C.SPEAKER] for g in model.groups] == [model.speakers[-1]]
    model.speaker = ""


def test_bad_values_are_refused(model):
    with pytest.raises(traitlets.TraitError, match="kind must be"):
        model.kind = "whispered"
    with pytest.raises(traitlets.TraitError, match="says nothing here"):
        model.speaker = "Nobody Atall"
    model.selected = 10_000
    assert model.selected == -1


def test_an_article_without_statements(nlp):
    empty = QuoteModel(newslab.analyze("The river rose in Millbrook."))
    assert empty.statements == [] and empty.groups == [] and empty.highlight == {}


def test_the_mixed_kind_is_a_filter_of_its_own(nlp):
    text = ('Mayor Lena Brandt said the delay was "a disgrace for the whole town." '
            '"We will rebuild," Councillor Tomas Herrera said.')  # constructed: invented people
    model = QuoteModel(newslab.analyze(text))
    model.kind = C.MIXED
    shown = [model.statement(qid) for g in model.groups for qid in g[C.QUOTE_IDS]]
    assert [row[C.KIND] for row in shown] == [C.MIXED] and shown[0][C.CANONICAL] == "Lena Brandt"
