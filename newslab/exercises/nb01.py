"""Exercises of notebook 01, Reading the article."""

from __future__ import annotations

import re
from typing import Any

from .. import columns as C
from ._context import Context
from ._model import Distractor
from ._needs import BODY, DATELINE
from .checks import define, written


def _longest(ctx: Context) -> list[Any]:
    table = ctx.sentences
    return table[table[C.N_WORDS] == table[C.N_WORDS].max()][C.SENT_ID].tolist()


def _most_tokens(ctx: Context) -> int:
    table = ctx.sentences
    return int(table[C.SENT_ID].iloc[int(table[C.N_TOKENS].to_numpy().argmax())])


def _body_sentences(ctx: Context) -> int:
    return int((ctx.sentences[C.PART] == C.PARAGRAPH).sum())


define(
    "01-paragraph-count", kind="count", needs=(BODY,),
    answers=lambda ctx: [len(ctx.article.paragraphs)],
    goal="Tell the body of a news article from its headline, byline and dateline.",
    hints=("An article is built of parts: a headline, a byline, a dateline, then body paragraphs. Count only "
           "the body paragraphs.",
           "article.paragraphs holds the body paragraphs (a tuple of Parts)."),
    blank='article.paragraphs',
    solution="answer = len(article.paragraphs)",
    why="article.paragraphs keeps only the body, so its length counts paragraphs and nothing else.",
    distractors=(
        Distractor("every part", lambda ctx: len(ctx.article.parts),
                   "That counts every part, headline, byline and dateline included. Count only body paragraphs."),
        Distractor("body sentences", _body_sentences,
                   "That counts sentences; a paragraph can hold several. Count paragraphs."),
    ),
    explain=lambda answer, ctx: f"Not quite: {answer} is not the number of body paragraphs.",
)

define(
    "01-longest-sentence", kind="count", needs=(BODY,), answers=_longest,
    goal="Measure sentences in words, and find a row by sorting a table.",
    hints=("Long sentences are hard to read; news style keeps them short. Which sentence has the most words "
           "(punctuation does not count)?",
           'nl.sentences(doc) has one row per sentence, with its length in the "n_words" column and its number '
           'in "sent_id".'),
    blank='"n_words"',
    solution='table = nl.sentences(doc)\nanswer = int(table.sort_values("n_words", ascending=False).iloc[0]["sent_id"])',
    why="Sorting the sentence table by n_words puts the sentence with the most words on top.",
    distractors=(
        Distractor("longest in tokens", _most_tokens,
                   "That is the longest sentence in tokens (punctuation included). Count words instead."),
        Distractor("its length", lambda ctx: int(ctx.sentences[C.N_WORDS].max()),
                   "That is how many words the longest sentence has. Give its sent_id instead."),
    ),
    explain=lambda answer, ctx: f"Sentence {answer} is not the longest one in words.",
)

def _datelines(ctx: Context) -> list[str]:
    """The dateline, its city alone ("RIVERTON" of "RIVERTON, Northvale"), and the line as printed, up to its dash."""
    part = ctx.article.dateline
    if part is None:
        return []
    printed = re.match(r"[^\n]{0,40}?\s[–—-](?=\s)", ctx.article.text[part.end:])
    found = [part.text, part.text.split(",")[0], part.text + printed.group(0) if printed else part.text]
    return list(dict.fromkeys(found))


define(
    "01-dateline", kind="text", needs=(DATELINE,),
    answers=lambda ctx: _datelines(ctx),
    goal="Recognise the dateline: the place a story was reported from, at the start of its first paragraph.",
    hints=("Before the first sentence of a news story comes the place it was reported from, often in capitals.",
           "The dateline is a Part of the article: article.dateline (its .text is the place)."),
    blank='dateline',
    solution="answer = article.dateline.text",
    why="The dateline is the place at the start of the first body line, before the dash.",
    distractors=(
        Distractor("the headline", lambda ctx: ctx.article.headline and ctx.article.headline.text,
                   "That is the headline. The dateline is at the start of the first body line."),
        Distractor("the byline", lambda ctx: ctx.article.byline and ctx.article.byline.text,
                   "That is the byline: who wrote the story. The dateline says where it was reported from."),
        Distractor("the author", lambda ctx: ctx.article.author,
                   "That is the author. The dateline says where the story was reported from."),
    ),
    explain=lambda answer, ctx: "That is not the dateline: look at the start of the first body line.",
)


written("01-headline-vs-lede", prompt="Compare the headline with the lede: which facts does the headline keep, which "
        "does it leave out, and why might a headline leave a quotation out?")
