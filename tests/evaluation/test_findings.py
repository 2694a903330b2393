from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from tests.paths import ARTICLES


@pytest.fixture(scope="module")
def seed_findings(seed_doc):
    return newslab.findings(seed_doc, newslab.gold())


def test_person_as_place_rows_are_disagreements(seed_findings):
    table = seed_findings.person_as_place
    assert len(table) > 0
    assert set(table[C.PREDICTED_LABEL]) == {"PERSON"} and set(table[C.GOLD_LABEL]) <= {"GPE", "LOC", "FAC"}
    assert table.columns.tolist() == list(C.DISAGREEMENT_COLUMNS)


def test_headline_before_and_after(seed_findings, seed_doc):
    table = seed_findings.headline
    assert table[C.HEADLINE_CASE].tolist() == ["original", "sentence"] and seed_findings.title_case
    as_parsed = [f"{e.text} ({e.label_})" for e in seed_doc.ents if e.end_char <= len(table[C.TEXT][0])]
    assert table[C.ENTITIES][1] == as_parsed
    assert table[C.ENTITIES][0] != table[C.ENTITIES][1]  # Title Case changes what the model reads


def test_inconsistent_names_have_several_labels(seed_findings):
    table = seed_findings.inconsistent
    assert len(table) > 0 and (table.groupby(C.KEY)[C.LABEL].nunique() > 1).all()
    assert all(count == len(ids) or count >= len(ids) for count, ids in zip(table[C.COUNT], table[C.SENT_IDS]))


def test_boundaries_and_confusion_add_up(seed_findings):
    evaluation = seed_findings.evaluation
    assert set(seed_findings.boundaries[C.KIND]) <= {"wrong_boundary"}
    confusion = seed_findings.confusion
    assert C.NO_ENTITY in confusion.index or C.NO_ENTITY in confusion.columns
    diagonal = sum(confusion.loc[label, label] for label in confusion.index if label in confusion.columns
                   and label != C.NO_ENTITY)
    assert diagonal >= evaluation.tp
    assert int(confusion.to_numpy().sum()) == evaluation.tp + len(evaluation.disagreements)


def test_summary_is_computed(seed_findings):
    text = seed_findings.summary()
    for key in set(seed_findings.person_as_place[C.PREDICTED_TEXT]):
        assert key in text
    assert f"{seed_findings.evaluation.f1:.3f}" in text


def test_a_sentence_case_headline_is_not_recased():
    doc = newslab.analyze(ARTICLES / "web-subheads.txt")
    found = newslab.findings(doc, newslab.reference(doc))
    assert not found.title_case and "not in Title Case" in found.summary()


def test_an_article_without_a_reference_has_no_errors():
    doc = newslab.analyze(ARTICLES / "ap-wrapped.txt")
    found = newslab.findings(doc, newslab.reference(doc, folder="no-such-folder"))
    assert found.evaluation.f1 == 1.0 and found.person_as_place.empty and found.boundaries.empty


def test_an_article_without_a_headline():
    doc = newslab.analyze("Ana Field visited Riverton on Monday.")
    found = newslab.findings(doc, newslab.reference(doc))
    assert found.headline.empty and not found.title_case and "no headline" in found.summary()


def test_compare_scores_each_parse_like_evaluate(seed_doc):
    gold = newslab.gold()
    ruled = newslab.analyze(rules=[{"label": "GPE", "pattern": "Kyiv"}])
    table = newslab.evaluate_many({"model": seed_doc, "model + rules": ruled}, gold)
    assert table.index.tolist() == ["model", "model + rules"] and table.index.name == C.PIPELINE
    for name, doc in (("model", seed_doc), ("model + rules", ruled)):
        expected = newslab.evaluate(doc, gold)
        assert table.loc[name, C.F1] == expected.f1 and table.loc[name, C.TP] == expected.tp
    assert str(table[C.TP].dtype) == "int64"
