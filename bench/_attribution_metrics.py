"""Scores of predicted attributed statements against gold ones, by their character spans.

A statement is its content (one or more character pieces of the text), and optionally its
speaker and cue pieces. Nothing here knows spaCy, newslab or a corpus: the spans are
plain ``(start, end)`` offsets (end exclusive) into the document's text.

The definitions are in :data:`DEFINITIONS` (``bench/quotes.py --explain`` prints them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Pieces = tuple[tuple[int, int], ...]

DEFINITIONS = """\
- **partial**: a prediction and a gold statement match when their contents share at least
  one character. Partial recall is the share of gold statements that some prediction
  overlaps; partial precision the share of predictions that overlap some gold statement.
- **one-to-one**: a maximum matching of the overlap graph, so each gold statement and each
  prediction is used at most once. It starts from the greedy matching by overlap (largest
  first, which is what one would pair by eye) and is then grown by augmenting paths
  (Kuhn's algorithm) until no more pairs can be added, so it has the largest possible
  number of pairs. The greedy step alone can fall short: a prediction that overlaps two
  gold statements may take the one a second prediction needed.
- **exact content**: the two contents cover the same letters and digits of the text, so they
  may differ only in whitespace, punctuation and quotation marks, at their edges or in the
  gaps between their pieces. Exact content recall is the share of gold statements paired one
  to one with a prediction of exactly their content. The ``that`` variant also drops a leading
  word "that" from both.
- **speaker**: over the one-to-one pairs whose gold statement has a speaker: *overlap* when the
  predicted speaker span shares a character with the gold one, *exact* when both cover the
  same letters and digits. *Lenient* overlap also accepts a predicted speaker that overlaps the
  antecedent of a gold relative pronoun (PolNeAR's source of "Brandt, who said ..." is "who";
  newslab names Brandt).

Predictions that overlap no gold statement of the evaluated set but do overlap one of the
``ignored`` statements (attributions outside the set, such as beliefs) are left out of
precision: they are neither right nor wrong for this set.
"""


@dataclass(frozen=True)
class Statement:
    """One attributed statement: content pieces, speaker and cue pieces, and a label.

    ``label`` is free text the scores group by: the cue lemma of a gold statement, the rule
    of a prediction. ``speaker_also`` is another span that counts as the gold speaker in the
    lenient speaker score (the antecedent of a relative pronoun: "who" in "Brandt, who said").
    """

    content: Pieces
    speaker: Pieces = ()
    cue: Pieces = ()
    label: str = ""
    speaker_also: Pieces = ()


def overlap(a: Pieces, b: Pieces) -> int:
    """Characters two piece lists share (pieces of one list never overlap each other)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def core(text: str, pieces: Pieces, *, drop_that: bool = False) -> frozenset[int]:
    """Offsets of the letters and digits the pieces cover (without a leading "that" if asked)."""
    offsets = sorted({i for s, e in pieces for i in range(s, e) if text[i].isalnum()})
    if drop_that and offsets:
        first = 1  # the first word: the run of adjacent letters and digits the offsets start with
        while first < len(offsets) and offsets[first] == offsets[first - 1] + 1:
            first += 1
        if text[offsets[0]:offsets[0] + first].lower() == "that":
            offsets = offsets[first:]
    return frozenset(offsets)


def match(gold: Sequence[Statement], pred: Sequence[Statement]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold and predicted statements whose contents overlap.

    Returns ``(gold index, prediction index)`` pairs. Greedy by overlap first, then augmented.
    """
    edges = {g: sorted(((overlap(gs.content, ps.content), p) for p, ps in enumerate(pred)
                        if overlap(gs.content, ps.content) > 0), reverse=True) for g, gs in enumerate(gold)}
    owner: dict[int, int] = {}  # prediction -> gold
    taken: set[int] = set()
    for _, g, p in sorted(((w, g, p) for g, ws in edges.items() for w, p in ws), key=lambda e: -e[0]):
        if g not in taken and p not in owner:
            owner[p] = g
            taken.add(g)

    def augment(g: int, seen: set[int]) -> bool:
        for _, p in edges[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in edges:
        if g not in taken and augment(g, set()):
            taken.add(g)
    return sorted((g, p) for p, g in owner.items())


@dataclass
class Scores:
    """Counts summed over documents; the rates are properties."""

    n_gold: int = 0
    n_pred: int = 0  # predictions scored (the ignored ones are not counted)
    n_ignored: int = 0
    gold_found: int = 0  # gold statements some prediction overlaps
    pred_right: int = 0  # predictions that overlap some gold statement
    pairs: int = 0  # one-to-one pairs
    exact: int = 0
    exact_that: int = 0
    speaker_pairs: int = 0
    speaker_overlap: int = 0
    speaker_exact: int = 0
    speaker_lenient: int = 0
    gold_by_label: Counter[str] = field(default_factory=Counter)
    found_by_label: Counter[str] = field(default_factory=Counter)
    pred_by_label: Counter[str] = field(default_factory=Counter)
    wrong_by_label: Counter[str] = field(default_factory=Counter)

    @property
    def partial_precision(self) -> float:
        return _rate(self.pred_right, self.n_pred)

    @property
    def partial_recall(self) -> float:
        return _rate(self.gold_found, self.n_gold)

    @property
    def partial_f1(self) -> float:
        return _f1(self.partial_precision, self.partial_recall)

    @property
    def one_to_one_precision(self) -> float:
        return _rate(self.pairs, self.n_pred)

    @property
    def one_to_one_recall(self) -> float:
        return _rate(self.pairs, self.n_gold)

    @property
    def one_to_one_f1(self) -> float:
        return _f1(self.one_to_one_precision, self.one_to_one_recall)

    @property
    def exact_recall(self) -> float:
        return _rate(self.exact, self.n_gold)

    @property
    def exact_that_recall(self) -> float:
        return _rate(self.exact_that, self.n_gold)

    @property
    def speaker_overlap_accuracy(self) -> float:
        return _rate(self.speaker_overlap, self.speaker_pairs)

    @property
    def speaker_lenient_accuracy(self) -> float:
        return _rate(self.speaker_lenient, self.speaker_pairs)

    @property
    def speaker_exact_accuracy(self) -> float:
        return _rate(self.speaker_exact, self.speaker_pairs)

    def label_recall(self, labels: Iterable[str] | None = None) -> float:
        """Partial recall of the gold statements with one of these labels (all labels if None)."""
        chosen = list(self.gold_by_label) if labels is None else list(labels)
        return _rate(sum(self.found_by_label[x] for x in chosen), sum(self.gold_by_label[x] for x in chosen))


@dataclass(frozen=True)
class Judged:
    """One document's outcome: which statements matched, for error analysis."""

    pairs: list[tuple[int, int]]
    gold_found: list[bool]
    pred_status: list[str]  # "right", "wrong" or "ignored"


def score_document(scores: Scores, text: str, gold: Sequence[Statement], pred: Sequence[Statement],
                   ignored: Sequence[Statement] = ()) -> Judged:
    """Add one document's counts to ``scores`` and say which statements matched."""
    hits = [[overlap(g.content, p.content) > 0 for p in pred] for g in gold]
    found = [any(row) for row in hits]
    status = []
    for p, ps in enumerate(pred):
        if any(hits[g][p] for g in range(len(gold))):
            status.append("right")
        elif any(overlap(i.content, ps.content) > 0 for i in ignored):
            status.append("ignored")
        else:
            status.append("wrong")
    scored = [p for p, s in enumerate(status) if s != "ignored"]
    pairs = match(gold, [pred[p] for p in scored])
    pairs = [(g, scored[p]) for g, p in pairs]
    scores.n_gold += len(gold)
    scores.n_pred += len(scored)
    scores.n_ignored += len(pred) - len(scored)
    scores.gold_found += sum(found)
    scores.pred_right += status.count("right")
    scores.pairs += len(pairs)
    scores.exact += _exact_pairs(text, gold, pred, scored, drop_that=False)
    scores.exact_that += _exact_pairs(text, gold, pred, scored, drop_that=True)
    for g, p in pairs:
        if gold[g].speaker:
            scores.speaker_pairs += 1
            hit = overlap(gold[g].speaker, pred[p].speaker) > 0
            scores.speaker_overlap += hit
            scores.speaker_lenient += hit or overlap(gold[g].speaker_also, pred[p].speaker) > 0
            scores.speaker_exact += bool(pred[p].speaker) and core(text, gold[g].speaker) == core(text, pred[p].speaker)
    for statement, hit in zip(gold, found):
        scores.gold_by_label[statement.label] += 1
        scores.found_by_label[statement.label] += hit
    for p in scored:
        scores.pred_by_label[pred[p].label] += 1
        scores.wrong_by_label[pred[p].label] += status[p] == "wrong"
    return Judged(pairs, found, status)


def _exact_pairs(text: str, gold: Sequence[Statement], pred: Sequence[Statement], scored: list[int], *,
                 drop_that: bool) -> int:
    """Gold statements paired one to one with a prediction of the same content core.

    Equal cores are an equivalence, so the maximum matching pairs min(#gold, #pred) per core.
    """
    gold_cores = Counter(core(text, g.content, drop_that=drop_that) for g in gold)
    pred_cores = Counter(core(text, pred[p].content, drop_that=drop_that) for p in scored)
    return sum(min(n, pred_cores[c]) for c, n in gold_cores.items() if c)


def _rate(n: int, d: int) -> float:
    return n / d if d else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
