"""The quote browser widget: clicks, filters, static fallback and escaping."""

from __future__ import annotations

import newslab
from newslab import columns as C
from newslab.render.quotes import STATEMENT_CLASS, part_class


def test_a_click_highlights_speaker_cue_and_content(seed_doc):
    browser = newslab.QuoteBrowser(seed_doc)
    qid = browser.statements[-1][C.QUOTE_ID]
    browser._buttons[qid].click()
    assert browser.selected == qid
    for part in (C.SPEAKER, C.CUE, C.CONTENT):
        assert part_class(part) in browser.text_html
    assert browser._buttons[qid].button_style == "info"
    assert "newslab-quotes" in browser._dom_classes


def test_filters_are_linked(seed_doc):
    browser = newslab.QuoteBrowser(seed_doc)
    browser._kind.value = C.DIRECT
    assert browser.kind == C.DIRECT and len(browser._buttons) == sum(
        row[C.KIND] == C.DIRECT for row in browser.statements)
    browser.speaker = browser.speakers[0]
    assert browser._speaker.value == browser.speakers[0]
    assert all(STATEMENT_CLASS in b._dom_classes for b in browser._buttons.values())


def test_static_fallback_escapes_text(nlp):
    browser = newslab.QuoteBrowser(newslab.analyze('"<script>alert(1)</script> is safe," Mayor Lena Brandt said.'))
    browser.selected = 0
    data, _ = browser._repr_mimebundle_()
    page = data["text/html"]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "application/vnd.jupyter.widget-view+json" in data
