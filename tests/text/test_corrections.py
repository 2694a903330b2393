"""One-line corrections of a misread (newslab.text._corrections): headline=, body_starts=, skip=, keep=, dateline=.

Every text below is constructed for these tests (the town of Riverton, invented people).
"""

from __future__ import annotations

import json

import pytest

import newslab
from newslab import columns as C
from newslab.errors import ArticleError
from newslab.text.article import parse_article

TEXT = ("Northvale perspectives in 4 languages\n"
        "Riverton council to rebuild the old bridge\n"
        "Share\n"
        "Jo Example\n"
        "RIVERTON — The Riverton town council voted on Tuesday to rebuild the old stone bridge over the river.\n"
        "Photo albums from the town's hundred years lie open in the hall. (Town Hall Screenshot)\n"
        "Mayor Lena Brook said the work would take two years and cost about 40 million dollars.\n")


def kinds(article):
    return [part.kind for part in article.parts]


def offsets_hold(article):
    return all(article.text[p.start:p.end] == p.text for p in article.parts)


def test_headline_names_the_headline_line():
    article = parse_article(TEXT, headline="Northvale perspectives")
    assert article.headline.text == "Northvale perspectives in 4 languages" and offsets_hold(article)
    assert article.meta["corrections"] == {"headline": "Northvale perspectives"}


def test_headline_names_a_headline_whose_line_had_a_date_glued_on():
    text = "Riverton votes on faresPublished May 14, 2031\nThe council met on Monday to vote on the tram fares."
    article = parse_article(text, headline="Riverton votes on fares")
    assert [(p.kind, p.text) for p in article.parts][:2] == [("headline", "Riverton votes on fares"),
                                                            ("date_line", "Published May 14, 2031")]


def test_headline_false_means_the_article_has_none():
    article = parse_article("Rutte arrives in Kyiv\nThe new NATO chief arrived in Kyiv on Thursday.", headline=False)
    assert article.headline is None and len(article.paragraphs) == 2


def test_skip_takes_every_line_that_starts_with_the_words_out_of_the_body():
    article = parse_article(TEXT, skip=["Share", "Jo Example"])
    assert [kinds(article)[k] for k in (2, 3)] == [C.SKIPPED, C.SKIPPED] and offsets_hold(article)
    repeated = parse_article("Riverton votes\nOops!\nThe council voted.\nOops!\nThe mayor spoke.", skip="Oops!")
    assert kinds(repeated).count(C.SKIPPED) == 2 and len(repeated.paragraphs) == 2


def test_keep_makes_a_line_a_paragraph_whatever_it_looks_like():
    plain = parse_article(TEXT)
    assert "Photo albums" not in " ".join(p.text for p in plain.paragraphs)
    kept = parse_article(TEXT, keep="Photo albums from")
    assert [p.text[:12] for p in kept.paragraphs] == ["The Riverton", "Photo albums", "Mayor Lena B"]


def test_body_starts_names_the_first_paragraph():
    text = ("Riverton council to rebuild the old bridge\n"
            "The council will rebuild the bridge, two years after the flood.\n"
            "The Riverton town council voted on Tuesday to rebuild the old stone bridge over the river.\n"
            "Mayor Lena Brook said the work would take two years.")
    article = parse_article(text, body_starts="The Riverton town council")
    assert kinds(article) == ["headline", C.SKIPPED, "paragraph", "paragraph"]


def test_dateline_names_the_place_at_the_start_of_a_line():
    text = "Riverton votes\nRiverton, Northvale: The council voted on Tuesday to rebuild the bridge.\nThe mayor spoke."
    article = parse_article(text, dateline="Riverton, Northvale")
    assert article.dateline.text == "Riverton, Northvale" and article.paragraphs[0].text.startswith("The council")
    assert offsets_hold(article)


def test_dateline_false_leaves_the_first_paragraph_whole():
    article = parse_article(TEXT, dateline=False)
    assert article.dateline is None and article.paragraphs[0].text.startswith("RIVERTON — The")


def test_a_dateline_alone_on_its_line():
    article = parse_article("Riverton votes\nLAKESIDE\nThe council voted on Tuesday.\nThe mayor spoke.",
                            dateline="LAKESIDE")
    assert article.dateline.text == "LAKESIDE" and len(article.paragraphs) == 2


@pytest.mark.parametrize(("key", "value", "message"), [
    ("headline", "No such words", "names no line"),
    ("skip", ["Share", "Nothing like this"], "names no line"),
    ("keep", "Nowhere", "names no line"),
    ("body_starts", "Nobody", "names no line"),
    ("dateline", "LAKESIDE", "names no line"),
    ("headline", 3, "must be"),
    ("skip", [], "must be"),
    ("skip", [""], "must be"),
    ("keep", {"a": 1}, "must be"),
    ("body_starts", False, "must be"),
])
def test_invalid_corrections_are_clear_errors(key, value, message):
    with pytest.raises(ArticleError, match=message):
        parse_article(TEXT, **{key: value})


def test_one_line_cannot_be_both_skipped_and_kept():
    with pytest.raises(ArticleError, match="one correction only"):
        parse_article(TEXT, skip="Share", keep="Share")


def test_the_sidecar_holds_the_same_keys_and_an_argument_wins(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps({"title": "Bridge", "skip": ["Share"], "keep": "Photo albums"}),
                                         encoding="utf-8")
    article = newslab.load_article(path)
    assert C.SKIPPED in kinds(article) and any(p.text.startswith("Photo albums") for p in article.paragraphs)
    assert article.meta["corrections"] == {"skip": ("Share",), "keep": ("Photo albums",)}
    assert "skip" not in article.meta and article.meta["title"] == "Bridge"
    again = newslab.load_article(path, keep=["Mayor Lena"])
    assert not any(p.text.startswith("Photo albums") for p in again.paragraphs)


def test_a_bad_sidecar_value_names_the_file(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps({"headline": 12}), encoding="utf-8")
    with pytest.raises(ArticleError, match="bridge.json"):
        newslab.load_article(path)


def test_corrections_survive_a_parse_and_a_second_reading():
    article = parse_article(TEXT, skip="Jo Example")
    again = parse_article(article.text, meta=article.meta)
    assert again.parts == article.parts
    assert newslab.load_article(article, keep="Photo albums").meta["corrections"] == {
        "skip": ("Jo Example",), "keep": ("Photo albums",)}
