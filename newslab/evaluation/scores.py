"""Score predicted entity spans against gold spans: precision, recall, F1 and what went wrong.

Both sides are annotated texts of the same text (see :mod:`newslab.io.spans`). Scores are
micro-averaged over spans, as spaCy's ``Scorer.score_spans`` computes ``ents_p``, ``ents_r``
and ``ents_f``.

Scoring rules:

* ``mode="exact"``: a predicted span is a true positive when a gold span has the same start,
  end and label.
* ``mode="partial"``: a predicted span is a true positive when it overlaps a gold span with
  the same label. Each span is matched at most once; pairs are chosen greedily, the largest
  overlap in characters first (ties: the earlier gold span, then the earlier prediction). A
  partial match counts as one whole true positive, not half of one as in SemEval-2013's
  "partial" scheme.
* Every other predicted span is one false positive for its label and every other gold span
  one false negative for its label. So a ``wrong_label`` or ``wrong_boundary`` disagreement
  costs one false positive *and* one false negative, as in standard exact scoring (spaCy,
  conlleval).
* A ratio with a zero denominator is 0.0: precision without predictions, recall without gold
  spans, F1 when precision and recall are both 0 (spaCy's ``PRFScore`` does the same).
* ``labels`` drops spans with any other label from both sides before matching, so a gold
  PERSON predicted as ORG is a false negative when only PERSON is kept.

The unmatched spans are then paired to explain the errors, one row each in
``Evaluation.disagreements``: same offsets and a different label is ``wrong_label``; spans
that overlap (largest overlap first) are ``wrong_boundary``, whether or not their labels
agree, and the row shows both labels (in partial mode the labels always differ, because a
same-label overlap is a match). What is left is ``false_positive`` or ``false_negative``.
A row's ``start_char``/``end_char`` cover both of its spans.

``sentence`` and ``sent_id`` come from :func:`newslab.sentences` when the gold side, or else
the predicted side, is a ``Doc`` with sentence boundaries. Otherwise a cheap, deterministic
splitter cuts the text at line breaks and after ``.``, ``!`` or ``?`` (with any closing
quotes) followed by whitespace and a capital letter, a digit or an opening quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from .. import columns as C
from ..errors import AnnotationError
from ..io.spans import AnnotatedText, annotated_text, validate_spans
from ..precomputed import is_lite
from ..types import is_doc
from ._summary import scores_html, scores_text

if TYPE_CHECKING:
    import pandas as pd

    from ..io.spans import Annotated

__all__ = ["evaluate", "Evaluation", "KINDS", "Mode"]

Mode = Literal["exact", "partial"]
FALSE_POSITIVE = "false_positive"
FALSE_NEGATIVE = "false_negative"
WRONG_LABEL = "wrong_label"
WRONG_BOUNDARY = "wrong_boundary"
KINDS = (FALSE_POSITIVE, FALSE_NEGATIVE, WRONG_LABEL, WRONG_BOUNDARY)
_MATCH = "match"


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Scores of predicted spans against gold spans (see the module docs for the rules).

    Attributes:
        precision: Share of predicted spans that are correct (0.0 without predictions).
        recall: Share of gold spans that were found (0.0 without gold spans).
        f1: Harmonic mean of precision and recall (0.0 when both are 0).
        tp: Correct predictions.
        fp: Predictions that match no gold span.
        fn: Gold spans that no prediction matches.
        per_label: One row per label: ``label, tp, fp, fn, precision, recall, f1, support``
            (``support`` counts gold spans), most supported first.
        disagreements: One row per error: ``kind, predicted_text, predicted_label,
            gold_text, gold_label, start_char, end_char, sentence, sent_id``, in text order.
        mode: ``"exact"`` or ``"partial"``.

    Jupyter shows it as a small table of the scores, rounded to 3 decimals; the attributes
    keep the exact values. :func:`newslab.disagreements_html` shows the errors in context.
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    per_label: pd.DataFrame = field(repr=False)
    disagreements: pd.DataFrame = field(repr=False)
    mode: Mode = "exact"
    _text: str = field(default="", repr=False)  # the text both sides annotate, for showing context

    def summary(self) -> pd.DataFrame:
        """One row: ``precision, recall, f1, tp, fp, fn``.

        Examples:
            >>> text = "Rutte visited Kyiv."
            >>> result = evaluate((text, [(14, 18, "GPE")]), (text, [(14, 18, "GPE")]))
            >>> result.summary().to_dict("records")
            [{'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'tp': 1, 'fp': 0, 'fn': 0}]
        """
        import pandas as pd

        values = (self.precision, self.recall, self.f1, self.tp, self.fp, self.fn)
        return pd.DataFrame([values], columns=list(C.SCORE_COLUMNS))

    def _caption(self) -> str:
        n = len(self.disagreements)
        return (f"Evaluation ({self.mode} match): {n} disagreement{'' if n == 1 else 's'}; "
                "see .per_label and .disagreements")

    def _scores(self) -> dict[str, float | int]:
        values = (self.precision, self.recall, self.f1, self.tp, self.fp, self.fn)
        return dict(zip(C.SCORE_COLUMNS, values))

    def __repr__(self) -> str:
        return scores_text(self._caption(), self._scores())

    def _repr_html_(self) -> str:
        return scores_html(self._caption(), self._scores())


class _Span(NamedTuple):
    start: int
    end: int
    label: str


_Outcome = tuple[str, "_Span | None", "_Span | None"]  # (kind, predicted, gold)


def evaluate(
    predicted: Annotated,
    gold: Annotated,
    *,
    mode: Mode = "exact",
    labels: Iterable[str] | None = None,
) -> Evaluation:
    """Score predicted spans against gold spans of the same text.

    Args:
        predicted: A ``Doc``, an annotated-text dict or a ``(text, spans)`` pair.
        gold: The reference, in any of the same shapes, with the same text.
        mode: ``"exact"`` (offsets and label must match) or ``"partial"`` (an overlap with
            the same label is enough).
        labels: Score only these labels; ``None`` scores every label.

    Raises:
        AnnotationError: if the two texts differ or a span lies outside the text.
        ValueError: for an unknown ``mode``.

    Examples:
        >>> text = "Mark Rutte visited Kyiv on Thursday."
        >>> gold = (text, [(0, 10, "PERSON"), (19, 23, "GPE"), (27, 35, "DATE")])
        >>> predicted = (text, [(5, 10, "PERSON"), (19, 23, "PERSON"), (27, 35, "DATE")])
        >>> result = evaluate(predicted, gold)
        >>> result.tp, result.fp, result.fn
        (1, 2, 2)
        >>> result.disagreements["kind"].tolist()
        ['wrong_boundary', 'wrong_label']
        >>> evaluate(predicted, gold, mode="partial").tp  # "Rutte" overlaps "Mark Rutte"
        2
    """
    if mode not in ("exact", "partial"):
        raise ValueError(f"mode must be 'exact' or 'partial', not {mode!r}")
    pred, ref = annotated_text(predicted), annotated_text(gold)
    check_same_text(pred["text"], ref["text"])
    keep = None if labels is None else frozenset(labels)
    outcomes = list(_outcomes(_spans(pred, keep), _spans(ref, keep), mode))
    per_label = label_table(_counts(outcomes, sorted(keep or ())))
    tp, fp, fn = (int(per_label[col].sum()) for col in (C.TP, C.FP, C.FN))
    errors = [o for o in outcomes if o[0] != _MATCH]
    sentences = _sentences(gold, predicted, ref["text"]) if errors else []
    return Evaluation(*scores(tp, fp, fn), tp, fp, fn, per_label,
                      _disagreements(errors, ref["text"], sentences), mode, ref["text"])


def check_same_text(
    predicted: str, gold: str, *, names: tuple[str, str] = ("predicted", "gold")
) -> None:
    """Raise ``AnnotationError`` unless both annotations are of the same text.

    Examples:
        >>> check_same_text("Rutte came.", "Rutte left.")
        Traceback (most recent call last):
        ...
        newslab.errors.AnnotationError: predicted and gold texts differ at character 6 ...
    """
    if predicted == gold:
        return
    same = (x == y for x, y in zip(predicted, gold))
    at = next((i for i, alike in enumerate(same) if not alike), min(len(predicted), len(gold)))
    raise AnnotationError(
        f"{names[0]} and {names[1]} texts differ at character {at} ({len(predicted)} and "
        f"{len(gold)} characters long); annotate the same text on both sides")


def scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts, 0.0 wherever a denominator is zero.

    Examples:
        >>> scores(1, 1, 3)
        (0.5, 0.25, 0.3333333333333333)
        >>> scores(0, 0, 2)
        (0.0, 0.0, 0.0)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def label_table(counts: dict[str, tuple[int, int, int]]) -> pd.DataFrame:
    """Per-label scores from ``{label: (tp, fp, fn)}``, most gold spans first.

    Examples:
        >>> label_table({"GPE": (1, 0, 0), "PERSON": (1, 1, 2)})["label"].tolist()
        ['PERSON', 'GPE']
    """
    import pandas as pd

    rows = [(label, tp, fp, fn, *scores(tp, fp, fn), tp + fn)
            for label, (tp, fp, fn) in counts.items()]
    table = pd.DataFrame.from_records(rows, columns=list(C.PER_LABEL_COLUMNS))
    table = table.astype({col: "int64" for col in (C.TP, C.FP, C.FN, C.SUPPORT)})
    table = table.astype({col: "float64" for col in (C.PRECISION, C.RECALL, C.F1)})
    table = table.sort_values([C.SUPPORT, C.LABEL], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)


def _spans(annotated: AnnotatedText, keep: frozenset[str] | None) -> list[_Span]:
    spans = validate_spans(annotated["text"], annotated["spans"], labels=None, allow_overlap=True)
    kept = (s for s in spans if keep is None or s["label"] in keep)
    return [_Span(s["start"], s["end"], s["label"]) for s in kept]


def _outcomes(pred: list[_Span], gold: list[_Span], mode: Mode) -> Iterator[_Outcome]:
    """Yield ``(kind, predicted, gold)`` for every span, pairing spans round by round."""
    rounds: tuple[tuple[str, Callable[[_Span, _Span], bool]], ...] = (
        (_MATCH, (lambda p, g: p == g) if mode == "exact" else (lambda p, g: p.label == g.label)),
        (WRONG_LABEL, lambda p, g: p[:2] == g[:2]),
        (WRONG_BOUNDARY, lambda p, g: True),
    )
    for kind, accept in rounds:
        pairs = _pair_up(pred, gold, accept)
        yield from ((kind, pred[i], gold[j]) for i, j in pairs)
        pred = [p for i, p in enumerate(pred) if i not in {i for i, _ in pairs}]
        gold = [g for j, g in enumerate(gold) if j not in {j for _, j in pairs}]
    yield from ((FALSE_POSITIVE, p, None) for p in pred)
    yield from ((FALSE_NEGATIVE, None, g) for g in gold)


def _pair_up(
    pred: list[_Span], gold: list[_Span], accept: Callable[[_Span, _Span], bool]
) -> list[tuple[int, int]]:
    """Pair overlapping spans one to one, greedily, the largest overlap first."""
    starts = [g.start for g in gold]  # gold arrives sorted by start
    longest = max((g.end - g.start for g in gold), default=0)
    candidates = []
    for i, p in enumerate(pred):
        for j in range(bisect_left(starts, p.start - longest), bisect_left(starts, p.end)):
            overlap = min(p.end, gold[j].end) - max(p.start, gold[j].start)
            if overlap > 0 and accept(p, gold[j]):
                candidates.append((-overlap, gold[j].start, p.start, i, j))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for *_, i, j in sorted(candidates):
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def _counts(outcomes: list[_Outcome], requested: list[str]) -> dict[str, tuple[int, int, int]]:
    counts = {label: [0, 0, 0] for label in requested}
    for kind, p, g in outcomes:
        if kind == _MATCH:
            counts.setdefault(g.label, [0, 0, 0])[0] += 1  # type: ignore[union-attr]
            continue
        if p is not None:
            counts.setdefault(p.label, [0, 0, 0])[1] += 1
        if g is not None:
            counts.setdefault(g.label, [0, 0, 0])[2] += 1
    return {label: (tp, fp, fn) for label, (tp, fp, fn) in counts.items()}


_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])['\"’”)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def _sentences(gold: Annotated, predicted: Annotated, text: str) -> list[tuple[int, str, int]]:
    """``(start_char, text, sent_id)`` of every sentence, from a parsed Doc if there is one."""
    for obj in (gold, predicted):
        if is_lite(obj) or (is_doc(obj) and obj.has_annotation("SENT_START")):
            from ..tables.parse import sentences

            table = sentences(obj)
            rows = zip(table[C.START_CHAR], table[C.TEXT], table[C.SENT_ID])
            return [(int(start), sentence, int(i)) for start, sentence, i in rows]
    found: list[tuple[int, str, int]] = []
    start = 0
    for cut in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
        piece = text[start:cut]
        if piece.strip():
            found.append((start + len(piece) - len(piece.lstrip()), piece.strip(), len(found)))
        start = cut
    return found


def _disagreements(errors: list[_Outcome], text: str,
                   sentences: list[tuple[int, str, int]]) -> pd.DataFrame:
    import pandas as pd

    starts = [s[0] for s in sentences]
    rows = []
    for kind, p, g in errors:
        both = [s for s in (p, g) if s is not None]
        start, end = min(s.start for s in both), max(s.end for s in both)
        _, sentence, sent_id = sentences[max(bisect_right(starts, start) - 1, 0)]
        rows.append((kind, _text(text, p), p and p.label, _text(text, g), g and g.label,
                     start, end, sentence, sent_id))
    rows.sort(key=lambda row: (row[5], row[6], KINDS.index(row[0])))
    table = pd.DataFrame.from_records(rows, columns=list(C.DISAGREEMENT_COLUMNS))
    strings = (C.KIND, C.PREDICTED_TEXT, C.PREDICTED_LABEL, C.GOLD_TEXT, C.GOLD_LABEL, C.SENTENCE)
    return table.astype({**dict.fromkeys(strings, "string"),
                         **dict.fromkeys((C.START_CHAR, C.END_CHAR, C.SENT_ID), "int64")})


def _text(text: str, span: _Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]
