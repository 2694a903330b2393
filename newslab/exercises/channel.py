"""The kernel's half of grading: report each answer, hint, solution and written response to the grader.

When the grader runs a notebook it sets ``NEWSLAB_GRADE_CHANNEL`` to a file it created; each
``nl.check`` (its answer after normalisation), ``nl.hint``, ``nl.solution`` and written
response then appends one JSON line there as it happens, so a crash later loses nothing.
Nothing here judges: the grader computes every verdict in its own process, on the article
the instructor chose, from these plain values. A student cell can write what it likes to
the channel, and that is only answering; hints, solutions and attempts are what the kernel
says, and the grader reports them as self-reported.
"""

from __future__ import annotations

import os
from typing import Any

from ..io.submissions import append_record

__all__ = ["CHANNEL_ENV", "send", "decode"]

#: The variable that names the grader's channel file in a graded kernel.
CHANNEL_ENV = "NEWSLAB_GRADE_CHANNEL"


def send(event: str, exercise_id: str, **fields: Any) -> None:
    """Append ``{"event", "id", **fields}`` to the grader's channel, if this kernel is being graded."""
    path = os.environ.get(CHANNEL_ENV)
    if not path:
        return
    record = {"event": event, "id": exercise_id, **fields}
    try:
        append_record(path, record)
    except (TypeError, ValueError):  # not plain JSON: the grader is told what it was, never sent it
        unsendable = {key: type(value).__name__ for key, value in fields.items()}
        append_record(path, {"event": event, "id": exercise_id, "unsendable": unsendable})
    except OSError:
        pass  # the channel is gone: the grader then finds the answer missing


def decode(kind: str, value: Any) -> Any:
    """The normalised answer from its JSON form (a ratio's ``(value, decimals)`` came as a list)."""
    if kind == "ratio" and isinstance(value, list) and len(value) == 2:
        return (value[0], value[1])
    if kind == "pair" and isinstance(value, list):
        return tuple(value)
    return value
