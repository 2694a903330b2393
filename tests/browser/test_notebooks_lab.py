"""Every notebook in notebooks/ runs to the end in JupyterLab, renders, and reacts."""

from __future__ import annotations

from pathlib import Path

import pytest
from _lab import NotebookPage, check_notebook, notebook_paths

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

_NOTEBOOKS = notebook_paths() or [
    pytest.param(None, marks=pytest.mark.skip(reason="no notebooks/*.ipynb yet"))
]


@pytest.mark.parametrize(
    "notebook", _NOTEBOOKS, ids=lambda p: p.stem if isinstance(p, Path) else "none"
)
def test_notebook_in_lab(notebook_page: NotebookPage, notebook: Path) -> None:
    check_notebook(notebook_page, notebook, flavor="lab")
