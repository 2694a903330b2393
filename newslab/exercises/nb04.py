"""Exercises of notebook 04, Annotating.

The annotation exercises read the student's spans (``annotator.spans``, the annotator itself,
``annotator.record()`` or ``annotator.to_frame()``, all normalised to one list of spans).
"""

from __future__ import annotations

import re
from typing import Any

from ._context import Context
from ._model import Distractor, Need
from ._needs import DATELINE, GOLD
from .checks import define, exercise


def _model_spans(ctx: Context) -> list[dict[str, Any]]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in ctx.doc.ents]


def _with(spans: list[dict[str, Any]], start: int, end: int, label: str) -> list[dict[str, Any]]:
    """``spans`` with one span set to (start, end, label), replacing any span that overlaps it."""
    kept = [s for s in spans if s["end"] <= start or end <= s["start"]]
    return sorted([*kept, {"start": start, "end": end, "label": label}], key=lambda s: s["start"])


def _at(spans: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    return next((s for s in spans if s["start"] == start and s["end"] == end), None)


def _dateline_marked(ctx: Context) -> list[Any]:
    part = ctx.article.dateline
    return [_with(_model_spans(ctx), part.start, part.end, "GPE")] if part else []


def _dateline(spans: list[dict[str, Any]], ctx: Context) -> bool | str:
    part = ctx.article.dateline
    assert part is not None  # the exercise needs a dateline
    found = _at(spans, part.start, part.end)
    if found is None:
        if any(s["start"] < part.end and part.start < s["end"] for s in spans):
            return (f"A span covers part of the dateline, but not exactly “{part.text}”: "
                    "delete it and mark the whole word.")
        return f"“{part.text}” is not marked yet."
    return found["label"] == "GPE" or f"“{part.text}” is marked {found['label']}, but a dateline names a place: GPE."


# a model span inside the dateline ("Northvale" in "RIVERTON, Northvale") must go first: spans never overlap
_DATELINE_SOLUTION = ('dateline = article.dateline\n'
                      'for span in annotator.spans:\n'
                      '    if span["start"] < dateline.end and dateline.start < span["end"]:\n'
                      '        annotator.delete(span["start"], span["end"])\n'
                      'annotator.add(dateline.start, dateline.end, "GPE")\n'
                      'with_dateline = annotator.spans')

exercise(
    "04-dateline", kind="spans", needs=(DATELINE,), answers=_dateline_marked,
    goal="Add a span with exact character offsets and the right label.",
    hints=("A dateline names the place a story was reported from: a place is a GPE.",
           "article.dateline is a Part with .start and .end offsets; annotator.add(start, end, label) adds a span.",
           _DATELINE_SOLUTION),
    solution=_DATELINE_SOLUTION,
    why="The span covers exactly the dateline's characters and is labelled GPE, a place.",
    distractors=(Distractor("the model's spans", _model_spans, "These are the model's spans: the dateline is "
                            "not marked yet. Add a span over it."),),
    # judged on the dateline alone: other spans the student added or changed do not matter here
)(_dateline)


def _city_mentions(ctx: Context) -> list[tuple[int, int]]:
    part, paragraphs = ctx.article.dateline, ctx.article.paragraphs
    if part is None or not paragraphs:
        return []
    pattern = re.compile(rf"\b{re.escape(part.text)}\b", re.IGNORECASE)
    return [(paragraphs[0].start + m.start(), paragraphs[0].start + m.end()) for m in pattern.finditer(paragraphs[0].text)]


_CITY_SOLUTION = """import re

city, first = article.dateline.text, article.paragraphs[0]
for match in re.finditer(rf"\\b{re.escape(city)}\\b", first.text, re.IGNORECASE):
    start, end = first.start + match.start(), first.start + match.end()
    annotator.relabel(start, end, "GPE") or annotator.add(start, end, "GPE")
fixed = annotator.spans"""


def _city_fixed(ctx: Context) -> list[Any]:
    spans = _dateline_marked(ctx)[0]
    for start, end in _city_mentions(ctx):
        spans = _with(spans, start, end, "GPE")
    return [spans]


def _city(spans: list[dict[str, Any]], ctx: Context) -> str | None:
    for start, end in _city_mentions(ctx):
        found, word = _at(spans, start, end), ctx.article.text[start:end]
        if found is None:
            return f"“{word}” at {start}-{end} has no span: mark it as GPE."
        if found["label"] != "GPE":
            return f"“{word}” at {start}-{end} is still {found['label']}: relabel it GPE, it is a city."
    return None


exercise(
    "04-city-label", kind="spans",
    needs=(DATELINE, Need("dateline place named again in the first paragraph", lambda ctx: bool(_city_mentions(ctx)))),
    answers=_city_fixed,
    goal="Correct a model's label, and find a word's character offsets in a text.",
    hints=("The first paragraph names the dateline's city again. Whatever the model called it, it is a place: GPE.",
           "annotator.to_frame() lists each span with its offsets; article.text.index(word, start) finds a word; "
           "annotator.relabel(start, end, label) changes a label.",
           'start = article.text.index("Kyiv", article.paragraphs[0].start)  # the city of the dateline\n'
           'annotator.relabel(start, start + len("Kyiv"), "GPE")\nfixed = annotator.spans'),
    solution=_CITY_SOLUTION,
    why="Every mention of the dateline's city in the first paragraph now has a GPE span.",
)(lambda spans, ctx: _city(spans, ctx) or True)


def _recall(ctx: Context) -> list[Any]:
    return [ctx.evaluation.recall]


define(
    "04-model-recall", kind="ratio", needs=(GOLD,), answers=_recall,
    goal="Score a model against a gold standard: recall is the share of gold spans found exactly.",
    hints=("Recall answers: of the entities in the gold standard, what share did the model find, with the right "
           "offsets and label?",
           "nl.evaluate(doc, nl.gold()) returns an Evaluation; it has .precision, .recall and .f1 "
           "(model_score in the cell above).",
           "recall = model_score.recall"),
    solution="recall = model_score.recall",
    why="evaluation.recall is the share of gold spans that the model found with the same offsets and label.",
    distractors=(
        Distractor("precision", lambda ctx: ctx.evaluation.precision,
                   "That is the precision (the share of the model's spans that are right). "
                   "Recall is the share of gold spans it found."),
        Distractor("F1", lambda ctx: ctx.evaluation.f1,
                   "That is the F1 score, a balance of precision and recall. Give the recall."),
        Distractor("a percentage", lambda ctx: 100 * ctx.evaluation.recall,
                   "Right number, but give recall as a fraction between 0 and 1, not a percentage."),
    ),
    explain=lambda answer, ctx: f"{answer[0]:.3f} is not the model's recall against the gold standard.",
)
