"""Exercises of notebook 03, Named entities.

Every expected answer is computed from the article in use (and, for the last two, from the
gold annotations beside it), so an instructor's own article works too.
"""

from __future__ import annotations

from typing import Any

from .. import _columns as C
from . import Context, exercise


def _evaluation(ctx: Context):
    from ..evaluation import evaluate
    from ..goldstandard import gold

    return evaluate(ctx.doc, gold(ctx.article))


@exercise("03-gpe-entities", hint='nl.label_summary(nl.entities(doc)): read the "n_entities" column of the GPE row.')
def gpe_entities(answer: Any, ctx: Context) -> bool | str:
    from ..tables import entities

    gpe = entities(ctx.doc)
    gpe = gpe[gpe[C.LABEL] == "GPE"]
    expected = int(gpe[C.KEY].nunique())
    if answer == len(gpe) and answer != expected:
        return "That counts mentions: Ukraine is mentioned many times. Count each place once."
    return answer == expected or f"Not quite: the model does not find {answer} different GPE entities."


@exercise("03-not-a-person", hint='evaluation = nl.evaluate(doc, nl.gold()); in evaluation.disagreements keep the '
                                  'rows whose predicted_label is "PERSON" and read their predicted_text.')
def not_a_person(answer: Any, ctx: Context) -> bool | str:
    from ..goldstandard import gold
    from ..tables import entity_key

    table = _evaluation(ctx).disagreements
    wrong = table[(table[C.PREDICTED_LABEL] == "PERSON") & (table[C.KIND] == "wrong_label")]
    expected = {entity_key(str(text)) for text in wrong[C.PREDICTED_TEXT]}
    given = {entity_key(str(answer))} if isinstance(answer, str) else {entity_key(str(a)) for a in answer}
    record = gold(ctx.article)
    people = {entity_key(record["text"][s["start"]:s["end"]]) for s in record["spans"] if s["label"] == "PERSON"}
    if not expected:
        return "In your article the model calls no other kind of name PERSON: ask your instructor."
    if given & people:
        return "That is a real person. Look for a name the model calls PERSON that the gold calls something else."
    if given < expected:
        return f"Right so far, but there are {len(expected)} of them. Give them all in a list."
    return given == expected or "Not quite: compare the predicted_label and gold_label columns of the disagreements."


@exercise("03-gpe-recall", hint='evaluation.per_label: the "recall" column of the GPE row (a number between 0 and 1).')
def gpe_recall(answer: Any, ctx: Context) -> bool | str:
    evaluation = _evaluation(ctx)
    row = evaluation.per_label.set_index(C.LABEL).loc["GPE"]
    value = float(answer)
    if value > 1:
        return "Give the recall as a share between 0 and 1, not as a percentage."
    if abs(value - row[C.RECALL]) < 0.005:
        return True
    if abs(value - row[C.PRECISION]) < 0.005:
        return "That is the precision (how many predicted GPEs are right). Recall asks how many gold GPEs were found."
    if abs(value - evaluation.recall) < 0.005:
        return "That is the recall over every label. Take the GPE row of per_label."
    return f"Not quite: {value:.2f} is not the model's recall on GPE."
