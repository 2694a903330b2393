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

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _lab import Kernel
    from playwright.sync_api import Page

Interaction = Callable[["Page", "Kernel"], None]


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


# --- the harness's own fixture notebook (tests/browser/fixtures/ok_widget.ipynb) ----------


def _fixture_text_reaches_kernel(page: Page, kernel: Kernel) -> None:
    box = page.locator(".fixture-text input")
    box.click()
    box.press_sequentially("typed in chromium")
    _wait_for_kernel_value(kernel, "print(t.value)", "typed in chromium")


def _fixture_slider_reaches_kernel(page: Page, kernel: Kernel) -> None:
    # Drag, not arrow keys: in Notebook 7 ArrowRight on the focused handle does not move it.
    handle = page.locator(".fixture-slider .noUi-handle").bounding_box()
    track = page.locator(".fixture-slider .noUi-base").bounding_box()
    assert handle and track, "the fixture slider is not displayed"
    y = handle["y"] + handle["height"] / 2
    page.mouse.move(handle["x"] + handle["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] + 50, y, steps=5)  # past the end: the maximum
    page.mouse.up()
    _wait_for_kernel_value(kernel, "print(s.value)", "100")


def _fixture_chart_drawn(page: Page, kernel: Kernel) -> None:
    _assert_charts_drawn(page)


INTERACTIONS: dict[str, list[Interaction]] = {
    # Real notebooks go here, keyed by number, e.g.
    # "03": [_explorer_label_filter, _explorer_search],
    "ok_widget": [
        _fixture_text_reaches_kernel,
        _fixture_slider_reaches_kernel,
        _fixture_chart_drawn,
    ],
}


def interactions_for(stem: str) -> list[Interaction]:
    """The interactions of every key that starts the notebook's file name, in key order."""
    return [fn for key in sorted(INTERACTIONS) if stem.startswith(key) for fn in INTERACTIONS[key]]
