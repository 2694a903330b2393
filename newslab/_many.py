"""One table for many articles: the fan-out every table function shares.

A table function written for one ``Doc`` is decorated with :func:`per_article`. Given many
docs (a list, a tuple, an iterator or a :class:`newslab.corpus.Corpus`) it builds the table of
each and stacks them, with ``article_id``, ``outlet``, ``date`` and ``title`` (read from
``doc.user_data["newslab_meta"]``) as the first columns. Given one doc it is unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeAlias, TypeVar

from . import _columns as C
from ._columns import META_KEY

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from .corpus import Corpus

P = ParamSpec("P")
T = TypeVar("T")
#: Many parsed articles: a list, tuple or iterator of docs, or a ``newslab.corpus.Corpus``.
Many: TypeAlias = "list[Doc] | tuple[Doc, ...] | Iterator[Doc] | Corpus"


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


def per_article(
    func: Callable[Concatenate[T, P], pd.DataFrame],
) -> Callable[Concatenate[T | Many, P], pd.DataFrame]:
    """Let a one-article table function take many articles too (see the module docstring)."""

    @functools.wraps(func)
    def table(data: Any = None, /, *args: P.args, **kwargs: P.kwargs) -> pd.DataFrame:
        if not is_many(data):
            return func(data, *args, **kwargs)
        parts = [(func(doc, *args, **kwargs), article_fields(doc, i)) for i, doc in enumerate(data)]
        return stack(parts, parts[0][0] if parts else func(_empty_doc(), *args, **kwargs))

    return table


def _empty_doc() -> Any:
    """A parsed one-word text: its table gives the columns of an empty result."""
    from .pipeline import analyze

    return analyze("Empty.")
