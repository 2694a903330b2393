"""Exercises of notebook 04, Annotating.

The annotation exercises read the student's spans (``annotator.spans``, the annotator itself,
``annotator.record()`` or ``annotator.to_frame()``, all normalised to one list of spans).
"""

from __future__ import annotations

import re
from typing import Any

from ._context import Context
from ._model import Distractor, Need, Refusal
from ._needs import DATELINE, GOLD
from .checks import define, exercise, percentage_without_sign, rounded_too_far, shown_share


def _model_spans(ctx: Context) -> list[dict[str, Any]]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in ctx.doc.ents]


def _with(spans: list[dict[str, Any]], start: int, end: int, label: str) -> list[dict[str, Any]]:
    """``spans`` with one span set to (start, end, label), replacing any span that overlaps it."""
    kept = [s for s in spans if s["end"] <= start or end <= s["start"]]
    return sorted([*kept, {"start": start, "end": end, "label": label}], key=lambda s: s["start"])


def _at(spans: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    return next((s for s in spans if s["start"] == start and s["end"] == end), None)


def _dateline_names(ctx: Context) -> list[tuple[int, int]]:
    """The names in the dateline, one span each: "KYIV"; "RIVERTON" and "Northvale" in "RIVERTON, Northvale".

    The annotation guide (``seeds/ANNOTATION_GUIDE.md``) marks the shortest span that is still a whole
    name, without punctuation, and a name inside a longer phrase keeps its own span (rules 3 and 4).
    """
    part = ctx.article.dateline
    if part is None:
        return []
    return [(part.start + m.start(), part.start + m.end()) for m in _NAME.finditer(part.text)]


_NAME = re.compile(r"[^,\s][^,]*[^,\s]|[^,\s]")


def _dateline_marked(ctx: Context) -> list[Any]:
    spans = _model_spans(ctx)
    for start, end in _dateline_names(ctx):
        spans = _with(spans, start, end, "GPE")
    return [spans] if ctx.article.dateline else []


def _one_gpe(spans: list[dict[str, Any]], start: int, end: int, word: str, where: str = "",
             relabel: str = "is marked {label}, but it names a place: GPE.") -> str | None:
    """What is wrong with the spans at one name that must be a GPE (``None``: one span, GPE)."""
    labels = sorted({s["label"] for s in spans if s["start"] == start and s["end"] == end})
    if len(labels) > 1:
        return (f"“{word}”{where} has {len(labels)} spans with different labels ({', '.join(labels)}): keep one, "
                "a place.")
    if not labels:
        if any(s["start"] < end and start < s["end"] for s in spans):
            return f"A span covers part of “{word}”{where}, but not exactly: delete it and mark the whole name."
        return f"“{word}”{where} has no span yet: mark it as a place, GPE."
    return None if labels == ["GPE"] else f"“{word}”{where} " + relabel.format(label=labels[0])


def _dateline(spans: list[dict[str, Any]], ctx: Context) -> bool | str:
    text = ctx.article.text
    for start, end in _dateline_names(ctx):
        if problem := _one_gpe(spans, start, end, text[start:end]):
            return problem
    return True


def _merged(given: Any, right: Any, ctx: Context) -> bool:
    part, names = ctx.article.dateline, _dateline_names(ctx)
    return part is not None and len(names) > 1 and _at(given, part.start, part.end) is not None


#: the guide's answer for a "CITY, Country" dateline, declared so that the student is told why
MERGED = Refusal("one merged span", "The annotation guide marks each name on its own, without the comma: the city "
                 "and the country of this dateline are two GPE spans (seeds/ANNOTATION_GUIDE.md, rules 3 and 4).", _merged)

# a model span inside the dateline ("Northvale" in "RIVERTON, Northvale") must go first: spans never overlap
_DATELINE_SOLUTION = r"""import re

dateline = article.dateline
for span in annotator.spans:
    if span["start"] < dateline.end and dateline.start < span["end"]:
        annotator.delete(span["start"], span["end"])
# one span per name: "KYIV"; "RIVERTON" and "Northvale" in "RIVERTON, Northvale"
for name in re.finditer(r"[^,\s][^,]*[^,\s]|[^,\s]", dateline.text):
    annotator.add(dateline.start + name.start(), dateline.start + name.end(), "GPE")
with_dateline = annotator.spans"""

exercise(
    "04-dateline", kind="spans", needs=(DATELINE,), answers=_dateline_marked, refuses=(MERGED,),
    goal="Add a span with exact character offsets and the right label.",
    hints=("A dateline names the place a story was reported from: a place is a GPE. A dateline of a city and a "
           "country (\"RIVERTON, Northvale\") holds two names: two spans.",
           "article.dateline is a Part with .start and .end offsets; annotator.add(start, end, label) adds a span."),
    blank='"GPE"', blank_last=True,
    solution=_DATELINE_SOLUTION,
    why="Each name of the dateline has one span over exactly its characters, labelled GPE, a place.",
    distractors=(Distractor("the model's spans", _model_spans, "These are the model's spans: the dateline is "
                            "not marked yet. Add a span over it."),),
    # judged on the dateline alone: other spans the student added or changed do not matter here
)(_dateline)


def _city(ctx: Context) -> str | None:
    """The dateline's city: its first name ("RIVERTON" in "RIVERTON, Northvale")."""
    names = _dateline_names(ctx)
    return ctx.article.text[names[0][0]:names[0][1]] if names else None


def _city_mentions(ctx: Context) -> list[tuple[int, int]]:
    city, paragraphs = _city(ctx), ctx.article.paragraphs
    if city is None or not paragraphs:
        return []
    pattern = re.compile(rf"\b{re.escape(city)}\b", re.IGNORECASE)
    return [(paragraphs[0].start + m.start(), paragraphs[0].start + m.end()) for m in pattern.finditer(paragraphs[0].text)]


_CITY_SOLUTION = """import re

city = article.dateline.text.split(",")[0]  # the city of "CITY, Country"
first = article.paragraphs[0]
for match in re.finditer(rf"\\b{re.escape(city)}\\b", first.text, re.IGNORECASE):
    start, end = first.start + match.start(), first.start + match.end()
    annotator.relabel(start, end, "GPE") or annotator.add(start, end, "GPE")
fixed = annotator.spans"""


def _city_fixed(ctx: Context) -> list[Any]:
    spans = _dateline_marked(ctx)[0]
    for start, end in _city_mentions(ctx):
        spans = _with(spans, start, end, "GPE")
    return [spans]


def _city_checked(spans: list[dict[str, Any]], ctx: Context) -> str | None:
    for start, end in _city_mentions(ctx):
        if problem := _one_gpe(spans, start, end, ctx.article.text[start:end], f" at {start}-{end}",
                               relabel="is still {label}: relabel it GPE, it is a city."):
            return problem
    return None


exercise(
    "04-city-label", kind="spans",
    needs=(DATELINE, Need("dateline place named again in the first paragraph", lambda ctx: bool(_city_mentions(ctx)))),
    answers=_city_fixed,
    goal="Correct a model's label, and find a word's character offsets in a text.",
    hints=("The first paragraph names the dateline's city again. Whatever the model called it, it is a place: GPE.",
           "annotator.to_frame() lists each span with its offsets; article.text.index(word, start) finds a word; "
           "annotator.relabel(start, end, label) changes a label."),
    blank='"GPE"',
    solution=_CITY_SOLUTION,
    why="Every mention of the dateline's city in the first paragraph now has a GPE span.",
)(lambda spans, ctx: _city_checked(spans, ctx) or True)


def _recall(ctx: Context) -> list[Any]:
    return [ctx.evaluation.recall]


define(
    "04-model-recall", kind="ratio", needs=(GOLD,), answers=_recall,
    goal="Score a model against a gold standard: recall is the share of gold spans found exactly.",
    hints=("Recall answers: of the entities in the gold standard, what share did the model find, with the right "
           "offsets and label?",
           "nl.evaluate(doc, nl.gold()) returns an Evaluation; it has .precision, .recall and .f1 "
           "(model_score in the cell above)."),
    blank='recall', blank_last=True,
    solution="recall = model_score.recall",
    why="evaluation.recall is the share of gold spans that the model found with the same offsets and label.",
    distractors=(
        Distractor("precision", lambda ctx: ctx.evaluation.precision,
                   "That is the precision (the share of the model's spans that are right). "
                   "Recall is the share of gold spans it found."),
        Distractor("F1", lambda ctx: ctx.evaluation.f1,
                   "That is the F1 score, a balance of precision and recall. Give the recall."),
    ),
    refuses=(percentage_without_sign("Right number, but give recall as a fraction between 0 and 1, not a percentage "
                                     "(or write the % sign)."), rounded_too_far()),
    explain=lambda answer, ctx: f"{shown_share(answer)} is not the model's recall against the gold standard.",
)
