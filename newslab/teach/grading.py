"""Grade students' notebooks: execute each one alone and re-check every answer in its kernel.

**Grading executes student code.** Each submission runs in its own fresh temporary folder
(its current directory: notebook 04 reads and writes only that submission's annotations)
with its own kernel and a per-cell time limit. A cell that runs too long is interrupted; a
kernel that dies, a notebook that cannot be read or has no cells becomes a row that says
why, and grading goes on with the next submission.

Verdicts are never read from what a cell displayed. The grader appends one cell that
re-checks, in the kernel, every answer the student's ``nl.check`` calls recorded, and
prints the results after a secret made for this run; only that line is read.

Each exercise of the notebook (known from the ``newslab`` id in the notebook's metadata,
not from the file name) gets one row: ``passed``, ``wrong`` (with the message), ``error``
(with the exception line of the cell that checks it), ``missing`` or ``not_applicable``
(left out of the total).
"""

from __future__ import annotations

import re
import secrets
import tempfile
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewslabError
from ..io.atomic import atomic_write_text
from ..io.notebooks import read_notebook
from ..io.tables import write_csv

if TYPE_CHECKING:
    import nbformat
    import pandas as pd

__all__ = ["grade", "grade_notebook", "submissions", "write_grades", "GRADE_COLUMNS", "METADATA_KEY"]

#: Columns of the grades table and CSV.
GRADE_COLUMNS = ("student", "notebook", "exercise", "status", "points", "hints_used", "detail")
#: Key of newslab's entry in a notebook's metadata: ``{"newslab": {"id": "02"}}``.
METADATA_KEY = "newslab"
_CHECK = re.compile(r"""check\(\s*["'](\d\d-[\w-]+)["']""")
_NOTEBOOK_LEVEL = ""  # the exercise column of a row about the whole notebook


@dataclass(frozen=True)
class Row:
    """One row of the grades table."""

    student: str
    notebook: str
    exercise: str
    status: str
    points: int
    hints_used: int
    detail: str


def submissions(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """``(student, notebook path)`` for notebooks and folders of notebooks (a subfolder is a student).

    Examples:
        >>> submissions([])
        []
    """
    found: list[tuple[str, Path]] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [(nb.stem, nb) for nb in sorted(path.glob("*.ipynb"))]
            found += [(nb.parent.name, nb) for nb in sorted(path.glob("*/*.ipynb")) if ".ipynb_checkpoints" not in nb.parts]
        elif path.exists():
            found.append((path.stem, path))
        else:
            raise NewslabError(f"no such notebook or folder: {path}")
    return found


def grade(paths: Iterable[str | Path], *, timeout: int = 60) -> pd.DataFrame:
    """Grade every submission: one row per student, notebook and exercise (see the module docs).

    Args:
        paths: Notebooks, or folders of notebooks (one per student, or one subfolder per student).
        timeout: Seconds a cell may run before it is interrupted.
    """
    import pandas as pd

    rows = [row for student, path in submissions(paths) for row in grade_notebook(path, student=student, timeout=timeout)]
    return pd.DataFrame([astuple(row) for row in rows], columns=list(GRADE_COLUMNS))


def grade_notebook(path: str | Path, *, student: str | None = None, timeout: int = 60) -> list[Row]:
    """Execute one notebook in a fresh folder and kernel; return its rows."""
    path = Path(path)
    student = student or path.stem
    try:
        nb = _read(path)
    except NewslabError as err:
        return [Row(student, path.name, _NOTEBOOK_LEVEL, "error", 0, 0, str(err))]
    notebooks = notebook_ids(nb)
    if not notebooks:
        return [Row(student, path.name, _NOTEBOOK_LEVEL, "error", 0, 0,
                    "no newslab notebook id in its metadata and no nl.check call: is this a course notebook?")]
    expected = _expected(notebooks)
    if not expected:
        return [Row(student, "+".join(notebooks), _NOTEBOOK_LEVEL, "error", 0, 0,
                    f"no exercises for notebook {'+'.join(notebooks)}: is newslab up to date?")]
    if not any(cell.cell_type == "code" for cell in nb.cells):
        return [Row(student, "+".join(notebooks), eid, "missing", 0, 0, "empty notebook: no code cells")
                for eid in expected]
    results, problem = _run(nb, notebooks, timeout)
    problems = [problem] if problem else _stopped(nb, timeout)
    return _rows(student, "+".join(notebooks), expected, results, _cell_errors(nb, timeout), problems)


def notebook_ids(nb: nbformat.NotebookNode) -> list[str]:
    """The notebook ids it is graded as: its metadata id, else the ids its ``nl.check`` calls name."""
    declared = nb.metadata.get(METADATA_KEY, {}).get("id")
    if declared:
        return [str(declared)]
    sources = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    return sorted({eid[:2] for eid in _CHECK.findall(sources)})


def _read(path: Path) -> nbformat.NotebookNode:
    import nbformat

    if not path.stat().st_size:
        raise NewslabError("malformed notebook: the file is empty")
    try:
        nb = read_notebook(path)
        nbformat.validate(nb)
    except Exception as err:  # any reason a file is not a notebook
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise NewslabError(f"malformed notebook: {first}") from None
    return nb


def _expected(notebooks: list[str]) -> dict[str, int]:
    from ..exercises import registry

    return {eid: item.points for eid, item in sorted(registry().items()) if item.notebook in notebooks}


def _run(nb: nbformat.NotebookNode, notebooks: list[str], timeout: int) -> tuple[dict[str, Any], str]:
    """Execute the notebook and the grader's last cell; the results and what went wrong, if anything."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbformat.v4 import new_code_cell

    secret = secrets.token_hex(16)
    nb.cells.append(new_code_cell(f"from newslab.exercises._grading import report\nreport({secret!r}, {notebooks!r})"))
    with tempfile.TemporaryDirectory(prefix="newslab-grade-") as folder:
        running = [0]
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                                interrupt_on_timeout=True, resources={"metadata": {"path": folder}},
                                on_cell_execute=lambda cell, cell_index: running.__setitem__(0, cell_index))
        try:
            client.execute(env=_kernel_env())
        except DeadKernelError:
            return {}, f"the kernel died while running cell {running[0]}"
        except CellTimeoutError:
            return {}, f"cell {running[0]} ran longer than {timeout} s and could not be stopped"
        except Exception as err:  # the kernel could not start, or the run broke: say so and go on
            return {}, f"the notebook could not be run: {type(err).__name__}: {err}"
    last = nb.cells.pop()
    failed = next((o for o in last.get("outputs", []) if o.get("output_type") == "error"), None)
    if failed is not None:
        return {}, f"the answers could not be re-checked: {failed.get('ename')}: {failed.get('evalue')}"
    return _report(last, secret), ""


def _kernel_env() -> dict[str, str]:
    """The grader's environment, with the article in use as an absolute path (the kernel runs elsewhere)."""
    import os

    env = dict(os.environ)
    if env.get("NEWSLAB_ARTICLE"):
        env["NEWSLAB_ARTICLE"] = str(Path(env["NEWSLAB_ARTICLE"]).resolve())
    return env


def _report(cell: nbformat.NotebookNode, secret: str) -> dict[str, Any]:
    import json

    for output in cell.get("outputs", []):
        for line in output.get("text", "").splitlines() if output.get("name") == "stdout" else ():
            if line.startswith(secret):
                return dict(json.loads(line[len(secret):]))
    return {}


def _errors(nb: nbformat.NotebookNode, timeout: int) -> list[tuple[int, str, str]]:
    """``(cell index, source, exception line)`` of every code cell that raised or was stopped."""
    found = []
    for index, cell in enumerate(nb.cells):
        error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
        if cell.cell_type == "code" and error is not None:
            line = (f"stopped after {timeout} s (the time limit per cell)" if error.get("ename") == "KeyboardInterrupt"
                    else f"{error.get('ename')}: {error.get('evalue')}")
            found.append((index, cell.source, f"cell {index}: {line}"))
    return found


def _cell_errors(nb: nbformat.NotebookNode, timeout: int) -> dict[str, str]:
    """Exercise id -> the exception line of a cell that checks it and raised."""
    found: dict[str, str] = {}
    for _, source, line in _errors(nb, timeout):
        for eid in _CHECK.findall(source):
            found.setdefault(eid, line)
    return found


def _stopped(nb: nbformat.NotebookNode, timeout: int) -> list[str]:
    """Cells the time limit stopped: worth a row of their own, whether or not they check an exercise."""
    return [line for _, _, line in _errors(nb, timeout) if line.endswith("(the time limit per cell)")]


def _rows(student: str, notebook: str, expected: dict[str, int], results: dict[str, Any],
          errors: dict[str, str], problems: list[str]) -> list[Row]:
    rows = [Row(student, notebook, _NOTEBOOK_LEVEL, "error", 0, 0, problem) for problem in problems]
    died = problems[0] if problems and not results else ""
    for eid, points in expected.items():
        result = results.get(eid, {"status": "missing", "message": "", "hints": 0})
        status, detail = result["status"], result["message"]
        if status == "missing" and (eid in errors or died):
            status, detail = "error", errors.get(eid, died)
        rows.append(Row(student, notebook, eid, status, points if status == "passed" else 0, int(result["hints"]),
                        detail))
    return rows


def write_grades(grades: pd.DataFrame, out: str | Path) -> list[Path]:
    """Write the grades CSV and, beside it in ``feedback/``, one Markdown file per student."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_csv(grades, out)
    folder = out.parent / "feedback"
    folder.mkdir(exist_ok=True)
    written = [out]
    for student, rows in grades.groupby("student", sort=True):
        path = folder / f"{_safe(str(student))}.md"
        atomic_write_text(path, feedback_markdown(str(student), rows))
        written.append(path)
    return written


def score(rows: pd.DataFrame) -> tuple[int, int]:
    """Points earned and points possible (not-applicable exercises left out)."""
    from ..exercises import registry

    exercises = registry()
    counted = rows[(rows["exercise"] != _NOTEBOOK_LEVEL) & (rows["status"] != "not_applicable")]
    possible = sum(exercises[eid].points for eid in counted["exercise"] if eid in exercises)
    return int(counted["points"].sum()), possible


def feedback_markdown(student: str, rows: pd.DataFrame) -> str:
    """One student's feedback: per notebook, the score and each exercise's status and message."""
    lines = [f"# Feedback for {student}", ""]
    for notebook, group in rows.groupby("notebook", sort=True):
        earned, possible = score(group)
        lines += [f"## Notebook {notebook}: {earned} / {possible}", "",
                  "| exercise | status | points | hints used | feedback |", "| --- | --- | --- | --- | --- |"]
        for row in group.itertuples(index=False):
            detail = str(row.detail).replace("|", "\\|").replace("\n", " ")
            cells = [str(row.exercise) or "(notebook)", str(row.status), str(row.points), str(row.hints_used), detail]
            lines.append(f"| {' | '.join(cells)} |")
        lines.append("")
    return "\n".join(lines)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "student"
