"""The quote browser's HTML (newslab/render/quotes.py): three distinct styles, everything escaped."""

from __future__ import annotations

from newslab import columns as C
from newslab.labels import QUOTE_COLORS
from newslab.render.quotes import _STYLES, part_class, quote_text_html, statements_html


def test_three_distinct_styles_from_the_palette():
    assert len({_STYLES[p] for p in (C.SPEAKER, C.CUE, C.CONTENT)}) == 3
    assert len({QUOTE_COLORS[p] for p in (C.SPEAKER, C.CUE, C.CONTENT)}) == 3


def test_parts_are_marked_and_text_escaped():
    text = 'Brandt said "<script>alert(1)</script>".\nNext line & more.'
    page = quote_text_html(text, {C.SPEAKER: [0, 6], C.CUE: [7, 11], C.CONTENT: [13, 38]})
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; more" in page
    for part in (C.SPEAKER, C.CUE, C.CONTENT):
        assert page.count(f'class="{part_class(part)}"') == 1
    assert page.count("<p>") == 2


def test_overlapping_parts_never_lose_text():
    text = "Brandt said it."
    page = quote_text_html(text, {C.CONTENT: [0, 15], C.SPEAKER: [0, 6], C.CUE: [7, 11]})
    import re

    assert re.sub(r"<[^>]+>", "", page) == text
    assert {part_class(p) for p in (C.SPEAKER, C.CUE, C.CONTENT)} <= set(re.findall(r'class="([^"]+)"', page))


def test_an_empty_listing_says_so():
    assert "No attributed statement" in statements_html([], [])
