"""Explore the entities of an article: filter mentions, read them in context, count them.

These are plain data functions over the entity table of :func:`newslab.entities`: they
take a ``Doc`` or a DataFrame and return a DataFrame. :class:`newslab.EntityExplorer`
is the widget built on them; researchers can use them without Jupyter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import columns as C
from ..edge import require_doc, require_table
from ..labels import LABELS, check_labels, describe_label
from ..precomputed import is_lite

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["filter_entities", "kwic", "label_summary", "known_labels"]

_SPACES = re.compile(r"\s+")


def filter_entities(
    table: pd.DataFrame, *, labels: Iterable[str] | None = None, query: str = ""
) -> pd.DataFrame:
    """Keep the mentions with one of ``labels`` whose text contains ``query``.

    Args:
        table: An entity table from :func:`newslab.entities`.
        labels: Keep only these labels; ``None`` or empty keeps every label.
        query: Keep mentions whose text contains it, ignoring case; ``""`` keeps all.

    Raises:
        UnknownLabelError: if a label is neither an OntoNotes label nor in the table.

    Examples:
        >>> import newslab
        >>> table = newslab.entities(newslab.analyze("Mark Rutte met Zelenskiy in Kyiv, Ukraine."))
        >>> filter_entities(table, labels=["GPE"])["text"].tolist()
        ['Kyiv', 'Ukraine']
        >>> filter_entities(table, query="rUTTE")["text"].tolist()
        ['Mark Rutte']
    """
    table = require_table(table, "nl.filter_entities", made_by="nl.entities(doc)")
    keep = table[C.LABEL].notna()
    wanted = check_labels(labels or (), allowed=known_labels(table))
    if wanted:
        keep &= table[C.LABEL].isin(wanted)
    if query.strip():
        keep &= table[C.TEXT].str.contains(query.strip(), case=False, regex=False)
    return table[keep].reset_index(drop=True)


def kwic(
    doc: Doc,
    key: str | Iterable[str] | None,
    *,
    width: int = 40,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every mention of one entity (or of several), keyword in context: the text left of it,
    the mention, the text right of it and its whole sentence.

    Mentions belong to the same entity when they share the ``key`` of
    :func:`newslab.entities` ("NATO" and "NATO's" do), whatever label the model gave each.
    Line breaks and runs of spaces in the context become single spaces.

    Args:
        doc: A parsed article.
        key: The entity, as a key or as a mention ("NATO's" finds "NATO"); or several (a list,
            a table column), whose mentions come in reading order. ``None`` or an empty list
            gives a table with no row.
        width: Characters of context on each side.
        mentions: The entity table of ``doc``, if already computed.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("NATO met in Brussels. Rutte leads NATO's staff.")
        >>> kwic(doc, "NATO", width=10)[["left", "text", "right", "sent_id"]].values.tolist()
        [['', 'NATO', ' met in Br', 0], ['tte leads ', 'NATO', "'s staff.", 1]]
        >>> kwic(doc, ["Rutte", "Brussels"])["text"].tolist(), len(kwic(doc, []))
        (['Brussels', 'Rutte'], 0)
    """
    from ..tables.mentions import entities, entity_key

    doc = require_doc(doc, "nl.kwic", lite=True)
    keys = [] if key is None else [key] if isinstance(key, str) else [str(k) for k in key]
    table = entities(doc) if mentions is None else mentions
    rows = table[table[C.KEY].isin({entity_key(k) for k in keys})]
    text = doc.text
    starts, ends = rows[C.START_CHAR].tolist(), rows[C.END_CHAR].tolist()
    found = rows.assign(**{
        C.LEFT: [_squash(text[max(0, a - width) : a]) for a in starts],
        C.RIGHT: [_squash(text[b : b + width]) for b in ends],
        C.SENTENCE: _sentences(doc, rows),
    })
    return found[list(C.KWIC_COLUMNS)].reset_index(drop=True)


def _sentences(doc: Doc, rows: pd.DataFrame) -> list[str]:
    """The sentence of each mention; in the lite edition from the sentence table (it has no ``Doc`` to index)."""
    if not is_lite(doc):
        return [doc[int(t)].sent.text.strip() for t in rows[C.START_TOKEN]]
    from ..tables.parse import sentences

    text = sentences(doc).set_index(C.SENT_ID)[C.TEXT]
    return [str(text[int(i)]).strip() for i in rows[C.SENT_ID]]


def label_summary(table: pd.DataFrame, *, all_labels: bool = False) -> pd.DataFrame:
    """Mentions and distinct entities per label, with what each label means.

    Args:
        table: An entity table from :func:`newslab.entities` (filtered or not).
        all_labels: Also list the OntoNotes labels that have no mention, with zero counts.

    Examples:
        >>> import newslab
        >>> table = newslab.entities(newslab.analyze("Mark Rutte met Zelenskiy in Kyiv, Ukraine. Rutte left."))
        >>> label_summary(table)[["label", "count", "n_entities"]].values.tolist()
        [['PERSON', 3, 3], ['GPE', 2, 2]]
    """
    from .counts import label_counts
    table = require_table(table, "nl.label_summary", made_by="nl.entities(doc)")

    counts = label_counts(table).set_index(C.LABEL)[C.COUNT]
    summary = counts.to_frame(C.COUNT).join(table.groupby(C.LABEL)[C.KEY].nunique().rename(C.N_ENTITIES))
    summary = summary.reindex(list(dict.fromkeys([*summary.index, *LABELS])), fill_value=0)
    if not all_labels:
        summary = summary[summary[C.COUNT] > 0]
    summary = summary.rename_axis(C.LABEL).reset_index()
    summary[C.DESCRIPTION] = summary[C.LABEL].map(describe_label)
    return summary[list(C.LABEL_SUMMARY_COLUMNS)].reset_index(drop=True).astype(
        {C.COUNT: "int64", C.N_ENTITIES: "int64"})


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text)


def known_labels(table: pd.DataFrame) -> tuple[str, ...]:
    # a custom model may predict labels outside OntoNotes; those are valid filters too
    return tuple(dict.fromkeys([*LABELS, *table[C.LABEL].dropna().astype(str)]))
