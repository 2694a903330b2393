"""Exercises of notebook 03, Named entities.

Every expected answer is computed from the article in use (and, for the last two, from the
gold annotations beside it), so an instructor's own article works too; an article without
what an exercise needs (a GPE, a gold file) makes it "not applicable".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..tables.mentions import entity_key
from ._context import Context
from ._model import Distractor, Need
from ._needs import GOLD
from ._normalize import text_key
from .checks import define, percentage_without_sign, rounded_too_far, shown_share, written

if TYPE_CHECKING:
    import pandas as pd


def _gpe(ctx: Context) -> pd.DataFrame:
    table = ctx.entities
    return table[table[C.LABEL] == "GPE"]


define(
    "03-gpe-entities", kind="count",
    needs=(Need("place (GPE) found by the model", lambda ctx: not _gpe(ctx).empty),),
    answers=lambda ctx: [int(_gpe(ctx)[C.KEY].nunique())],
    goal="Tell mentions from entities: one place mentioned five times is one entity.",
    hints=("A GPE is a country, city or state. The model finds mentions; an entity is counted once however "
           "often it is mentioned.",
           'nl.label_summary(nl.entities(doc)) has one row per label: "count" counts mentions, "n_entities" '
           "counts distinct entities."),
    blank='"n_entities"',
    solution='summary = nl.label_summary(ents).set_index("label")\nanswer = int(summary.loc["GPE", "n_entities"])',
    why="n_entities counts each distinct key once, however many times it is mentioned.",
    distractors=(
        Distractor("GPE mentions", lambda ctx: len(_gpe(ctx)),
                   "That counts mentions: a place mentioned twice counts twice. Count each place once."),
    ),
    explain=lambda answer, ctx: f"Not quite: the model does not find {answer} different GPE entities.",
)


def _relabelled(ctx: Context, label: str) -> pd.DataFrame:
    """Disagreements where the model gave ``label`` and the gold standard another label."""
    table = ctx.evaluation.disagreements
    return table[(table[C.PREDICTED_LABEL] == label) & (table[C.KIND] == "wrong_label")]


def _not_persons(ctx: Context) -> list[Any]:
    return [sorted({entity_key(str(t)) for t in _relabelled(ctx, "PERSON")[C.PREDICTED_TEXT]})]


def _gold_people(ctx: Context) -> set[str]:
    record = ctx.gold or {"text": "", "spans": []}
    return {text_key(record["text"][s["start"]:s["end"]]) for s in record["spans"] if s["label"] == "PERSON"}


def _explain_not_a_person(answer: list[str], ctx: Context) -> str:
    given, expected = {text_key(a) for a in answer}, {text_key(a) for a in _not_persons(ctx)[0]}
    if given & _gold_people(ctx) - expected:
        return "That is a real person. Look for a name the model calls PERSON that the gold calls something else."
    if given < expected:
        return f"Right so far, but there are {len(expected)} of them. Give them all in a list."
    if given > expected:
        return "Some of these are right, but not all: keep only names whose predicted_label is PERSON."
    return "Not quite: compare the predicted_label and gold_label columns of the disagreements."


def _other_relabelled(ctx: Context) -> list[str] | None:
    table = ctx.evaluation.disagreements
    other = table[(table[C.PREDICTED_LABEL] != "PERSON") & (table[C.KIND] == "wrong_label")]
    return sorted({entity_key(str(t)) for t in other[C.PREDICTED_TEXT]}) or None


define(
    "03-not-a-person", kind="texts",
    needs=(GOLD, Need("PERSON that the gold standard labels otherwise",
                      lambda ctx: not _relabelled(ctx, "PERSON").empty)),
    answers=_not_persons,
    goal="Read an error table: find the names the model wrongly calls people, by comparing with a gold standard.",
    hints=("A wrong_label disagreement is a span the model found with the right boundaries but the wrong label.",
           'evaluation.disagreements has "kind", "predicted_label" and "gold_label" columns: keep wrong_label rows '
           'whose predicted_label is "PERSON", and read "predicted_text".'),
    blank='"PERSON"',
    solution='table = evaluation.disagreements\nwrong = table[(table["predicted_label"] == "PERSON") & '
             '(table["kind"] == "wrong_label")]\nanswer = sorted(set(wrong["predicted_text"]))',
    why="Those are the wrong_label rows where the model said PERSON and the gold standard said something else.",
    distractors=(
        Distractor("other wrong labels", _other_relabelled,
                   "Those are names the model labelled wrongly, but not as PERSON. Keep predicted_label == 'PERSON'."),
    ),
    explain=_explain_not_a_person,
)


def _gpe_row(ctx: Context) -> pd.Series:
    table = ctx.evaluation.per_label.set_index(C.LABEL)
    return table.loc[table.index == "GPE"].iloc[0]


def _has_gpe_gold(ctx: Context) -> bool:
    if ctx.gold is None:
        return False
    table = ctx.evaluation.per_label
    return bool((table[(table[C.LABEL] == "GPE")][C.SUPPORT] > 0).any())


define(
    "03-gpe-recall", kind="ratio",
    needs=(GOLD, Need("place (GPE) in the gold standard", _has_gpe_gold)),
    answers=lambda ctx: [float(_gpe_row(ctx)[C.RECALL])],
    goal="Tell recall from precision, and read one label's scores from a per-label table.",
    hints=("Recall asks: of the places in the gold standard, what share did the model find? Precision asks the "
           "opposite: of the places the model found, what share is right?",
           'evaluation.per_label has one row per label, with a "recall" column (a share between 0 and 1).'),
    blank='"recall"',
    solution='answer = float(evaluation.per_label.set_index("label").loc["GPE", "recall"])',
    why="The GPE row's recall is the share of gold places that the model found with the right label.",
    distractors=(
        Distractor("GPE precision", lambda ctx: float(_gpe_row(ctx)[C.PRECISION]),
                   "That is the precision (how many predicted GPEs are right). Recall asks how many gold GPEs "
                   "were found."),
        Distractor("overall recall", lambda ctx: ctx.evaluation.recall,
                   "That is the recall over every label. Take the GPE row of per_label."),
        Distractor("GPE F1", lambda ctx: float(_gpe_row(ctx)[C.F1]),
                   "That is the F1 score, a balance of precision and recall. Take the recall column."),
    ),
    refuses=(percentage_without_sign("Right number, but give the recall as a share between 0 and 1, not as a "
                                     "percentage (or write the % sign)."), rounded_too_far()),
    explain=lambda answer, ctx: f"Not quite: {shown_share(answer)} is not the model's recall on GPE.",
)


written("03-scores-by-label", prompt="In evaluation.per_label, for which label is precision highest, and for which "
        "is recall lowest? What do the entities the model missed have in common?")
written("03-government-label", prompt="Would a label for \"government\" (metonymy) be more useful to a reader of this "
        "article? What would it cost the annotators?")
written("03-trust-the-scores", prompt="These scores come from one article: would you trust them for another article, "
        "or for another topic? Why?")
