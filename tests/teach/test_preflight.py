"""newslab.teach.preflight and ``newslab teach check-article``."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from newslab import exercises
from newslab.cli import app
from newslab.seeds import seed_path
from newslab.teach.preflight import preflight
from tests.paths import ARTICLES, NOTEBOOKS

runner = CliRunner()


def test_the_seed_is_ready():
    report = preflight(seed_path())
    assert report.ok and report.gold == "found" and report.metadata == seed_path(".json")
    assert report.parts["kind"].tolist()[:3] == ["headline", "byline", "dateline"]


def test_a_story_without_gold_is_ready_and_says_so():
    report = preflight(ARTICLES / "ap-wrapped.txt")
    assert report.ok and report.gold == "missing"
    assert any(w.startswith("lines joined") for w in report.warnings)


def test_a_broken_gold_file_would_make_notebooks_fail(tmp_path):
    article = tmp_path / "port.txt"
    shutil.copy(ARTICLES / "wire-reuters.txt", article)
    article.with_suffix(".gold.jsonl").write_text('{"text": "another text", "spans": []}\n', encoding="utf-8")
    report = preflight(article)
    assert not report.ok and report.gold.startswith("invalid")


def test_an_article_without_a_body_would_make_notebooks_fail(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_text("Riverton Port Reopens\n(Reporting by Ana Field)\n", encoding="utf-8")
    assert not preflight(article).ok


def test_check_article_prints_parts_warnings_gold_and_metadata():
    result = runner.invoke(app, ["teach", "check-article", str(ARTICLES / "wire-reuters.txt")])
    assert result.exit_code == 0, result.output
    for expected in ("kicker", "credit", "gold file: missing", "wire-reuters.json", "can use this article"):
        assert expected in result.output


def test_check_article_lists_which_exercises_apply(monkeypatch):
    table = pd.DataFrame({"exercise": ["01-dateline", "03-not-a-person"], "applies": [True, False],
                          "reason": ["", "needs a PERSON that the gold standard labels otherwise"]})
    monkeypatch.setattr(exercises, "applicability", lambda article: table, raising=False)
    result = runner.invoke(app, ["teach", "check-article", str(ARTICLES / "web-subheads.txt")])
    assert result.exit_code == 0
    assert "not applicable" in result.output and "needs a PERSON" in result.output


def test_check_article_exits_non_zero_when_a_notebook_would_fail(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_text("Riverton Port Reopens\n(Reporting by Ana Field)\n", encoding="utf-8")
    result = runner.invoke(app, ["teach", "check-article", str(article)])
    assert result.exit_code == 1 and "no body paragraph" in result.output


@pytest.mark.parametrize("content", [b"", b"\xff\xfe broken"])
def test_check_article_refuses_unreadable_files_cleanly(tmp_path, content):
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    result = runner.invoke(app, ["teach", "check-article", str(article)])
    assert result.exit_code == 1 and "newslab: error:" in result.output and "Traceback" not in result.output


@pytest.mark.notebooks
@pytest.mark.timeout(300)
def test_run_executes_the_student_notebooks_and_reports_errors(tmp_path):
    import nbformat

    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(NOTEBOOKS / "01-reading-the-article.ipynb", folder)
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import newslab as nl"),
                                             nbformat.v4.new_code_cell("nl.load_article().dateline.text")])
    nbformat.write(broken, folder / "99-broken.ipynb")
    article = tmp_path / "story.txt"
    shutil.copy(ARTICLES / "web-subheads.txt", article)  # no dateline: the broken notebook fails on it
    result = runner.invoke(app, ["teach", "check-article", str(article), "--run", "--notebooks", str(folder)])
    assert result.exit_code == 1, result.output
    assert "99-broken.ipynb, cell 1: AttributeError" in result.output and "01-reading" not in result.output


def test_check_article_lists_each_line_with_its_kind_and_flags_the_doubtful_ones():
    """A constructed look-alike of a pasted page: a site tagline above the headline (tests/data/web)."""
    from tests.paths import DATA

    page = DATA / "web" / "web-reuters-tagline.txt"
    report = preflight(page)
    rows = report.listing()
    assert [(row.line, row.kind) for row in rows[:3]] == [(1, "promo"), (2, "headline"), (4, "dateline")]
    assert [row.doubtful for row in rows[:3]] == [True, True, False]
    assert sum(row.body for row in rows) == 4 and report.furniture == 1
    result = runner.invoke(app, ["teach", "check-article", str(page)])
    assert result.exit_code == 0, result.output
    for expected in ("? promo", "paragraph 3", "body: 4 paragraphs", 'headline="Northvale perspectives',
                     "corrections: none"):
        assert expected in result.output


def test_check_article_shows_the_corrections_in_the_json_file(tmp_path):
    from tests.paths import DATA

    for source in (DATA / "web").glob("web-reuters-tagline.*"):
        shutil.copy(source, tmp_path / source.name)
    sidecar = tmp_path / "web-reuters-tagline.json"
    sidecar.write_text('{"note": "Constructed for newslab\'s tests.", "skip": ["The regional council"]}',
                       encoding="utf-8")
    result = runner.invoke(app, ["teach", "check-article", str(tmp_path / "web-reuters-tagline.txt")])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "corrections: skip=('The regional council',)" in result.output
    assert "body: 3 paragraphs" in result.output
