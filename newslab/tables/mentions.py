"""The entity table: one row per entity mention, with its key and the cluster it belongs to.

Like every table, it has character offsets into the raw text and the sentence, paragraph
and part of each mention; given many docs it stacks the table of each (``article_id`` first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import columns as C
from .clustering import cluster_columns
from .index import token_index
from .many import frame, per_article

__all__ = ["entities", "entity_key"]

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..types import PathLike


def _entity_rows(doc: Doc, *, aliases: pd.DataFrame | PathLike | None = None) -> list[tuple]:
    index = token_index(doc)
    mentions = [(i, ent.text, ent.label_, entity_key(ent.text), ent.start_char, ent.end_char,
                 ent.start, ent.end, *index.locate(ent.start)) for i, ent in enumerate(doc.ents)]
    ids, canonical = cluster_columns([row[3] for row in mentions], [row[2] for row in mentions], aliases=aliases)
    return [(*row, cluster_id, name) for row, cluster_id, name in zip(mentions, ids, canonical, strict=True)]


@per_article(rows=_entity_rows, columns=C.ENTITY_COLUMNS)
def entities(doc: Doc, *, aliases: pd.DataFrame | PathLike | None = None) -> pd.DataFrame:
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
