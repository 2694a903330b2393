"""Who said what (notebook 06): attributed statements, whose voices fill the article, and their evaluation."""

from .cues import REPORTING_VERBS
from .evaluation import QuoteEvaluation, evaluate_quotes, gold_quotes
from .share import voices
from .statements import quotes

__all__ = ["quotes", "voices", "REPORTING_VERBS", "evaluate_quotes", "gold_quotes", "QuoteEvaluation"]
