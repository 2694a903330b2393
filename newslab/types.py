"""Type aliases of the public API, and the one place where inputs are coerced.

A public function accepts a few kinds of input and turns them, once, into the one kind its
inner code works on; nothing below that edge guesses what it was given:

* :func:`as_doc`: anything :func:`newslab.analyze` reads, or a parsed ``Doc`` (returned as is);
* :func:`as_table` and :func:`as_entities`: a parsed ``Doc``, or the tidy table itself
  (checked for the columns the caller needs).

This module imports neither spaCy nor pandas until a function needs them.
"""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Literal, TypeAlias, Union

from . import columns as C
from .errors import NewslabError

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from .text.article import Article

__all__ = [
    "PathLike", "ArticleSource", "DocLike", "TableKind", "is_doc", "as_doc", "as_table", "as_entities",
    "name_column",
]

#: A file path, as a string or a path object.
PathLike: TypeAlias = Union[str, "os.PathLike[str]"]
#: What :func:`newslab.load_article` reads: ``None`` (the article in use), a path, text, bytes or an Article.
ArticleSource: TypeAlias = Union[str, "os.PathLike[str]", bytes, "Article", None]
#: What :func:`newslab.analyze` reads: an article source, or a parsed ``Doc``.
DocLike: TypeAlias = Union["Doc", ArticleSource]
#: The tidy tables a ``Doc`` can be turned into.
TableKind = Literal["tokens", "sentences", "entities"]

# the columns each kind of table must have for newslab's functions to work on it
_REQUIRED: dict[str, tuple[str, ...]] = {
    "tokens": (C.TOKEN_ID, C.TEXT, C.POS, C.SENT_ID, C.PARAGRAPH_ID),
    "sentences": (C.SENT_ID, C.TEXT, C.N_WORDS, C.PART),
    "entities": (C.TEXT, C.LABEL, C.KEY, C.START_CHAR, C.END_CHAR, C.SENT_ID),
}


def is_doc(obj: object) -> bool:
    """Whether ``obj`` is a parsed spaCy ``Doc`` (checked without importing spaCy).

    Examples:
        >>> is_doc("Rutte visited Kyiv.")
        False
    """
    return hasattr(obj, "vocab") and hasattr(obj, "ents") and hasattr(obj, "user_data")


def as_doc(source: DocLike, *, model: PathLike | None = None) -> Doc:
    """Return ``source`` if it is a ``Doc``, else parse it with :func:`newslab.analyze`.

    Examples:
        >>> doc = as_doc("Rutte visited Kyiv.")
        >>> as_doc(doc) is doc
        True
    """
    if is_doc(source):
        return source  # type: ignore[return-value]
    from .text.pipeline import analyze

    return analyze(source, model=model)


def as_table(data: Doc | pd.DataFrame, kind: TableKind) -> pd.DataFrame:
    """Return the ``kind`` table of a ``Doc``, or check that ``data`` already is one.

    Anything else (a path, text, ``None``) is still parsed, with a ``DeprecationWarning``:
    parse an article once with :func:`newslab.analyze` and pass the ``Doc`` around.

    Raises:
        NewslabError: if ``data`` is a DataFrame without the columns of a ``kind`` table.

    Examples:
        >>> import newslab
        >>> table = as_table(newslab.analyze("Rutte visited Kyiv."), "entities")
        >>> as_table(table, "entities") is table
        True
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        missing = [column for column in _REQUIRED[kind] if column not in data.columns]
        if missing:
            raise NewslabError(f"expected a table of {kind} (from newslab.{kind}(doc)), but this table has no "
                               f"column {', '.join(map(repr, missing))}")
        return data
    if not is_doc(data):
        warnings.warn(f"passing {type(data).__name__} here is deprecated: parse the article once with "
                      f"nl.analyze(...) and pass the Doc, or its {kind} table", DeprecationWarning, stacklevel=3)
        data = as_doc(data)
    from .tables import parse as tables

    return getattr(tables, kind)(data)


def as_entities(data: Doc | pd.DataFrame) -> pd.DataFrame:
    """Return the entity table of a ``Doc``, or check that ``data`` is an entity table.

    Examples:
        >>> import newslab
        >>> as_entities(newslab.analyze("NATO met in Brussels."))["text"].tolist()
        ['NATO', 'Brussels']
    """
    return as_table(data, "entities")


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
