"""What happened in this kernel: each exercise's last answer and status, and the hints used.

One observable traits object, so that the progress widget updates as checks run. Each
record is also sent, as it happens, to the grader's channel when the kernel is being graded
(:mod:`.channel`): the grader judges those answers in its own process.
"""

from __future__ import annotations

from typing import Any

import traitlets

from .channel import send

__all__ = ["Session", "SESSION", "SOLUTION_SHOWN"]

#: ``hints_used`` value recorded when the student asked for the solution.
SOLUTION_SHOWN = 4


class Session(traitlets.HasTraits):
    """Results, answers and hint use since the kernel started.

    Attributes:
        statuses: Exercise id -> status of its last check (``passed``, ``failed``, ...).
        hints_used: Exercise id -> how many hint steps were shown (``4``: the solution too).
        attempts: Exercise id -> how many answers were checked (an unanswered check does not count).
        responses: Exercise id -> the last written answer to a "Think about it" prompt (:func:`respond`).
    """

    statuses = traitlets.Dict(value_trait=traitlets.Unicode(), key_trait=traitlets.Unicode())
    hints_used = traitlets.Dict(value_trait=traitlets.Int(), key_trait=traitlets.Unicode())
    attempts = traitlets.Dict(value_trait=traitlets.Int(), key_trait=traitlets.Unicode())
    responses = traitlets.Dict(value_trait=traitlets.Unicode(), key_trait=traitlets.Unicode())

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, Any] = {}

    def record(self, exercise_id: str, status: str, answer: Any) -> None:
        """Remember the status of a check and the (normalised) answer it was given."""
        if status != "unanswered":
            self.answers[exercise_id] = answer
            self.attempts = {**self.attempts, exercise_id: self.attempts.get(exercise_id, 0) + 1}
            send("check", exercise_id, answer=answer)
        self.statuses = {**self.statuses, exercise_id: status}

    def respond(self, exercise_id: str, text: str) -> None:
        """Remember a written answer (the instructor reads and scores it)."""
        self.responses = {**self.responses, exercise_id: text}
        send("response", exercise_id, text=text)

    def hint_step(self, exercise_id: str, total: int) -> int:
        """Advance to the next hint step (1-based, at most ``total``) and return it."""
        step = min(self.hints_used.get(exercise_id, 0) + 1, total)
        self.hints_used = {**self.hints_used, exercise_id: max(step, self.hints_used.get(exercise_id, 0))}
        send("hint", exercise_id, step=step)
        return step

    def solution_shown(self, exercise_id: str) -> None:
        self.hints_used = {**self.hints_used, exercise_id: SOLUTION_SHOWN}
        send("solution", exercise_id)


SESSION = Session()
