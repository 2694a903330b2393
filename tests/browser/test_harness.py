"""The browser checks can fail: fixture notebooks with a broken widget or a raising cell."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from _lab import FIXTURES_DIR, JupyterServer, NotebookPage, check_notebook
from interactions import INTERACTIONS, interactions_for


def test_interactions_are_found_by_prefix() -> None:
    INTERACTIONS["99"] = [print]
    try:
        assert interactions_for("99-later-notebook") == [print]
        assert interactions_for("09-other") == []
    finally:
        del INTERACTIONS["99"]


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_ok_fixture_passes_with_its_interactions(notebook_page: NotebookPage) -> None:
    assert interactions_for("ok_widget"), "the fixture's interactions are registered"
    check_notebook(notebook_page, FIXTURES_DIR / "ok_widget.ipynb")
    # The page's kernel is this venv's Python, not some other python3 on the machine.
    assert notebook_page.kernel.run("import sys; print(sys.prefix)") == sys.prefix


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_widget_without_front_end_fails(notebook_page: NotebookPage) -> None:
    with pytest.raises(AssertionError, match="widget"):
        check_notebook(notebook_page, FIXTURES_DIR / "missing_frontend.ipynb")


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_raising_cell_fails(notebook_page: NotebookPage) -> None:
    with pytest.raises(AssertionError, match="ValueError") as excinfo:
        check_notebook(notebook_page, FIXTURES_DIR / "raising_cell.ipynb")
    assert "code cell 3 did not run" in str(excinfo.value)


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_chart_wider_than_its_cell_fails(notebook_page: NotebookPage) -> None:
    with pytest.raises(AssertionError, match=r"chart 1 \(.vega-embed\) is \d+ px wider than its output cell"):
        check_notebook(notebook_page, FIXTURES_DIR / "wide_chart.ipynb")


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_news_popup_fails_without_the_shipped_overrides(browser, tmp_path: Path) -> None:
    """The shipped overrides.json is what keeps the pop-up away: without it, the check fails."""
    empty = tmp_path / "no-overrides"
    empty.mkdir()
    server = JupyterServer(tmp_path / "jupyter", lab_args=(f"--LabApp.app_settings_dir={empty}",))
    server.start()
    nbp = NotebookPage.new(browser, server)
    try:
        with pytest.raises(AssertionError, match="Jupyter news pop-up"):
            check_notebook(nbp, FIXTURES_DIR / "ok_widget.ipynb")
    finally:
        nbp.close()
        server.stop()
