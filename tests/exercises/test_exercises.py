"""Every exercise accepts every ordinary correct answer and rejects every wrong one.

For each exercise, on the seed and on an instructor's own article, the right answer is
computed by the exercise itself and then given in at least six forms (Python, numpy, a
one-row Series, a list, a string with other spacing or case, and the object the notebook's
own helpers return); at least four wrong answers (blank, off by one, the neighbouring label
or row, each declared distractor) must all fail.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest

import newslab
from newslab import columns as C
from newslab.errors import NewslabError
from newslab.exercises import FEEDBACK_MIME, check, hint, registry, solution
from newslab.exercises._context import current_context
from newslab.exercises.session import SESSION, SOLUTION_SHOWN
from tests.paths import DATA

IDS = sorted(registry())
#: the seed, the instructor's article with a gold file, and every test article of other shapes without one
ARTICLES = ("seed", "instructor", *(path.stem for path in sorted((DATA / "articles").glob("*.txt"))))


@pytest.fixture(scope="module")
def instructor_article(tmp_path_factory):
    """An instructor's own article, with a gold file made the way the README says."""
    folder = tmp_path_factory.mktemp("instructor")
    article = folder / "riverton.txt"
    shutil.copy(DATA / "instructor-article.txt", article)
    newslab.Annotator(newslab.analyze(article), path=folder / "riverton.gold.jsonl")
    return article


@pytest.fixture(params=ARTICLES)
def which(request, monkeypatch, instructor_article, tmp_path_factory):
    if request.param == "instructor":
        monkeypatch.setenv("NEWSLAB_ARTICLE", str(instructor_article))
    elif request.param == "seed":
        monkeypatch.delenv("NEWSLAB_ARTICLE", raising=False)
    else:  # an article of another shape, with its metadata and no gold file
        folder = tmp_path_factory.mktemp(request.param)
        for source in (DATA / "articles").glob(f"{request.param}.*"):
            shutil.copy(source, folder / source.name)
        monkeypatch.setenv("NEWSLAB_ARTICLE", str(folder / f"{request.param}.txt"))
    return request.param


# --- the forms a student may give -------------------------------------------------------------------------------


def _count_forms(v: int) -> list[Any]:
    return [v, np.int64(v), pd.Series([v]), [v], f"  {v} ", float(v), np.array([v]), pd.DataFrame({"n": [v]})]


def _ratio_forms(v: float) -> list[Any]:
    return [v, np.float64(v), pd.Series([v]), [v], f" {round(v, 3)} ", round(v, 3), f"{round(100 * v, 1)} %",
            pd.DataFrame({"recall": [v]})]


def _text_forms(v: str) -> list[Any]:
    return [v, np.str_(v), pd.Series([v]), [v], f"  {v.upper()} ", f"{v.lower()}\n", (v,), pd.Index([v])]


def _texts_forms(v: list[str]) -> list[Any]:
    forms = [v, np.array(v), pd.Series(v), list(reversed(v)), [f" {x.upper()} " for x in v], tuple(v),
             pd.DataFrame({C.PREDICTED_TEXT: v * 2})]  # the disagreements rows, one name twice
    return forms + ([v[0], pd.Series([v[0]])] if len(v) == 1 else [])


def _pair_forms(v: tuple[str, str]) -> list[Any]:
    a, b = v
    row = pd.DataFrame({C.KEY_A: [a], C.KEY_B: [b], C.COUNT: [3]})
    return [(a, b), [b, a], np.array([a, b]), pd.Series([a, b]), f" {a.upper()} , {b} ", f"{a} and {b}", row,
            row.iloc[0], tuple(pd.Index([a, b]))]


def _spans_forms(v: list[dict[str, Any]]) -> list[Any]:
    frame = pd.DataFrame({C.START_CHAR: [s["start"] for s in v], C.END_CHAR: [s["end"] for s in v],
                          C.LABEL: [s["label"] for s in v]})
    return [v, [(s["start"], s["end"], s["label"]) for s in v], list(reversed(v)), frame,
            {"text": "", "spans": v}, SimpleNamespace(spans=v), frame.rename(columns={C.START_CHAR: "start",
                                                                                        C.END_CHAR: "end"})]


FORMS = {"count": _count_forms, "ratio": _ratio_forms, "text": _text_forms, "texts": _texts_forms,
         "pair": _pair_forms, "spans": _spans_forms}


def _helper_forms(exercise_id: str, ctx) -> list[Any]:
    """The objects the notebooks' own helper calls return (as the solution notebooks write them)."""
    doc, article = ctx.doc, ctx.article
    sentences, ents = newslab.sentences(doc), newslab.entities(doc)
    body = int(sentences.query("part == 'paragraph'")["sent_id"].iloc[0])
    forms: dict[str, Any] = {
        "01-paragraph-count": lambda: [len(article.paragraphs), pd.Series([p.kind for p in article.parts])
                                       .value_counts()["paragraph"]],
        "01-longest-sentence": lambda: [sentences.sort_values("n_words", ascending=False).iloc[0]["sent_id"],
                                        sentences.nlargest(1, "n_words")["sent_id"],
                                        sentences.nlargest(1, "n_words")[["sent_id"]]],
        "01-dateline": lambda: [article.dateline, newslab.article_parts(article).query("kind == 'dateline'")["text"]],
        "02-verb-count": lambda: [(newslab.tokens(doc)["pos"] == "VERB").sum(),
                                  newslab.tokens(doc)["pos"].value_counts()["VERB"]],
        "02-root-verb": lambda: [newslab.sentence_span(doc, body).root.lemma_,
                                 newslab.tokens(doc).query(f"dep == 'ROOT' and sent_id == {body}")["lemma"]],
        "02-who-reassured": lambda: _object_forms(doc, body),
        "03-gpe-entities": lambda: [newslab.label_summary(ents).set_index("label").loc["GPE", "n_entities"],
                                    newslab.label_summary(ents).query("label == 'GPE'")["n_entities"]],
        "03-not-a-person": lambda: [_relabelled(ctx)["predicted_text"], _relabelled(ctx),
                                    sorted(set(_relabelled(ctx)["predicted_text"]))],
        "03-gpe-recall": lambda: [ctx.evaluation.per_label.set_index("label").loc["GPE", "recall"],
                                  ctx.evaluation.per_label.query("label == 'GPE'")["recall"]],
        "04-dateline": lambda: [],
        "04-city-label": lambda: [],
        "04-model-recall": lambda: [ctx.evaluation.recall, ctx.evaluation.summary()["recall"]],
        "05-top-entity": lambda: [newslab.entity_counts(doc, n=1)["canonical"].iloc[0],
                                  newslab.entity_counts(doc, n=1)["canonical"],
                                  ents[ents["canonical"] == newslab.entity_counts(doc, n=1)["canonical"].iloc[0]]
                                  .iloc[0]["canonical"]],
        "05-second-half-only": lambda: [],
        "05-strongest-pair": lambda: [newslab.ner.chartdata.cooccurrence(ents).head(1),
                                      newslab.ner.chartdata.cooccurrence(ents).iloc[0]],
    }
    return forms.get(exercise_id, lambda: [])()


def _relabelled(ctx) -> pd.DataFrame:
    table = ctx.evaluation.disagreements
    return table[(table["predicted_label"] == "PERSON") & (table["kind"] == "wrong_label")]


def _object_forms(doc, body: int) -> list[Any]:
    triples = newslab.svo_triples(doc)
    rows = triples[(triples["sent_id"] == body) & (triples["object"] != "")]
    head = next(t for t in newslab.sentence_span(doc, body) if t.dep_ in ("dobj", "obj")
                and doc[t.left_edge.i:t.right_edge.i + 1].text == rows.iloc[-1]["object"])
    return [rows.iloc[-1]["object"], rows.tail(1)["object"], head]


def _annotator_forms(exercise_id: str, ctx, right: list[dict[str, Any]]) -> list[Any]:
    """A real annotator, corrected as the notebook does, and its to_frame() and record()."""
    annotator = newslab.Annotator(ctx.doc)
    annotator.reset("empty")
    for span in right:
        annotator.add(span["start"], span["end"], span["label"])
    return [annotator, annotator.spans, annotator.to_frame(), annotator.record()]


# --- the wrong answers -------------------------------------------------------------------------------------------


def _wrong(item, ctx, right: list[Any]) -> list[Any]:
    canonical = right[0]
    generic = {
        "count": lambda v: ["", v + 1, v - 1, "seven", True],
        "ratio": lambda v: ["", v + 0.01, round(v, 1) if round(v, 1) != v else v - 0.1, 1 - v if v != 0.5 else 0.2],
        "text": lambda v: ["", "y", v[-1], v[:-1], f"{v} x", "GPE"],
        "texts": lambda v: [[], "", ["y"], v + ["Riverton Council"], ["Mark Rutte"]],
        "pair": lambda v: ["", (v[0], v[0]), (v[0], "y"), v[0]],
        "spans": lambda v: [[], "", _model(ctx), [{**s, "label": "ORG"} for s in v], _shifted(v)],
    }[item.kind](canonical)
    neighbours = _neighbours(item.id, ctx)
    distractors = [d.value(ctx) for d in item.distractors]
    return [w for w in [*generic, *neighbours, *distractors] if w is not None and not _is_right(item, w, right)]


def _model(ctx) -> list[dict[str, Any]]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in ctx.doc.ents]


def _shifted(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**s, "end": s["end"] + 1} if s["label"] == "GPE" else s for s in spans]


def _neighbours(exercise_id: str, ctx) -> list[Any]:
    """The neighbouring row or label: what a student gets by reading one line off."""
    sentences = ctx.sentences.sort_values("n_words", ascending=False)
    per_label = ctx.evaluation.per_label.set_index("label") if ctx.gold is not None else None
    ranked = list(ctx.entities["canonical"].value_counts().index)
    return {
        "01-longest-sentence": lambda: [sentences.iloc[1]["sent_id"]],
        "02-root-verb": lambda: [newslab.sentence_span(ctx.doc, 0).root.lemma_],
        "03-gpe-entities": lambda: [int(ctx.entities.query("label == 'PERSON'")["key"].nunique())],
        "03-gpe-recall": lambda: [float(per_label.iloc[1]["recall"])] if per_label is not None else [],
        "04-model-recall": lambda: [ctx.evaluation.recall + 0.1] if ctx.gold is not None else [],
        "05-top-entity": lambda: ranked[1:2],
        "05-strongest-pair": lambda: [tuple(newslab.ner.chartdata.cooccurrence(ctx.entities).iloc[-1][["key_a", "key_b"]])],
    }.get(exercise_id, lambda: [])()


def _is_right(item, wrong: Any, right: list[Any]) -> bool:
    """A deliberately simple comparison, independent of the code under test."""
    def key(value: Any) -> Any:
        if isinstance(value, str):
            return value.strip().casefold()
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return frozenset(v.strip().casefold() for v in value)
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return frozenset((s["start"], s["end"], s["label"]) for s in value)
        if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
            return round(float(value), 9)
        return repr(value)

    return any(key(wrong) == key(r) for r in right)


# --- the tests ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_correct_form_passes_and_every_wrong_answer_fails(exercise_id, which):
    item, ctx = registry()[exercise_id], current_context()
    blank = check(exercise_id, "")
    assert not blank.passed, "a blank answer never passes"
    if blank.status == "not_applicable":
        assert "not applicable to this article" in blank.message.lower()
        assert check(exercise_id, "y").status == "not_applicable"
        return
    assert item.answers is not None and item.kind in FORMS, (
        f"{exercise_id} declares no answers or kind: declare it with define(...) (see CONTRIBUTING.md), so that "
        "this test can try every correct form and every wrong answer on it")
    right = item.answers(ctx)
    canonical = right[0]
    forms = FORMS[item.kind](canonical) + _helper_forms(exercise_id, ctx)
    if item.kind == "spans":
        forms += _annotator_forms(exercise_id, ctx, canonical)
    assert len(forms) >= 6
    rejected = [(form, check(exercise_id, form).message) for form in forms if not check(exercise_id, form).passed]
    assert rejected == [], f"false rejections on the {which} article"
    wrong = _wrong(item, ctx, right)
    assert len(wrong) >= 4
    accepted = [form for form in wrong if check(exercise_id, form).passed]
    assert accepted == [], f"false acceptances on the {which} article"


@pytest.mark.parametrize("exercise_id", IDS)
def test_each_distractor_gets_its_own_message(exercise_id, which):
    item, ctx = registry()[exercise_id], current_context()
    if check(exercise_id, "").status == "not_applicable":
        return
    for distractor in item.distractors:
        value = distractor.value(ctx)
        if value is None or _is_right(item, value, item.answers(ctx)):
            continue
        result = check(exercise_id, value)
        assert result.status == "failed" and result.message == distractor.message, distractor.name


def test_every_exercise_declares_goal_hints_solution_and_why():
    for exercise_id, item in registry().items():
        assert exercise_id[:2].isdigit() and exercise_id[2] == "-"
        assert item.goal and item.why and item.solution, exercise_id
        assert len(item.hints) == 3 and item.hints[2] != item.hints[0], exercise_id
        assert item.answers is not None and item.kind != "value", exercise_id


def test_blank_and_arbitrary_answers_never_pass_on_the_seed():
    for exercise_id in IDS:
        for answer in ("", " ", "y", 0, [], "none"):
            assert not check(exercise_id, answer).passed, (exercise_id, answer)


def test_a_tolerance_never_swallows_a_distractor():
    ctx = current_context()
    gpe = ctx.evaluation.per_label.set_index("label").loc["GPE"]
    assert check("03-gpe-recall", round(float(gpe["recall"]), 3)).passed
    assert not check("03-gpe-recall", round(float(ctx.evaluation.recall), 3)).passed
    assert check("04-model-recall", round(ctx.evaluation.recall, 3)).passed
    assert check("04-model-recall", f"{100 * ctx.evaluation.recall:.1f}%").passed
    assert "percentage" in check("04-model-recall", 100 * ctx.evaluation.recall).message
    assert not check("04-model-recall", round(ctx.evaluation.recall, 2)).passed


def test_unanswered_is_friendly_not_an_error():
    SESSION.hints_used = {}  # other tests (the docstring examples) may have asked for its hints already
    result = check("01-paragraph-count", ...)
    assert result.status == "unanswered" and not result.passed
    assert 'nl.hint("01-paragraph-count")' in repr(result)


def test_hints_come_one_step_at_a_time_and_the_solution_only_when_asked():
    SESSION.hints_used = {}
    item = registry()["02-verb-count"]
    failed = check("02-verb-count", 1)
    assert "hint 1 of 3" in failed.hint and item.solution not in repr(failed)
    steps = [hint("02-verb-count") for _ in range(4)]
    assert [s.split(":")[0] for s in steps] == ["Hint 1 of 3", "Hint 2 of 3", "Hint 3 of 3", "Hint 3 of 3"]
    assert steps[0].endswith(item.hints[0]) and "nl.solution" in steps[2]
    assert SESSION.hints_used["02-verb-count"] == 3
    assert "Every hint is shown" in check("02-verb-count", 1).hint
    assert solution("02-verb-count") == item.solution and repr(steps[0]) == steps[0], "shown as text, not quoted"
    assert solution("02-verb-count")._repr_markdown_() == f"```python\n{item.solution}\n```"
    assert SESSION.hints_used["02-verb-count"] == SOLUTION_SHOWN


def test_a_passed_check_says_why():
    result = check("01-paragraph-count", 9)
    assert result.passed and result.message == f"Correct! {registry()['01-paragraph-count'].why}"


def test_a_wrong_type_gives_feedback_not_a_traceback():
    result = check("01-longest-sentence", "the long one")
    assert result.status == "failed" and "whole number" in result.message


def test_feedback_bundle_is_html_and_machine_readable():
    bundle = check("02-root-verb", "visit")._repr_mimebundle_()
    assert bundle[FEEDBACK_MIME] == {"id": "02-root-verb", "status": "passed", "points": 1}
    assert "newslab-feedback-passed" in bundle["text/html"]


def test_feedback_escapes_the_answer():
    html = check("05-top-entity", "<script>x</script>")._repr_mimebundle_()["text/html"]
    assert "<script>" not in html


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(NewslabError, match="01-paragraph-count"):
        check("99-nothing", 1)


def test_checks_follow_the_instructors_article_without_a_restart(tmp_path, monkeypatch):
    path = tmp_path / "mine.txt"
    path.write_text("Council Votes\nBy Jo Reporter\nLYON – The council voted.\nIt was late.\nEveryone left.")
    assert check("01-paragraph-count", 9).passed
    monkeypatch.setenv("NEWSLAB_ARTICLE", str(path))
    assert check("01-paragraph-count", 3).passed
    assert check("01-dateline", "LYON").passed
    path.write_text("Council Votes\nBy Jo Reporter\nPARIS – The council voted.\nIt was late.")
    assert check("01-dateline", "PARIS").passed, "an edited article gives fresh checks"
    monkeypatch.delenv("NEWSLAB_ARTICLE")
    assert check("01-paragraph-count", 9).passed


def test_applicability_says_why_an_exercise_does_not_apply(instructor_article, tmp_path):
    table = newslab.exercises.applicability(instructor_article).set_index("exercise")
    assert list(table.columns) == ["applies", "reason"]
    assert not table.loc["03-not-a-person", "applies"]
    assert "PERSON that the gold standard labels otherwise" in table.loc["03-not-a-person", "reason"]
    bare = tmp_path / "bare.txt"
    bare.write_text("Council Votes\nThe council of Riverton voted on Monday. Mayor Ana Field was late.")
    reasons = newslab.exercises.applicability(bare).set_index("exercise")["reason"]
    assert reasons["01-dateline"] == "needs dateline" and "gold file" in reasons["04-model-recall"]
    assert reasons["01-paragraph-count"] == ""


def test_exercises_do_not_import_the_package_root():
    import ast

    for path in Path(newslab.exercises.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module is None:
                lazy = [alias.name for alias in node.names if alias.name in newslab._EXPORTS]
                assert not lazy, f"{path.name} imports {lazy} from newslab/__init__: import the defining module"


@pytest.fixture
def legacy():
    """A checker written the simple way, as notebooks 06 and 07 do, removed again afterwards."""
    from newslab.exercises import exercise
    from newslab.exercises.checks import _REGISTRY

    @exercise("98-legacy", hint="Count the body paragraphs.")
    def paragraphs(answer, ctx):
        return answer == len(ctx.article.paragraphs) or f"{answer} is not the number of paragraphs."

    @exercise("98-numpy-verdict", hint="Any text.")
    def numpy_verdict(answer, ctx):
        return np.bool_(answer == "Kyiv")

    yield
    del _REGISTRY["98-legacy"], _REGISTRY["98-numpy-verdict"]


def test_the_simple_decorator_still_works_and_gets_normalised_answers(legacy):
    for form in (9, np.int64(9), pd.Series([9]), [9]):
        assert check("98-legacy", form).passed
    wrong = check("98-legacy", 8)
    assert wrong.status == "failed" and wrong.message == "8 is not the number of paragraphs."
    assert 'nl.hint("98-legacy") gives hint 1 of 1' in wrong.hint
    assert hint("98-legacy") == "Hint 1 of 1: Count the body paragraphs.\n" \
        '(That was the last hint. nl.solution("98-legacy") shows the solution.)'
    assert check("98-numpy-verdict", " Kyiv ").passed, "a numpy True is a pass: never `is True`"
    assert not check("98-numpy-verdict", "Lviv").passed
    assert not check("98-legacy", "").passed and "no solution is stored" in solution("98-legacy").lower()


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_declared_solution_passes(exercise_id, which):
    """The solution ``nl.solution(id)`` shows, run with the names its notebook defines, passes (or does not apply)."""
    from newslab.teach.editions import _assigned

    item, ctx = registry()[exercise_id], current_context()
    if check(exercise_id, "").status == "not_applicable":
        return
    names = {"nl": newslab, "article": ctx.article, "doc": ctx.doc, "ents": ctx.entities,
             "annotator": newslab.Annotator(ctx.doc)}
    if ctx.gold is not None:
        names["evaluation"] = names["model_score"] = ctx.evaluation
    exec(item.solution, names)
    answer = names[_assigned(item.solution)[-1]]
    assert check(exercise_id, answer).passed, (which, answer)


def test_checking_loads_no_display_library():
    """The exercises are data: checking every one of them loads neither Altair nor widgets."""
    import subprocess
    import sys

    code = ("import sys, newslab.exercises as ex\nfor eid in sorted(ex.registry()): ex.check(eid, 1)\n"
            "print(sorted({'altair', 'ipywidgets', 'IPython', 'anywidget'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# --- the outside probe's cases (issue 18), each named -------------------------------------------------------------


def test_the_number_forms_the_probe_found_rejected_pass():
    from decimal import Decimal
    from fractions import Fraction

    ctx = current_context()
    recall = ctx.evaluation.recall
    for form in (Decimal(9), Fraction(18, 2), "9\u00a0", np.uint16(9)):
        assert check("01-paragraph-count", form).passed, repr(form)
    for form in (np.float32(recall), Decimal(repr(recall)), Fraction(56, 67), "56/67", f"{100 * recall:.1f}\u00a0%",
                 f"{100 * recall:.1f}\u202f%"):
        assert check("04-model-recall", form).passed, repr(form)
    share = registry()["06-reporter-share"].answers(ctx)[0]
    for form in (round(100 * share, 2), f"{100 * share:.2f}", round(100 * share, 1), f"{100 * share:.2f}%"):
        assert check("06-reporter-share", form).passed, "the question allows a percentage (50)"


def test_the_text_forms_the_probe_found_rejected_pass():
    assert check("01-dateline", "KYIV –").passed, "the dateline as printed"
    assert check("05-strongest-pair", ("Rutte", "Ukraine")).passed
    assert check("05-top-entity", newslab.entity_counts(current_context().doc, n=1)).passed
    assert check("05-top-entity", newslab.entity_counts(current_context().doc, n=1).iloc[0]).passed


def test_messages_the_probe_found_false_are_true():
    pair = check("05-strongest-pair", ("Rutte", "NATO"))
    assert "never appear" not in pair.message and "share 4 sentence(s)" in pair.message
    rutte = check("05-top-entity", "Rutte")
    assert "not an entity" not in rutte.message and rutte.message.startswith("Mark Rutte is mentioned")
    assert check("05-second-half-only", "Rutte").message.startswith("Mark Rutte is already mentioned")
    close = check("04-model-recall", 0.84)
    assert "0.840" not in close.message and "3 decimals" in close.message


def test_an_example_number_is_never_the_answer():
    ctx = current_context()
    for exercise_id in ("03-gpe-entities", "06-merged-mentions", "01-paragraph-count"):
        answer = registry()[exercise_id].answers(ctx)[0]
        message = check(exercise_id, "seven").message
        assert re.search(r"such as (\d+)", message) and int(re.search(r"such as (\d+)", message)[1]) != answer


def test_duplicate_spans_with_conflicting_labels_fail():
    ctx = current_context()
    part, first = ctx.article.dateline, ctx.article.paragraphs[0]
    city = first.start + first.text.index("Kyiv")
    for exercise_id, (start, end) in (("04-dateline", (part.start, part.end)), ("04-city-label", (city, city + 4))):
        right = registry()[exercise_id].answers(ctx)[0]
        duplicate = [*right, {"start": start, "end": end, "label": "ORG"}]
        result = check(exercise_id, duplicate)
        assert not result.passed and "different labels" in result.message, exercise_id
        assert check(exercise_id, right + right).passed, "the same span twice is still one span"


def test_a_city_country_dateline_follows_the_annotation_guide(tmp_path, monkeypatch):
    for source in (DATA / "articles").glob("ap-wrapped.*"):
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.setenv("NEWSLAB_ARTICLE", str(tmp_path / "ap-wrapped.txt"))
    ctx = current_context()
    part = ctx.article.dateline
    assert part.text == "RIVERTON, Northvale"
    right = registry()["04-dateline"].answers(ctx)[0]
    assert {"start": part.start, "end": part.start + 8, "label": "GPE"} in right
    assert {"start": part.end - 9, "end": part.end, "label": "GPE"} in right
    assert check("04-dateline", right).passed
    merged = [s for s in right if not part.start <= s["start"] < part.end]
    merged.append({"start": part.start, "end": part.end, "label": "GPE"})
    result = check("04-dateline", merged)
    assert not result.passed and "ANNOTATION_GUIDE" in result.message
    assert check("01-dateline", "RIVERTON").passed and check("01-dateline", "RIVERTON, Northvale (AP) —").passed


# --- written answers ----------------------------------------------------------------------------------------------


def test_respond_records_a_written_answer_and_says_so():
    from newslab.exercises import response_ids, responses

    ids = response_ids()
    assert ids["03"] == ("03-scores-by-label", "03-government-label", "03-trust-the-scores")
    assert set(responses()) == {i for found in ids.values() for i in found}
    assert not set(responses()) & set(registry()), "one id space: no written answer shares an exercise's id"
    result = newslab.respond("02-pronoun-subjects", "  He is Rutte in sentence 6. ")
    assert result.status == "recorded" and "Recorded (6 words)" in result.message
    assert SESSION.responses["02-pronoun-subjects"] == "He is Rutte in sentence 6."
    assert "newslab-feedback-recorded" in result._repr_mimebundle_()["text/html"]


def test_respond_with_a_blank_answer_or_an_unknown_id_says_what_to_do():
    SESSION.responses = {}
    for blank in ("", "   ", ...):
        result = newslab.respond("01-headline-vs-lede", blank)
        assert result.status == "unanswered" and "between the quotes" in result.message
    assert SESSION.responses == {}, "a blank answer is not recorded"
    with pytest.raises(NewslabError, match="01-headline-vs-lede"):
        newslab.respond("03-why-kyiv", "text")
    with pytest.raises(NewslabError, match="nl.check"):
        newslab.respond("01-dateline", "KYIV")
    with pytest.raises(NewslabError, match="text, in quotes"):
        newslab.respond("01-headline-vs-lede", 42)
    with pytest.raises(NewslabError, match="nl.respond"):
        check("01-headline-vs-lede", "text")


def test_every_think_about_it_prompt_has_an_answer_cell_with_a_declared_id():
    import json

    from newslab.exercises import responses
    from tests.paths import NOTEBOOKS

    used = []
    for path in sorted((NOTEBOOKS / "solutions").glob("*.ipynb")):
        cells = ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]]
        prompts = [i for i, source in enumerate(cells) if source.startswith("## Think about it")]
        found = [m for source in cells for m in re.findall(r'nl\.respond\("([\w-]+)", my_answer\)', source)]
        assert bool(prompts) == bool(found), path.name
        assert all(i.startswith(path.name[:2]) for i in found), path.name
        student = "".join(c for c in (NOTEBOOKS / path.name).read_text(encoding="utf-8").split("nl.respond")[:-1])
        assert not found or 'my_answer = \\"\\"' in student, "the student edition leaves a blank string"
        used += found
    assert sorted(used) == sorted(responses())


def test_the_catalogue_lists_what_each_exercise_refuses():
    table = newslab.exercises.catalogue().set_index("exercise")
    assert list(table.columns) == ["goal", "needs", "accepts", "refuses", "distractors"]
    assert "one merged span" in table.loc["04-dateline", "refuses"] and table.loc["01-dateline", "refuses"] == ""
    assert "Decimal" in table.loc["01-paragraph-count", "accepts"]
