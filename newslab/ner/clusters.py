"""Entity clusters: one row per real-world entity of an article, with its names and labels.

The rules that group mentions ("Rutte" with "Mark Rutte", "U.S." with "United States", and
transliteration aliases) are :mod:`newslab.tables.clustering`'s; this module makes the table.
A cluster's ``canonical`` name is its earliest longest mention, its ``label`` the most common
label of its mentions (ties go to the canonical mention's label), and ``disagreeing`` lists
the mentions with another label: often a sign of a model error worth a look. ``ambiguous``
lists, for a bare surname that two people of the article share and that stands before either
is named ("Clinton" before "Hillary Clinton" and "Bill Clinton"), the full names it could be:
such a surname is left a cluster of its own rather than joined to a guess.

Examples:
    >>> import newslab
    >>> doc = newslab.analyze("Mayor Lena Brandt opened the bridge. Brandt said the U.S. helped.")
    >>> entity_clusters(doc)[["canonical", "count"]].values.tolist()
    [['Lena Brandt', 2], ['U.S.', 1]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import columns as C
from ..tables.clustering import add_clusters, unresolved_surnames
from ..tables.coerce import as_entities

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..types import PathLike


__all__ = ["entity_clusters"]


def entity_clusters(data: Doc | pd.DataFrame, *, aliases: pd.DataFrame | PathLike | None = None) -> pd.DataFrame:
    """One row per entity cluster: its canonical name, majority label, mentions and disagreements.

    Args:
        data: A parsed article, or an entity table from :func:`newslab.entities` (filtered or not).
        aliases: An alias table (see :func:`newslab.aliases`), a CSV path, or ``None`` (no aliases).

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Mayor Lena Brandt spoke. Brandt's aide, Tomas Herrera, agreed with Brandt.")
        >>> entity_clusters(doc)[["canonical", "count", "forms"]].values.tolist()
        [['Lena Brandt', 3, ['Lena Brandt', 'Brandt']], ['Tomas Herrera', 1, ['Tomas Herrera']]]
    """
    import pandas as pd

    table = as_entities(data, where="nl.entity_clusters")
    if table.empty:
        return pd.DataFrame({col: pd.Series(dtype="int64" if col in (C.CLUSTER_ID, C.COUNT, C.FIRST_SENT_ID)
                                            else "object") for col in C.CLUSTER_COLUMNS})
    table = add_clusters(table.drop(columns=[C.CLUSTER_ID, C.CANONICAL], errors="ignore"), aliases=aliases)
    unresolved = unresolved_surnames(table[C.KEY].astype(str).tolist(), table[C.LABEL].astype(str).tolist(),
                                     aliases=aliases)
    ids = table[C.CLUSTER_ID].astype(int).tolist()
    ambiguous = {ids[i]: names for i, names in unresolved.items()}
    rows = [(*_cluster_row(cid, group), ambiguous.get(int(group[C.CLUSTER_ID].iloc[0]), []))
            for cid, group in table.groupby(C.CLUSTER_ID, sort=True)]
    return pd.DataFrame(rows, columns=list(C.CLUSTER_COLUMNS)).astype(
        {C.CLUSTER_ID: "int64", C.COUNT: "int64", C.FIRST_SENT_ID: "int64"})


def _cluster_row(cluster_id: object, group: pd.DataFrame) -> tuple:
    canonical = str(group[C.CANONICAL].iloc[0])
    counts = group[C.LABEL].value_counts()
    best = counts[counts == counts.max()].index.tolist()
    canonical_label = group.loc[group[C.KEY] == canonical, C.LABEL].iloc[0]
    label = canonical_label if canonical_label in best else best[0]
    forms = list(dict.fromkeys(group[C.KEY]))
    disagreeing = [f"{text} ({lab})" for text, lab in zip(group[C.TEXT], group[C.LABEL], strict=True) if lab != label]
    return (cluster_id, canonical, label, len(group), forms, disagreeing, int(group[C.SENT_ID].min()))
