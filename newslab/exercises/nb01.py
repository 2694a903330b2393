"""Exercises of notebook 01, Reading the article."""

from __future__ import annotations

from typing import Any, cast

from .. import _columns as C
from . import Context, exercise


@exercise("01-paragraph-count", hint="Count the body paragraphs: len(article.paragraphs).")
def paragraph_count(answer: Any, ctx: Context) -> bool | str:
    expected = len(ctx.article.paragraphs)
    if answer == len(ctx.article.parts):
        return "That counts every part, headline, byline and dateline included. Count only body paragraphs."
    return answer == expected or f"Not quite: {answer} is not the number of body paragraphs."


@exercise("01-longest-sentence", hint='Sort nl.sentences(doc) by the "n_words" column and take the sent_id of the top row.')
def longest_sentence(answer: Any, ctx: Context) -> bool | str:
    from ..tables import sentences

    table = sentences(ctx.doc)
    longest = table[table[C.N_WORDS] == table[C.N_WORDS].max()][C.SENT_ID].tolist()
    if int(answer) in longest:
        return True
    most_tokens = cast(int, table[C.N_TOKENS].idxmax())  # a RangeIndex label; pandas-stubs say Hashable
    if int(answer) == table.loc[most_tokens, C.SENT_ID]:
        return "That is the longest sentence in tokens (punctuation included). Count words instead."
    return f"Sentence {answer} is not the longest one in words."


@exercise("01-dateline", hint="The dateline is a Part of the article: article.dateline.text")
def dateline(answer: Any, ctx: Context) -> bool | str:
    expected = ctx.article.dateline.text if ctx.article.dateline else ""
    if isinstance(answer, str) and answer.strip().lower() == expected.lower() and answer.strip() != expected:
        return "Right place, but keep the spelling exactly as the article writes it."
    return answer == expected or "That is not the dateline: look at the start of the first body line."
