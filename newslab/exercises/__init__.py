"""Exercises with instant feedback and a hint, for the notebooks.

A notebook cell ends with ``nl.check("02-root-verb", answer)``. The check computes the
expected answer from the article in use (the seed, or the instructor's own article set
with ``NEWSLAB_ARTICLE``), so the same exercises work on any article. An unanswered
exercise (``answer = ...``) gets a friendly "not answered yet" and its hint, never an
error: a student edition always runs top to bottom.

Instructors add exercises with the :func:`exercise` decorator in a module
``newslab/exercises/nbNN.py``; a checker returns ``True`` when the answer is right,
or a string that tells the student what is wrong.

Examples:
    >>> result = check("01-paragraph-count", 9)
    >>> result.passed
    True
    >>> check("01-paragraph-count", ...).status
    'unanswered'
"""

from __future__ import annotations

import functools
import html
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import NewslabError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..article import Article

__all__ = ["Exercise", "Feedback", "Context", "exercise", "check", "hint", "registry", "FEEDBACK_MIME"]

#: MIME type of the machine-readable result in each check's output (read by the grader).
FEEDBACK_MIME = "application/vnd.newslab.feedback+json"

Status = Literal["passed", "failed", "unanswered"]
Checker = Callable[[Any, "Context"], "bool | str"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: an id such as ``"02-root-verb"``, a hint and a checker."""

    id: str
    hint: str
    checker: Checker
    points: int = 1


class Context:
    """What a checker may look at: the article in use and its parse, computed once."""

    @functools.cached_property
    def article(self) -> Article:
        from ..article import load_article

        return load_article()

    @functools.cached_property
    def doc(self) -> Doc:
        from ..pipeline import analyze

        return analyze(self.article)


@dataclass(frozen=True)
class Feedback:
    """The result of one check, shown as a coloured box in a notebook."""

    exercise_id: str
    status: Status
    message: str
    hint: str
    points: int = 1

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def __repr__(self) -> str:
        mark = {"passed": "✔", "failed": "✘", "unanswered": "…"}[self.status]
        text = f"{mark} [{self.exercise_id}] {self.message}"
        return text if self.passed else f"{text}\n  Hint: {self.hint}"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            "text/plain": repr(self),
            "text/html": _feedback_html(self),
            FEEDBACK_MIME: {"id": self.exercise_id, "status": self.status, "points": self.points},
        }


_REGISTRY: dict[str, Exercise] = {}


def exercise(exercise_id: str, *, hint: str, points: int = 1) -> Callable[[Checker], Checker]:
    """Register a checker under ``exercise_id`` (decorator)."""

    def register(checker: Checker) -> Checker:
        _REGISTRY[exercise_id] = Exercise(exercise_id, hint, checker, points)
        return checker

    return register


@functools.cache
def _context() -> Context:
    return Context()


def registry() -> dict[str, Exercise]:
    """Return every registered exercise, loading the per-notebook modules on first use."""
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("nb"):
            importlib.import_module(f"{__name__}.{module.name}")
    return dict(_REGISTRY)


def _find(exercise_id: str) -> Exercise:
    exercises = registry()
    if exercise_id not in exercises:
        raise NewslabError(f"no exercise {exercise_id!r}; known: {', '.join(sorted(exercises))}")
    return exercises[exercise_id]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check an answer and return feedback that a notebook shows as a coloured box.

    Examples:
        >>> check("01-paragraph-count", 3).status
        'failed'
    """
    item = _find(exercise_id)
    if answer is ... or answer is None:
        return Feedback(item.id, "unanswered", "Not answered yet: replace the ... with your answer.",
                        item.hint, item.points)
    try:
        verdict = item.checker(answer, _context())
    except Exception as err:  # a wrong type of answer must give feedback, not a traceback
        verdict = f"This answer could not be checked ({type(err).__name__}: {err}). Is it the right kind of value?"
    if verdict is True:
        return Feedback(item.id, "passed", "Correct, well done!", item.hint, item.points)
    message = verdict if isinstance(verdict, str) else "Not quite. Try again."
    return Feedback(item.id, "failed", message, item.hint, item.points)


def hint(exercise_id: str) -> str:
    """Return the hint of an exercise.

    Examples:
        >>> hint("01-paragraph-count").startswith("Count")
        True
    """
    return _find(exercise_id).hint


_COLORS = {"passed": ("#E7F5EC", "#1B7F3B"), "failed": ("#FDF0E6", "#A14A00"), "unanswered": ("#EEF2F7", "#34506B")}


def _feedback_html(feedback: Feedback) -> str:
    background, border = _COLORS[feedback.status]
    mark = {"passed": "✔", "failed": "✘", "unanswered": "…"}[feedback.status]
    body = f"<strong>{mark} {html.escape(feedback.message)}</strong>"
    if not feedback.passed:
        body += f"<br><em>Hint:</em> {html.escape(feedback.hint)}"
    return (f'<div class="newslab-feedback newslab-feedback-{feedback.status}" '
            f'style="background:{background};border-left:4px solid {border};padding:6px 10px;'
            f'color:#1a1a1a;font-family:sans-serif">{body}</div>')
