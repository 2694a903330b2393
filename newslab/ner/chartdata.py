"""The tables behind the charts: pure functions from a tidy table to a DataFrame.

This is the data layer of :mod:`newslab.charts`: it imports neither Altair nor IPython, and
each function takes exactly one kind of table (the entity, token or sentence table of
:mod:`newslab.tables`), so a researcher can chart a table they filtered themselves. Entities
are named by their ``canonical`` cluster name when the table has one, else by their ``key``
(see :func:`newslab.entity_counts`); ``by`` picks another column.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..edge import require_table
from ..tables.coerce import name_column
from .counts import entity_counts

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "mentions", "cooccurrence", "network_nodes", "network_edges", "pos_mix", "middle_sentence", "entity_spans",
    "POS_GROUPS", "OTHER_POS",
]

#: Universal part-of-speech tags grouped into the few kinds a chart can tell apart.
POS_GROUPS: dict[str, str] = {
    "NOUN": "NOUN", "PROPN": "PROPN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ",
    "ADV": "ADV", "PRON": "PRON", "ADP": "ADP", "DET": "DET",
}
OTHER_POS = "other"
_SKIPPED_POS = ("SPACE", "PUNCT")


def mentions(entities: pd.DataFrame, *, n: int | None = 10, by: str | None = None) -> pd.DataFrame:
    """Every mention of the ``n`` most mentioned entities: the entity table, filtered.

    Examples:
        >>> import newslab
        >>> table = mentions(newslab.entities(newslab.analyze("Russia is big. NATO met. Russia is old.")), n=1)
        >>> table[["key", "sent_id"]].values.tolist()
        [['Russia', 0], ['Russia', 2]]
    """
    entities = require_table(entities, "nl.chartdata.mentions", made_by="nl.entities(doc)")
    name = name_column(entities, by)
    names = entity_counts(entities, by=name, n=n)[name]
    return entities[entities[name].isin(names)].reset_index(drop=True)


def cooccurrence(entities: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence, and in how many sentences.

    Each unordered pair appears once, with ``key_a < key_b``; the most frequent pairs come
    first. An entity mentioned twice in one sentence counts once for that sentence.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("NATO met Ukraine. NATO and Ukraine met Russia.")
        >>> cooccurrence(newslab.entities(doc)).values.tolist()
        [['NATO', 'Ukraine', 2], ['NATO', 'Russia', 1], ['Russia', 'Ukraine', 1]]
    """
    import pandas as pd
    entities = require_table(entities, "nl.chartdata.cooccurrence", made_by="nl.entities(doc)")

    name = name_column(entities, by)
    pairs = entities[[C.SENT_ID, name]].drop_duplicates()
    joined = pairs.merge(pairs, on=C.SENT_ID, suffixes=("_a", "_b"))
    joined = joined[joined[f"{name}_a"] < joined[f"{name}_b"]]
    if joined.empty:
        return pd.DataFrame({C.KEY_A: pd.Series(dtype=object), C.KEY_B: pd.Series(dtype=object),
                             C.COUNT: pd.Series(dtype="int64")})
    counts = joined.groupby([f"{name}_a", f"{name}_b"]).size().reset_index()
    counts.columns = list(C.COOCCURRENCE_COLUMNS)
    counts = counts.sort_values([C.COUNT, C.KEY_A, C.KEY_B], ascending=[False, True, True], kind="stable")
    return counts.reset_index(drop=True).astype({C.COUNT: "int64"})


def network_nodes(entities: pd.DataFrame, *, n: int | None = 20, by: str | None = None) -> pd.DataFrame:
    """The ``n`` most mentioned entities placed on a circle: a deterministic network layout.

    Nodes go clockwise from the top in order of mention count, so the same article always
    gives the same picture. ``key`` is the entity's name and ``label`` its most common label.

    Examples:
        >>> import newslab
        >>> nodes = network_nodes(newslab.entities(newslab.analyze("NATO met Ukraine. NATO met Russia.")))
        >>> nodes[["key", "count", "x", "y"]].values.tolist()[0]
        ['NATO', 2, 0.0, 1.0]
    """
    import pandas as pd
    entities = require_table(entities, "nl.chartdata.network_nodes", made_by="nl.entities(doc)")

    name = name_column(entities, by)
    counts = entity_counts(entities, by=[name, C.LABEL], n=n)
    totals = counts.groupby(name, sort=False)[C.COUNT].sum()
    labels = counts.drop_duplicates(name).set_index(name)[C.LABEL]  # each entity's most frequent label first
    angles = [math.pi / 2 - 2 * math.pi * i / max(len(totals), 1) for i in range(len(totals))]
    return pd.DataFrame({
        C.KEY: totals.index.tolist(),
        C.LABEL: labels.loc[totals.index].tolist(),
        C.COUNT: totals.astype("int64").tolist(),
        C.X: [round(math.cos(a), 6) + 0.0 for a in angles],
        C.Y: [round(math.sin(a), 6) + 0.0 for a in angles],
    }, columns=list(C.NODE_COLUMNS))


def network_edges(entities: pd.DataFrame, *, n: int | None = 20, by: str | None = None) -> pd.DataFrame:
    """Co-occurring pairs among the :func:`network_nodes`, with the coordinates of both ends.

    Examples:
        >>> import newslab
        >>> edges = network_edges(newslab.entities(newslab.analyze("NATO met Ukraine. NATO met Russia.")))
        >>> edges[["key_a", "key_b", "count"]].values.tolist()
        [['NATO', 'Russia', 1], ['NATO', 'Ukraine', 1]]
    """
    entities = require_table(entities, "nl.chartdata.network_edges", made_by="nl.entities(doc)")
    nodes = network_nodes(entities, n=n, by=by).set_index(C.KEY)
    pairs = cooccurrence(entities, by=by)
    pairs = pairs[pairs[C.KEY_A].isin(nodes.index) & pairs[C.KEY_B].isin(nodes.index)].copy()
    pairs[C.X], pairs[C.Y] = pairs[C.KEY_A].map(nodes[C.X]), pairs[C.KEY_A].map(nodes[C.Y])
    pairs[C.X_B], pairs[C.Y_B] = pairs[C.KEY_B].map(nodes[C.X]), pairs[C.KEY_B].map(nodes[C.Y])
    return pairs[list(C.EDGE_COLUMNS)].reset_index(drop=True)


def pos_mix(tokens: pd.DataFrame, *, grouped: bool = True) -> pd.DataFrame:
    """Part-of-speech counts and shares per body paragraph (punctuation and spaces left out).

    Args:
        tokens: A token table from :func:`newslab.tokens`.
        grouped: Merge the tags into :data:`POS_GROUPS` (``AUX`` counts as ``VERB``, rare
            tags as ``"other"``), so a chart can tell the groups apart.

    Examples:
        >>> import newslab
        >>> table = pos_mix(newslab.tokens(newslab.analyze("Rutte visited Kyiv.")))
        >>> table[["pos", "count", "share"]].values.tolist()
        [['PROPN', 2, 0.6666666666666666], ['VERB', 1, 0.3333333333333333]]
    """
    tokens = require_table(tokens, "nl.chartdata.pos_mix", made_by="nl.tokens(doc)")
    table = tokens[tokens[C.PARAGRAPH_ID].notna() & ~tokens[C.POS].isin(_SKIPPED_POS)]
    pos = table[C.POS].map(lambda tag: POS_GROUPS.get(tag, OTHER_POS)) if grouped else table[C.POS]
    counts = table.assign(**{C.POS: pos}).groupby([C.PARAGRAPH_ID, C.POS]).size().rename(C.COUNT).reset_index()
    counts[C.SHARE] = counts[C.COUNT] / counts.groupby(C.PARAGRAPH_ID)[C.COUNT].transform("sum")
    counts = counts.sort_values([C.PARAGRAPH_ID, C.COUNT, C.POS], ascending=[True, False, True], kind="stable")
    return counts[list(C.POS_MIX_COLUMNS)].reset_index(drop=True).astype({C.COUNT: "int64"})


def middle_sentence(table: pd.DataFrame) -> float:
    """The sentence id halfway through a table with a ``sent_id`` column (sentences, or entities).

    Mentions after it are in the second half of the article.

    Examples:
        >>> import newslab
        >>> middle_sentence(newslab.sentences(newslab.analyze("One. Two. Three.")))
        1.0
    """
    table = require_table(table, "nl.chartdata.middle_sentence", made_by="nl.sentences(doc)")
    return float(table[C.SENT_ID].max()) / 2 if len(table) else 0.0


def entity_spans(entities: pd.DataFrame, *, keys: list[str] | None = None, by: str | None = None) -> list[dict[str, Any]]:
    """The mentions of the entities named ``keys`` as ``{"start", "end", "label"}`` span dicts.

    Args:
        entities: An entity table.
        keys: Names of the entities to keep (every mention when ``None``).
        by: The column that names entities (see :func:`newslab.entity_counts`).

    Examples:
        >>> import newslab
        >>> entity_spans(newslab.entities(newslab.analyze("NATO met Ukraine. NATO left.")), keys=["NATO"])
        [{'start': 0, 'end': 4, 'label': 'ORG'}, {'start': 18, 'end': 22, 'label': 'ORG'}]
    """
    entities = require_table(entities, "nl.chartdata.entity_spans", made_by="nl.entities(doc)")
    table = entities if keys is None else entities[entities[name_column(entities, by)].isin(list(keys))]
    return [{"start": int(a), "end": int(b), "label": str(label)}
            for a, b, label in table[[C.START_CHAR, C.END_CHAR, C.LABEL]].itertuples(index=False)]
