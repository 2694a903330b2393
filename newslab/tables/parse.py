"""Tidy tables of what the parser made: one row per token, sentence or noun chunk.

Every table has stable column names (see ``newslab.columns``), character offsets into
the raw text (end exclusive), and the sentence and paragraph each row belongs to.
``paragraph_id`` counts body paragraphs from 0 and is missing (``<NA>``) for the
headline, byline and dateline; ``part`` says which of those a row belongs to.

Given many docs (a list or an iterator of docs, or a ``newslab.corpus.Corpus``), a table
function stacks the table of each, with ``article_id``, ``outlet``, ``date`` and ``title``
from each doc's metadata as the first columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import columns as C
from ..edge import require_doc
from ..precomputed import LiteSentence, is_lite
from .index import token_index, trim
from .many import frame, per_article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span


__all__ = ["tokens", "sentences", "lede", "noun_chunks", "sentence_span"]


def _token_rows(doc: Doc) -> list[tuple]:
    index = token_index(doc)
    return [
        (t.i, t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_,
         t.ent_type_, t.is_alpha, t.is_punct, t.is_stop, t.is_space, t.idx, t.idx + len(t),
         *index.locate(t.i))
        for t in doc
    ]


@per_article(rows=_token_rows, columns=C.TOKEN_COLUMNS)
def tokens(doc: Doc) -> pd.DataFrame:
    """One row per token: text, lemma, part of speech, dependency, entity tag and position.

    ``head_id`` is the ``token_id`` of the syntactic head (a root is its own head).

    Examples:
        >>> import newslab
        >>> table = tokens(newslab.analyze("Rutte visited Kyiv."))
        >>> table[["text", "pos", "dep"]].values.tolist()
        [['Rutte', 'PROPN', 'nsubj'], ['visited', 'VERB', 'ROOT'], ['Kyiv', 'PROPN', 'dobj'], ['.', 'PUNCT', 'punct']]
    """
    return frame(_token_rows(doc), C.TOKEN_COLUMNS)


def _sentence_rows(doc: Doc) -> list[tuple]:
    index = token_index(doc)
    rows = []
    for sent in doc.sents:
        span = trim(sent)
        if span is None:
            continue
        words = sum(1 for t in span if not (t.is_punct or t.is_space))
        rows.append((index.sent_id(span.start), span.text, span.start_char, span.end_char,
                     span.start, span.end, len(span), words, *index.locate(span.start)[1:]))
    return rows


@per_article(rows=_sentence_rows, columns=C.SENTENCE_COLUMNS)
def sentences(doc: Doc) -> pd.DataFrame:
    """One row per sentence, with its token span, length in tokens and in words.

    Examples:
        >>> import newslab
        >>> table = sentences(newslab.analyze())
        >>> table.loc[0, ["part", "text"]].tolist()
        ['headline', 'New NATO Chief Rutte Reaffirms Support for Ukraine During Kyiv Visit']
    """
    return frame(_sentence_rows(doc), C.SENTENCE_COLUMNS)


def _lede_rows(doc: Doc) -> list[tuple]:
    return next(([row] for row in _sentence_rows(doc) if row[-1] == C.PARAGRAPH), [])


@per_article(rows=_lede_rows, columns=C.SENTENCE_COLUMNS)
def lede(doc: Doc) -> pd.DataFrame:
    """The lede: the first sentence of the body, as a row of :func:`sentences` (no row without a body).

    Given many articles, one row per article: the first thing each outlet chose to say.

    Examples:
        >>> import newslab
        >>> lede(newslab.analyze())[["sent_id", "part"]].values.tolist()
        [[3, 'paragraph']]
        >>> lede(newslab.analyze("Riverton Votes\\nThe council met on Monday. It voted."))["text"].tolist()
        ['The council met on Monday.']
    """
    return frame(_lede_rows(doc), C.SENTENCE_COLUMNS)


def _noun_chunk_rows(doc: Doc) -> list[tuple]:
    index = token_index(doc)
    return [
        (i, chunk.text, chunk.root.text, chunk.root.dep_, chunk.root.head.text, chunk.start_char,
         chunk.end_char, chunk.start, chunk.end, *index.locate(chunk.start))
        for i, chunk in enumerate(doc.noun_chunks)
    ]


@per_article(rows=_noun_chunk_rows, columns=C.NOUN_CHUNK_COLUMNS)
def noun_chunks(doc: Doc) -> pd.DataFrame:
    """One row per base noun phrase, with its root word, the root's role and its head.

    Examples:
        >>> import newslab
        >>> table = noun_chunks(newslab.analyze("The new chief visited the capital."))
        >>> table[["text", "root_text", "root_dep"]].values.tolist()
        [['The new chief', 'chief', 'nsubj'], ['the capital', 'capital', 'dobj']]
    """
    return frame(_noun_chunk_rows(doc), C.NOUN_CHUNK_COLUMNS)


def sentence_span(doc: Doc, sent_id: int) -> Span:
    """Return sentence ``sent_id`` (as numbered by :func:`sentences`) as a spaCy ``Span``.

    Examples:
        >>> import newslab
        >>> sentence_span(newslab.analyze("Rutte came. He left."), 1).text
        'He left.'
    """
    if is_lite(doc):  # the lite edition: the sentence's text and its root, from the token table
        return LiteSentence(doc, sent_id)  # type: ignore[return-value]
    doc = require_doc(doc, "nl.sentence_span")
    table = sentences(doc)
    if not 0 <= sent_id < len(table):
        raise IndexError(f"sentence {sent_id} does not exist: this text has sentences 0 to {len(table) - 1}")
    row = table.iloc[sent_id]
    return doc[int(row[C.START_TOKEN]) : int(row[C.END_TOKEN])]
