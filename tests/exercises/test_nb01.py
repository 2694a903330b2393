"""Notebook 01's exercises on articles pasted from the web (issue 19).

``01-paragraph-count`` counts body paragraphs as the loader reads them, so on a page with a date
line, a caption, promo or related lines, the true count (from the hand annotation beside each
constructed look-alike in tests/data/web) must pass and the count of every line must fail.
"""

from __future__ import annotations

import json
import shutil

import pytest

import newslab
from newslab import columns as C
from newslab.exercises import check
from tests.paths import DATA

WEB = DATA / "web"
#: Fixtures with a date line, a caption or a promo line (and more), each a different layout.
PAGES = ("web-dw-article", "web-ph-ads-read", "web-ki-membership", "web-reuters-page", "web-bbc-page",
         "web-gallery-repeated", "web-seed-promo-body")


@pytest.fixture(params=PAGES)
def page(request, monkeypatch, tmp_path):
    for source in WEB.glob(f"{request.param}.*"):
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.setenv("NEWSLAB_ARTICLE", str(tmp_path / f"{request.param}.txt"))
    return json.loads((WEB / f"{request.param}.expected.json").read_text(encoding="utf-8"))


def test_the_true_paragraph_count_passes_on_a_pasted_web_page(page):
    lines = [line for line in (WEB / f"{page['id']}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = {part.kind for part in newslab.load_article().parts}
    assert kinds & {C.DATE_LINE, C.CAPTION, C.PROMO, C.RELATED}, "the page has a line that is not body"
    assert len(lines) > page["paragraph_count"]
    assert check("01-paragraph-count", page["paragraph_count"]).passed
    assert not check("01-paragraph-count", len(lines)).passed
