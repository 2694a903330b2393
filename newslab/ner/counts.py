"""Counting entity mentions: :func:`entity_counts`, the one entity counter, and :func:`label_counts`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import columns as C
from ..columns import DTYPES

__all__ = ["entity_counts", "label_counts"]

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc


def entity_counts(
    data: Doc | pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    n: int | None = None,
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

    Examples:
        >>> import newslab
        >>> counts = entity_counts(newslab.analyze("Russia is big. Russia is old. Mark Rutte came."), by="key")
        >>> counts[["key", "label", "count"]].values.tolist()
        [['Russia', 'GPE', 2], ['Mark Rutte', 'PERSON', 1]]
    """
    from ..tables.coerce import as_entities

    table = as_entities(data, where="nl.entity_counts")
    groups = _count_groups(table, by)
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


def _count_groups(table: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    from ..errors import NewslabError
    from ..tables.coerce import name_column

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
    from ..tables.coerce import as_entities

    counts = as_entities(data, where="nl.label_counts").groupby(C.LABEL).size().rename(C.COUNT).reset_index().astype({C.COUNT: "int64"})
    return counts.sort_values([C.COUNT, C.LABEL], ascending=[False, True], kind="stable").reset_index(drop=True)


def _most_common(table: pd.DataFrame, groups: list[str], column: str) -> pd.Series:
    """The most common value of ``column`` in each group (the first in sort order on a tie, as ``mode()``)."""
    pairs = table.groupby([*groups, column], sort=False).size().rename("_n").reset_index()
    pairs = pairs.sort_values(["_n", column], ascending=[False, True], kind="stable").drop_duplicates(groups)
    return pairs.set_index(groups)[column]
