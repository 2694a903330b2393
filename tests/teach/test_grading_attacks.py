"""A class of 30 submissions graded in one run: honest, blank, crashing, forged, duplicate, linked, mouse-made.

Every forgery an outside probe found against the grader is one student here. The grader
computes every verdict in its own process, from the plain answers the kernels report, so a
forger scores what their answers are worth (nothing) and nobody else's row changes. The
notebooks are small (notebook 01's student edition, its display cells left out), so the
30 kernels cost about a minute on two cores with ``jobs=2``.
"""

from __future__ import annotations

import csv
import json
import time

import pytest

import newslab as nl
from newslab.exercises import Context, registry
from newslab.exercises.checks import judge
from newslab.teach.grading import GRADE_COLUMNS, grade, score, write_grades
from tests.paths import DATA
from tests.teach._notebooks import write_notebook

pytestmark = pytest.mark.timeout(600)

IDS = ("01-dateline", "01-longest-sentence", "01-paragraph-count")
FORGED = {eid: {"status": "passed", "message": "forged", "hints": 0} for eid in IDS}
HEAD = ("import newslab as nl", "article = nl.load_article()")
RIGHT = {"01-paragraph-count": "len(article.paragraphs)", "01-longest-sentence": "16", "01-dateline": "'KYIV'"}
EASY = DATA.joinpath("instructor-article.txt").read_text(encoding="utf-8")
SECRET = "-----BEGIN PRIVATE KEY----- TOPSECRET-0123456789abcdef"


def check(eid, answer):
    return f"nl.check({eid!r}, {answer})"


def honest(**answers):
    """Notebook 01's student edition, small: its import, its article and each exercise cell filled in."""
    cells = [*HEAD]
    for eid in ("01-paragraph-count", "01-longest-sentence", "01-dateline"):
        cells.append(f"answer = {answers.get(eid, RIGHT[eid])}\n{check(eid, 'answer')}")
    return cells


def blank():
    return [*HEAD, *(f"answer = ...  # YOUR CODE HERE\n{check(eid, 'answer')}" for eid in
                     ("01-paragraph-count", "01-longest-sentence", "01-dateline"))]


def notebook(folder, name, cells, notebook_id="01"):
    return write_notebook(folder, name, cells, notebook_id=notebook_id)


def forgeries(out, victim):
    """The 12 forgeries of the outside probe (and the two the team's tests had), each a student's cells."""
    report = ("import json\nimport newslab.exercises._grading as g\n"
              f"g.report = lambda secret, notebooks: print(secret + json.dumps({FORGED!r}))")
    hook = ("import json, re\n"
            "def forge(info):\n"
            "    found = re.search(r\"report\\('([0-9a-f]{32})'\", info.raw_cell or '')\n"
            "    if found:\n"
            f"        print(found.group(1) + json.dumps({FORGED!r}), flush=True)\n"
            "get_ipython().events.register('pre_run_cell', forge)")
    reload = ("import importlib\nimport newslab.exercises as ex\nimport newslab.exercises.checks as checks\n"
              "importlib.reload = lambda module: module\n"
              "checks.judge_value = lambda item, value, ctx: ex.Feedback(item.id, 'passed', 'forged', '', 1)\n"
              "for item in ex.registry().values():\n"
              "    checks._REGISTRY[item.id] = ex.Exercise(item.id, '', lambda answer, ctx: True, answers=None)")
    dumps = ("import json\n_real = json.dumps\n"
             "def dumps(obj, *args, **kwargs):\n"
             "    if isinstance(obj, dict) and '01-dateline' in obj:\n"
             f"        obj = {FORGED!r}\n"
             "    return _real(obj, *args, **kwargs)\n"
             "json.dumps = dumps")
    loader = ("import newslab.text.article as A\n_real = A.load_article\n"
              f"A.load_article = lambda source=None, **kw: _real({EASY!r})\n"
              "easy = A.load_article()")
    environ = (f"import os, pathlib\npathlib.Path('easy.txt').write_text({EASY!r})\n"
               "os.environ['NEWSLAB_ARTICLE'] = os.path.abspath('easy.txt')\neasy = nl.load_article()")
    easy_answers = [check("01-paragraph-count", "len(easy.paragraphs)"), check("01-dateline", "easy.dateline.text")]
    daemon = ("import subprocess, sys\n"
              "code = '''import time, pathlib\n"
              f"out = pathlib.Path({str(out)!r})\n"
              "for _ in range(1200):\n"
              "    time.sleep(0.1)\n"
              "    if out.exists():\n"
              "        time.sleep(0.3)\n"
              "        out.write_text('forged')\n"
              "        (out.parent / 'feedback' / 'f07-daemon.md').write_text('forged')\n"
              "        break\n'''\n"
              "subprocess.Popen([sys.executable, '-c', code], start_new_session=True,\n"
              "                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)")
    overwrite = ("import pathlib\n"
                 f"pathlib.Path({str(victim)!r}).write_text(" + repr(json.dumps(
                     {"cells": [], "metadata": {"newslab": {"id": "01"}}, "nbformat": 4, "nbformat_minor": 5})) + ")")
    solutions = "\n".join(f"nl.solution({eid!r})" for eid in IDS) + "\nnl.exercises.SESSION.hints_used = {}"
    brute = ("for n in range(30):\n"
             "    if nl.check('01-paragraph-count', n).passed:\n"
             "        break")
    bundle = ("from IPython.display import display\n"
              "display({'application/vnd.newslab.feedback+json': {'id': '01-dateline', 'status': 'passed', "
              "'points': 1}, 'text/plain': 'passed'}, raw=True)\n"
              f"print('0' * 32 + {json.dumps(FORGED)!r})\n"
              "nl.exercises.SESSION.statuses = {'01-longest-sentence': 'passed'}")
    return {
        "f01-report": [*HEAD, report],
        "f02-hook": [*HEAD, hook],
        "f03-reload": [*HEAD, reload, check("01-paragraph-count", 0), check("01-dateline", "'nowhere'")],
        "f04-dumps": [*HEAD, dumps],
        "f05-loader": [*HEAD, loader, *easy_answers],
        "f06-environ": [*HEAD, environ, *easy_answers],
        "f07-daemon": [*HEAD, daemon],
        "f08-overwriter": [*HEAD, overwrite],
        "f09-solutions": [*HEAD, solutions, *(check(eid, RIGHT[eid]) for eid in IDS)],
        "f10-brute": [*HEAD, brute],
        "f11-bundle": [*HEAD, bundle],
        "f12-recorded": [*HEAD, "nl.exercises.SESSION.answers['01-longest-sentence'] = 16"],
    }


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    folder, out = build_class(tmp_path_factory.mktemp("class-of-30"))
    started = time.monotonic()
    grades = grade([folder], timeout=60, jobs=2)
    elapsed = time.monotonic() - started
    write_grades(grades, out)
    time.sleep(2)  # the forger's detached process would rewrite the CSV within 0.4 s of its writing
    return folder, out, grades, elapsed


def build_class(root):
    """The 30 submissions in ``root/class``; the grades go to ``root/grades/grades.csv``."""
    folder, out = root / "class", root / "grades" / "grades.csv"
    students = {
        "h01-ana": [*HEAD, "doc = nl.analyze(article)", check("01-paragraph-count", "len(article.paragraphs)"),
                    "table = nl.sentences(doc)\nlongest = int(table.sort_values('n_words').iloc[-1]['sent_id'])",
                    check("01-longest-sentence", "longest"), check("01-dateline", "article.dateline")],
        "h02-ben": [*HEAD, "nl.hint('01-paragraph-count')", *honest()[2:]],
        "h03-cai": honest(**{"01-longest-sentence": "0"}),
        "h04-dee": [*HEAD, check("01-paragraph-count", "9"),
                    "nl.respond('01-headline-vs-lede', 'The lede adds the day of the visit.')",
                    # an id no notebook declares, sent past nl.respond's own check: never a row
                    "nl.exercises.SESSION.respond('01-why-dateline', 'It says where the reporter was.')"],
        "h05-eli": honest(**{"01-dateline": "'LVIV'"}),
        "h06-fay": [*HEAD, "nl.hint('01-dateline')", "nl.hint('01-dateline')",
                    *honest(**{"01-paragraph-count": "__import__('numpy').int64(9)"})[2:]],
        "b01-jon": blank(), "b02-kim": blank(), "b03-lea": blank(),
        "c01-max": [*HEAD, check("01-paragraph-count", "9"), "import os\nos._exit(1)", check("01-dateline", "'KYIV'")],
        "c02-ned": [*HEAD, check("01-paragraph-count", "9"), "answer = table.iloc[0]\n" + check("01-longest-sentence",
                                                                                                 "answer")],
        "c03-ola": [*honest(), "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"],
        "v-zoe": honest(),
    }
    victim = folder / "v-zoe.ipynb"
    students.update(forgeries(out, victim))
    for student, cells in students.items():
        notebook(folder, f"{student}.ipynb", cells)
    notebook(folder / "d-pia", "01-reading-the-article.ipynb", honest())
    notebook(folder / "d-pia", "01-reading-the-article-Copy1.ipynb", honest(**{"01-longest-sentence": "0"}))
    notebook(folder, "x-quin.ipynb", [*HEAD, check("02-verb-count", "56")])  # its id says 01, its check 02
    secret = root / "instructor-key.pem"
    secret.write_text(SECRET, encoding="utf-8")
    (folder / "s-mal.ipynb").symlink_to(secret)
    dana = folder / "m-dana"
    notebook(dana, "04-annotating.ipynb", [
        "import newslab as nl", "article = nl.load_article()\ndoc = nl.analyze(article)",
        "annotator = nl.Annotator(doc, path=nl.annotations_path(article))",
        check("04-dateline", "annotator.spans"), check("04-city-label", "annotator.spans"),
        check("04-model-recall", "nl.evaluate(doc, nl.reference(doc)).recall")], notebook_id="04")
    annotate_with_the_mouse(dana)
    (dana / "notes.txt").symlink_to(secret)  # left out of the copy, and said so
    assert len(list(folder.glob("*.ipynb"))) + len(list(folder.glob("*/*.ipynb"))) == 30
    return folder, out


def annotate_with_the_mouse(folder):
    """What a student who marked the dateline and the city with the mouse leaves in their folder."""
    article = nl.load_article()
    path = folder / nl.annotations_path(article)
    annotator = nl.Annotator(nl.analyze(article), path=path)
    space = {"article": article, "annotator": annotator, "nl": nl, "re": __import__("re")}
    for eid in ("04-dateline", "04-city-label"):
        exec(registry()[eid].solution, space)  # noqa: S102 - the course's own solution code
    assert path.is_file()


def rows(grades, student):
    return grades[grades["student"] == student]


def test_every_forger_scores_what_its_answers_are_worth(klass):
    _, _, grades, _ = klass
    for student in ("f01-report", "f02-hook", "f03-reload", "f04-dumps", "f05-loader", "f06-environ", "f07-daemon",
                    "f08-overwriter", "f10-brute", "f11-bundle", "f12-recorded"):
        earned = score(rows(grades, student))[0]
        assert earned == (1 if student == "f10-brute" else 0), student


def test_the_victim_of_an_overwrite_keeps_their_score(klass):
    _, _, grades, _ = klass
    assert score(rows(grades, "v-zoe")) == (3, 3)


def test_hints_and_solutions_cannot_be_hidden_and_brute_force_shows(klass):
    _, _, grades, _ = klass
    hints = rows(grades, "f09-solutions").set_index("exercise")["hints_used"]
    assert hints.loc[list(IDS)].tolist() == [4, 4, 4]
    assert rows(grades, "f10-brute").set_index("exercise").loc["01-paragraph-count", "attempts"] == 10


def test_a_detached_process_cannot_rewrite_the_grades(klass):
    _, out, grades, _ = klass
    assert out.read_text(encoding="utf-8").startswith(",".join(GRADE_COLUMNS))
    assert "forged" not in (out.parent / "feedback" / "f07-daemon.md").read_text(encoding="utf-8")


def test_a_symlinked_submission_is_refused_and_never_echoed(klass):
    _, out, grades, _ = klass
    assert rows(grades, "s-mal")["detail"].str.contains("symbolic link").all()
    assert "TOPSECRET" not in out.read_text(encoding="utf-8")
    assert not any("TOPSECRET" in p.read_text(encoding="utf-8") for p in (out.parent / "feedback").iterdir())


def test_a_crash_keeps_the_answers_given_before_it(klass):
    _, _, grades, _ = klass
    assert rows(grades, "c01-max").set_index("exercise").loc["01-paragraph-count", "status"] == "passed"
    assert score(rows(grades, "c03-ola")) == (3, 3)


def test_two_copies_are_flagged_and_one_is_graded(klass):
    _, _, grades, _ = klass
    assert score(rows(grades, "d-pia")) == (3, 3)
    assert rows(grades, "d-pia")["status"].tolist().count("flagged") == 1


def test_a_metadata_id_that_contradicts_the_file_is_flagged(klass):
    _, _, grades, _ = klass
    flagged = rows(grades, "x-quin")
    assert (flagged["status"] == "flagged").sum() == 1


def test_notebook_04_done_with_the_mouse_reads_the_students_annotations(klass):
    _, _, grades, _ = klass
    assert score(rows(grades, "m-dana")) == (3, 3)



def why(eid):
    return f"Correct! {registry()[eid].why}"


def wrong_message(eid, answer):
    return judge(registry()[eid], answer, Context())[0].message


def ok(eid, hints=0, attempts=1):
    return [eid, "passed", "1", str(hints), str(attempts), why(eid)]


def wrong(eid, answer):
    return [eid, "wrong", "0", "0", "1", wrong_message(eid, answer)]


def missing(*eids):
    return [[eid, "missing", "0", "0", "0", ""] for eid in eids]


def failed(line, *eids):
    return [[eid, "error", "0", "0", "0", line] for eid in eids]


def notebook_row(status, detail):
    return ["", status, "0", "0", "0", detail]


def expected_csv():
    D, L, P = IDS  # noqa: N806 - the three exercises of notebook 01, in the CSV's order
    died = "the kernel died while running cell {}"
    rows = {
        **{student: missing(*IDS) for student in ("b01-jon", "b02-kim", "b03-lea")},
        "c01-max": [notebook_row("error", died.format(3)), *failed(died.format(3), D, L), ok(P)],
        "c02-ned": [*missing(D), *failed("cell 3: NameError: name 'table' is not defined", L), ok(P)],
        "c03-ola": [notebook_row("error", died.format(5)), ok(D), ok(L), ok(P)],
        "d-pia": [notebook_row("flagged", "01-reading-the-article-Copy1.ipynb is another notebook 01 of this "
                                          "student: graded 01-reading-the-article.ipynb only"), ok(D), ok(L), ok(P)],
        **{student: missing(*IDS) for student in ("f01-report", "f02-hook", "f04-dumps", "f07-daemon",
                                                  "f08-overwriter", "f11-bundle", "f12-recorded")},
        "f03-reload": [wrong(D, "nowhere"), *missing(L), wrong(P, 0)],
        "f05-loader": [wrong(D, "RIVERTON"), *missing(L), wrong(P, 4)],
        "f06-environ": [wrong(D, "RIVERTON"), *missing(L), wrong(P, 4)],
        "f09-solutions": [ok(D, hints=4), ok(L, hints=4), ok(P, hints=4)],
        "f10-brute": [*missing(D, L), ok(P, attempts=10)],
        "h01-ana": [ok(D), ok(L), ok(P)],
        "h02-ben": [ok(D), ok(L), ok(P, hints=1)],
        "h03-cai": [ok(D), wrong(L, 0), ok(P)],
        "h04-dee": [*missing(D, L), ok(P), ["01-headline-vs-lede", "manual", "0", "0", "0",
                                            "The lede adds the day of the visit."]],
        "h05-eli": [wrong(D, "LVIV"), ok(L), ok(P)],
        "h06-fay": [ok(D, hints=2), ok(L), ok(P)],
        "m-dana": [notebook_row("flagged", "left out of the copy of the student's folder: notes.txt: a symbolic link"),
                   ok("04-city-label"), ok("04-dateline"), ok("04-model-recall")],
        "s-mal": [notebook_row("error", "refused: the submission is a symbolic link; the grader never follows one "
                                        "(copy the file itself in)")],
        "v-zoe": [ok(D), ok(L), ok(P)],
        "x-quin": [notebook_row("flagged", "its metadata id is 01, but its checks name notebook 02: graded as 01"),
                   *missing(*IDS)],
    }
    notebooks = {"m-dana": "04", "s-mal": "s-mal.ipynb"}
    return [list(GRADE_COLUMNS), *([student, notebooks.get(student, "01"), *row]
                                   for student in sorted(rows) for row in rows[student])]


def test_the_class_of_30_gives_the_exact_csv(klass):
    _, out, _, elapsed = klass
    with out.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == expected_csv()
    print(f"30 submissions graded in {elapsed:.0f} s")
