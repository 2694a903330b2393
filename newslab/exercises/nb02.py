"""Exercises of notebook 02, Words and grammar.

Each question is computed from the article in use: "the first body sentence" is found in
the sentence table, and ``02-who-reassured`` asks about the last verb with an object in the
first body sentence (on the course article: *reassured*), whatever that verb is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import columns as C
from ._context import Context, memoised
from ._model import Distractor, Need
from ._needs import BODY, first_body_sentence
from .checks import define, written

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Span, Token


def _sentence(ctx: Context, sent_id: int) -> Span:
    from ..tables.parse import sentence_span

    return sentence_span(ctx.doc, sent_id)


@memoised
def _root(ctx: Context) -> Token:
    return _sentence(ctx, first_body_sentence(ctx) or 0).root


@memoised
def _next_root(ctx: Context) -> str | None:
    sent_id = (first_body_sentence(ctx) or 0) + 1
    return _sentence(ctx, sent_id).root.lemma_ if sent_id < len(ctx.sentences) else None


_FIRST = 'first = nl.lede(doc)["sent_id"].iloc[0]  # the first body sentence\n'


def _pos_count(ctx: Context, tags: tuple[str, ...]) -> int:
    return int(ctx.tokens[C.POS].isin(tags).sum())


define(
    "02-verb-count", kind="count",
    answers=lambda ctx: [_pos_count(ctx, ("VERB",))],
    goal="Read a part-of-speech column and count rows that meet a condition.",
    hints=("Every token gets a part of speech. Verbs say what happens; auxiliaries (is, would, has) only help "
           "them and are tagged AUX.",
           'nl.tokens(doc) has a "pos" column: keep the rows where it is "VERB" and count them.'),
    blank='"VERB"',
    solution='tokens = nl.tokens(doc)\nanswer = int((tokens["pos"] == "VERB").sum())',
    why='Comparing the pos column with "VERB" gives True for each verb, and summing counts them.',
    distractors=(
        Distractor("verbs and auxiliaries", lambda ctx: _pos_count(ctx, ("VERB", "AUX")),
                   "That includes auxiliaries (AUX) such as 'is' and 'would'. Count only VERB."),
        Distractor("auxiliaries", lambda ctx: _pos_count(ctx, ("AUX",)),
                   "That counts the auxiliaries (AUX). Count the tokens tagged VERB."),
    ),
    explain=lambda answer, ctx: f"Not quite: the article does not have {answer} tokens tagged VERB.",
)

define(
    "02-root-verb", kind="text", needs=(BODY,),
    answers=lambda ctx: [_root(ctx).lemma_],
    prompt=lambda ctx: f"the lemma of the root of sentence {first_body_sentence(ctx)}, the first body sentence.",
    goal="Find the root of a dependency tree, and tell a word as written from its lemma.",
    hints=("Every word of a sentence hangs from another one, except one: the root, usually the main verb. "
           "A lemma is the dictionary form (visited -> visit).",
           "nl.sentence_span(doc, sent_id) gives a sentence as a spaCy Span; a Span has .root, and a Token has "
           ".lemma_."),
    blank='lemma_',
    solution=_FIRST + "answer = nl.sentence_span(doc, first).root.lemma_",
    why="The root is the token whose dep is ROOT, and .lemma_ gives its dictionary form.",
    distractors=(
        Distractor("the word as written", lambda ctx: _root(ctx).text,
                   "Close: that is the word as written. Give its lemma (dictionary form)."),
        Distractor("the next sentence's root", _next_root,
                   "That is the root of the next sentence. Take the first body sentence."),
    ),
    explain=lambda answer, ctx: "That is not the root of the first body sentence.",
)


@memoised
def _target(ctx: Context) -> pd.Series | None:
    """The last subject-verb-object row of the first body sentence that has an object."""
    table = ctx.triples
    rows = table[(table[C.SENT_ID] == first_body_sentence(ctx)) & (table[C.OBJECT] != "")]
    return None if rows.empty else rows.iloc[-1]


def _field(ctx: Context, column: str) -> str | None:
    row = _target(ctx)
    return None if row is None else str(row[column])


def _object_token(ctx: Context) -> Token | None:
    row = _target(ctx)
    sentence = _sentence(ctx, int(row[C.SENT_ID])) if row is not None else ()
    for token in sentence:
        for child in token.children if token.text == row[C.VERB] else ():  # type: ignore[index]
            if ctx.doc[child.left_edge.i : child.right_edge.i + 1].text.strip() == row[C.OBJECT]:  # type: ignore[index]
                return child
    return None


@memoised
def _objects(ctx: Context) -> list[Any]:
    """The object phrase, its main word, and any name inside the phrase that holds the main word."""
    row, head = _target(ctx), _object_token(ctx)
    right: list[Any] = [row[C.OBJECT]] if row is not None else []
    if head is not None:
        right.append(head.text)
        right += [ent.text for ent in ctx.doc.ents if ent.start <= head.i < ent.end]
    return right


@memoised
def _other_object(ctx: Context) -> str | None:
    row, table = _target(ctx), ctx.triples
    if row is None:
        return None
    same = table[(table[C.SENT_ID] == row[C.SENT_ID]) & (table[C.OBJECT] != "")]
    return str(same.iloc[0][C.OBJECT]) if len(same) > 1 else None


define(
    "02-who-reassured", kind="text",
    needs=(Need("first body sentence with a verb that has an object", lambda ctx: _target(ctx) is not None),),
    answers=_objects,
    prompt=lambda ctx: (f"in sentence {_field(ctx, C.SENT_ID)}, who or what is the object of “{_field(ctx, C.VERB)}”? "
                        "(On the course article: who was reassured?)"),
    goal="Read a subject-verb-object table to answer the reporter's question: who does what to whom.",
    hints=("The object of a verb is who or what the action is done to; the subject is who does it.",
           'nl.svo_triples(doc) has one row per verb, with its "subject", "verb" and "object" phrases. Find the '
           "verb the question names, in the first body sentence."),
    blank='iloc[-1]["object"]',
    solution=_FIRST + 'triples = nl.svo_triples(doc)\nrows = triples[(triples["sent_id"] == first) & '
             '(triples["object"] != "")]\nanswer = rows.iloc[-1]["object"]  # the last verb with an object',
    why="The object column holds the phrase the verb acts on (its main word is accepted too).",
    distractors=(
        Distractor("the subject", lambda ctx: _field(ctx, C.SUBJECT),
                   "That is the subject: the one who acts. The object is who or what the action is done to."),
        Distractor("the verb", lambda ctx: _field(ctx, C.VERB),
                   "That is the verb itself. Who or what does it act on?"),
        Distractor("another verb's object", _other_object,
                   "That is the object of another verb in the sentence. Take the verb the question names."),
    ),
    explain=lambda answer, ctx: "Look again at the object of the verb the question names: who or what is acted on?",
)


written("02-pronoun-subjects", prompt="For each pronoun subject in the table, who does it stand for? Do you need the "
        "sentence before it to know who acts?")
