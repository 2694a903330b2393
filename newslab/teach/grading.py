"""Grade students' notebooks: run each one alone, and judge its answers in the grader's own process.

**Grading executes student code.** Each submission runs in a kernel of its own, isolated as
far as this machine allows (see :mod:`newslab.teach._sandbox`: with root and bubblewrap, an
unused user id in its own namespaces that sees neither the submissions, nor the grades, nor
another student's files), with a copy of the student's folder as its working folder (so
notebook 04's ``my-annotations/`` are there) and a time limit per cell (SIGINT, then SIGTERM,
then SIGKILL). A kernel that dies, a notebook that cannot be read or has no cells becomes a
row that says why, and grading goes on with the next submission.

Verdicts never come from the student's kernel. Each ``nl.check`` there sends its normalised
answer (plain JSON) to a channel file the grader created, as it happens; once every process
of the submission is dead, the grader judges the last answer to each exercise on the article
the *instructor* chose (``article=``, else the grader's own ``NEWSLAB_ARTICLE``, else the
seed). Forging a verdict is then only answering. What the grader cannot check, hints and
solutions asked for and the number of attempts, is what the kernel said: self-reported.

Each exercise of the notebook (known from the ``newslab`` id in the notebook's metadata, not
from the file name) gets one row: ``passed``, ``wrong`` (with the message), ``error`` (with the
exception line of the cell that checks it), ``missing`` or ``not_applicable`` (left out of the
total). A written answer (``nl.respond``) is a ``manual`` row for the instructor to read. A
row with an empty exercise is about the whole notebook: an ``error``, or a ``flagged`` fact
(two copies of a notebook, a metadata id the checks contradict, files left out of the copy).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, dataclass, field
from pathlib import Path
from queue import Queue
from typing import TYPE_CHECKING, Any

from ..errors import NewslabError
from ..io.atomic import atomic_write_text
from ..io.notebooks import read_notebook
from ..io.submissions import regular_file
from ..io.tables import write_csv
from . import _sandbox

if TYPE_CHECKING:
    import nbformat
    import pandas as pd

    from ..exercises import Context, Exercise

__all__ = ["grade", "grade_notebook", "submissions", "write_grades", "notebook_ids", "score", "feedback_markdown",
           "GRADE_COLUMNS", "METADATA_KEY", "ISOLATIONS"]

#: Columns of the grades table and CSV (``hints_used`` and ``attempts`` are self-reported).
GRADE_COLUMNS = ("student", "notebook", "exercise", "status", "points", "hints_used", "attempts", "detail")
#: Key of newslab's entry in a notebook's metadata: ``{"newslab": {"id": "02"}}``.
METADATA_KEY = "newslab"
#: How kernels may be isolated (``auto``: the strongest this machine allows).
ISOLATIONS = _sandbox.ISOLATIONS
_CHECK = re.compile(r"""check\(\s*["'](\d\d-[\w-]+)["']""")
_ID = re.compile(r"^\d\d-[\w-]{1,60}$")
_NOTEBOOK_LEVEL = ""  # the exercise column of a row about the whole notebook
_MAX_RESPONSES, _MAX_TEXT = 50, 5000
_SOLUTION_SHOWN = 4


@dataclass(frozen=True)
class Row:
    """One row of the grades table."""

    student: str
    notebook: str
    exercise: str
    status: str
    points: int
    hints_used: int
    attempts: int
    detail: str


@dataclass
class _Submission:
    """One notebook to grade, read once before any kernel runs (a kernel cannot change it afterwards)."""

    student: str
    path: Path
    folder: Path | None = None  # the student's own folder (``None``: a notebook among others' notebooks)
    nb: Any = None
    notebooks: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # rows known before running (errors, flags)

    @property
    def label(self) -> str:
        return "+".join(self.notebooks) or self.path.name


def submissions(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """``(student, notebook path)`` for notebooks and folders of notebooks (a subfolder is a student).

    Examples:
        >>> submissions([])
        []
    """
    return [(student, path) for student, path, _ in _found(paths)]


def _found(paths: Iterable[str | Path]) -> list[tuple[str, Path, Path | None]]:
    found: list[tuple[str, Path, Path | None]] = []
    for path in map(Path, paths):
        if path.is_dir() and not path.is_symlink():
            found += [(nb.stem, nb, None) for nb in sorted(path.glob("*.ipynb"))]
            found += [(nb.parent.name, nb, nb.parent) for nb in sorted(path.glob("*/*.ipynb"))
                      if ".ipynb_checkpoints" not in nb.parts]
        elif path.exists() or path.is_symlink():
            found.append((path.stem, path, None))
        else:
            raise NewslabError(f"no such notebook or folder: {path}")
    return found


def grade(paths: Iterable[str | Path], *, timeout: int = 60, jobs: int = 1, article: str | Path | None = None,
          isolation: str = "auto") -> pd.DataFrame:
    """Grade every submission: one row per student, notebook and exercise (see the module docs).

    Args:
        paths: Notebooks, or folders of notebooks (one per student, or one subfolder per student).
        timeout: Seconds a cell may run before it is interrupted (then terminated, then killed).
        jobs: How many kernels run at once.
        article: The article the answers are judged on (``None``: ``NEWSLAB_ARTICLE``, else the seed).
        isolation: How kernels are isolated (:data:`ISOLATIONS`; a weaker one than ``bwrap`` warns).
    """
    import pandas as pd

    sandbox = _sandbox.plan(isolation)
    if sandbox.warning:
        warnings.warn(f"grading isolation '{sandbox.mode}': {sandbox.warning}", UserWarning, stacklevel=2)
    source = _article_path(article)
    found = _flag_duplicates([_prepare(student, path, folder) for student, path, folder in _found(paths)])
    claimed = _sandbox.free_uids(max(jobs, 1)) if sandbox.mode in ("bwrap", "setpriv") else []
    uids: Queue[int | None] = Queue()
    slots: list[int | None] = [*claimed] or [None] * max(jobs, 1)
    for uid in slots:
        uids.put(uid)

    def run(item: _Submission) -> _sandbox.Run | None:
        if item.nb is None:
            return None
        uid = uids.get()
        try:
            return _sandbox.run_cells(_code_cells(item.nb), sandbox=sandbox, timeout=timeout, uid=uid,
                                      folder=item.folder, article=source)
        finally:
            uids.put(uid)

    ctx = _context(source)
    try:
        with ThreadPoolExecutor(max_workers=max(jobs, 1) + 1) as pool:
            reading = pool.submit(lambda: ctx.article)  # read while the kernels run: judging needs it first
            runs = list(pool.map(run, found))
            reading.exception()  # an article that cannot be read is raised below, where the verdicts need it
    finally:
        _sandbox.give_back(claimed)
    rows = [row for item, result in zip(found, runs) for row in _rows(item, result, ctx)]
    table = pd.DataFrame([astuple(row) for row in rows], columns=list(GRADE_COLUMNS))
    return table.sort_values(["student", "notebook"], kind="stable").reset_index(drop=True)


def grade_notebook(path: str | Path, *, student: str | None = None, timeout: int = 60,
                   article: str | Path | None = None, isolation: str = "auto") -> list[Row]:
    """Grade one notebook alone; its rows."""
    path = Path(path)
    table = grade([path], timeout=timeout, article=article, isolation=isolation)
    table["student"] = student or path.stem
    return [Row(*row) for row in table.itertuples(index=False)]


def notebook_ids(nb: nbformat.NotebookNode) -> list[str]:
    """The notebook ids it is graded as: its metadata id, else the ids its ``nl.check`` calls name."""
    declared = nb.metadata.get(METADATA_KEY, {}).get("id")
    if declared:
        return [str(declared)]
    return _checked(nb)


def _checked(nb: nbformat.NotebookNode) -> list[str]:
    sources = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    return sorted({eid[:2] for eid in _CHECK.findall(sources)})


def _article_path(article: str | Path | None) -> Path | None:
    import os

    chosen = article if article is not None else os.environ.get("NEWSLAB_ARTICLE") or None
    return Path(chosen).resolve() if chosen is not None else None


def _context(source: Path | None) -> Context:
    from ..exercises import Context

    return Context(source)


def _prepare(student: str, path: Path, folder: Path | None) -> _Submission:
    item = _Submission(student, path, folder)
    problem = "the student's folder is a symbolic link; the grader never follows one" if (
        folder is not None and folder.is_symlink()) else regular_file(path)
    if problem:
        item.rows.append(_row(item, "error", f"refused: {problem}"))
        return item
    try:
        nb = _read(path)
    except NewslabError as err:
        item.rows.append(_row(item, "error", str(err)))
        return item
    item.notebooks = notebook_ids(nb)
    if not item.notebooks:
        item.rows.append(_row(item, "error", "no newslab notebook id in its metadata and no nl.check call: "
                                             "is this a course notebook?"))
    elif not _expected(item.notebooks):
        item.rows.append(_row(item, "error", f"no exercises for notebook {item.label}: is newslab up to date?"))
    else:
        item.nb = nb
        if others := sorted(set(_checked(nb)) - set(item.notebooks)):
            item.rows.append(_row(item, "flagged", f"its metadata id is {item.label}, but its checks name notebook "
                                                   f"{', '.join(others)}: graded as {item.label}"))
    return item


def _flag_duplicates(found: list[_Submission]) -> list[_Submission]:
    """One notebook per student and notebook id is graded, the one with the shortest name (a copy is named
    ``...-Copy1``); the others are flagged, never added up."""
    groups: dict[tuple[str, str], list[_Submission]] = {}
    for item in found:
        if item.nb is not None:
            groups.setdefault((item.student, item.label), []).append(item)
    for group in groups.values():
        chosen, *others = sorted(group, key=lambda item: (len(item.path.name), item.path.name))
        for other in others:
            other.nb = None
            chosen.rows.append(_row(chosen, "flagged", f"{other.path.name} is another notebook {chosen.label} "
                                                       f"of this student: graded {chosen.path.name} only"))
    return [item for item in found if item.nb is not None or any(row.status == "error" for row in item.rows)]


def _row(item: _Submission, status: str, detail: str, exercise: str = _NOTEBOOK_LEVEL) -> Row:
    return Row(item.student, item.label, exercise, status, 0, 0, 0, detail)


def _read(path: Path) -> nbformat.NotebookNode:
    """The notebook; a file that is not one is a ``NewslabError`` that quotes none of its content."""
    import json

    import nbformat

    if not path.stat().st_size:
        raise NewslabError("malformed notebook: the file is empty")
    try:
        nb = read_notebook(path)
        nbformat.validate(nb)
    except Exception as err:  # any reason a file is not a notebook; its text is never echoed
        cause: BaseException | None = err
        while cause is not None and not isinstance(cause, json.JSONDecodeError):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, json.JSONDecodeError):
            raise NewslabError(f"malformed notebook: not JSON (line {cause.lineno}, column {cause.colno})") from None
        raise NewslabError("malformed notebook: JSON, but not a Jupyter notebook (nbformat 4)") from None
    return nb


def _code_cells(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    return [(index, cell.source) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def _expected(notebooks: list[str]) -> dict[str, Exercise]:
    from ..exercises import registry

    return {eid: item for eid, item in sorted(registry().items()) if item.notebook in notebooks}


def _rows(item: _Submission, result: _sandbox.Run | None, ctx: Context) -> list[Row]:
    if result is None:
        return item.rows
    expected = _expected(item.notebooks)
    if not _code_cells(item.nb):
        return [*item.rows, *(_row(item, "missing", "empty notebook: no code cells", eid) for eid in expected)]
    rows = list(item.rows)
    if result.left_out:
        rows.append(_row(item, "flagged", "left out of the copy of the student's folder: " + "; ".join(
            result.left_out[:20])))
    if result.cut:
        rows.append(_row(item, "flagged", "the kernel sent more answers than the grader reads: the rest was ignored"))
    stopped = [line for _, _, line in result.errors if line.endswith("(the time limit per cell)")]
    rows += [_row(item, "error", line) for line in ([result.problem] if result.problem else stopped)]
    answers = _Answers(result.records)
    errors = _cell_errors(result.errors)
    for eid, exercise in expected.items():
        status, detail = _verdict(exercise, answers, ctx)
        if status == "missing" and (eid in errors or result.problem):
            status, detail = "error", errors.get(eid, result.problem)
        rows.append(Row(item.student, item.label, eid, status, exercise.points if status == "passed" else 0,
                        answers.hints.get(eid, 0), answers.attempts.get(eid, 0), detail))
    written = _written_ids(item.notebooks)
    for eid, text in sorted(answers.responses.items()):
        if eid in written:  # a kernel may send any id: only the notebooks' declared prompts become rows
            rows.append(Row(item.student, item.label, eid, "manual", 0, 0, 0, text))
    return rows


def _written_ids(notebooks: Iterable[str]) -> set[str]:
    """The written-answer ids (``nl.respond``) the graded notebooks declare."""
    from ..exercises import response_ids

    wanted = set(notebooks)
    return {eid for notebook, ids in response_ids().items() if notebook in wanted for eid in ids}


def _verdict(exercise: Exercise, answers: _Answers, ctx: Context) -> tuple[str, str]:
    """Judge the last answer the kernel sent for ``exercise``, here, on the instructor's article."""
    from ..exercises.channel import decode
    from ..exercises.checks import judge_value, unmet_needs

    if missing := unmet_needs(exercise, ctx):
        return "not_applicable", f"needs {', '.join(missing)}"
    if exercise.id not in answers.last:
        return "missing", ""
    record = answers.last[exercise.id]
    if "unsendable" in record:
        return "wrong", "The answer could not be sent to the grader: it is not a number, a text, a list or spans."
    feedback = judge_value(exercise, decode(exercise.kind, record.get("answer")), ctx)
    return ("passed" if feedback.passed else "wrong"), feedback.message


class _Answers:
    """What the kernel reported, per exercise: its last answer, attempts, hints (all as sent)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.last: dict[str, dict[str, Any]] = {}
        self.attempts: dict[str, int] = {}
        self.hints: dict[str, int] = {}
        self.responses: dict[str, str] = {}
        for record in records:
            eid, event = record.get("id"), record.get("event")
            if not isinstance(eid, str) or not _ID.match(eid):
                continue
            if event == "check":
                self.last[eid] = record
                self.attempts[eid] = self.attempts.get(eid, 0) + 1
            elif event == "hint" and isinstance(record.get("step"), int):
                self.hints[eid] = max(self.hints.get(eid, 0), min(max(record["step"], 0), _SOLUTION_SHOWN - 1))
            elif event == "solution":
                self.hints[eid] = _SOLUTION_SHOWN
            elif event == "response" and isinstance(record.get("text"), str):
                if eid in self.responses or len(self.responses) < _MAX_RESPONSES:
                    self.responses[eid] = record["text"][:_MAX_TEXT]


def _cell_errors(errors: list[tuple[int, str, str]]) -> dict[str, str]:
    """Exercise id -> the exception line of a cell that checks it and raised."""
    found: dict[str, str] = {}
    for _, source, line in errors:
        for eid in _CHECK.findall(source):
            found.setdefault(eid, line)
    return found


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
    """Points earned and points possible (not-applicable exercises and written answers left out)."""
    from ..exercises import registry

    exercises = registry()
    counted = rows[(rows["exercise"] != _NOTEBOOK_LEVEL) & ~rows["status"].isin(["not_applicable", "manual"])]
    possible = sum(exercises[eid].points for eid in counted["exercise"] if eid in exercises)
    return int(counted["points"].sum()), possible


def feedback_markdown(student: str, rows: pd.DataFrame) -> str:
    """One student's feedback: per notebook, the score and each exercise's status and message."""
    lines = [f"# Feedback for {student}", ""]
    for notebook, group in rows.groupby("notebook", sort=True):
        earned, possible = score(group)
        lines += [f"## Notebook {notebook}: {earned} / {possible}", "",
                  "Hints used and attempts are as the notebook's kernel reported them (self-reported); a written "
                  "answer (`manual`) is scored by the instructor.", "",
                  "| exercise | status | points | hints used | attempts | feedback |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for row in group.itertuples(index=False):
            detail = str(row.detail).replace("|", "\\|").replace("\n", " ")
            cells = [str(row.exercise) or "(notebook)", str(row.status), str(row.points), str(row.hints_used),
                     str(row.attempts), detail]
            lines.append(f"| {' | '.join(cells)} |")
        lines.append("")
    return "\n".join(lines)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "student"
