"""Exercises with instant feedback, graded hints and a solution on request, for the notebooks.

A notebook cell ends with ``nl.check("02-root-verb", answer)``. The check computes the
expected answer from the article in use (the seed, or the instructor's own article set
with ``NEWSLAB_ARTICLE``), so the same exercises work on any article. An unanswered
exercise (``answer = ...``) gets a friendly "not answered yet", never an error: a student
edition always runs top to bottom. An exercise that needs something the article lacks
(a dateline, a gold file...) says "not applicable to this article" and counts for nothing.

Every answer goes through one normalising layer (``_normalize``) before its checker sees
it, so a numpy integer, a one-row Series, a spaCy ``Token`` or a string with a stray
space is read as the plain value it stands for. ``nl.hint(id)`` gives the next of three
graded hints; ``nl.solution(id)`` the solution, only when asked. A "Think about it" prompt
gets a written answer, ``nl.respond(id, text)``: recorded for the instructor to read and score
(:func:`response_ids` lists the prompts per notebook, for the grader).

Instructors add exercises in a module ``newslab/exercises/nbNN.py``, either with the
:func:`exercise` decorator on a checker that returns ``True`` or a message, or with
:func:`define`, which declares the right answers and the typical wrong ones as data.

Examples:
    >>> result = check("01-paragraph-count", 9)
    >>> result.passed
    True
    >>> check("01-paragraph-count", ...).status
    'unanswered'
"""

from ._catalogue import catalogue
from ._context import Context
from ._model import Checker, Distractor, Exercise, Kind, Need, Refusal, Response, Verdict, blanked
from .checks import (
    FEEDBACK_MIME,
    Feedback,
    applicability,
    check,
    define,
    exercise,
    hint,
    progress_table,
    registry,
    respond,
    response_ids,
    responses,
    solution,
    written,
)
from .session import SESSION, SOLUTION_SHOWN, Session

__all__ = [
    "check", "hint", "solution", "applicability", "progress_table", "registry", "define", "exercise", "Feedback",
    "FEEDBACK_MIME", "Exercise", "Context", "Distractor", "Refusal", "Need", "Checker", "Kind", "Verdict", "SESSION",
    "Session", "SOLUTION_SHOWN", "catalogue", "respond", "response_ids", "responses", "written", "Response", "blanked",
]
