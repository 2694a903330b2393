"""The lite article holds what the full edition computes, and every function gives the same on it."""

from __future__ import annotations

import pandas as pd
import pytest

import newslab as nl
from newslab.columns import LITE_TABLES
from newslab.errors import NewslabError, NotInLiteError
from newslab.io.tables import read_lite
from newslab.lite.precompute import table_functions
from newslab.precomputed import LITE_ENV


@pytest.fixture()
def lite(bundle, monkeypatch):
    """The lite edition on CPython: ``NEWSLAB_LITE`` names the bundle, and spaCy cannot be imported."""
    monkeypatch.setenv(LITE_ENV, str(bundle))
    monkeypatch.setitem(__import__("sys").modules, "spacy", None)
    return nl.analyze()


@pytest.mark.parametrize("name", LITE_TABLES)
def test_every_table_read_back_equals_the_full_editions(name, bundle, seed_doc):
    pd.testing.assert_frame_equal(read_lite(bundle).result(name), table_functions()[name](seed_doc))


@pytest.mark.parametrize("call", [
    lambda doc: nl.entity_counts(doc, n=5), nl.label_counts, nl.entity_clusters, nl.lede,
    lambda doc: nl.kwic(doc, ["NATO", "Kyiv"]), lambda doc: nl.sentence_span(doc, 3).root.lemma_,
    lambda doc: nl.charts.top_entities_chart(doc).to_dict(), lambda doc: nl.charts.mentions_chart(doc).to_dict(),
    lambda doc: nl.charts.linked_charts(doc).to_dict(), lambda doc: nl.evaluate(doc, nl.reference(doc)).per_label,
    lambda doc: nl.voices(doc, nl.quotes(doc)), lambda doc: nl.reference(doc)["spans"],
    lambda doc: [(t.text, t.idx, t.is_alpha) for t in doc],
], ids=["entity_counts", "label_counts", "entity_clusters", "lede", "kwic", "root", "top_chart", "mentions_chart",
        "linked_charts", "evaluate", "voices", "reference", "tokens"])
def test_a_function_gives_on_the_lite_article_what_it_gives_on_the_parse(call, seed_doc, lite):
    full, light = call(seed_doc), call(lite)
    if isinstance(full, pd.DataFrame):
        pd.testing.assert_frame_equal(light, full)
    else:
        assert light == full


def test_the_entity_view_marks_the_same_mentions_without_displacy(seed_doc, bundle, monkeypatch):
    import re

    marks = re.compile(r'<mark class="entity"[^>]*>(.*?)<span[^>]*>(.*?)</span>', re.S)
    full = marks.findall(str(nl.entities_html(seed_doc)))
    monkeypatch.setenv(LITE_ENV, str(bundle))
    monkeypatch.setitem(__import__("sys").modules, "spacy", None)
    lite = nl.analyze()
    assert full and marks.findall(str(nl.entities_html(lite))) == [(t.strip(), label) for t, label in full]


def test_what_lite_cannot_do_says_so(lite):
    with pytest.raises(NotInLiteError, match="parsing new text"):
        nl.analyze("Rutte visited Kyiv.")
    with pytest.raises(NotInLiteError, match="entity rules"):
        nl.analyze(rules=[{"label": "GPE", "pattern": "Kyiv"}])
    with pytest.raises(NotInLiteError, match="nl.voices of a statements table"):
        nl.voices(lite, nl.quotes(lite).head(1))
    with pytest.raises(NotInLiteError, match="entities_html|with these arguments"):
        nl.dependencies_html(nl.sentence_span(lite, 3), compact=False)


def test_a_bundle_of_another_schema_is_refused(bundle, tmp_path):
    other = tmp_path / "old.json"
    other.write_text(bundle.read_text(encoding="utf-8").replace('"schema": 1', '"schema": 0', 1), encoding="utf-8")
    with pytest.raises(NewslabError, match="rebuild the site"):
        read_lite(other)


def test_checks_in_lite_use_the_answers_kept_at_build_time(lite):
    assert nl.check("01-paragraph-count", 9).status == "passed"
    assert nl.check("01-paragraph-count", 8).status == "failed"
    assert nl.check("02-verb-count", ...).status == "unanswered"
