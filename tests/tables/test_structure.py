from __future__ import annotations

import newslab
from newslab import columns as C


def test_parts_table_matches_the_article(article):
    table = newslab.article_parts(article)
    assert tuple(table.columns) == C.PART_COLUMNS
    assert len(table) == len(article.parts)
    for row in table.itertuples():
        assert article.text[row.start_char : row.end_char] == row.text


def test_stats_of_the_seed(seed_doc, article):
    stats = dict(newslab.article_stats(seed_doc).values.tolist())
    assert stats["characters"] == len(article.text)
    assert stats["paragraphs"] == len(article.paragraphs)
    assert stats["sentences"] == len(newslab.sentences(seed_doc))
    assert stats["entities"] == len(seed_doc.ents)
    assert stats["distinct words"] <= stats["words"] <= stats["tokens"]
