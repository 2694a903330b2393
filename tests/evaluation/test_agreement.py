"""Tests for newslab.evaluation.agreement (newslab.agreement): span F1 and token-level Cohen's kappa, checked by hand."""

from __future__ import annotations

import doctest
import math

import pytest

import newslab
from newslab import columns as C
from newslab.errors import AnnotationError

TEXT = "Mark Rutte met Volodymyr Zelenskiy in Kyiv today."
OTHER = "NATO met in Brussels."


def spans(text: str, *pairs: tuple[str, str]) -> list[tuple[int, int, str]]:
    return [(text.index(s), text.index(s) + len(s), label) for s, label in pairs]


# tokens:  Mark  Rutte  met  Volodymyr  Zelenskiy  in  Kyiv  today  .
# a:       PER   PER    O    PER        PER        O   GPE   O      O
# b:       O     PER    O    PER        PER        O   ORG   O      O
A = (TEXT, spans(TEXT, ("Mark Rutte", "PERSON"), ("Volodymyr Zelenskiy", "PERSON"), ("Kyiv", "GPE")))
B = (TEXT, spans(TEXT, ("Rutte", "PERSON"), ("Volodymyr Zelenskiy", "PERSON"), ("Kyiv", "ORG")))
SAME = (OTHER, spans(OTHER, ("NATO", "ORG"), ("Brussels", "GPE")))


def kappas(result) -> dict[str, float]:
    return dict(zip(result.per_label[C.LABEL], result.per_label[C.KAPPA]))


def test_overall_kappa_by_hand():
    # 9 tokens, 7 labelled alike: p_o = 7/9.
    # a uses PER 4, O 4, GPE 1; b uses PER 3, O 5, ORG 1.
    # p_e = (4*3 + 4*5 + 1*0 + 0*1) / 81 = 32/81
    # kappa = (63/81 - 32/81) / (1 - 32/81) = 31/49
    assert newslab.agreement(A, B).kappa == pytest.approx(31 / 49)


def test_per_label_kappa_by_hand():
    # PERSON against the rest:      b PERSON   b other
    #                   a PERSON        3          1
    #                   a other         0          5
    # p_o = 8/9; p_e = (4/9)(3/9) + (5/9)(6/9) = 42/81
    # kappa = (72/81 - 42/81) / (1 - 42/81) = 30/39 = 10/13
    # GPE: a marks 1 token, b none: p_o = 8/9, p_e = 0 + (8/9)(9/9) = 72/81, kappa = 0
    result = newslab.agreement(A, B)
    assert kappas(result) == pytest.approx({"PERSON": 10 / 13, "GPE": 0.0, "ORG": 0.0})


def test_span_scores_use_a_as_reference():
    result = newslab.agreement(A, B)
    # exact: Volodymyr Zelenskiy agrees; Rutte/Mark Rutte and Kyiv ORG/GPE each cost 1 fp and 1 fn
    assert (result.precision, result.recall, result.f1) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    table = result.per_label
    assert list(table.columns) == list(C.AGREEMENT_PER_LABEL_COLUMNS)
    assert table[[C.LABEL, C.SUPPORT_A, C.SUPPORT_B]].values.tolist() == [
        ["PERSON", 2, 2], ["GPE", 1, 0], ["ORG", 0, 1]]
    assert table.loc[0, [C.PRECISION, C.RECALL, C.F1]].tolist() == pytest.approx([0.5, 0.5, 0.5])
    rows = result.disagreements
    assert list(rows.columns) == list(C.AGREEMENT_DISAGREEMENT_COLUMNS)
    assert rows[[C.KIND, C.GOLD_TEXT, C.PREDICTED_TEXT]].values.tolist() == [
        ["wrong_boundary", "Mark Rutte", "Rutte"], ["wrong_label", "Kyiv", "Kyiv"]]


def test_identical_annotations():
    result = newslab.agreement(A, A)
    assert (result.f1, result.kappa) == (1.0, 1.0)
    assert result.disagreements.empty


def test_kappa_is_nan_when_only_one_category_is_used():
    result = newslab.agreement((TEXT, []), (TEXT, []), labels=["PERSON"])
    assert math.isnan(result.kappa)
    assert math.isnan(kappas(result)["PERSON"])
    assert (result.f1, result.per_label.loc[0, C.SUPPORT_A]) == (0.0, 0)


def test_lists_are_pooled():
    result = newslab.agreement([SAME, A], [SAME, B])
    # spans: tp = 2 + 1, fp = 0 + 2, fn = 0 + 2
    assert (result.precision, result.recall) == pytest.approx((3 / 5, 3 / 5))
    # 14 tokens, 12 alike; a: PER 4, O 7, GPE 2, ORG 1; b: PER 3, O 8, GPE 1, ORG 2
    # p_e = (12 + 56 + 2 + 2) / 196 = 72/196; kappa = (168 - 72) / (196 - 72) = 24/31
    assert result.kappa == pytest.approx(24 / 31)
    assert result.disagreements[C.DOC_ID].tolist() == [1, 1]


def test_labels_treat_the_others_as_outside():
    result = newslab.agreement(A, B, labels=["PERSON"])
    assert result.per_label[C.LABEL].tolist() == ["PERSON"]
    # PERSON against O is then the whole table: kappa 10/13, as above
    assert result.kappa == pytest.approx(10 / 13)


def test_partly_covered_tokens_count_and_spaces_do_not():
    text = "NATO’s chief\n\nRutte spoke."
    a = (text, [(0, 4, "ORG"), (14, 19, "PERSON")])
    b = (text, [(0, 3, "ORG"), (14, 19, "PERSON")])
    result = newslab.agreement(a, b)
    assert result.kappa == 1.0  # "NAT" marks the token "NATO"
    assert result.f1 == 0.5  # but spans must match exactly
    assert result.disagreements[C.SENT_ID].tolist() == [0]


def test_docs_are_accepted():
    doc = newslab.analyze(TEXT)
    result = newslab.agreement(doc, (TEXT, [(e.start_char, e.end_char, e.label_) for e in doc.ents]))
    assert (result.f1, result.kappa) == (1.0, 1.0)


def test_errors():
    with pytest.raises(AnnotationError, match="text 1: a and b texts differ"):
        newslab.agreement([SAME, A], [SAME, SAME])
    with pytest.raises(AnnotationError, match="2 texts"):
        newslab.agreement([A, A], [A])
    with pytest.raises(AnnotationError, match="two lists"):
        newslab.agreement([A], A)


def test_doctests():
    import newslab.evaluation.agreement

    results = doctest.testmod(newslab.evaluation.agreement, optionflags=doctest.ELLIPSIS)
    assert results.attempted > 0 and results.failed == 0


def test_repr_is_a_small_table_rounded_to_three_decimals():
    result = newslab.agreement(A, B)
    caption, head, row = repr(result).splitlines()
    assert head.split() == [C.PRECISION, C.RECALL, C.F1, C.KAPPA]
    assert row.split() == [f"{v:.3f}" for v in (result.precision, result.recall, result.f1, result.kappa)]
    assert f"{len(result.disagreements)} disagreements" in caption
    assert f"<td>{result.kappa:.3f}</td>" in result._repr_html_()
    assert repr(newslab.agreement((TEXT, []), (TEXT, []), labels=["PERSON"])).splitlines()[2].split()[-1] == "nan"
