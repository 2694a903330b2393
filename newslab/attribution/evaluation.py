"""Attribution gold files and the scores of :func:`newslab.quotes` against them.

A gold file holds one attributed statement per line (JSON), with the same fields as a
:func:`newslab.quotes` row: ``speaker`` (as written, e.g. "He"), ``canonical`` (who that is),
``speaker_start``/``speaker_end``, ``cue``, ``cue_start``/``cue_end``, ``content``,
``content_start``/``content_end`` (character offsets into the article, end exclusive) and
``kind`` (``direct``, ``mixed`` or ``reported``; see :mod:`newslab.attribution.statements`). The seed's
file is ``<article>.quotes.jsonl`` beside it. The scores do not look at ``kind``: a statement is matched by
its content; ``kind_accuracy`` is the share of (partially) matched gold statements whose predicted
``kind`` is the gold one.

:func:`evaluate_quotes` pairs predictions with gold statements one to one:

- **exact**: the content offsets are equal;
- **partial**: the content spans overlap (the largest overlap pairs first).

``speaker_accuracy`` is the share of partially matched gold statements whose predicted
``canonical`` speaker is the gold one (case and spacing ignored).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..edge import require_table
from ..io.quotes import read_quotes

if TYPE_CHECKING:
    import pandas as pd

    from ..text.article import ArticleSource

__all__ = ["read_quotes", "gold_quotes", "gold_quotes_path", "evaluate_quotes", "QuoteEvaluation"]







def gold_quotes_path(source: ArticleSource = None) -> Path:
    """The attribution gold file beside an article file: ``<name>.quotes.jsonl``.

    Examples:
        >>> gold_quotes_path().name
        'nato-rutte-kyiv-visit-2024-10-03.quotes.jsonl'
    """
    from ..evaluation.gold import beside_article

    return beside_article(source, ".quotes.jsonl", what="attribution gold file")


def gold_quotes(source: ArticleSource = None) -> pd.DataFrame:
    """The hand-checked attributed statements of an article (the bundled seed by default).

    Examples:
        >>> table = gold_quotes()
        >>> sorted(set(table["canonical"]))
        ['Mark Rutte', 'Volodymyr Zelenskiy']
    """
    from ..text.article import load_article

    return read_quotes(gold_quotes_path(source), text=load_article(source).text)


@dataclass(frozen=True)
class QuoteEvaluation:
    """Scores of predicted statements against gold statements.

    Attributes:
        speaker_accuracy: Share of (partially) matched gold statements with the right speaker.
        scores: Two rows, ``exact`` and ``partial``: ``match, precision, recall, f1, tp, fp, fn``.
        errors: One row per remaining error: ``kind`` (``missed``, ``spurious``, ``wrong_speaker``),
            the gold and predicted speaker, the content and its offsets.
        kind_accuracy: Share of (partially) matched gold statements whose predicted kind (direct,
            mixed or reported) is the gold one.
    """

    speaker_accuracy: float
    scores: pd.DataFrame = field(repr=False)
    errors: pd.DataFrame = field(repr=False)
    kind_accuracy: float = field(default=0.0, repr=False)

    def f1(self, match: str = "partial") -> float:
        """The content F1 of ``"exact"`` or ``"partial"`` matching."""
        row = self.scores[self.scores[C.MATCH] == match]
        return float(row[C.F1].iloc[0])

    def __repr__(self) -> str:
        return (f"QuoteEvaluation(speaker_accuracy={self.speaker_accuracy:.2f}, "
                f"exact_f1={self.f1('exact'):.2f}, partial_f1={self.f1('partial'):.2f})")

    def _repr_html_(self) -> str:
        table = self.scores.round(2).to_html(index=False)
        return (f"<p>speaker accuracy: <b>{self.speaker_accuracy:.2f}</b>, kind accuracy: "
                f"<b>{self.kind_accuracy:.2f}</b></p>{table}")


def evaluate_quotes(pred: pd.DataFrame, gold: pd.DataFrame) -> QuoteEvaluation:
    """Speaker accuracy and content precision, recall and F1 (exact and partial) of a quotes table.

    Args:
        pred: Predicted statements, from :func:`newslab.quotes`.
        gold: Gold statements, from :func:`gold_quotes` or :func:`read_quotes`.

    Examples:
        >>> import newslab
        >>> result = evaluate_quotes(newslab.quotes(newslab.analyze()), gold_quotes())
        >>> result.speaker_accuracy >= 0.9 and result.f1("partial") >= 0.85
        True
    """
    import pandas as pd
    pred = require_table(pred, "nl.evaluate_quotes", made_by="nl.quotes(doc)")

    exact = _pairs(pred, gold, exact=True)
    partial = _pairs(pred, gold, exact=False)
    scores = pd.DataFrame([_score("exact", len(exact), len(pred), len(gold)),
                          _score("partial", len(partial), len(pred), len(gold))], columns=list(C.QUOTE_SCORE_COLUMNS))
    right = [p for p, g in partial if _same(pred.loc[p, C.CANONICAL], gold.loc[g, C.CANONICAL])]
    accuracy = len(right) / len(partial) if partial else 0.0
    kinds = sum(pred.loc[p, C.KIND] == gold.loc[g, C.KIND] for p, g in partial) / len(partial) if partial else 0.0
    return QuoteEvaluation(accuracy, scores, _errors(pred, gold, partial, set(right)), float(kinds))


def _pairs(pred: pd.DataFrame, gold: pd.DataFrame, *, exact: bool) -> list[tuple[Any, Any]]:
    candidates = []
    for p, ps, pe in zip(pred.index, pred[C.CONTENT_START], pred[C.CONTENT_END], strict=True):
        for g, gs, ge in zip(gold.index, gold[C.CONTENT_START], gold[C.CONTENT_END], strict=True):
            overlap = min(pe, ge) - max(ps, gs)
            if (ps, pe) == (gs, ge) if exact else overlap > 0:
                candidates.append((overlap, p, g))
    pairs, taken_p, taken_g = [], set(), set()
    for _, p, g in sorted(candidates, key=lambda c: -c[0]):
        if p not in taken_p and g not in taken_g:
            pairs.append((p, g))
            taken_p.add(p)
            taken_g.add(g)
    return pairs


def _score(match: str, tp: int, n_pred: int, n_gold: int) -> tuple:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (match, precision, recall, f1, tp, n_pred - tp, n_gold - tp)


def _same(a: object, b: object) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _errors(pred: pd.DataFrame, gold: pd.DataFrame, pairs: list[tuple[Any, Any]], right: set[Any]) -> pd.DataFrame:
    import pandas as pd

    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    rows = [("missed", gold.loc[g, C.CANONICAL], "", *_where(gold, g)) for g in gold.index if g not in matched_g]
    rows += [("spurious", "", pred.loc[p, C.CANONICAL], *_where(pred, p)) for p in pred.index if p not in matched_p]
    rows += [("wrong_speaker", gold.loc[g, C.CANONICAL], pred.loc[p, C.CANONICAL], *_where(gold, g))
             for p, g in pairs if p not in right]
    columns = [C.KIND, C.GOLD_TEXT, C.PREDICTED_TEXT, C.CONTENT, C.CONTENT_START, C.CONTENT_END]
    return pd.DataFrame(rows, columns=columns).sort_values(C.CONTENT_START, kind="stable").reset_index(drop=True)


def _where(table: pd.DataFrame, i: Any) -> tuple:
    return table.loc[i, C.CONTENT], table.loc[i, C.CONTENT_START], table.loc[i, C.CONTENT_END]
