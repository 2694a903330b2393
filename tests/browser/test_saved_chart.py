"""A chart saved as HTML draws offline in Chromium and runs no script from the article's text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newslab
from newslab import charts
from newslab import columns as C

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

# (U+2028 is escaped too, tests/test_charts.py; Vega's own expression parser rejects it inside a sort order)
HOSTILE = ("</script><script>alert(document.domain)</script>", "<img src=x onerror=alert(1)>",
           "</SCRIPT ><script>confirm('label')</script><!--")


def _saved_page(folder: Path) -> Path:
    rows = [(i, text, "ORG", text, 10 * i, 10 * i + 4, 0, 1, i, 0, "paragraph") for i, text in enumerate(HOSTILE)]
    table = pd.DataFrame(rows, columns=list(C.ENTITY_BASE_COLUMNS))
    return newslab.save_chart(charts.top_entities_chart(table, by=C.KEY), folder / "chart.html")


def test_hostile_text_in_a_saved_chart_runs_no_script(browser, tmp_path):
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(_saved_page(tmp_path).as_uri())
        page.locator("#vega-chart svg").first.wait_for(timeout=30_000)
        page.wait_for_timeout(500)  # a script injected after the chart would have run by now
        labels = page.locator("#vega-chart svg.marks").text_content() or ""
    finally:
        context.close()
    assert dialogs == []
    assert [url for url in requests if not url.startswith("file:")] == [], "the page loads nothing from a network"
    assert "<script>alert(document.doma" in labels and "onerror=alert(1)" in labels, "the text is drawn as text"


def test_the_check_can_fail_on_a_page_that_does_run_a_script(browser, tmp_path):
    """The harness sees a dialog when there is one: an unescaped spec (what vl-convert writes) opens it."""
    import vl_convert

    chart = charts.top_entities_chart(pd.DataFrame(
        [(0, HOSTILE[0], "ORG", HOSTILE[0], 0, 4, 0, 1, 0, 0, "paragraph")], columns=list(C.ENTITY_BASE_COLUMNS)), by=C.KEY)
    raw = tmp_path / "raw.html"
    raw.write_text(vl_convert.vegalite_to_html(charts.chart_spec(chart), bundle=True), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(raw.as_uri())
        page.wait_for_timeout(1500)
    finally:
        context.close()
    assert dialogs, "an unescaped page opens the dialog: the test above would see it"
