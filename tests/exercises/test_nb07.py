"""The checks of notebook 07 accept ordinary forms of the right answer and explain wrong ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.exercises import check


@pytest.mark.parametrize(("exercise_id", "answers"), [
    ("07-shared-quote", [5, np.int64(5), "5", [5], pd.Series([5])]),
    ("07-own-selection", ["The Riverton Review", "the riverton  review", "Riverton Review", ["riverton-review"]]),
    ("07-distinctive", ["Zelenskiy", " zelenskiy ", pd.Series(["Zelenskiy"]), "Zelenskiy’s"]),
    ("07-first-voice", ["The Daily Clarion", "daily clarion", ("daily-clarion",)]),
])
def test_ordinary_forms_of_the_right_answer_pass(exercise_id, answers, nlp):
    for answer in answers:
        assert check(exercise_id, answer).passed, (exercise_id, answer)


@pytest.mark.parametrize(("exercise_id", "answer", "message"), [
    ("07-shared-quote", 4, "count each outlet once"),
    ("07-shared-quote", "several", "whole number"),
    ("07-own-selection", "Meridian Wire", "also appears in another outlet"),
    ("07-own-selection", "Riverton Times", "not one of the 6 outlets"),
    ("07-distinctive", "Iran", "another entity has a higher G2"),
    ("07-distinctive", "Brussels", "not among the entities"),
    ("07-first-voice", "Meridian Wire", "Mark Rutte"),
])
def test_wrong_answers_say_what_is_wrong(exercise_id, answer, message, nlp):
    result = check(exercise_id, answer)
    assert result.status == "failed" and message in result.message


def test_unanswered_is_friendly(nlp):
    assert {check(i, ...).status for i in ("07-shared-quote", "07-first-voice")} == {"unanswered"}
