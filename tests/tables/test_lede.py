"""nl.lede: the first body sentence, one row per article, found once instead of by hand in every notebook."""

from __future__ import annotations

import newslab as nl
from newslab import columns as C
from tests.paths import ARTICLES


def test_the_lede_is_the_first_sentence_of_the_body(seed_doc):
    sentences = nl.sentences(seed_doc)
    lede = nl.lede(seed_doc)
    assert list(lede.columns) == list(C.SENTENCE_COLUMNS) and len(lede) == 1
    first = sentences[sentences[C.PART] == C.PARAGRAPH].iloc[0]
    assert lede.iloc[0].to_dict() == first.to_dict()


def test_every_test_article_has_one_lede_and_it_is_body_text():
    for path in sorted(ARTICLES.glob("*.txt")):
        doc = nl.analyze(path)
        lede = nl.lede(doc)
        assert len(lede) == 1 and lede[C.PART].iloc[0] == C.PARAGRAPH, path.name
        assert lede[C.TEXT].iloc[0] in nl.load_article(path).body


def test_many_articles_give_one_row_each_and_an_article_without_body_none():
    corpus = nl.corpus.teaching_corpus()
    table = nl.lede(corpus)
    assert table[C.ARTICLE_ID].tolist() == corpus.ids
    assert nl.lede(nl.load_pipeline()("A plain spaCy Doc has no article parts, so no body."))["text"].empty


def test_no_articles_give_the_empty_table_without_parsing():
    empty = nl.lede([])
    assert empty.empty and list(empty.columns) == [*C.ARTICLE_COLUMNS, *C.SENTENCE_COLUMNS]
