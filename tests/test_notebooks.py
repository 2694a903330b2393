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
from tests.paths import ARTICLES as ARTICLES_DIR
from tests.paths import NOTEBOOKS

STUDENT = sorted(NOTEBOOKS.glob("*.ipynb"))
SOLUTIONS = sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))

pytestmark = [pytest.mark.notebooks, pytest.mark.timeout(600)]


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


# --- any article (issue 9) ------------------------------------------------------------------
# Both editions of every notebook, on each constructed article of tests/data/articles, without
# and with a gold file. The notebooks of one (article, gold, edition) run in ONE kernel, with
# "%reset -f" between them: no variable leaks from one notebook to the next, but spaCy and the
# model load once. Without a gold file all five run; with one, only 03 and 04, the two that read it.

ARTICLES = sorted(ARTICLES_DIR.glob("*.txt"))
READS_GOLD = ("03-", "04-")
CASES = [(article, gold) for article in ARTICLES for gold in (False, True)]


def execute_together(paths: list[Path], workdir: Path) -> dict[str, nbformat.NotebookNode]:
    """Run several notebooks in one kernel, namespace reset between them; return each one's cells."""
    combined = nbformat.v4.new_notebook()
    bounds = []
    for path in paths:
        cells = nbformat.read(path, as_version=4).cells
        combined.cells.append(nbformat.v4.new_code_cell("%reset -f"))
        bounds.append((path.name, len(combined.cells), len(combined.cells) + len(cells)))
        combined.cells.extend(cells)
    NotebookClient(combined, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    parts = {}
    for name, start, end in bounds:
        nb = nbformat.v4.new_notebook()
        nb.cells = combined.cells[start:end]
        parts[name] = nb
    return parts


def own_article(folder: Path, article: Path, *, gold: bool) -> Path:
    """A copy of a constructed article (and its .json); with ``gold``, a gold file made as the README says."""
    import newslab

    copy = folder / article.name
    shutil.copy(article, copy)
    if article.with_suffix(".json").exists():
        shutil.copy(article.with_suffix(".json"), copy.with_suffix(".json"))
    if gold:
        newslab.Annotator(newslab.analyze(copy), path=copy.with_suffix(".gold.jsonl"))
    return copy


def exercise_cells(nb: nbformat.NotebookNode) -> set[int]:
    return {i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and "nl.check(" in cell.source}


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0].stem}-{'gold' if c[1] else 'no-gold'}")
def own_runs(request, tmp_path_factory):
    """Execute both editions once per (article, gold); the tests below read the results."""
    article, gold = request.param
    folder = tmp_path_factory.mktemp("own")
    path = own_article(folder, article, gold=gold)
    names = [p.name for p in STUDENT if not gold or p.name.startswith(READS_GOLD)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSLAB_ARTICLE", str(path))
        runs = {edition: execute_together([base / name for name in names], folder)
                for edition, base in (("student", NOTEBOOKS), ("solution", NOTEBOOKS / "solutions"))}
    return path, runs


def test_student_editions_run_on_every_kind_of_article(own_runs):
    _, runs = own_runs
    found = {name: errors(nb) for name, nb in runs["student"].items()}
    assert all(not errs for errs in found.values()), found
    assert all("Riverton" in str(nb.cells) for nb in runs["student"].values()), "they used the constructed article"


def test_solution_editions_run_outside_the_exercises(own_runs):
    _, runs = own_runs
    found = {}
    for name, nb in runs["solution"].items():
        skip = exercise_cells(nb)
        found[name] = [e for e in errors(nb) if int(e.split(":")[0].split()[1]) not in skip]
    assert all(not errs for errs in found.values()), found


def test_solution_editions_pass_or_skip_every_exercise(own_runs):
    """Every exercise passes with its solution, or does not apply to the article. The solution of an exercise
    that does not apply (no dateline to read, say) may fail in its own cell: the answer key has no answer there."""
    from newslab.exercises import applicability, responses

    path, runs = own_runs
    table = applicability(path)
    not_applicable = set(table.loc[~table["applies"], "exercise"])
    found = {}
    for name, nb in runs["solution"].items():
        excused = {i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
                   and any(f'nl.check("{eid}"' in cell.source for eid in not_applicable)}
        found[name] = [e for e in errors(nb) if int(e.split(":")[0].split()[1]) not in excused]
    assert {name: errs for name, errs in found.items() if errs} == {}
    statuses = {eid: status for nb in runs["solution"].values() for eid, status in feedback(nb).items()}
    assert set(statuses.values()) <= {"passed", "not_applicable", "recorded"}, statuses
    assert {eid for eid, status in statuses.items() if status == "recorded"} <= set(responses()), "written answers"
    assert {eid for eid, status in statuses.items() if status == "not_applicable"} <= not_applicable


def test_student_editions_leave_every_exercise_unanswered_or_not_applicable(own_runs):
    _, runs = own_runs
    statuses = {eid: status for nb in runs["student"].values() for eid, status in feedback(nb).items()}
    assert statuses and set(statuses.values()) <= {"unanswered", "not_applicable"}, statuses


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
