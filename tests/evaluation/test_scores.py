"""Tests for newslab.evaluation (newslab.evaluate): hand-computed scores, and spaCy's own scorer on the seed."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import newslab
from newslab import columns as C
from newslab.errors import AnnotationError

TEXT = ("Mark Rutte met Volodymyr Zelenskiy in Kyiv today. NATO met in Brussels on Friday. "
        "Reuters reported it.")


def spans(*pairs: tuple[str, str]) -> list[tuple[int, int, str]]:
    """``(surface, label)`` pairs to ``(start, end, label)`` at the first occurrence in TEXT."""
    return [(TEXT.index(s), TEXT.index(s) + len(s), label) for s, label in pairs]


GOLD = (TEXT, spans(("Mark Rutte", "PERSON"), ("Volodymyr Zelenskiy", "PERSON"), ("Kyiv", "GPE"),
                    ("today", "DATE"), ("NATO", "ORG"), ("Brussels", "GPE"), ("Friday", "DATE")))
PREDICTED = (TEXT, spans(("Rutte", "PERSON"), ("Volodymyr Zelenskiy", "PERSON"), ("Kyiv", "PERSON"),
                         ("NATO", "ORG"), ("in Brussels", "LOC"), ("on Friday", "DATE"),
                         ("Reuters", "ORG")))


@pytest.fixture(scope="module")
def seed_doc():
    return newslab.analyze()


def per_label(result) -> dict[str, tuple[int, int, int, int]]:
    table = result.per_label
    return {row.label: (row.tp, row.fp, row.fn, row.support) for row in table.itertuples()}


def test_exact_counts_by_hand():
    result = newslab.evaluate(PREDICTED, GOLD)
    # tp: Volodymyr Zelenskiy, NATO
    # fp: Rutte, Kyiv/PERSON, in Brussels/LOC, on Friday, Reuters
    # fn: Mark Rutte, Kyiv/GPE, today, Brussels/GPE, Friday
    assert (result.tp, result.fp, result.fn) == (2, 5, 5)
    assert result.precision == pytest.approx(2 / 7)
    assert result.recall == pytest.approx(2 / 7)
    assert result.f1 == pytest.approx(2 / 7)
    assert per_label(result) == {
        "DATE": (0, 1, 2, 2), "GPE": (0, 0, 2, 2), "PERSON": (1, 2, 1, 2), "ORG": (1, 1, 0, 1),
        "LOC": (0, 1, 0, 0),
    }
    # by support, then by name
    assert result.per_label[C.LABEL].tolist() == ["DATE", "GPE", "PERSON", "ORG", "LOC"]
    assert result.per_label.loc[2, [C.PRECISION, C.RECALL]].tolist() == pytest.approx([1 / 3, 1 / 2])


def test_disagreement_kinds_and_sentences():
    table = newslab.evaluate(PREDICTED, GOLD).disagreements
    assert list(table.columns) == list(C.DISAGREEMENT_COLUMNS)
    rows = table[[C.KIND, C.PREDICTED_TEXT, C.PREDICTED_LABEL, C.GOLD_TEXT, C.GOLD_LABEL, C.SENT_ID]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        ["wrong_boundary", "Rutte", "PERSON", "Mark Rutte", "PERSON", 0],
        ["wrong_label", "Kyiv", "PERSON", "Kyiv", "GPE", 0],
        ["false_negative", None, None, "today", "DATE", 0],
        ["wrong_boundary", "in Brussels", "LOC", "Brussels", "GPE", 1],
        ["wrong_boundary", "on Friday", "DATE", "Friday", "DATE", 1],
        ["false_positive", "Reuters", "ORG", None, None, 2],
    ]
    first = table.iloc[0]
    assert (first[C.START_CHAR], first[C.END_CHAR]) == (0, 10)  # covers both spans
    assert table[C.SENTENCE].tolist()[-1] == "Reuters reported it."
    assert table[C.SENTENCE].tolist()[0] == "Mark Rutte met Volodymyr Zelenskiy in Kyiv today."


def test_partial_counts_by_hand():
    result = newslab.evaluate(PREDICTED, GOLD, mode="partial")
    # tp: Rutte~Mark Rutte, Volodymyr Zelenskiy, NATO, on Friday~Friday
    # fp: Kyiv/PERSON, in Brussels/LOC, Reuters; fn: Kyiv/GPE, today, Brussels/GPE
    assert (result.tp, result.fp, result.fn) == (4, 3, 3)
    assert result.mode == "partial"
    assert result.disagreements[C.KIND].tolist() == [
        "wrong_label", "false_negative", "wrong_boundary", "false_positive"]


def test_partial_matches_largest_overlap_first():
    gold = (TEXT, spans(("Mark Rutte", "PERSON")))
    predicted = (TEXT, spans(("Mark", "PERSON"), ("Mark Rutte met", "PERSON")))
    result = newslab.evaluate(predicted, gold, mode="partial")
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)
    assert result.disagreements[[C.KIND, C.PREDICTED_TEXT]].values.tolist() == [["false_positive", "Mark"]]


def test_labels_restricts_both_sides():
    result = newslab.evaluate(PREDICTED, GOLD, labels=["PERSON", "LAW"])
    # Kyiv/PERSON no longer has a GPE partner, so it is a plain false positive
    assert (result.tp, result.fp, result.fn) == (1, 2, 1)
    assert per_label(result) == {"PERSON": (1, 2, 1, 2), "LAW": (0, 0, 0, 0)}
    assert result.disagreements[C.KIND].tolist() == ["wrong_boundary", "false_positive"]


def test_undefined_scores_are_zero():
    result = newslab.evaluate((TEXT, []), (TEXT, []))
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
    assert result.per_label.empty and list(result.per_label.columns) == list(C.PER_LABEL_COLUMNS)
    assert result.disagreements.empty and list(result.disagreements.columns) == list(C.DISAGREEMENT_COLUMNS)
    only_gold = newslab.evaluate((TEXT, []), GOLD)
    assert (only_gold.precision, only_gold.recall, only_gold.fn) == (0.0, 0.0, 7)


def test_summary_and_frozen():
    result = newslab.evaluate(PREDICTED, GOLD)
    summary = result.summary()
    assert list(summary.columns) == list(C.SCORE_COLUMNS)
    assert summary[[C.TP, C.FP, C.FN]].values.tolist() == [[2, 5, 5]]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.f1 = 1.0  # type: ignore[misc]


def test_accepts_dicts_and_tuples():
    gold = {"text": TEXT, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in GOLD[1]]}
    assert newslab.evaluate(gold, GOLD).f1 == 1.0


def test_errors():
    with pytest.raises(AnnotationError, match="texts differ at character 0"):
        newslab.evaluate(("Other text.", []), GOLD)
    with pytest.raises(AnnotationError, match="outside the text"):
        newslab.evaluate((TEXT, [(0, 500, "PERSON")]), GOLD)
    with pytest.raises(ValueError, match="mode"):
        newslab.evaluate(PREDICTED, GOLD, mode="fuzzy")  # type: ignore[arg-type]


def test_doc_sentences_are_newslab_sentences(seed_doc):
    text = seed_doc.text
    gold = (text, [(e.start_char, e.end_char, "ORG") for e in seed_doc.ents])
    table = newslab.evaluate(seed_doc, gold).disagreements
    assert not table.empty
    sentences = newslab.sentences(seed_doc).set_index(C.SENT_ID)
    for row in table.itertuples():
        sentence = sentences.loc[row.sent_id]
        assert row.sentence == sentence[C.TEXT]
        assert sentence[C.START_CHAR] <= row.start_char < sentence[C.END_CHAR]


def _perturbed_gold(doc):
    """The model's entities with some dropped, relabelled, stretched and added, as a Doc."""
    from spacy.tokens import Doc

    text = doc.text
    found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    fixes = {"Kyiv": "GPE", "Zelenskiy": "PERSON", "Western": "ORG"}
    kept = [(s, e, label) for s, e, label in found if text[s:e] not in {"Max Hunder", "first"}]
    gold = [(s, e, fixes.get(text[s:e], label)) for s, e, label in kept]
    stretched = text.index("Secretary-General Mark Rutte")
    gold = [(stretched, e, lab) if text[s:e] == "Mark Rutte" else (s, e, lab) for s, e, lab in gold]
    missed = (text.index("Kyiv Visit"), text.index("KYIV"))  # headline and dateline
    gold += [(start, start + 4, "GPE") for start in missed]
    reference = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    reference.ents = [reference.char_span(s, e, label=lab) for s, e, lab in sorted(gold)]
    return reference


def test_exact_mode_agrees_with_spacy_scorer(seed_doc):
    from spacy.scorer import Scorer
    from spacy.training import Example

    reference = _perturbed_gold(seed_doc)
    expected = Scorer.score_spans([Example(seed_doc, reference)], "ents")
    result = newslab.evaluate(seed_doc, reference)
    assert 0.5 < result.f1 < 0.95  # non-trivial
    assert (result.precision, result.recall, result.f1) == pytest.approx(
        (expected["ents_p"], expected["ents_r"], expected["ents_f"]))
    ours = {row.label: (row.precision, row.recall, row.f1) for row in result.per_label.itertuples()}
    theirs = {label: (s["p"], s["r"], s["f"]) for label, s in expected["ents_per_type"].items()}
    assert ours.keys() == theirs.keys()
    for label, values in theirs.items():
        assert ours[label] == pytest.approx(values), label
    kinds = set(result.disagreements[C.KIND])
    assert kinds == {"wrong_label", "wrong_boundary", "false_negative", "false_positive"}


def test_partial_never_scores_below_exact(seed_doc):
    reference = _perturbed_gold(seed_doc)
    exact = newslab.evaluate(seed_doc, reference)
    partial = newslab.evaluate(seed_doc, reference, mode="partial")
    assert partial.tp >= exact.tp and partial.f1 >= exact.f1


def test_importing_the_submodules_keeps_the_functions():
    code = ("import newslab, newslab.evaluation.agreement, newslab.evaluation; "
            "assert callable(newslab.evaluate) and callable(newslab.agreement)")
    subprocess.run([sys.executable, "-c", code], check=True)


# -- what a notebook shows ----------------------------------------------------------------

FICTION = "Mayor Ana Field of Riverton met the Riverton Gazette on Monday."


def fiction(*pairs: tuple[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    return FICTION, [(FICTION.index(s), FICTION.index(s) + len(s), label) for s, label in pairs]


def test_repr_is_a_small_table_rounded_to_three_decimals():
    gold = fiction(("Ana Field", "PERSON"), ("Riverton", "GPE"), ("Monday", "DATE"))
    predicted = fiction(("Ana Field", "PERSON"), ("Riverton Gazette", "ORG"), ("Monday", "PERSON"))
    result = newslab.evaluate(predicted, gold)
    assert (result.tp, result.fp, result.fn) == (1, 2, 2) and result.precision == 1 / 3  # data stays exact
    caption, head, row = repr(result).splitlines()
    assert "3 disagreements" in caption and "exact" in caption
    assert head.split() == list(C.SCORE_COLUMNS) and row.split() == ["0.333", "0.333", "0.333", "1", "2", "2"]
    page = result._repr_html_()
    assert page.count("<td>0.333</td>") == 3 and "<td>2</td>" in page and "0.3333" not in page


def test_seed_evaluation_repr_fits_a_narrow_cell(seed_doc):
    result = newslab.evaluate(seed_doc, newslab.gold())
    lines = repr(result).splitlines()
    assert len(lines) == 3 and max(map(len, lines)) <= 80
    assert f"{result.recall:.3f}" in lines[2] and str(result.tp) in lines[2].split()
