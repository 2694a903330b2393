"""The grader's last cell: re-check, in the student's kernel, every answer the student gave.

The grader appends one cell that calls :func:`report` with a secret made for this run. It
reloads the exercise modules from disk (so a student cell cannot have replaced a checker or
the judging code), judges
each recorded answer against a freshly computed context, and prints one line: the secret,
then the results as JSON. The grader reads only that line of that cell, never what a
student cell displayed.
"""

from __future__ import annotations

import importlib
import json
import sys
from types import ModuleType
from typing import Any

__all__ = ["report", "results"]

# reloaded in this order before re-checking; _session is not: it holds what the student answered
_LEAVES = ("_normalize", "_model", "_context", "_needs", "checks")


def _fresh() -> ModuleType:
    """The exercise package as it is on disk, whatever a student cell replaced in the kernel."""
    for name in _LEAVES:
        if f"{__package__}.{name}" in sys.modules:
            importlib.reload(sys.modules[f"{__package__}.{name}"])
    importlib.reload(sys.modules[__package__ or "newslab.exercises"])
    checks = sys.modules[f"{__package__}.checks"]
    for name in sorted(name for name in sys.modules if name.startswith(f"{__package__}.nb")):
        importlib.reload(sys.modules[name])
    return checks


def results(notebooks: list[str]) -> dict[str, dict[str, Any]]:
    """Exercise id -> status, message and hints used, for every exercise of these notebooks."""
    from .session import SESSION

    package = _fresh()
    from ._context import Context

    ctx, found = Context(), {}
    for exercise_id, item in package.registry().items():
        if item.notebook not in notebooks:
            continue
        hints = SESSION.hints_used.get(exercise_id, 0)
        if missing := package.unmet_needs(item, ctx):
            found[exercise_id] = {"status": "not_applicable", "message": f"needs {', '.join(missing)}", "hints": hints}
        elif exercise_id not in SESSION.answers:
            found[exercise_id] = {"status": "missing", "message": "", "hints": hints}
        else:
            feedback = package.judge_value(item, SESSION.answers[exercise_id], ctx)
            status = "passed" if feedback.passed else "wrong"
            found[exercise_id] = {"status": status, "message": feedback.message, "hints": hints}
    return found


def report(secret: str, notebooks: list[str]) -> None:
    """Print the secret and the results of :func:`results` on one line (the grader reads it)."""
    print(secret + json.dumps(results(notebooks)), flush=True)

