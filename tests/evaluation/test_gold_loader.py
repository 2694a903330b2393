from __future__ import annotations

import pytest

import newslab
from newslab.errors import AnnotationError, NewslabError


def test_gold_of_the_seed(article):
    record = newslab.gold()
    assert record["text"] == article.text and len(record["spans"]) > 50


def test_an_article_without_gold(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline Words\nBody text here.")
    with pytest.raises(NewslabError, match="no gold annotations"):
        newslab.gold(path)
    with pytest.raises(NewslabError, match="not loaded from a file"):
        newslab.gold("Headline Words\nBody text here.")


def test_a_broken_gold_file_names_the_problem(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline Words\nBody text here.")
    (tmp_path / "a.gold.jsonl").write_text('{"text": "Headline Words\\nBody text here.", "spans": [{"start": 0, "end": 8, "label": "NOPE"}]}\n')
    with pytest.raises(AnnotationError, match="a.gold.jsonl:1: unknown label 'NOPE'"):
        newslab.gold(path)
