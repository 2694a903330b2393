"""Scoring annotations: the model against gold, annotator against annotator, and where the model goes wrong."""

from .scores import KINDS, Evaluation, Mode, evaluate

__all__ = ["evaluate", "Evaluation", "KINDS", "Mode"]
