"""Tidy tables of a parsed article: one row per token, sentence, entity or noun chunk.

Every table has stable column names (see ``newslab.columns``), character offsets into
the raw text (end exclusive), and the sentence and paragraph each row belongs to.
``paragraph_id`` counts body paragraphs from 0 and is missing (``<NA>``) for the
headline, byline and dateline; ``part`` says which of those a row belongs to.

Given many docs (a list or an iterator of docs, or a ``newslab.corpus.Corpus``), a table
function stacks the table of each, with ``article_id``, ``outlet``, ``date`` and ``title``
from each doc's metadata as the first columns.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import columns as C
from .many import DTYPES, frame, per_article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Span

__all__ = [
    "tokens", "sentences", "entities", "entity_counts", "label_counts", "noun_chunks", "entity_key", "sentence_span",
]


def _token_rows(doc: Doc) -> list[tuple]:
    index = _Index(doc)
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
    index = _Index(doc)
    rows = []
    for sent in doc.sents:
        span = _trim(sent)
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


def _entity_rows(doc: Doc, *, aliases: pd.DataFrame | str | os.PathLike[str] | None = None) -> list[tuple]:
    from ..ner.clusters import cluster_columns

    index = _Index(doc)
    mentions = [(i, ent.text, ent.label_, entity_key(ent.text), ent.start_char, ent.end_char,
                 ent.start, ent.end, *index.locate(ent.start)) for i, ent in enumerate(doc.ents)]
    ids, canonical = cluster_columns([row[3] for row in mentions], [row[2] for row in mentions], aliases=aliases)
    return [(*row, cluster_id, name) for row, cluster_id, name in zip(mentions, ids, canonical, strict=True)]


@per_article(rows=_entity_rows, columns=C.ENTITY_COLUMNS)
def entities(doc: Doc, *, aliases: pd.DataFrame | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """One row per entity mention, with its label, a ``key`` and the entity cluster it belongs to.

    ``key`` is the mention's text with typographic apostrophes straightened, a possessive
    "'s" removed and spaces collapsed, so "NATO" and "NATO's" count as one entity.
    ``cluster_id`` and ``canonical`` group the mentions of one real-world entity ("Rutte"
    with "Mark Rutte", "U.S." with "United States"): see :mod:`newslab.ner.clusters`, whose
    alias table ``aliases`` (off by default) merges transliteration variants.

    Examples:
        >>> import newslab
        >>> table = entities(newslab.analyze("Mark Rutte visited Ukraine on Thursday."))
        >>> table[["text", "label", "sent_id"]].values.tolist()
        [['Mark Rutte', 'PERSON', 0], ['Ukraine', 'GPE', 0], ['Thursday', 'DATE', 0]]
    """
    return frame(_entity_rows(doc, aliases=aliases), C.ENTITY_COLUMNS)


def entity_counts(
    data: Doc | pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    n: int | None = None,
    by_label: bool | None = None,
) -> pd.DataFrame:
    """Mentions per entity, most mentioned first: the one entity counter of newslab.

    An entity is named by the first column of ``by``: ``"canonical"`` counts the mentions of
    one entity cluster together ("Mark Rutte" and "Rutte's"; the default when the table has
    clusters), ``"key"`` counts mentions with the same text ("NATO" and "NATO's"; the default
    otherwise). Add ``"label"`` to count each label the model gave an entity on its own row.
    ``label`` (unless in ``by``) is the entity's most common label, ``text`` its most common
    spelling and ``first_sent_id`` the sentence it first appears in.

    Sort order: entities by their total mentions (most first), then by first appearance, then
    by name; the rows of one entity by mentions, then by first appearance.

    Args:
        data: A parsed article, or an entity table from :func:`entities` (filtered or not).
        by: The column, or columns, that group mentions into rows (see above).
        n: Keep only the ``n`` most mentioned entities (with all their rows).
        by_label: Deprecated; ``by=["key", "label"]`` counts each label on its own row.

    Examples:
        >>> import newslab
        >>> counts = entity_counts(newslab.analyze("Russia is big. Russia is old. Mark Rutte came."), by="key")
        >>> counts[["key", "label", "count"]].values.tolist()
        [['Russia', 'GPE', 2], ['Mark Rutte', 'PERSON', 1]]
    """
    from ..types import as_entities

    table = as_entities(data)
    groups = _count_groups(table, by, by_label)
    columns = [*groups, *(col for col in (C.LABEL, C.TEXT, C.COUNT, C.FIRST_SENT_ID) if col not in groups)]
    if table.empty:
        import pandas as pd

        return pd.DataFrame({col: pd.Series(dtype=DTYPES.get(col, "object")) for col in columns})
    counts = table.groupby(groups, sort=False).agg(**{
        C.COUNT: (C.TEXT, "size"),
        C.FIRST_SENT_ID: (C.SENT_ID, "min"),
    })
    for column in (C.TEXT,) if C.LABEL in groups else (C.LABEL, C.TEXT):
        counts[column] = _most_common(table, groups, column)
    counts = counts.reset_index()
    entity = counts.groupby(groups[0])
    counts = counts.assign(_total=entity[C.COUNT].transform("sum"), _first=entity[C.FIRST_SENT_ID].transform("min"))
    counts = counts.sort_values(["_total", "_first", groups[0], C.COUNT, C.FIRST_SENT_ID],
                                ascending=[False, True, True, False, True], kind="stable")
    if n is not None:
        counts = counts[counts[groups[0]].isin(counts[groups[0]].drop_duplicates().iloc[:n])]
    return counts[columns].reset_index(drop=True).astype({C.COUNT: "int64", C.FIRST_SENT_ID: "int64"})


def _count_groups(table: pd.DataFrame, by: str | Sequence[str] | None, by_label: bool | None) -> list[str]:
    from ..errors import NewslabError
    from ..types import name_column

    if by_label is not None:
        warnings.warn('entity_counts(by_label=...) is deprecated: use by=["key", "label"] to count each label '
                      'on its own row, or by="key"', DeprecationWarning, stacklevel=3)
        by = [C.KEY, C.LABEL] if by_label else C.KEY
    groups = [name_column(table, by if isinstance(by, str) else None)] if by is None or isinstance(by, str) else list(by)
    unknown = [col for col in groups if col not in table.columns]
    if not groups or unknown:
        raise NewslabError(f"cannot count entities by {unknown or by!r}: choose columns of the entity table, "
                           'such as "key", "canonical" or "label"')
    return groups


def label_counts(data: Doc | pd.DataFrame) -> pd.DataFrame:
    """Mentions per entity label, most frequent first (ties in label order).

    Examples:
        >>> import newslab
        >>> label_counts(newslab.analyze("Rutte met Zelenskiy in Kyiv and Rutte left.")).values.tolist()[0]
        ['PERSON', 3]
    """
    from ..types import as_entities

    counts = as_entities(data).groupby(C.LABEL).size().rename(C.COUNT).reset_index().astype({C.COUNT: "int64"})
    return counts.sort_values([C.COUNT, C.LABEL], ascending=[False, True], kind="stable").reset_index(drop=True)


def _most_common(table: pd.DataFrame, groups: list[str], column: str) -> pd.Series:
    """The most common value of ``column`` in each group (the first in sort order on a tie, as ``mode()``)."""
    pairs = table.groupby([*groups, column], sort=False).size().rename("_n").reset_index()
    pairs = pairs.sort_values(["_n", column], ascending=[False, True], kind="stable").drop_duplicates(groups)
    return pairs.set_index(groups)[column]


def _noun_chunk_rows(doc: Doc) -> list[tuple]:
    index = _Index(doc)
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
    table = sentences(doc)
    if not 0 <= sent_id < len(table):
        raise IndexError(f"sentence {sent_id} does not exist: this text has sentences 0 to {len(table) - 1}")
    row = table.iloc[sent_id]
    return doc[int(row[C.START_TOKEN]) : int(row[C.END_TOKEN])]


def entity_key(text: str) -> str:
    """Normalise an entity mention so that its mentions group together.

    Examples:
        >>> entity_key("NATO’s")
        'NATO'
        >>> entity_key("Volodymyr  Zelenskiy")
        'Volodymyr Zelenskiy'
    """
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    return re.sub(r"'s?$", "", text)


class _Index:
    """Map token positions to sentence ids, paragraph ids and article parts in O(1)."""

    def __init__(self, doc: Doc) -> None:
        self._sent = [0] * len(doc)
        sent_id = -1
        for span in doc.sents:
            if _trim(span) is not None:
                sent_id += 1
            for i in range(span.start, span.end):
                self._sent[i] = max(sent_id, 0)
        self._part: list[tuple[str | None, int | None]] = [(None, None)] * len(doc)
        parts = doc.spans[C.PARTS_KEY] if C.PARTS_KEY in doc.spans else []
        paragraph = -1
        for span in parts:
            paragraph += span.label_ == C.PARAGRAPH
            value = (span.label_, paragraph if span.label_ == C.PARAGRAPH else None)
            for i in range(span.start, span.end):
                self._part[i] = value
        self._fill_gaps()

    def _fill_gaps(self) -> None:
        # separators (a newline, the dash after a dateline) belong to the part before them
        for i in range(1, len(self._part)):
            if self._part[i][0] is None:
                self._part[i] = self._part[i - 1]

    def sent_id(self, i: int) -> int:
        return self._sent[i]

    def locate(self, i: int) -> tuple[int, int | None, str | None]:
        part, paragraph = self._part[i]
        return self._sent[i], paragraph, part


def _trim(span: Span) -> Span | None:
    """Drop leading and trailing whitespace tokens; ``None`` if nothing else is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


