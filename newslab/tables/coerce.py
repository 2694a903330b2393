"""The one coercion at the public edge: a parsed ``Doc``, or the tidy table made from it.

Functions that count, chart or show entities accept either, and turn it, once, into the
table their inner code works on; anything else (text, a path) raises
:class:`~newslab.errors.NotParsedError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import columns as C
from ..edge import not_parsed
from ..errors import NewslabError
from ..precomputed import is_lite
from ..types import TableKind, is_doc

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["as_table", "as_entities", "name_column", "REQUIRED"]

#: The columns each kind of table must have for newslab's functions to work on it.
REQUIRED: dict[str, tuple[str, ...]] = {
    "tokens": (C.TOKEN_ID, C.TEXT, C.POS, C.SENT_ID, C.PARAGRAPH_ID),
    "sentences": (C.SENT_ID, C.TEXT, C.N_WORDS, C.PART),
    "entities": (C.TEXT, C.LABEL, C.KEY, C.START_CHAR, C.END_CHAR, C.SENT_ID),
}


def as_table(data: Doc | pd.DataFrame, kind: TableKind, *, where: str = "this function") -> pd.DataFrame:
    """Return the ``kind`` table of a ``Doc``, or check that ``data`` already is one.

    Raises:
        NotParsedError: if ``data`` is neither a ``Doc`` nor a DataFrame (text, a path, ``None``).
        NewslabError: if ``data`` is a DataFrame without the columns of a ``kind`` table.

    Examples:
        >>> import newslab
        >>> table = as_table(newslab.analyze("Rutte visited Kyiv."), "entities")
        >>> as_table(table, "entities") is table
        True
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        missing = [column for column in REQUIRED[kind] if column not in data.columns]
        if missing:
            raise NewslabError(f"expected a table of {kind} (from newslab.{kind}(doc)), but this table has no "
                               f"column {', '.join(map(repr, missing))}")
        return data
    if is_lite(data):  # the lite edition: the table the full parse gave
        return data.result(kind)
    if not is_doc(data):
        raise not_parsed(data, where, table=kind)
    if kind == "entities":
        from .mentions import entities

        return entities(data)
    from . import parse

    return getattr(parse, kind)(data)


def as_entities(data: Doc | pd.DataFrame, *, where: str = "this function") -> pd.DataFrame:
    """Return the entity table of a ``Doc``, or check that ``data`` is an entity table.

    Examples:
        >>> import newslab
        >>> as_entities(newslab.analyze("NATO met in Brussels."))["text"].tolist()
        ['NATO', 'Brussels']
    """
    return as_table(data, "entities", where=where)


def name_column(table: pd.DataFrame, by: str | None = None) -> str:
    """The column that names an entity: ``by`` if given, else ``canonical`` when the
    table has entity clusters, else ``key``.

    Raises:
        NewslabError: if ``by`` is not a column of ``table``.

    Examples:
        >>> import pandas as pd
        >>> name_column(pd.DataFrame(columns=["key", "label"]))
        'key'
    """
    column = by or (C.CANONICAL if C.CANONICAL in table.columns else C.KEY)
    if column not in table.columns:
        raise NewslabError(f"cannot group entities by {column!r}: the table has no such column "
                           f"(it has {', '.join(map(str, table.columns))})")
    return column
