"""The lite editions run on the precomputed article with no spaCy, and pass the same exercises as the full edition."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from newslab.errors import NewslabError
from newslab.lite.editions import INSTALL_CELL, LITE_CUTS, Cut, lite_edition, notice
from newslab.lite.precompute import LITE_NOTEBOOKS
from newslab.precomputed import LITE_ENV, LITE_LIMITS
from tests.test_notebooks import SOLUTIONS, errors, feedback

LITE_SOLUTIONS = [p for p in SOLUTIONS if p.name[:2] in LITE_NOTEBOOKS]
pytestmark = [pytest.mark.notebooks, pytest.mark.timeout(600)]


def _checked(nb: nbformat.NotebookNode) -> list[str]:
    return [line.split('"')[1] for cell in nb.cells if cell.cell_type == "code"
            for line in cell.source.splitlines() if line.startswith("nl.check(")]


def test_a_lite_edition_installs_newslab_first_says_what_lite_cannot_do_and_cuts_what_it_cannot_run():
    nb = lite_edition(nbformat.read(LITE_SOLUTIONS[2], as_version=4), "03")
    assert nb.cells[[c.cell_type for c in nb.cells].index("code")].source == INSTALL_CELL
    assert any(c.source == notice() for c in nb.cells) and all(limit in notice() for limit in LITE_LIMITS)
    assert not any("nl.analyze(rules=" in c.source for c in nb.cells if c.cell_type == "code")
    assert any(c.source.startswith("*Not in the lite edition*") for c in nb.cells)


def test_a_cut_that_finds_no_cell_stops_the_build(monkeypatch):
    monkeypatch.setitem(LITE_CUTS, "01", (Cut("nl.no_such_cell()", "gone"),))
    with pytest.raises(NewslabError, match="no cell has 'nl.no_such_cell\\(\\)'"):
        lite_edition(nbformat.read(LITE_SOLUTIONS[0], as_version=4), "01")


@pytest.mark.parametrize("path", LITE_SOLUTIONS, ids=lambda p: p.name[:2])
def test_the_lite_edition_passes_the_exercises_of_the_full_edition_without_spacy(path, bundle, tmp_path, monkeypatch):
    """Same exercise ids, every one passed, on the bundle, with ``import spacy`` made to fail in the kernel."""
    full = nbformat.read(path, as_version=4)
    lite = lite_edition(full, path.name[:2])
    assert _checked(lite) == _checked(full)  # lite cuts no exercise
    lite.cells.insert(0, nbformat.v4.new_code_cell('import sys\nsys.modules["spacy"] = None  # lite has no spaCy'))
    monkeypatch.setenv(LITE_ENV, str(bundle))
    NotebookClient(lite, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert errors(lite) == []
    checks = {i: status for i, status in feedback(lite).items() if i in _checked(full)}
    assert checks == dict.fromkeys(_checked(full), "passed")  # the written answers of nl.respond are "recorded"
