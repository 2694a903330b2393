"""What an exercise declares, as data: answers, distractors, needs, goal, hints and solution.

Kept apart from the registry so that the per-notebook modules and the tests import only
dataclasses. Every field but ``id``, ``hint`` and ``checker`` is optional, so the simple
``@exercise(id, hint=...)`` form keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["Exercise", "Response", "Distractor", "Refusal", "Need", "Kind", "Verdict", "Checker", "blanked"]

#: The shape an answer is normalised to before the checker sees it (see ``_normalize``).
Kind = Literal["value", "count", "ratio", "text", "texts", "pair", "spans"]
#: A checker's verdict: truthy when the answer is right, or a message saying what is wrong.
Verdict = Any
Checker = Callable[[Any, "Context"], Verdict]


@dataclass(frozen=True)
class Distractor:
    """A typical wrong answer: how to compute it for the article in use, and what to tell the student.

    A distractor that equals the right answer on some article is ignored there.
    """

    name: str
    value: Callable[[Context], Any]
    message: str


@dataclass(frozen=True)
class Refusal:
    """A form of the right answer that the exercise refuses on purpose, and what the student is told.

    ``form`` names the form as the answer-form generator of the tests names it (``"rounded to 2
    decimals"``); ``test`` says whether a normalised answer is that form of a right answer.
    """

    form: str
    message: str
    test: Callable[[Any, Any, Context], bool]


@dataclass(frozen=True)
class Need:
    """Something an exercise needs from the article, such as ``"a dateline"``."""

    name: str
    test: Callable[[Context], bool]


@dataclass(frozen=True)
class Exercise:
    """One exercise and everything the checker, the hints and the grader need to know about it.

    Attributes:
        id: ``"NN-name"``, where ``NN`` is the notebook's number.
        hint: The first hint (kept for the simple ``@exercise(id, hint=...)`` form).
        checker: ``(normalised answer, context) -> verdict``.
        points: Points for a correct answer.
        kind: How the answer is normalised before the checker sees it.
        goal: The learning goal, in one sentence.
        hints: Graded hints: a nudge about the concept, the helper or column, the code.
        solution: The solution code, shown by ``nl.solution(id)`` only.
        why: One sentence a passed check shows: why the answer is right.
        needs: What the article must have for the exercise to apply.
        answers: The right answers for the article in use (the first is the canonical one).
        distractors: Typical wrong answers, checked before the answer is accepted.
        case: Whether case matters when texts are compared.
        prompt: The question, computed for the article in use (for exercises whose question
            depends on the article).
        refuses: Forms of the right answer refused on purpose, each with the message the student sees.
        percent: Whether a share may be given as a bare percentage (``66.4`` for ``0.664``), as the
            notebook's question allows.
    """

    id: str
    hint: str
    checker: Checker
    points: int = 1
    kind: Kind = "value"
    goal: str = ""
    hints: tuple[str, ...] = ()
    solution: str = ""
    why: str = ""
    needs: tuple[Need, ...] = ()
    answers: Callable[[Context], list[Any]] | None = None
    distractors: tuple[Distractor, ...] = ()
    case: bool = False
    prompt: Callable[[Context], str] | None = None
    refuses: tuple[Refusal, ...] = ()
    percent: bool = False

    @property
    def notebook(self) -> str:
        """The notebook number, ``"02"`` for ``"02-root-verb"``."""
        return self.id.split("-", 1)[0]

    @property
    def steps(self) -> tuple[str, ...]:
        """The graded hints, or the one hint of a simple exercise."""
        return self.hints or (self.hint,)


@dataclass(frozen=True)
class Response:
    """A written answer to a "Think about it" prompt: recorded as given, read and scored by the instructor.

    Attributes:
        id: ``"NN-name"``, where ``NN`` is the notebook's number (the same id space as the exercises).
        prompt: The question, in one sentence.
    """

    id: str
    prompt: str

    @property
    def notebook(self) -> str:
        return self.id.split("-", 1)[0]


#: The blank of a last hint: the student fills it in.
BLANK = "___"


def blanked(solution: str, part: str, *, last: bool = False) -> str:
    """The last hint: the solution with one ``part`` (the first, or the ``last``) left blank to fill in.

    Filled with ``part`` again, the hint is the solution, so it runs on any article the solution runs on.

    Examples:
        >>> blanked('answer = len(article.paragraphs)', "article.paragraphs")
        'answer = len(___)'
        >>> blanked("recall = model_score.recall", "recall", last=True)
        'recall = model_score.___'
    """
    if part not in solution:
        raise ValueError(f"{part!r} is not in the solution")
    at = solution.rindex(part) if last else solution.index(part)
    return solution[:at] + BLANK + solution[at + len(part):]
