"""Who said what (notebook 06): attributed statements, whose voices fill the article, and their evaluation."""

from .evaluation import QuoteEvaluation, evaluate_quotes, gold_quotes
from .statements import REPORTING_VERBS, quotes, voices

__all__ = ["quotes", "voices", "REPORTING_VERBS", "evaluate_quotes", "gold_quotes", "QuoteEvaluation"]
