"""One table for many articles: the fan-out every table function shares.

A table function written for one ``Doc`` is decorated with :func:`per_article`. Given many
docs (a list, a tuple, an iterator or a :class:`newslab.corpus.Corpus`) it builds the table of
each and stacks them, with ``article_id``, ``outlet``, ``date`` and ``title`` (read from
``doc.user_data["newslab_meta"]``) as the first columns. Given one doc it is unchanged.

Every table declares its ``columns``, so an empty collection gives an empty table with the
right columns and dtypes without parsing anything. A table that is one row tuple per token,
sentence or mention also declares its ``rows`` function (``@per_article(rows=..., columns=...)``):
many docs then make one DataFrame from all their rows instead of one per article, which is most
of the cost of small articles (:mod:`newslab.corpus` builds each shard's tables the same way,
through :func:`row_source`).

A single input that is not a parsed article (text, a path, ``None``) is refused with
:class:`newslab.errors.NotParsedError`: parse it once with :func:`newslab.analyze`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeAlias, TypeVar

from .. import columns as C
from ..columns import DTYPES, META_KEY
from ..edge import require_doc
from ..precomputed import is_lite

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..corpus.collection import Corpus

P = ParamSpec("P")
T = TypeVar("T")
#: Many parsed articles: a list, tuple or iterator of docs, or a ``newslab.corpus.Corpus``.
Many: TypeAlias = "list[Doc] | tuple[Doc, ...] | Iterator[Doc] | Corpus"


#: The row tuples of one parsed article, in the order of the table's columns.
Rows: TypeAlias = "Callable[..., list[tuple[Any, ...]]]"
#: Checks the single input of a table function (and the function's name, for the message).
Accepts: TypeAlias = "Callable[[Any, str], Any]"


@dataclass(frozen=True)
class RowSource:
    """How a table is made from row tuples: the ``rows`` of one doc, named by ``columns``."""

    rows: Rows
    columns: tuple[str, ...]


def frame(rows: list[tuple[Any, ...]], columns: Iterable[str]) -> pd.DataFrame:
    """A DataFrame of row tuples, each column with its dtype from :data:`newslab.columns.DTYPES`."""
    import pandas as pd

    table = pd.DataFrame.from_records(rows, columns=list(columns))
    return table.astype({col: dtype for col, dtype in DTYPES.items() if col in table.columns})


def row_source(function: Callable[..., Any]) -> RowSource | None:
    """The :class:`RowSource` a table function was declared with, if any."""
    return getattr(function, "_newslab_rows", None)


def is_many(data: object) -> bool:
    """Whether ``data`` is a collection of articles rather than one (a Doc, a Span, a text, a path)."""
    return isinstance(data, (list, tuple, Iterator)) or getattr(data, "_newslab_many", False)


def article_fields(doc: Any, position: int) -> tuple[str, Any, Any, Any]:
    """``article_id``, ``outlet``, ``date`` and ``title`` of a parsed article.

    The id is the metadata's ``id``, else the name of the file it was read from, else its
    position in the collection.
    """
    meta = getattr(doc, "user_data", {}).get(META_KEY, {}) if hasattr(doc, "user_data") else {}
    source = meta.get(C.SOURCE)
    fallback = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0] if source else str(position)
    return (str(meta.get(C.META_ID) or fallback), meta.get(C.OUTLET), meta.get(C.DATE), meta.get(C.TITLE))


def with_article_columns(table: pd.DataFrame, fields: tuple[Any, ...]) -> pd.DataFrame:
    """Put the article's fields in front of ``table`` as its first columns."""
    table = table.copy()
    for position, (name, value) in enumerate(zip(C.ARTICLE_COLUMNS, fields)):
        table.insert(position, name, value)
    return table.astype({name: "string" for name in C.ARTICLE_COLUMNS})


def stack(tables: Iterable[tuple[pd.DataFrame, tuple[Any, ...]]], empty: pd.DataFrame | None = None) -> pd.DataFrame:
    """Stack per-article tables, each with its article columns in front (built once, not per article).

    ``empty`` is a table of the right columns, for when there are no tables to stack.
    """
    import pandas as pd

    parts = list(tables)
    if not parts:
        return with_article_columns(pd.DataFrame() if empty is None else empty.iloc[0:0],
                                    (None,) * len(C.ARTICLE_COLUMNS))
    fields = pd.DataFrame([f for _, f in parts], columns=list(C.ARTICLE_COLUMNS), dtype="string")
    front = fields.loc[fields.index.repeat([len(t) for t, _ in parts])].reset_index(drop=True)
    return pd.concat([front, pd.concat([t for t, _ in parts], ignore_index=True)], axis=1)


def per_article(*, columns: tuple[str, ...], rows: Rows | None = None, accepts: Accepts = require_doc) -> Callable[
        [Callable[Concatenate[T, P], pd.DataFrame]], Callable[Concatenate[T | Many, P], pd.DataFrame]]:
    """Let a one-article table function take many articles too (see the module docstring).

    Args:
        columns: The table's columns, in order (an empty collection gives an empty table of these).
        rows: The row tuples of one doc, if the table is made of them.
        accepts: Checks a single input and returns it (by default: it must be a parsed ``Doc``).
    """
    source = RowSource(rows, columns) if rows is not None else None

    def decorate(func: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        name = f"nl.{func.__name__}"

        @functools.wraps(func)
        def table(data: Any = None, /, *args: Any, **kwargs: Any) -> pd.DataFrame:
            if is_lite(data):  # the lite edition: the table the full parse gave
                return data.result(func.__name__, args, kwargs)
            if not is_many(data):
                return func(accepts(data, name), *args, **kwargs)
            docs = [require_doc(doc, name) for doc in data]
            if source is not None:
                return frame([(*article_fields(doc, i), *row) for i, doc in enumerate(docs)
                              for row in source.rows(doc, *args, **kwargs)], (*C.ARTICLE_COLUMNS, *source.columns))
            parts = [(func(doc, *args, **kwargs), article_fields(doc, i)) for i, doc in enumerate(docs)]
            return stack(parts, frame([], columns))

        table._newslab_rows = source  # type: ignore[attr-defined]
        table._newslab_columns = columns  # type: ignore[attr-defined]
        return table

    return decorate
