"""Agreement between two annotators: span-level F1 and token-level Cohen's kappa.

Span scores treat annotator ``a`` as the reference and ``b`` as the prediction, with
:func:`newslab.evaluate`'s exact rules; F1 is symmetric, precision and recall swap if the
annotators do. Over several texts the counts are summed before dividing (micro average).

Cohen's kappa is computed over tokens. Each text is split by the tokenizer of
``spacy.blank("en")`` (rule-based, no model, so the same text always gives the same tokens);
whitespace tokens are skipped. A token takes the label of a span that covers any of its
characters (the earliest such span when several do), or ``"O"`` when none does. Then

    kappa = (p_o - p_e) / (1 - p_e)

where ``p_o`` is the share of tokens both annotators labelled alike and ``p_e`` the share
expected by chance, ``sum over categories k of (n_a(k) / n) * (n_b(k) / n)``. The overall
kappa uses every label plus ``"O"`` as categories; a label's kappa is the binary kappa of
"this label" against "anything else". When ``p_e`` is 1 (both annotators put every token
in one and the same category, so there is nothing to agree on beyond chance) kappa is
undefined and is ``nan``, as in scikit-learn's ``cohen_kappa_score``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..errors import AnnotationError
from ..io.spans import AnnotatedText, annotated_text
from ._summary import scores_html, scores_text
from .scores import check_same_text, evaluate, label_table, scores

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokenizer import Tokenizer

    from ..io.spans import Annotated

__all__ = ["agreement", "Agreement", "cohen_kappa", "OUTSIDE"]

OUTSIDE = "O"


@dataclass(frozen=True, eq=False)
class Agreement:
    """How far two annotators agree (see the module docs for the definitions).

    Attributes:
        precision: Share of ``b``'s spans that ``a`` also marked, with the same label.
        recall: Share of ``a``'s spans that ``b`` also marked, with the same label.
        f1: Harmonic mean of the two; symmetric in ``a`` and ``b``.
        kappa: Token-level Cohen's kappa over all labels and ``"O"`` (``nan`` if undefined).
        per_label: One row per label: ``label, precision, recall, f1, kappa, support_a,
            support_b`` (spans each annotator marked), most of ``a``'s spans first.
        disagreements: :attr:`newslab.Evaluation.disagreements` with ``b`` as ``predicted``
            and ``a`` as ``gold``, plus a first column ``doc_id`` (the text's position).

    Jupyter shows it as a small table of the scores, rounded to 3 decimals; the attributes
    keep the exact values. :func:`newslab.disagreements_html` shows the disagreements in context.
    """

    precision: float
    recall: float
    f1: float
    kappa: float
    per_label: pd.DataFrame = field(repr=False)
    disagreements: pd.DataFrame = field(repr=False)
    _texts: tuple[str, ...] = field(default=(), repr=False)  # the texts, by doc_id, for showing context

    def _caption(self) -> str:
        n = len(self.disagreements)
        return (f"Agreement (a as reference): {n} disagreement{'' if n == 1 else 's'}; "
                "see .per_label and .disagreements")

    def _scores(self) -> dict[str, float | int]:
        return {C.PRECISION: self.precision, C.RECALL: self.recall, C.F1: self.f1, C.KAPPA: self.kappa}

    def __repr__(self) -> str:
        return scores_text(self._caption(), self._scores())

    def _repr_html_(self) -> str:
        return scores_html(self._caption(), self._scores())


def agreement(a: Annotated | Sequence[Annotated], b: Annotated | Sequence[Annotated], *, labels: Iterable[str] | None = None) -> Agreement:
    """Compare two annotators' spans on the same text, or on two lists of texts.

    Args:
        a: The first annotator's annotated text (a ``Doc``, a dict or a ``(text, spans)``
            pair), or a list of them. It is the reference for precision and recall.
        b: The second annotator's, in the same shape: the same text, or a list of the same
            texts in the same order.
        labels: Compare only these labels; the others count as ``"O"``.

    Raises:
        AnnotationError: if the texts differ or the lists have different lengths.

    Examples:
        >>> text = "Mark Rutte visited Kyiv."
        >>> a = (text, [(0, 10, "PERSON"), (19, 23, "GPE")])
        >>> b = (text, [(5, 10, "PERSON"), (19, 23, "GPE")])
        >>> result = agreement(a, b)
        >>> result.f1, round(result.kappa, 4)
        (0.5, 0.6875)
        >>> result.per_label.round(3)[["label", "kappa", "support_a", "support_b"]].values.tolist()
        [['GPE', 1.0, 1, 1], ['PERSON', 0.545, 1, 1]]
    """
    import pandas as pd

    pairs = _pairs(a, b)
    keep = None if labels is None else frozenset(labels)
    results = [evaluate(y, x, labels=keep) for x, y in pairs]
    counts = pd.concat([r.per_label for r in results]).groupby(C.LABEL)[[C.TP, C.FP, C.FN]].sum()
    per_label = label_table({str(k): (int(tp), int(fp), int(fn))
                             for k, (tp, fp, fn) in counts.iterrows()})
    tokens_a, tokens_b = _token_labels(pairs, keep)
    per_label = _agreement_table(per_label, tokens_a, tokens_b)
    tp, fp, fn = (int(counts[col].sum()) for col in (C.TP, C.FP, C.FN))
    return Agreement(*scores(tp, fp, fn), cohen_kappa(tokens_a, tokens_b), per_label,
                     _disagreements(results), tuple(r._text for r in results))


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's kappa of two equally long sequences of categories; ``nan`` when undefined.

    Examples:
        >>> cohen_kappa(["X", "X", "O", "O"], ["X", "O", "O", "O"])
        0.5
        >>> cohen_kappa(["O", "O"], ["O", "O"])
        nan
    """
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    return float("nan") if expected == 1 else (observed - expected) / (1 - expected)


def _pairs(a: Any, b: Any) -> list[tuple[Any, Any]]:
    if isinstance(a, list) != isinstance(b, list):
        raise AnnotationError("give two annotated texts, or two lists of annotated texts")
    if not isinstance(a, list):
        a, b = [a], [b]
    if len(a) != len(b):
        raise AnnotationError(f"annotator a has {len(a)} texts and annotator b has {len(b)}; "
                              "give both the same texts in the same order")
    for i, (x, y) in enumerate(zip(a, b)):
        try:
            check_same_text(annotated_text(x)["text"], annotated_text(y)["text"], names=("a", "b"))
        except AnnotationError as err:
            raise AnnotationError(f"text {i}: {err}") from None
    return list(zip(a, b))


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


def _token_labels(
    pairs: list[tuple[Any, Any]], keep: frozenset[str] | None
) -> tuple[list[str], list[str]]:
    """Every non-space token's label from each annotator, all texts in a row."""
    labels_a: list[str] = []
    labels_b: list[str] = []
    for x, y in pairs:
        x, y = annotated_text(x), annotated_text(y)
        tokens = [(t.idx, t.idx + len(t)) for t in _tokenizer()(x["text"]) if not t.is_space]
        labels_a += _labels_of(x, tokens, keep)
        labels_b += _labels_of(y, tokens, keep)
    return labels_a, labels_b


def _labels_of(
    annotated: AnnotatedText, tokens: list[tuple[int, int]], keep: frozenset[str] | None
) -> list[str]:
    chars: list[str | None] = [None] * len(annotated["text"])
    # later spans first, so that the earliest span covering a character wins
    for span in sorted(annotated["spans"], key=lambda s: (s["start"], s["end"]), reverse=True):
        if keep is None or span["label"] in keep:
            chars[span["start"] : span["end"]] = [span["label"]] * (span["end"] - span["start"])
    return [next((c for c in chars[start:end] if c is not None), OUTSIDE) for start, end in tokens]


def _agreement_table(
    per_label: pd.DataFrame, tokens_a: list[str], tokens_b: list[str]
) -> pd.DataFrame:
    columns: dict[str, list[float] | pd.Series] = {
        C.KAPPA: [cohen_kappa([t == k for t in tokens_a], [t == k for t in tokens_b])
                  for k in per_label[C.LABEL]],
        C.SUPPORT_A: per_label[C.TP] + per_label[C.FN],
        C.SUPPORT_B: per_label[C.TP] + per_label[C.FP],
    }
    table = per_label.assign(**columns)
    return table[list(C.AGREEMENT_PER_LABEL_COLUMNS)].astype({C.KAPPA: "float64"})


def _disagreements(results: list[Any]) -> pd.DataFrame:
    import pandas as pd

    tables = [r.disagreements.assign(**{C.DOC_ID: i}) for i, r in enumerate(results)]
    table = pd.concat(tables, ignore_index=True)[list(C.AGREEMENT_DISAGREEMENT_COLUMNS)]
    return table.astype({C.DOC_ID: "int64"})
