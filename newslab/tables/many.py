"""One table for many articles: the fan-out every table function shares.

A table function written for one ``Doc`` is decorated with :func:`per_article`. Given many
docs (a list, a tuple, an iterator or a :class:`newslab.corpus.Corpus`) it builds the table of
each and stacks them, with ``article_id``, ``outlet``, ``date`` and ``title`` (read from
``doc.user_data["newslab_meta"]``) as the first columns. Given one doc it is unchanged.

A table that is one row tuple per token, sentence or mention declares its ``rows`` function
and ``columns`` (``@per_article(rows=..., columns=...)``): many docs then make one DataFrame
from all their rows instead of one per article, which is most of the cost of small articles
(:mod:`newslab.corpus` builds each shard's tables the same way, through :func:`row_source`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeAlias, TypeVar, overload

from .. import columns as C
from ..columns import META_KEY

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
#: Dtypes of the columns that are not plain Python values (missing paragraph ids, part names, counts).
DTYPES = {
    **{name: "string" for name in C.ARTICLE_COLUMNS},
    C.PARAGRAPH_ID: "Int64",
    C.PART: "string",
    C.COUNT: "int64",
    C.FIRST_SENT_ID: "int64",
    C.CLUSTER_ID: "int64",
    C.CANONICAL: "object",
}


@dataclass(frozen=True)
class RowSource:
    """How a table is made from row tuples: the ``rows`` of one doc, named by ``columns``."""

    rows: Rows
    columns: tuple[str, ...]


def frame(rows: list[tuple[Any, ...]], columns: Iterable[str]) -> pd.DataFrame:
    """A DataFrame of row tuples, with :data:`DTYPES` for the columns that have one."""
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


@overload
def per_article(func: Callable[Concatenate[T, P], pd.DataFrame], /
                ) -> Callable[Concatenate[T | Many, P], pd.DataFrame]: ...
@overload
def per_article(*, rows: Rows, columns: tuple[str, ...]) -> Callable[
    [Callable[Concatenate[T, P], pd.DataFrame]], Callable[Concatenate[T | Many, P], pd.DataFrame]]: ...
def per_article(func: Any = None, /, *, rows: Rows | None = None, columns: tuple[str, ...] | None = None) -> Any:
    """Let a one-article table function take many articles too (see the module docstring)."""
    source = RowSource(rows, columns) if rows is not None and columns is not None else None

    def decorate(func: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        @functools.wraps(func)
        def table(data: Any = None, /, *args: Any, **kwargs: Any) -> pd.DataFrame:
            if not is_many(data):
                return func(data, *args, **kwargs)
            docs = list(data)
            if source is not None and docs:
                return frame([(*article_fields(doc, i), *row) for i, doc in enumerate(docs)
                              for row in source.rows(doc, *args, **kwargs)], (*C.ARTICLE_COLUMNS, *source.columns))
            parts = [(func(doc, *args, **kwargs), article_fields(doc, i)) for i, doc in enumerate(docs)]
            return stack(parts, parts[0][0] if parts else func(_empty_doc(), *args, **kwargs))

        table._newslab_rows = source  # type: ignore[attr-defined]
        return table

    return decorate if func is None else decorate(func)


def _empty_doc() -> Any:
    """A parsed one-word text: its table gives the columns of an empty result."""
    from ..text.pipeline import analyze

    return analyze("Empty.")
