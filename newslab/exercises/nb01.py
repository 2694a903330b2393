"""Exercises of notebook 01, Reading the article."""

from __future__ import annotations

from typing import Any

from . import Context, exercise


@exercise("01-paragraph-count", hint="Count the body paragraphs: len(article.paragraphs).")
def paragraph_count(answer: Any, ctx: Context) -> bool | str:
    expected = len(ctx.article.paragraphs)
    if answer == len(ctx.article.parts):
        return "That counts every part, headline, byline and dateline included. Count only body paragraphs."
    return answer == expected or f"Not quite: {answer} is not the number of body paragraphs."
