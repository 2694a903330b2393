from __future__ import annotations

import pytest

import newslab
from newslab.errors import NewslabError
from newslab.exercises import FEEDBACK_MIME, check, hint, registry


def test_every_exercise_has_a_hint_and_a_notebook_prefix():
    exercises = registry()
    assert len(exercises) >= 6
    for exercise_id, item in exercises.items():
        assert exercise_id[:2].isdigit() and exercise_id[2] == "-"
        assert item.hint.strip()


def test_unanswered_is_friendly_not_an_error():
    result = check("01-paragraph-count", ...)
    assert result.status == "unanswered" and not result.passed
    assert "Hint" in repr(result)


def test_right_and_wrong_answers():
    assert check("01-paragraph-count", 9).passed
    wrong = check("01-paragraph-count", 12)
    assert wrong.status == "failed" and "every part" in wrong.message


def test_a_wrong_type_gives_feedback_not_a_traceback():
    result = check("01-longest-sentence", "the long one")
    assert result.status == "failed" and "could not be checked" in result.message


def test_feedback_bundle_is_html_and_machine_readable():
    bundle = check("02-root-verb", "visit")._repr_mimebundle_()
    assert bundle[FEEDBACK_MIME] == {"id": "02-root-verb", "status": "passed", "points": 1}
    assert "newslab-feedback-passed" in bundle["text/html"]


def test_feedback_escapes_the_answer():
    html = check("01-dateline", "<script>x</script>")._repr_mimebundle_()["text/html"]
    assert "<script>" not in html


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(NewslabError, match="01-paragraph-count"):
        check("99-nothing", 1)
    assert hint("02-verb-count").startswith("Filter")


def test_checks_follow_the_instructors_article(tmp_path, monkeypatch):
    import newslab.exercises as exercises

    path = tmp_path / "mine.txt"
    path.write_text("Council Votes\nBy Jo Reporter\nLYON – The council voted.\nIt was late.\nEveryone left.")
    monkeypatch.setenv("NEWSLAB_ARTICLE", str(path))
    exercises._context.cache_clear()
    try:
        assert check("01-paragraph-count", 3).passed
        assert check("01-dateline", "LYON").passed
    finally:
        exercises._context.cache_clear()
    assert newslab.load_article(path).dateline.text == "LYON"
