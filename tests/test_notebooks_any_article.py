"""Both editions of every notebook on each constructed article of tests/data/articles, without and with a gold file
(issue 9). A file of its own, so the parallel test run (one file per worker) can give it a worker of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.paths import ARTICLES as ARTICLES_DIR
from tests.paths import NOTEBOOKS
from tests.test_notebooks import STUDENT, errors, feedback

pytestmark = [pytest.mark.notebooks, pytest.mark.slow, pytest.mark.timeout(600)]

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
