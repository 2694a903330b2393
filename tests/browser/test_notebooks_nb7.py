"""The first notebooks, and the harness fixture, also work in Notebook 7."""

from __future__ import annotations

from pathlib import Path

import pytest
from _lab import FIXTURES_DIR, NotebookPage, check_notebook, notebook_paths

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

PREFIXES = ("01", "04")


def _params() -> list:
    params = []
    for prefix in PREFIXES:
        matches = [p for p in notebook_paths() if p.name.startswith(prefix)]
        if matches:
            params += [pytest.param(p, id=p.stem) for p in matches]
        else:
            reason = f"no notebooks/{prefix}-*.ipynb yet"
            params.append(pytest.param(None, id=prefix, marks=pytest.mark.skip(reason=reason)))
    params.append(pytest.param(FIXTURES_DIR / "ok_widget.ipynb", id="fixture-ok_widget"))
    return params


@pytest.mark.parametrize("notebook", _params())
def test_notebook_in_notebook7(notebook_page: NotebookPage, notebook: Path) -> None:
    check_notebook(notebook_page, notebook, flavor="nb7")
