"""newslab.text.html: the one HTML reader, shared by load_article and the corpus readers."""

from __future__ import annotations

import newslab as nl
from newslab import columns as C
from newslab.text.html import is_html, read_html

# Constructed for newslab's tests: a fictional town and its mayor, no real report.
PARAGRAPHS = [
    "The port of Riverton reopened on Monday after three weeks of repairs to its storm-damaged quay.",
    "Mayor Ana Field said the first ferries would sail on Tuesday morning, weather permitting.",
    "The council will publish the cost of the repairs at its next meeting, a spokeswoman said.",
]


def _page(title: str = "Riverton Port Reopens After Storm", *, repeat_title: bool = True) -> str:
    heading = f"<h1>{title}</h1>" if repeat_title else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article>{heading}{body}</article><footer>Subscribe to our newsletter</footer></body></html>")


def test_the_headline_comes_once_whether_or_not_the_body_repeats_it():
    for repeat in (True, False):
        text, meta = read_html(_page(repeat_title=repeat), where="port.html")
        lines = text.splitlines()
        assert lines[0] == "Riverton Port Reopens After Storm" and text.count("Riverton Port Reopens") == 1
        assert lines[-3:] == PARAGRAPHS and meta[C.TITLE] == "Riverton Port Reopens After Storm"


def test_load_article_and_the_corpus_read_a_page_alike(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "port.html").write_text(_page(), encoding="utf-8")
    article = nl.load_article(folder / "port.html")
    corpus = nl.corpus.load_corpus(folder)
    assert article.headline.text == "Riverton Port Reopens After Storm" and len(article.paragraphs) == 3
    assert corpus[0].text == article.text
    assert nl.article_parts(corpus[0])[C.KIND].tolist() == [part.kind for part in article.parts]


def test_is_html_by_suffix_or_by_content():
    assert is_html("", ".HTM") and is_html("  <html lang='en'>") and not is_html("Riverton <b>votes</b>.")
