"""The answer-form generator (``forms.py``) against every exercise, on the seed and on every test article.

Zero false rejections: every right form passes, except a form the exercise declares it refuses
(``refuses=`` in ``newslab/exercises/nbNN.py``), which fails with exactly the declared message.
Zero false acceptances: every wrong form fails, with a message that is true about it (checked
against the article) and that does not give the answer away. Hint 3 is code with a blank; filled
with what it blanks, it is the solution (which runs and passes on every article).

Measured with ``bench/answer_forms.py`` (the generator's single forms, on the seed and the three test articles;
the instructor article with its gold file is added here). Before, main at dfb3793: 907 of 3064 right forms
rejected (30%), 8 of 2314 wrong forms accepted (duplicate spans with conflicting labels in 04-dateline and
04-city-label), 73 false messages (55 false claims, such as "Give a whole number" to ``Decimal(9)`` or "never
appear in the same sentence" to a pair that shares sentences, and 18 leaks, "such as 7" where 7 is the answer).
After: 0 of 3082, 0 of 2331, 0.
Cost: about 21 s of CPU, 23 s wall on 2 cores (the single forms, plus 6 derandomized Hypothesis compositions
of a right and a wrong form per exercise and article; the articles are parsed once per module).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslab
from newslab.exercises import registry
from newslab.exercises._context import Context
from newslab.exercises._model import BLANK
from newslab.exercises.checks import judge, unmet_needs
from tests.exercises import forms as F
from tests.paths import ARTICLES, DATA

IDS = sorted(registry())
NAMES = ("seed", *(path.stem for path in sorted(ARTICLES.glob("*.txt"))), "instructor")
COMPOSED = settings(max_examples=6, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def contexts(tmp_path_factory) -> dict[str, Context]:
    """One parsed context per article (each parsed once for every test of this module)."""
    folder = tmp_path_factory.mktemp("forms")
    instructor = folder / "riverton.txt"
    shutil.copy(DATA / "instructor-article.txt", instructor)
    newslab.Annotator(newslab.analyze(instructor), path=folder / "riverton.gold.jsonl")
    found = {"seed": Context(None), "instructor": Context(instructor)}
    for path in sorted(ARTICLES.glob("*.txt")):
        copy = folder / path.stem
        copy.mkdir()
        for source in ARTICLES.glob(f"{path.stem}.*"):
            shutil.copy(source, copy / source.name)
        found[path.stem] = Context(copy / path.name)
    return found


def _applies(exercise_id: str, ctx: Context) -> bool:
    return not unmet_needs(registry()[exercise_id], ctx)


def verdict_problem(item, ctx: Context, form: F.Form) -> str | None:
    """What is wrong with the check's verdict on a right form (``None``: as expected)."""
    feedback, _ = judge(item, form.value, ctx)
    refused = {refusal.form: refusal.message for refusal in item.refuses}.get(form.tag)
    if refused is None:
        return None if feedback.passed else f"{form!r} rejected: {feedback.message}"
    if feedback.passed or feedback.message != refused:
        return f"{form!r} should be refused with the declared message, got {feedback.status}: {feedback.message}"
    return None


def wrong_problem(item, ctx: Context, form: F.Form) -> str | None:
    feedback, _ = judge(item, form.value, ctx)
    if feedback.passed:
        return f"{form!r} accepted"
    if claims := F.false_claims(item, ctx, form, feedback.message):
        return f"{form!r}: {feedback.message!r} is false: {'; '.join(claims)}"
    return None


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("exercise_id", IDS)
def test_every_right_form_passes_or_is_refused_as_declared(exercise_id, name, contexts):
    item, ctx = registry()[exercise_id], contexts[name]
    if not _applies(exercise_id, ctx):
        assert judge(item, "y", ctx)[0].status == "not_applicable"
        return
    right = F.right_forms(item, ctx)
    assert len(right) >= 12
    assert [p for form in right if (p := verdict_problem(item, ctx, form))] == []


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("exercise_id", IDS)
def test_every_wrong_form_fails_with_a_true_message(exercise_id, name, contexts):
    item, ctx = registry()[exercise_id], contexts[name]
    if not _applies(exercise_id, ctx):
        return
    wrong = F.wrong_forms(item, ctx)
    assert len(wrong) >= 12
    assert [p for form in wrong if (p := wrong_problem(item, ctx, form))] == []


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("exercise_id", IDS)
@COMPOSED
@given(data=st.data())
def test_composed_forms_keep_their_verdict(exercise_id, name, contexts, data):
    item, ctx = registry()[exercise_id], contexts[name]
    if not _applies(exercise_id, ctx):
        return
    right = data.draw(F.right_strategy(item, ctx), label="right form")
    assert verdict_problem(item, ctx, right) is None
    wrong = data.draw(F.wrong_strategy(item, ctx), label="wrong form")
    assert wrong_problem(item, ctx, wrong) is None


def test_every_refusal_is_produced_by_the_generator(contexts):
    """A declared refusal names a form the generator makes, on some article: no refusal goes untested."""
    made = {form.tag for name, ctx in contexts.items() for item in registry().values() if _applies(item.id, ctx)
            for form in F.right_forms(item, ctx)}
    declared = {(item.id, refusal.form) for item in registry().values() for refusal in item.refuses}
    assert declared and {form for _, form in declared} <= made


def _filled(hint: str, solution: str) -> str | None:
    """What fills the blank so that the hint becomes the solution (``None``: no filling does)."""
    before, _, after = hint.partition(BLANK)
    found = re.fullmatch(re.escape(before) + "(.+?)" + re.escape(after), solution, re.DOTALL)
    return found[1] if found else None


@pytest.mark.parametrize("exercise_id", IDS)
def test_hint_3_is_the_solution_with_a_blank(exercise_id, contexts):
    item = registry()[exercise_id]
    last = item.hints[2]
    assert last != item.solution and last.count(BLANK) == 1, "hint 3 must not be the solution"
    part = _filled(last, item.solution)
    assert part, "filling the blank must give the solution"
    for name, ctx in contexts.items():  # filled, hint 3 runs and passes wherever the exercise applies
        if not _applies(exercise_id, ctx) or (item.notebook == "07" and name != "seed"):
            continue  # notebook 07 reads the course's own reports, whatever the article
        names = {"nl": newslab, "article": ctx.article, "doc": ctx.doc, "ents": ctx.entities,
                 "annotator": newslab.Annotator(ctx.doc)}
        if ctx.gold is not None:
            names["evaluation"] = names["model_score"] = ctx.evaluation
        if item.notebook == "06":
            names.update(statements=newslab.quotes(ctx.doc), voices=newslab.voices(ctx.doc),
                         clusters=newslab.entity_clusters(ctx.doc))
        if item.notebook == "07":
            corpus = newslab.corpus.teaching_corpus()
            names.update(corpus=corpus, reach=newslab.compare.sentence_reach(corpus),
                         key=newslab.compare.keyness(corpus))
        exec(last.replace(BLANK, part), names)
        assigned = re.findall(r"^(\w+) = ", item.solution, re.MULTILINE)[-1]
        assert judge(item, names[assigned], ctx)[0].passed, name


def test_the_generator_makes_what_the_issue_lists(contexts):
    """The outside probe's forms are among the generated ones (a guard against the generator shrinking)."""
    seed = contexts["seed"]
    names = {form.name for form in F.right_forms(registry()["04-model-recall"], seed)}
    assert {"answer: Decimal", "answer: Fraction", "answer: 'a/b' string", "answer: numpy float32",
            "answer: percent string, no-break space"} <= names
    assert "as printed: as is" in {f.name for f in F.right_forms(registry()["01-dateline"], seed)}
    assert "surnames: tuple" in {f.name for f in F.right_forms(registry()["05-strongest-pair"], seed)}
    wrong = {f.name for f in F.wrong_forms(registry()["04-dateline"], seed)}
    assert "conflicting duplicate (GPE and ORG): as is" in wrong
    assert any(name.startswith("distractor ") for name in wrong)
    assert Path(F.__file__).name == "forms.py"
