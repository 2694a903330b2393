"""Execute every notebook headless, both editions, and read the result of every check.

Solution editions must pass every exercise; student editions must run top to bottom with
every exercise "unanswered" and no error. The browser suite (tests/browser) proves the
widgets render; this proves the code runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from newslab.exercises import FEEDBACK_MIME, response_ids
from newslab.teach.editions import BEGIN, student_edition
from tests.paths import NOTEBOOKS

STUDENT = sorted(NOTEBOOKS.glob("*.ipynb"))
SOLUTIONS = sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))

pytestmark = [pytest.mark.notebooks, pytest.mark.slow, pytest.mark.timeout(600)]


def execute(path: Path, workdir: Path) -> nbformat.NotebookNode:
    copy = workdir / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    return nb


def errors(nb: nbformat.NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr" and "Traceback" in output.text:
                found.append(f"cell {index}: {output.text[-500:]}")
    return found


def feedback(nb: nbformat.NotebookNode) -> dict[str, str]:
    results = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if FEEDBACK_MIME in data:
                results[data[FEEDBACK_MIME]["id"]] = data[FEEDBACK_MIME]["status"]
    return results


def test_there_are_notebooks():
    assert len(STUDENT) >= 2 and [p.name for p in STUDENT] == [p.name for p in SOLUTIONS]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: f"solution-{p.stem}")
def test_solution_edition_runs_and_passes_every_check(path, tmp_path):
    nb = execute(path, tmp_path)
    assert errors(nb) == []
    results = feedback(nb)
    assert results, "a notebook with exercises checks them"
    written = set(response_ids(path.name[:2]).get(path.name[:2], ()))
    assert {i: s for i, s in results.items() if i not in written and s != "passed"} == {}, results
    assert {results.get(i) for i in written} <= {"recorded"}, "each written answer is recorded"


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: f"student-{p.stem}")
def test_student_edition_runs_top_to_bottom(path, tmp_path):
    nb = execute(path, tmp_path)
    assert errors(nb) == []
    assert set(feedback(nb).values()) == {"unanswered"}


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.stem)
def test_notebooks_follow_the_house_rules(path):
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code[0].source.strip() == "import newslab as nl\n%load_ext newslab"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, "commit notebooks without outputs"
        assert BEGIN not in cell.source, "a student edition holds no solution"
        assert "sys.path" not in cell.source and "../" not in cell.source
    assert "widgets" not in nb.metadata


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_edition_is_generated_from_the_solution(path):
    solution = nbformat.read(path, as_version=4)
    student = nbformat.read(NOTEBOOKS / path.name, as_version=4)
    expected = student_edition(solution)
    assert [c.source for c in student.cells] == [c.source for c in expected.cells], (
        "regenerate with: newslab teach student")
