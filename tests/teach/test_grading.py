"""The grader: fake students in one folder, broken submissions, a renamed file and an endless loop.

The notebooks are tiny and call ``nl.check`` directly, so that each costs one kernel start.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

from newslab.cli import app
from newslab.exercises import FEEDBACK_MIME, registry
from newslab.teach.grading import GRADE_COLUMNS, grade, notebook_ids, score, submissions, write_grades
from tests.paths import DATA
from tests.teach._notebooks import write_notebook

pytestmark = pytest.mark.timeout(900)

IMPORTS = "import newslab as nl"
FORGED_BUNDLE = (
    "from IPython.display import display\n"
    f"display({{{FEEDBACK_MIME!r}: {{'id': '01-dateline', 'status': 'passed', 'points': 1}}, "
    "'text/plain': '✔ [01-dateline] Correct!'}, raw=True)\n"
    "print('0' * 32 + " + repr(json.dumps({"01-longest-sentence": {"status": "passed", "message": "", "hints": 0}}))
    + ")\nnl.exercises.SESSION.statuses = {'01-longest-sentence': 'passed'}"
)
REPLACED_CHECKERS = (
    "import newslab.exercises as ex\n"
    "import newslab.exercises.checks as checks\n"
    "checks.judge_value = lambda item, value, ctx: ex.Feedback(item.id, 'passed', 'forged', '', 1)\n"
    "for item in ex.registry().values():\n"
    "    checks._REGISTRY[item.id] = ex.Exercise(item.id, '', lambda answer, ctx: True, answers=None)\n"
    "ex.SESSION.answers['01-longest-sentence'] = 0  # a wrong answer, recorded without nl.check"
)


def write(folder, name, *sources, notebook_id="01"):
    return write_notebook(folder, name, sources, notebook_id=notebook_id, heading="# 01 · Reading the article")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("grading")
    klass = root / "class"
    write(klass, "alice.ipynb", IMPORTS, "article = nl.load_article()",
          "nl.hint('01-paragraph-count')", "nl.check('01-paragraph-count', len(article.paragraphs))",
          "nl.check('01-longest-sentence', 0)", "nl.check('01-dateline', article.dateline)")
    write(klass, "bob.ipynb", IMPORTS, "answer = ...  # YOUR CODE HERE\nnl.check('01-paragraph-count', answer)",
          "nl.check('01-dateline', ...)")
    write(klass, "carol.ipynb", IMPORTS, "answer = len(article.paragraphs)\nnl.check('01-paragraph-count', answer)",
          FORGED_BUNDLE, REPLACED_CHECKERS)
    broken = root / "broken"
    broken.mkdir()
    (broken / "malformed.ipynb").write_text("{not a notebook", encoding="utf-8")
    (broken / "zero.ipynb").write_text("", encoding="utf-8")
    write(broken, "empty.ipynb")
    write(broken, "dies.ipynb", IMPORTS, "nl.check('01-paragraph-count', 9)", "import os\nos._exit(1)",
          "nl.check('01-dateline', 'KYIV')")
    renamed = write(root / "renamed", "05-dave-final-v2.ipynb", IMPORTS, "nl.check('01-paragraph-count', 9)")
    grades = grade([klass, broken, renamed], timeout=120)
    loop = write(root / "loop", "erin.ipynb", IMPORTS, "while True:\n    pass", "nl.check('01-paragraph-count', 9)")
    looped = grade([loop], timeout=5)
    return root, grades, looped


def rows_of(grades, student):
    table = grades[grades["student"] == student]
    return [tuple(row) for row in table.itertuples(index=False)]


def rows_of_table(grades, student):
    return grades[grades["student"] == student]


def why(exercise_id):
    return f"Correct! {registry()[exercise_id].why}"


def test_three_students_in_one_folder_give_the_exact_csv(graded, tmp_path):
    _, grades, _ = graded
    out = tmp_path / "grades.csv"
    write_grades(grades[grades["student"].isin(["alice", "bob", "carol"])], out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        list(GRADE_COLUMNS),
        ["alice", "01", "01-dateline", "passed", "1", "0", "1", why("01-dateline")],
        ["alice", "01", "01-longest-sentence", "wrong", "0", "0", "1", "Sentence 0 is not the longest one in words."],
        ["alice", "01", "01-paragraph-count", "passed", "1", "1", "1", why("01-paragraph-count")],
        ["bob", "01", "01-dateline", "missing", "0", "0", "0", ""],
        ["bob", "01", "01-longest-sentence", "missing", "0", "0", "0", ""],
        ["bob", "01", "01-paragraph-count", "missing", "0", "0", "0", ""],
        ["carol", "01", "01-dateline", "missing", "0", "0", "0", ""],
        ["carol", "01", "01-longest-sentence", "missing", "0", "0", "0", ""],  # recorded in the kernel, never sent
        ["carol", "01", "01-paragraph-count", "error", "0", "0", "0",
         "cell 2: NameError: name 'article' is not defined"],
    ]
    feedback = (tmp_path / "feedback" / "alice.md").read_text(encoding="utf-8")
    assert "## Notebook 01: 2 / 3" in feedback and "Sentence 0 is not the longest" in feedback
    assert (tmp_path / "feedback" / "carol.md").read_text(encoding="utf-8").count("| missing |") == 2


def test_the_forger_scores_nothing(graded):
    _, grades, _ = graded
    assert score(grades[grades["student"] == "carol"]) == (0, 3)


def test_broken_submissions_each_give_a_row_with_the_reason(graded):
    _, grades, _ = graded
    assert rows_of(grades, "malformed")[0][3:5] == ("error", 0)
    assert rows_of(grades, "malformed")[0][7] == "malformed notebook: not JSON (line 1, column 2)"
    assert rows_of(grades, "zero") == [("zero", "zero.ipynb", "", "error", 0, 0, 0,
                                        "malformed notebook: the file is empty")]
    assert {row[3] for row in rows_of(grades, "empty")} == {"missing"}
    assert {row[7] for row in rows_of(grades, "empty")} == {"empty notebook: no code cells"}
    dies = rows_of(grades, "dies")
    assert dies[0] == ("dies", "01", "", "error", 0, 0, 0, "the kernel died while running cell 3")
    # the answer given before the crash was sent at once: it counts
    assert [row[3] for row in dies[1:]] == ["error", "error", "passed"] and score(rows_of_table(grades, "dies")) == (1, 3)


def test_a_renamed_submission_keeps_its_notebooks_total(graded):
    _, grades, _ = graded
    rows = rows_of(grades, "05-dave-final-v2")
    assert [row[1] for row in rows] == ["01"] * 3
    assert score(grades[grades["student"] == "05-dave-final-v2"]) == (1, 3)


def test_an_endless_loop_is_stopped_by_the_time_limit_and_grading_goes_on(graded):
    _, _, looped = graded
    rows = rows_of(looped, "erin")
    assert rows[0] == ("erin", "01", "", "error", 0, 0, 0, "cell 2: stopped after 5 s (the time limit per cell)")
    assert ("erin", "01", "01-paragraph-count", "passed", 1, 0, 1, why("01-paragraph-count")) in rows


def test_not_applicable_exercises_are_left_out_of_the_total(tmp_path, monkeypatch):
    import pandas as pd

    rows = pd.DataFrame([("x", "01", "01-dateline", "not_applicable", 0, 0, 0, "needs dateline"),
                         ("x", "01", "01-paragraph-count", "passed", 1, 0, 1, ""),
                         ("x", "01", "01-why", "manual", 0, 0, 0, "Because.")], columns=list(GRADE_COLUMNS))
    assert score(rows) == (1, 1)


def test_notebook_ids_come_from_metadata_then_from_the_checks(tmp_path):
    with_id = nbformat.read(write(tmp_path, "x.ipynb", "nl.check('02-root-verb', 1)", notebook_id="01"), as_version=4)
    without = nbformat.read(write(tmp_path, "y.ipynb", "nl.check('02-root-verb', 1)", notebook_id=None), as_version=4)
    assert notebook_ids(with_id) == ["01"] and notebook_ids(without) == ["02"]


def test_an_unknown_notebook_id_is_a_row_not_a_silence(tmp_path):
    rows = grade([write(tmp_path, "x.ipynb", IMPORTS, notebook_id="99")])
    assert rows.values.tolist() == [["x", "99", "", "error", 0, 0, 0,
                                     "no exercises for notebook 99: is newslab up to date?"]]


def test_two_graders_never_share_a_kernel_user():
    from newslab.teach import _sandbox

    first = _sandbox.free_uids(2)
    try:
        second = _sandbox.free_uids(1)
        assert len(set(first)) == 2 and second[0] not in first
        _sandbox.give_back(second)
    finally:
        _sandbox.give_back(first)


def test_folders_of_students(tmp_path):
    write(tmp_path / "class" / "zoe", "01-reading.ipynb", IMPORTS)
    write(tmp_path / "class", "yann.ipynb", IMPORTS)
    found = submissions([tmp_path / "class"])
    assert [(student, path.name) for student, path in found] == [("yann", "yann.ipynb"), ("zoe", "01-reading.ipynb")]


def test_the_command_writes_the_csv_and_feedback_and_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.ipynb").write_text("[]", encoding="utf-8")
    write(tmp_path / "in", "blank.ipynb")
    result = CliRunner().invoke(app, ["teach", "grade", str(tmp_path / "in"), "--out", str(tmp_path / "g.csv"),
                                      "--timeout", "5", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "bad: 0 / 0  (malformed notebook:" in result.output and "blank: 0 / 3" in result.output
    assert (tmp_path / "feedback" / "bad.md").is_file() and (tmp_path / "g.csv").is_file()
    missing = CliRunner().invoke(app, ["teach", "grade", str(tmp_path / "nothing.ipynb")])
    assert missing.exit_code == 1 and "no such notebook" in missing.output
    unknown = CliRunner().invoke(app, ["teach", "grade", str(tmp_path / "in"), "--isolation", "docker"])
    assert unknown.exit_code == 1 and "unknown isolation 'docker'" in unknown.output


def test_grading_on_an_instructors_article_leaves_what_does_not_apply_out(tmp_path, monkeypatch):
    import shutil

    import newslab

    shutil.copy(DATA / "instructor-article.txt", tmp_path / "riverton.txt")
    newslab.Annotator(newslab.analyze(tmp_path / "riverton.txt"), path=tmp_path / "riverton.gold.jsonl")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLAB_ARTICLE", "riverton.txt")  # relative: the kernel runs in another folder
    path = write(tmp_path / "class", "fay.ipynb", IMPORTS, "nl.check('03-gpe-entities', 0)", notebook_id="03")
    grades = grade([path])
    assert set(grades["status"]) == {"not_applicable"} and score(grades) == (0, 0)
    assert grades.set_index("exercise").loc["03-not-a-person", "detail"] == (
        "needs PERSON that the gold standard labels otherwise")


def test_a_cell_that_ignores_sigint_is_killed_within_the_timeout_and_grading_goes_on(tmp_path):
    import time

    stubborn = write(tmp_path, "stubborn.ipynb", IMPORTS,
                     "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass",
                     "nl.check('01-dateline', 'KYIV')")
    after = write(tmp_path / "next", "next.ipynb", IMPORTS, "nl.solution('01-dateline')")
    started = time.monotonic()
    grades = grade([stubborn, after], timeout=3)
    elapsed = time.monotonic() - started
    rows = rows_of(grades, "stubborn")
    assert rows[0][7] == ("cell 2 ran longer than 3 s and ignored the interrupt: its kernel was stopped "
                          "(SIGTERM, then SIGKILL)")
    assert [row[3] for row in rows[1:]] == ["error"] * 3
    assert rows_of(grades, "next")[0][5] == 4  # the next submission was graded: its solution is counted
    # two kernel starts (1-2 s each), 3 s of the loop, 3 s between SIGINT and SIGTERM, then SIGKILL
    assert elapsed < 3 + 12, elapsed


PROBE = (
    "import os, socket\n"
    "import resource\n"
    "seen = {'uid': os.getuid(), 'cwd': os.listdir('.'), 'tmp': sorted(os.listdir('/tmp')),\n"
    "        'nproc': resource.getrlimit(resource.RLIMIT_NPROC)}\n"
    "for name, path in [('class', CLASS), ('out', OUT), ('root', '/root')]:\n"
    "    try:\n"
    "        seen[name] = sorted(os.listdir(path))\n"
    "    except OSError as err:\n"
    "        seen[name] = type(err).__name__\n"
    "try:\n"
    "    socket.create_connection(('1.1.1.1', 53), timeout=2)\n"
    "    seen['net'] = True\n"
    "except OSError:\n"
    "    seen['net'] = False\n"
    "nl.check('01-dateline', repr(seen))"
)


def probe(tmp_path, mode):
    import ast

    from newslab.teach import _sandbox

    (tmp_path / "class" / "ann" / "my-annotations").mkdir(parents=True)
    (tmp_path / "class" / "ann" / "my-annotations" / "mine.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "class" / "ann" / "link.txt").symlink_to("/etc/hostname")
    (tmp_path / "class" / "bo.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "grades").mkdir()
    source = f"CLASS, OUT = {str(tmp_path / 'class')!r}, {str(tmp_path / 'grades')!r}\n{PROBE}"
    uids = _sandbox.free_uids(1)
    try:
        run = _sandbox.run_cells([(0, IMPORTS), (1, source)], sandbox=_sandbox.plan(mode), timeout=30, uid=uids[0],
                                 folder=tmp_path / "class" / "ann")
    finally:
        _sandbox.give_back(uids)
    assert run.left_out == ["link.txt: a symbolic link"] and not run.problem
    return ast.literal_eval(run.records[-1]["answer"])


@pytest.mark.skipif(not __import__("os").geteuid() == 0, reason="the kernel's own user needs root: NOT EXERCISED")
def test_with_bubblewrap_a_kernel_sees_only_its_own_folder_as_its_own_user(tmp_path):
    from newslab.teach import _sandbox

    if _sandbox.plan().mode != "bwrap":
        pytest.skip("bubblewrap is not installed (scripts/bootstrap.sh installs it): NOT EXERCISED")
    seen = probe(tmp_path, "bwrap")
    assert seen["uid"] not in (0, __import__("os").getuid()) and seen["cwd"] == ["my-annotations"]
    assert seen["class"] == seen["out"] == "FileNotFoundError"
    assert [name for name in seen["root"] if not any(p.is_relative_to(f"/root/{name}") for p in _sandbox._python_roots())
            ] == []  # only the Python it runs, when that lives under /root
    own_tmp = [name for name in seen["tmp"] if not any(p.is_relative_to(f"/tmp/{name}") for p in _sandbox._python_roots())
               ]  # a checkout under /tmp brings the Python it runs (read-only) there too
    assert len(own_tmp) == 1 and own_tmp[0].startswith("newslab-grade-") and seen["net"] is False
    assert seen["nproc"] == (512, 512)  # no fork bomb


@pytest.mark.skipif(not __import__("os").geteuid() == 0, reason="the kernel's own user needs root: NOT EXERCISED")
def test_without_bubblewrap_the_kernel_still_runs_as_its_own_user_and_the_gap_is_said(tmp_path):
    from newslab.teach import _sandbox

    if not _sandbox._reachable(Path(sys.prefix)):
        pytest.skip("this Python environment lies in a folder other users cannot pass: setpriv NOT EXERCISED")
    seen = probe(tmp_path, "setpriv")
    assert seen["uid"] != 0 and seen["cwd"] == ["my-annotations"] and seen["root"] == "PermissionError"
    assert seen["nproc"] == (512, 512)
    assert "world-readable" in _sandbox.plan("setpriv").warning  # what it can still read is said
