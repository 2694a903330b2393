"""Scoring annotations (notebook 04): the model against gold, annotator against annotator, where the model goes wrong.

The reference of an article is its gold file when it has one, else the student's own saved
annotations. The functions named like their modules (``agreement``, ``findings``, ``gold``,
``reference``) are on the package facade: ``nl.agreement``, ``nl.findings``, ``nl.gold``,
``nl.reference``.
"""

from .agreement import Agreement
from .findings import Findings, evaluate_many
from .reference import annotations_path, course_note, reference_note
from .scores import KINDS, Evaluation, Mode, evaluate

__all__ = ["evaluate", "Evaluation", "KINDS", "Mode", "Agreement", "Findings", "evaluate_many", "reference_note",
           "annotations_path", "course_note"]
