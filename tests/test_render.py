from __future__ import annotations

import re

import pytest

import newslab
from newslab.labels import PALETTE

HOSTILE = 'Mark Rutte said <script>alert("x")</script> and <img src=x onerror=alert(1)> in Ukraine.'


def test_entities_use_the_palette(seed_doc):
    page = newslab.show_entities(seed_doc)
    assert page._repr_html_() == str(page)
    assert PALETTE["GPE"] in page and PALETTE["PERSON"] in page


def test_label_filter(seed_doc):
    page = newslab.show_entities(seed_doc, labels=["GPE"])
    assert "GPE" in page and ">PERSON<" not in page


def test_unknown_label_filter_is_an_error(seed_doc):
    with pytest.raises(newslab.UnknownLabelError):
        newslab.show_entities(seed_doc, labels=["PLACE"])


@pytest.mark.parametrize("render", [newslab.show_entities, newslab.show_dependencies])
def test_html_in_article_text_comes_out_as_text(render):
    page = render(newslab.analyze(HOSTILE))
    assert "<script" not in page and "<img" not in page
    assert "&lt;" in page


def test_spans_override_doc_ents_and_labels_are_escaped():
    doc = newslab.analyze("Rutte visited Kyiv.")
    page = newslab.entities_html(doc, spans=[{"start": 14, "end": 18, "label": "<b>X</b>"}])
    assert "<b>X</b>" not in page and "&lt;b&gt;X&lt;/b&gt;" in page


def test_long_sentences_scroll_instead_of_overflowing(seed_doc):
    longest = max(seed_doc.sents, key=len)
    page = newslab.show_dependencies(longest)
    assert 'class="newslab-dependencies"' in page and "overflow-x:auto" in page
    compact = newslab.dependencies_html(longest, compact=True)
    width = int(re.search(r'<svg[^>]*width="(\d+)"', compact).group(1))
    assert width > 1000  # the box scrolls: the svg keeps its natural width
