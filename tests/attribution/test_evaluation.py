"""The seed's attribution gold file, its reader and the attribution scores."""

from __future__ import annotations

import json

import pytest

import newslab
from newslab import columns as C
from newslab.attribution.evaluation import evaluate_quotes, gold_quotes, read_quotes
from newslab.errors import AnnotationError
from tests import expected


def test_gold_matches_the_article(article):
    gold = gold_quotes()
    assert {C.SPEAKER, C.CANONICAL, C.CUE, C.CONTENT, C.KIND} <= set(gold.columns)
    for row in gold.itertuples(index=False):
        assert article.text[row.cue_start:row.cue_end].lower()[:2] == row.cue[:2]
    assert set(gold[C.KIND]) == {C.DIRECT, C.REPORTED}


def test_seed_meets_the_targets(seed_doc):
    result = evaluate_quotes(newslab.quotes(seed_doc), gold_quotes())
    assert result.speaker_accuracy >= 0.90
    assert result.f1("partial") >= 0.85
    assert result.speaker_accuracy == pytest.approx(expected.SEED_QUOTE_SPEAKER_ACCURACY, abs=1e-3)
    assert result.f1("exact") == pytest.approx(expected.SEED_QUOTE_EXACT_F1, abs=1e-3)
    assert result.f1("partial") == pytest.approx(expected.SEED_QUOTE_PARTIAL_F1, abs=1e-3)


def test_perfect_and_empty_predictions():
    gold = gold_quotes()
    perfect = evaluate_quotes(gold, gold)
    assert perfect.speaker_accuracy == 1.0 and perfect.f1("exact") == perfect.f1("partial") == 1.0
    none = evaluate_quotes(gold.iloc[0:0], gold)
    assert none.f1("partial") == 0.0 and (none.errors[C.KIND] == "missed").sum() == len(gold)


def test_errors_name_wrong_speakers_and_spurious_statements():
    gold = gold_quotes()
    pred = gold.copy()
    pred.loc[0, C.CANONICAL] = "Someone Else"
    pred.loc[len(pred)] = pred.loc[1].copy()
    pred.loc[len(pred) - 1, [C.CONTENT_START, C.CONTENT_END]] = [0, 3]
    result = evaluate_quotes(pred, gold)
    assert set(result.errors[C.KIND]) == {"wrong_speaker", "spurious"}
    assert result.speaker_accuracy == pytest.approx((len(gold) - 1) / len(gold))
    assert "speaker accuracy" in result._repr_html_() and "partial" in repr(result)


def test_reader_names_the_line(tmp_path, article):
    line = json.loads(gold_quotes_path_text().splitlines()[0])
    path = tmp_path / "x.quotes.jsonl"
    path.write_text(json.dumps(line) + "\n" + json.dumps({**line, C.CONTENT: "wrong"}) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"x\.quotes\.jsonl:2"):
        read_quotes(path, text=article.text)
    path.write_text(json.dumps({C.SPEAKER: "x"}) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="missing field"):
        read_quotes(path)


def gold_quotes_path_text() -> str:
    from newslab.attribution.evaluation import gold_quotes_path

    return gold_quotes_path().read_text(encoding="utf-8")
