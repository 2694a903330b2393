"""What the browser does to each notebook's widgets after Run All, and what the kernel must see.

`INTERACTIONS` maps the start of a notebook's file name (``"03"`` matches
``03-entity-explorer.ipynb``) to functions ``fn(page, kernel) -> None``:

- ``page`` is the Playwright page, with the notebook run to the end;
- ``kernel.run(code)`` types ``code`` into a new cell at the end of the notebook, runs it and
  returns its output text (it raises if the snippet raises).

An interaction acts like a student (select, click, type) on elements found by the widget's
stable CSS class (``newslab-explorer``, ``newslab-annotator``, ...), then asserts through
``kernel.run`` that the widget's traits changed. Name the notebook's own variables in the
snippet, e.g. ``kernel.run("print(explorer.labels)")``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _lab import Kernel
    from playwright.sync_api import Locator, Page

Interaction = Callable[["Page", "Kernel"], None]

# How long the page may take to redraw after a browser action reached the kernel (ms).
PAGE_TIMEOUT_MS = 15_000


def _wait_for_kernel_value(kernel: Kernel, code: str, expected: str, *, tries: int = 3) -> None:
    """Widget changes reach the kernel asynchronously: ask again before failing."""
    got = ""
    for _ in range(tries):
        got = kernel.run(code)
        if got == expected:
            return
    raise AssertionError(f"kernel: {code!r} printed {got!r}, expected {expected!r}")


def _assert_charts_drawn(page: Page) -> None:
    charts = page.locator(".vega-embed")
    assert charts.count(), "no .vega-embed chart on the page"
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg, canvas").count(), f"chart {i + 1} has no svg/canvas"


def _live_widget(cls: str) -> str:
    """A kernel expression for the one live widget of class `cls` (for unnamed widgets).

    ``ipywidgets.widgets.widget._instances`` is ipywidgets 8's registry; ``Widget.widgets``
    also works but prints a DeprecationWarning into the snippet's output.
    """
    return (
        "[_w for _w in __import__('ipywidgets').widgets.widget._instances.values() "
        f"if type(_w).__name__ == {cls!r}]"
    )


def _drag_slider_to_max(page: Page, slider: Locator) -> None:
    """Drag an ipywidgets slider's handle past the end of its track (arrow keys do not move
    it in Notebook 7)."""
    slider.scroll_into_view_if_needed()
    handle = slider.locator(".noUi-handle").bounding_box()
    track = slider.locator(".noUi-base").bounding_box()
    assert handle and track, "the slider is not displayed"
    y = handle["y"] + handle["height"] / 2
    page.mouse.move(handle["x"] + handle["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] + 50, y, steps=5)
    page.mouse.up()


def _option_value(select: Locator, prefix: str) -> str:
    """The value of the first <option> whose value starts with `prefix`."""
    values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    found = [v for v in values if v.startswith(prefix)]
    assert found, f"no option starting with {prefix!r} among {values}"
    return found[0]


def _mark_labels(container: Locator) -> list[str]:
    """The label of every displaCy entity mark (``<mark class="entity">TEXT <span>LABEL</span>``)."""
    return container.locator("mark.entity > span").evaluate_all(
        "spans => spans.map(s => s.textContent.trim())"
    )


def _mark_texts(container: Locator) -> list[str]:
    return container.locator("mark.entity").evaluate_all(
        "marks => marks.map(m => m.firstChild.textContent.trim())"
    )


def _expect(locator: Locator):
    """Playwright's retrying assertion, imported late like the rest of Playwright here."""
    from playwright.sync_api import expect

    return expect(locator)


def _wait_page(predicate: Callable[[], object], message: str | Callable[[], str]) -> None:
    """Poll a page condition that Playwright's `expect` cannot express.

    `message` may be a callable, so a failure describes the page as it is at the timeout.
    """
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"page: {message() if callable(message) else message}")
        time.sleep(0.2)


# --- the harness's own fixture notebook (tests/browser/fixtures/ok_widget.ipynb) ----------


def _fixture_text_reaches_kernel(page: Page, kernel: Kernel) -> None:
    box = page.locator(".fixture-text input")
    box.click()
    box.press_sequentially("typed in chromium")
    _wait_for_kernel_value(kernel, "print(t.value)", "typed in chromium")


def _fixture_slider_reaches_kernel(page: Page, kernel: Kernel) -> None:
    _drag_slider_to_max(page, page.locator(".fixture-slider"))
    _wait_for_kernel_value(kernel, "print(s.value)", "100")


def _fixture_chart_drawn(page: Page, kernel: Kernel) -> None:
    _assert_charts_drawn(page)


# --- 02-words-and-grammar: nl.DependencyViewer(doc, sent_id=3), not assigned to a name ----


def _dependency_slider_drag(page: Page, kernel: Kernel) -> None:
    """Dragging the sentence slider to its end shows the last sentence and its tree, and the
    kernel's (unnamed) DependencyViewer has that sent_id and sentence_text."""
    viewer = page.locator(".newslab-dependency-viewer")
    viewer.wait_for()
    viewer.scroll_into_view_if_needed()
    slider = viewer.locator(".newslab-dependency-slider")
    handle = slider.locator(".noUi-handle")
    last = int(float(handle.get_attribute("aria-valuemax")))
    start = int(float(handle.get_attribute("aria-valuenow")))
    assert last > start, f"the slider is already at its maximum ({start} of {last})"
    heading = viewer.locator(".widget-html-content").first
    tree = viewer.locator("svg.displacy")
    tree_before = tree.text_content()
    _expect(heading).to_contain_text(f"Sentence {start}")

    _drag_slider_to_max(page, slider)

    _expect(handle).to_have_attribute("aria-valuenow", re.compile(rf"^{last}(\.0)?$"))
    _expect(heading).to_contain_text(f"Sentence {last}", timeout=PAGE_TIMEOUT_MS)
    _wait_page(lambda: tree.text_content() != tree_before, "the dependency tree did not change")
    viewer_ = _live_widget("DependencyViewer")
    _wait_for_kernel_value(kernel, f"print(len({viewer_}), {viewer_}[0].sent_id)", f"1 {last}")
    sentence = kernel.run(f"print({viewer_}[0].sentence_text)")
    assert sentence and " ".join(sentence.split()) in " ".join(heading.inner_text().split()), (
        f"the kernel's sentence {sentence!r} is not the one shown: {heading.inner_text()!r}"
    )


# --- 03-named-entities: explorer = nl.EntityExplorer(doc); the notebook then sets PERSON ----


def _explorer_label_filter(page: Page, kernel: Kernel) -> None:
    """Choosing GPE in the label list highlights GPE mentions only (no PERSON left) and
    updates the counts; the kernel's explorer.labels is ['GPE'] and its counts match."""
    explorer = page.locator(".newslab-explorer")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    text = explorer.locator(".newslab-explorer-text")
    counts = explorer.locator(".newslab-explorer-counts")
    assert "PERSON" in _mark_labels(text), "after Run All the explorer should show PERSON marks"
    counts_before = counts.inner_text().strip()
    labels = explorer.locator(".newslab-explorer-labels select")

    labels.select_option(value=[_option_value(labels, "GPE ")])

    _wait_page(
        lambda: set(_mark_labels(text)) == {"GPE"},
        lambda: f"the text does not show GPE marks only: {sorted(set(_mark_labels(text)))}",
    )
    _wait_page(
        lambda: counts.inner_text().strip() != counts_before,
        f"the counts did not change from {counts_before!r}",
    )
    shown = counts.inner_text().strip()  # read it now: kernel snippets scroll the explorer out of the window
    _wait_for_kernel_value(kernel, "print(explorer.labels)", "['GPE']")
    _wait_for_kernel_value(kernel, "print(explorer.counts)", shown)


def _explorer_search(page: Page, kernel: Kernel) -> None:
    """Typing "russ" in the search box leaves only mentions containing it (any case) and
    changes the counts; the kernel's explorer.query is "russ" and its counts match."""
    explorer = page.locator(".newslab-explorer")
    explorer.scroll_into_view_if_needed()  # the notebook renders only the cells near the window
    text = explorer.locator(".newslab-explorer-text")
    counts = explorer.locator(".newslab-explorer-counts")
    counts_before = counts.inner_text().strip()
    box = explorer.locator(".newslab-explorer-search input")
    box.scroll_into_view_if_needed()
    box.click()
    box.press_sequentially("russ")

    _wait_page(
        lambda: counts.inner_text().strip() != counts_before,
        f"the counts did not change from {counts_before!r}",
    )
    _wait_page(
        lambda: _mark_texts(text) and all("russ" in t.lower() for t in _mark_texts(text)),
        lambda: f"the highlighted mentions do not all contain 'russ': {_mark_texts(text)}",
    )
    shown = counts.inner_text().strip()  # read it now: kernel snippets scroll the explorer out of the window
    _wait_for_kernel_value(kernel, "print(explorer.query)", "russ")
    _wait_for_kernel_value(kernel, "print(explorer.counts)", shown)


def _explorer_pick_entity(page: Page, kernel: Kernel) -> None:
    """Picking the first entity in the list shows a keyword-in-context table with one row
    per mention; the kernel's explorer.selected is that entity and its kwic has as many rows."""
    explorer = page.locator(".newslab-explorer")
    entities = explorer.locator(".newslab-explorer-entities select")
    entities.scroll_into_view_if_needed()
    _wait_page(lambda: entities.locator("option").count(), "the entity list is empty")
    value = entities.locator("option").first.get_attribute("value")
    match = re.fullmatch(r"(.+) · (\w+) \((\d+)\)", value or "")
    assert match, f"unexpected entity option {value!r}"
    key, n = match.group(1), int(match.group(3))

    entities.select_option(value=value)

    rows = explorer.locator(".newslab-explorer-kwic table.newslab-kwic tbody tr")
    _expect(rows).to_have_count(n, timeout=PAGE_TIMEOUT_MS)
    mentions = rows.locator("mark").all_inner_texts()
    assert all(key.lower() in m.lower() or m.lower() in key.lower() for m in mentions), (
        f"the context table of {key!r} shows other mentions: {mentions}"
    )
    _wait_for_kernel_value(kernel, "print(explorer.selected, len(explorer.kwic))", f"{key} {n}")


# --- 04-annotating: annotator = nl.Annotator(doc, labels=[...], path=...) ------------------

_TEXT_BOX = ".newslab-annotator-text"

# The viewport box of the character at a text offset, found through the data-offset pieces.
_CHAR_BOX_JS = """([selector, offset]) => {
  const box = document.querySelector(selector);
  for (const piece of box.querySelectorAll('[data-offset]')) {
    const at = Number(piece.dataset.offset), node = piece.firstChild;
    if (node && at <= offset && offset < at + node.length) {
      const range = document.createRange();
      range.setStart(node, offset - at);
      range.setEnd(node, offset - at + 1);
      const r = range.getBoundingClientRect();
      return {x: r.x, y: r.y, width: r.width, height: r.height};
    }
  }
  return null;
}"""

# The offset of the first occurrence of a word that no span covers yet.
_FREE_WORD_JS = """([selector, word]) => {
  const box = document.querySelector(selector);
  for (const piece of box.children) {
    if (!piece.matches('.newslab-annotator-piece')) continue;
    const m = new RegExp('\\\\b' + word + '\\\\b').exec(piece.textContent);
    if (m) return Number(piece.dataset.offset) + m.index;
  }
  return null;
}"""

_ANNOTATED_WORD = "Kyiv"
_ANNOTATED_LABEL = "GPE"


def _drag_select(page: Page, start: int, end: int) -> None:
    """Select text offsets start-end in the annotator with a real mouse drag."""
    page.locator(_TEXT_BOX).scroll_into_view_if_needed()
    first = page.evaluate(_CHAR_BOX_JS, [_TEXT_BOX, start])
    last = page.evaluate(_CHAR_BOX_JS, [_TEXT_BOX, end - 1])
    assert first and last, f"offsets {start}-{end} are not in the annotator's text"
    page.mouse.move(first["x"] + 1, first["y"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 1, last["y"] + last["height"] / 2, steps=8)
    page.mouse.up()


def _annotator_span(page: Page, start: int, end: int) -> Locator:
    return page.locator(f'.newslab-annotator-span[data-start="{start}"][data-end="{end}"]')


def _overlapping_spans_snippet(start: int, end: int) -> str:
    return f"print([s for s in annotator.spans if s['start'] < {end} and {start} < s['end']])"


def _annotator_select_and_label(page: Page, kernel: Kernel) -> None:
    """Dragging the mouse over an unannotated "Kyiv" and pressing GPE's number key adds a
    GPE span there: a new mark in the page and the same span in the kernel's annotator.spans."""
    box = page.locator(_TEXT_BOX)
    box.wait_for()
    box.scroll_into_view_if_needed()
    start = page.evaluate(_FREE_WORD_JS, [_TEXT_BOX, _ANNOTATED_WORD])
    assert start is not None, f"no unannotated {_ANNOTATED_WORD!r} in the annotator's text"
    end = start + len(_ANNOTATED_WORD)
    _wait_for_kernel_value(kernel, _overlapping_spans_snippet(start, end), "[]")
    key = page.locator(
        f'.newslab-annotator-label[data-label="{_ANNOTATED_LABEL}"] kbd'
    ).inner_text()

    _drag_select(page, start, end)
    _expect(page.locator(".newslab-annotator-selection")).to_contain_text(
        f"Selected “{_ANNOTATED_WORD}”"
    )
    page.keyboard.press(key.strip())

    span = _annotator_span(page, start, end)
    _expect(span).to_have_attribute("data-label", _ANNOTATED_LABEL, timeout=PAGE_TIMEOUT_MS)
    _expect(span).to_have_text(_ANNOTATED_WORD)
    _expect(page.locator(".newslab-annotator-message")).to_contain_text(f"Added {_ANNOTATED_LABEL}")
    expected = [{"start": start, "end": end, "label": _ANNOTATED_LABEL}]
    _wait_for_kernel_value(kernel, _overlapping_spans_snippet(start, end), str(expected))
    page.evaluate("o => { window.__newslabAdded = o }", expected[0])


def _added_span(page: Page) -> dict:
    added = page.evaluate("() => window.__newslabAdded || null")
    assert added, "_annotator_select_and_label must run first"
    return added


def _annotator_overlap_refused(page: Page, kernel: Kernel) -> None:
    """Selecting the new span plus the next word and pressing a label is refused: the message
    says it overlaps, the page and the kernel's annotator.spans are unchanged."""
    added = _added_span(page)
    kernel.run("_spans_before = [dict(s) for s in annotator.spans]")
    marks_before = page.locator(".newslab-annotator-span").count()
    after = (page.locator(_TEXT_BOX).text_content() or "")[added["end"] :]
    following = re.match(r"\s*\S+", after)  # the next word after the span
    assert following, f"no word after the added span: {after[:40]!r}"
    key = page.locator('.newslab-annotator-label[data-label="PERSON"] kbd').inner_text()

    _drag_select(page, added["start"], added["end"] + following.end())
    page.keyboard.press(key.strip())

    _expect(page.locator(".newslab-annotator-message")).to_contain_text(
        "overlaps", timeout=PAGE_TIMEOUT_MS
    )
    _expect(page.locator(".newslab-annotator-span")).to_have_count(marks_before)
    span = _annotator_span(page, added["start"], added["end"])
    _expect(span).to_have_attribute("data-label", added["label"])
    _wait_for_kernel_value(
        kernel,
        "print(annotator.spans == _spans_before, 'overlaps' in annotator.message)",
        "True True",
    )


def _annotator_undo(page: Page, kernel: Kernel) -> None:
    """Clicking Undo takes the added span back: its mark is gone from the page and from the
    kernel's annotator.spans."""
    added = _added_span(page)
    undo = page.locator(".newslab-annotator-undo")
    undo.scroll_into_view_if_needed()
    _expect(undo).to_be_enabled()

    undo.click()

    _expect(_annotator_span(page, added["start"], added["end"])).to_have_count(
        0, timeout=PAGE_TIMEOUT_MS
    )
    _expect(page.locator(".newslab-annotator-message")).to_contain_text("Undone")
    _wait_for_kernel_value(kernel, _overlapping_spans_snippet(added["start"], added["end"]), "[]")


# --- 05-visualizing: Altair chart widgets and dashboard = nl.Dashboard(doc) ----------------


def _charts_all_drawn(page: Page, kernel: Kernel) -> None:
    """Every chart on the page (newslab-chart widgets, the dashboard's too) drew an svg/canvas."""
    _expect(page.locator(".newslab-chart").first).to_be_visible()
    _assert_charts_drawn(page)
    assert page.locator(".newslab-chart").count() == page.locator(".vega-embed").count()


def _dashboard_click_bar(page: Page, kernel: Kernel) -> None:
    """Clicking the second bar of the dashboard's top-entities chart highlights only that
    entity's mentions in the text and filters the mentions chart to it; the kernel's
    dashboard.selected is [that entity's key]."""
    dashboard = page.locator(".newslab-dashboard")
    dashboard.wait_for()
    dashboard.scroll_into_view_if_needed()
    bars = dashboard.locator('svg path[aria-roledescription="bar"]')
    _wait_page(lambda: bars.count() >= 2, "the top-entities chart has fewer than 2 bars")
    bar = bars.nth(1)  # the notebook selected the top entity itself: pick another one
    match = re.search(
        r"Mentions: (\d+); Entity: (.+?); Label: (\w+)", bar.get_attribute("aria-label")
    )
    assert match, f"unexpected bar label {bar.get_attribute('aria-label')!r}"
    n, key, label = int(match.group(1)), match.group(2), match.group(3)
    text = dashboard.locator(".newslab-dashboard-text")

    bar.click()

    _wait_page(
        lambda: _mark_labels(text) == [label] * n,
        lambda: (
            f"the text does not highlight the {n} {label} mentions of {key!r} only: "
            f"{list(zip(_mark_texts(text), _mark_labels(text)))}"
        ),
    )
    ticks = dashboard.locator('svg path[aria-roledescription="tick"]')
    _wait_page(
        lambda: (
            ticks.count() == n
            and all(
                f"Entity: {key};" in (ticks.nth(i).get_attribute("aria-label") or "")
                for i in range(n)
            )
        ),
        f"the mentions chart does not show only the {n} mentions of {key!r}",
    )
    _wait_for_kernel_value(kernel, "print(dashboard.selected)", str([key]))


# --- 06-who-said-what: browser = nl.QuoteBrowser(doc); the notebook then selects the first ----


def _quote_browser_click(page: Page, kernel: Kernel) -> None:
    """Clicking the second statement highlights its speaker, cue and content in the text, in
    three styles, and marks the button; the kernel's browser.selected is that statement's id
    and the page's highlighted cue is the text at browser.highlight["cue"]."""
    browser = page.locator(".newslab-quotes")
    browser.wait_for()
    browser.scroll_into_view_if_needed()
    buttons = browser.locator(".newslab-quotes-statement")
    _wait_page(lambda: buttons.count() >= 2, "the quote browser lists fewer than 2 statements")
    qid = kernel.run("print([q for g in browser.groups for q in g['quote_ids']][1])").strip()

    buttons.nth(1).click()

    _expect(buttons.nth(1)).to_have_class(re.compile(r"mod-info"), timeout=PAGE_TIMEOUT_MS)
    _wait_for_kernel_value(kernel, "print(browser.selected)", qid)
    text = browser.locator(".newslab-quotes-text")
    for part in ("speaker", "cue", "content"):
        _expect(text.locator(f"mark.newslab-quotes-{part}").first).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    cue = " ".join(text.locator("mark.newslab-quotes-cue").all_inner_texts()).strip()
    _wait_for_kernel_value(kernel, "print(doc.text[slice(*browser.highlight['cue'])])", cue)
    styles = {text.locator(f"mark.newslab-quotes-{part}").first.evaluate("m => getComputedStyle(m).backgroundColor")
              for part in ("speaker", "cue", "content")}
    assert len(styles) == 3, f"speaker, cue and content share a style: {styles}"


def _tables_fit_their_cells(page: Page, kernel: Kernel) -> None:
    """No table is wider than its output cell. At 1280 px with the file browser open, a wider
    pandas table hides its last columns behind a scroll bar, and JupyterLab squeezes its text
    column into a strip a few words wide (notebook 01's sentence table did both)."""
    tables = page.locator(".jp-OutputArea-output table")
    assert tables.count(), "no table on the page"
    overflows = page.eval_on_selector_all(
        ".jp-OutputArea-output table",
        """els => els.map((t, i) => {
            const cell = t.closest(".jp-OutputArea-output");
            const over = Math.round(t.getBoundingClientRect().right - cell.getBoundingClientRect().right);
            return over > 1 ? `table ${i + 1} (${t.rows[0].innerText.trim().slice(0, 60)}) is ${over} px wider` : null;
        }).filter(x => x)""",
    )
    assert overflows == [], overflows


INTERACTIONS: dict[str, list[Interaction]] = {
    "01": [_tables_fit_their_cells],
    "02": [_dependency_slider_drag, _tables_fit_their_cells],
    "03": [_explorer_label_filter, _explorer_search, _explorer_pick_entity, _tables_fit_their_cells],
    # in this order: the later two act on the span the first one added
    "04": [_annotator_select_and_label, _annotator_overlap_refused, _annotator_undo],
    "05": [_charts_all_drawn, _dashboard_click_bar],
    "06": [_charts_all_drawn, _quote_browser_click, _tables_fit_their_cells],
    "07": [_charts_all_drawn, _tables_fit_their_cells],  # the comparison charts of one event, many outlets
    "ok_widget": [
        _fixture_text_reaches_kernel,
        _fixture_slider_reaches_kernel,
        _fixture_chart_drawn,
    ],
}


def interactions_for(stem: str) -> list[Interaction]:
    """The interactions of every key that starts the notebook's file name, in key order."""
    return [fn for key in sorted(INTERACTIONS) if stem.startswith(key) for fn in INTERACTIONS[key]]
