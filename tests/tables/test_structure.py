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


def test_parts_of_a_pasted_web_page_keep_their_kinds_in_the_table_and_the_parse():
    """A constructed look-alike of a pasted web page (tests/data/web): promo lines, skip links, an audio note."""
    from tests.paths import DATA

    article = newslab.load_article(DATA / "web" / "web-ki-membership.txt")
    table = newslab.article_parts(article)
    assert {C.PROMO, C.BOILERPLATE, C.AUDIO, C.EDITOR_NOTE, C.CAPTION} <= set(table["kind"])
    assert table["kind"].tolist() == [part.kind for part in article.parts]
    parsed = newslab.article_parts(newslab.analyze(article))
    assert parsed["kind"].tolist() == table["kind"].tolist()
    assert (parsed["kind"] == C.PARAGRAPH).sum() == len(article.paragraphs) == 4
