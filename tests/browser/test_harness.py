"""The browser checks can fail: fixture notebooks with a broken widget or a raising cell."""

from __future__ import annotations

import sys

import pytest
from _lab import FIXTURES_DIR, NotebookPage, check_notebook
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
