"""Exercises of notebook 04, Annotating."""

from __future__ import annotations

import re
from typing import Any

from . import Context, exercise


def _spans(answer: Any) -> list[dict[str, Any]]:
    """Accept ``annotator.spans``, the annotator itself or an annotated-text dict."""
    if hasattr(answer, "spans") and not isinstance(answer, dict):
        answer = answer.spans
    if isinstance(answer, dict):
        answer = answer.get("spans", [])
    return [dict(span) for span in answer]


def _at(spans: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    return next((s for s in spans if s["start"] == start and s["end"] == end), None)


@exercise("04-dateline", hint="The dateline is a Part: annotator.add(article.dateline.start, article.dateline.end, "
                              '"GPE"), then answer with annotator.spans.')
def dateline(answer: Any, ctx: Context) -> bool | str:
    part = ctx.article.dateline
    if part is None:
        return True  # nothing to mark in an article without a dateline
    spans = _spans(answer)
    found = _at(spans, part.start, part.end)
    if found is None:
        near = [s for s in spans if s["start"] < part.end and part.start < s["end"]]
        if near:
            return (f"A span covers part of the dateline, but not exactly “{part.text}”: "
                    "delete it and mark the whole word.")
        return f"“{part.text}” is not marked yet."
    return found["label"] == "GPE" or f"“{part.text}” is marked {found['label']}, but a dateline names a place: GPE."


@exercise("04-city-label", hint='start = article.text.index("Kyiv", article.paragraphs[0].start) finds the city; '
                                'then annotator.relabel(start, start + 4, "GPE") and answer with annotator.spans.')
def city_label(answer: Any, ctx: Context) -> bool | str:
    part, paragraph = ctx.article.dateline, ctx.article.paragraphs[0]
    if part is None:
        return True
    pattern = re.compile(rf"\b{re.escape(part.text)}\b", re.IGNORECASE)
    mentions = [(paragraph.start + m.start(), paragraph.start + m.end()) for m in pattern.finditer(paragraph.text)]
    spans = _spans(answer)
    for start, end in mentions:
        found = _at(spans, start, end)
        word = ctx.article.text[start:end]
        if found is None:
            return f"“{word}” at {start}-{end} has no span: mark it as GPE."
        if found["label"] != "GPE":
            return f"“{word}” at {start}-{end} is still {found['label']}: relabel it GPE, it is a city."
    return True


@exercise("04-model-recall", hint="nl.evaluate(doc, nl.gold()) scores the model's entities against the gold ones; "
                                  "read its .recall.")
def model_recall(answer: Any, ctx: Context) -> bool | str:
    from ..evaluation import evaluate
    from ..goldstandard import gold

    result = evaluate(ctx.doc, gold(ctx.article))
    value = float(answer)
    if abs(value - result.recall) < 1e-6:
        return True
    if abs(value - result.precision) < 1e-6:
        return ("That is the precision (the share of the model's spans that are right). "
                "Recall is the share of gold spans it found.")
    if abs(value - 100 * result.recall) < 1e-3:
        return "Right number, but give recall as a fraction between 0 and 1, not a percentage."
    return f"{value:.3f} is not the model's recall against the gold standard."
