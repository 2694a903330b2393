"""nl.progress(): the traits model alone, then the widget and its text fallback."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.exercises.session import SESSION
from newslab.widgets.progress import Progress
from newslab.widgets.progress_model import ProgressModel, progress_text


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(SESSION, "statuses", {})
    monkeypatch.setattr(SESSION, "hints_used", {})


def test_the_model_follows_the_checks_as_they_run():
    model = ProgressModel("02")
    assert [row["status"] for row in model.rows] == ["not checked"] * 3 and model.passed == 0
    nl.check("02-root-verb", "visit")
    nl.check("02-verb-count", 1)
    nl.hint("02-verb-count")
    statuses = {row["exercise"]: (row["status"], row["hints_used"]) for row in model.rows}
    assert statuses == {"02-root-verb": ("passed", 0), "02-verb-count": ("failed", 1),
                        "02-who-reassured": ("not checked", 0)}
    assert (model.passed, model.counted) == (1, 3)


def test_by_default_every_notebook_checked_in_this_kernel():
    model = ProgressModel()
    assert model.rows == []
    nl.check("01-dateline", "KYIV")
    assert {row["exercise"][:2] for row in model.rows} == {"01"} and len(model.rows) == 3


def test_a_model_can_follow_another_session():
    from newslab.exercises.session import Session

    other = Session()
    model = ProgressModel("01", session=other)
    nl.check("01-paragraph-count", 9)  # recorded in this kernel's session, not in `other`
    assert model.passed == 0
    other.record("01-dateline", "passed", "KYIV")
    assert model.passed == 1


def test_not_applicable_exercises_do_not_count(monkeypatch):
    model = ProgressModel("01")
    SESSION.statuses = {"01-dateline": "not_applicable", "01-paragraph-count": "passed"}
    assert (model.passed, model.counted) == (1, 2)
    assert "– 01-dateline: not applicable" in progress_text(model)


def test_the_widget_shows_the_model_and_falls_back_to_text():
    view = nl.progress("01")
    assert isinstance(view, Progress) and "newslab-progress" in view._dom_classes
    assert "Exercises solved: 0 of 3" in view._table.value
    nl.check("01-paragraph-count", 9)
    assert "Exercises solved: 1 of 3" in view._table.value and "newslab-progress-passed" in view._table.value
    assert view._repr_mimebundle_()["text/plain"] == progress_text(view)
    assert repr(view).startswith("Exercises solved: 1 of 3")
