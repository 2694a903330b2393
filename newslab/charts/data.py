"""The tables behind the charts: pure functions that return DataFrames.

This module imports neither Altair nor IPython. Each function takes a ``Doc`` (or
anything :func:`newslab.analyze` accepts, ``None`` for the article in use) or the tidy
table it is computed from, so a researcher can chart a table they filtered themselves.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .. import _columns as C

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "label_counts", "top_entities", "mentions", "cooccurrence", "network_nodes", "network_edges",
    "pos_mix", "sentence_table", "middle_sentence", "entity_spans", "POS_GROUPS",
]

#: Universal part-of-speech tags grouped into the few kinds a chart can tell apart.
POS_GROUPS: dict[str, str] = {
    "NOUN": "NOUN", "PROPN": "PROPN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ",
    "ADV": "ADV", "PRON": "PRON", "ADP": "ADP", "DET": "DET",
}
OTHER_POS = "other"
_SKIPPED_POS = ("SPACE", "PUNCT")


def _is_frame(data: Any) -> bool:
    return hasattr(data, "columns") and hasattr(data, "loc")


def _doc(data: Any):
    from ..pipeline import analyze

    return analyze(data)


def _entities(data: Any) -> pd.DataFrame:
    if _is_frame(data):
        return data
    from ..tables import entities

    return entities(_doc(data))


def label_counts(data: Any = None) -> pd.DataFrame:
    """Mentions per entity label, most frequent first.

    Args:
        data: A ``Doc`` (or article source), an entities table, or an entity-counts table.

    Examples:
        >>> import newslab
        >>> label_counts(newslab.analyze("Rutte met Zelenskiy in Kyiv and Rutte left.")).values.tolist()[0]
        ['PERSON', 3]
    """
    table = _entities(data)
    counts = table.groupby(C.LABEL)[C.COUNT].sum() if C.COUNT in table else table.groupby(C.LABEL).size()
    result = counts.rename(C.COUNT).reset_index().astype({C.COUNT: "int64"})
    return result.sort_values([C.COUNT, C.LABEL], ascending=[False, True], kind="stable").reset_index(drop=True)


def top_entities(data: Any = None, *, n: int | None = 10) -> pd.DataFrame:
    """The ``n`` most mentioned entities (by ``key``), one row per key and label.

    A key that the model labelled in two ways (say ``GPE`` and ``PERSON``) has two rows; the
    keys are ranked by their total count, then by their first appearance.

    Args:
        data: A ``Doc`` (or article source), an entities table or an entity-counts table.
        n: How many keys to keep (``None`` keeps all).

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Russia is big. Russia is old. NATO met.")
        >>> top_entities(doc, n=1)[["key", "count"]].values.tolist()
        [['Russia', 2]]
    """
    from ..tables import entity_counts

    table = _entities(data)
    if C.COUNT not in table:
        table = entity_counts(table)
    ranked = _rank_keys(table)
    keys = ranked if n is None else ranked[:n]
    rows = table[table[C.KEY].isin(keys)].copy()
    rows["_rank"] = rows[C.KEY].map({key: i for i, key in enumerate(keys)})
    rows = rows.sort_values(["_rank", C.COUNT], ascending=[True, False], kind="stable")
    return rows[[C.KEY, C.LABEL, C.COUNT]].reset_index(drop=True).astype({C.COUNT: "int64"})


def _rank_keys(counts: pd.DataFrame) -> list[str]:
    """Keys by total count (descending), then first appearance, then alphabetically."""
    first = C.FIRST_SENT_ID if C.FIRST_SENT_ID in counts else C.COUNT
    totals = counts.groupby(C.KEY).agg(total=(C.COUNT, "sum"), first=(first, "min")).reset_index()
    totals = totals.sort_values(["total", "first", C.KEY], ascending=[False, True, True], kind="stable")
    return totals[C.KEY].tolist()


def mentions(data: Any = None, *, n: int | None = 10) -> pd.DataFrame:
    """Every mention of the ``n`` most mentioned entities: the entities table, filtered.

    Examples:
        >>> import newslab
        >>> table = mentions(newslab.analyze("Russia is big. NATO met. Russia is old."), n=1)
        >>> table[["key", "sent_id"]].values.tolist()
        [['Russia', 0], ['Russia', 2]]
    """
    table = _entities(data)
    keys = top_entities(table, n=n)[C.KEY].unique()
    return table[table[C.KEY].isin(keys)].reset_index(drop=True)


def cooccurrence(data: Any = None) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence, and in how many sentences.

    Each unordered pair appears once, with ``key_a < key_b``; the most frequent pairs come
    first. An entity mentioned twice in one sentence counts once for that sentence.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("NATO met Ukraine. NATO and Ukraine met Russia.")
        >>> cooccurrence(doc).values.tolist()
        [['NATO', 'Ukraine', 2], ['NATO', 'Russia', 1], ['Russia', 'Ukraine', 1]]
    """
    import pandas as pd

    pairs = _entities(data)[[C.SENT_ID, C.KEY]].drop_duplicates()
    joined = pairs.merge(pairs, on=C.SENT_ID, suffixes=("_a", "_b"))
    joined = joined[joined[f"{C.KEY}_a"] < joined[f"{C.KEY}_b"]]
    if joined.empty:
        return pd.DataFrame({C.KEY_A: pd.Series(dtype=object), C.KEY_B: pd.Series(dtype=object),
                             C.COUNT: pd.Series(dtype="int64")})
    counts = joined.groupby([f"{C.KEY}_a", f"{C.KEY}_b"]).size().reset_index()
    counts.columns = list(C.COOCCURRENCE_COLUMNS)
    counts = counts.sort_values([C.COUNT, C.KEY_A, C.KEY_B], ascending=[False, True, True], kind="stable")
    return counts.reset_index(drop=True).astype({C.COUNT: "int64"})


def network_nodes(data: Any = None, *, n: int | None = 20) -> pd.DataFrame:
    """The ``n`` most mentioned entities placed on a circle: a deterministic network layout.

    Nodes go clockwise from the top in order of mention count, so the same article always
    gives the same picture. ``label`` is the entity's most frequent label.

    Examples:
        >>> import newslab
        >>> nodes = network_nodes(newslab.analyze("NATO met Ukraine. NATO met Russia."))
        >>> nodes[["key", "count", "x", "y"]].values.tolist()[0]
        ['NATO', 2, 0.0, 1.0]
    """
    import pandas as pd

    table = top_entities(data, n=n)
    totals = table.groupby(C.KEY, sort=False)[C.COUNT].sum()
    labels = table.drop_duplicates(C.KEY).set_index(C.KEY)[C.LABEL]  # rows are sorted by count
    angles = [math.pi / 2 - 2 * math.pi * i / max(len(totals), 1) for i in range(len(totals))]
    return pd.DataFrame({
        C.KEY: totals.index.tolist(),
        C.LABEL: labels.loc[totals.index].tolist(),
        C.COUNT: totals.astype("int64").tolist(),
        C.X: [round(math.cos(a), 6) + 0.0 for a in angles],
        C.Y: [round(math.sin(a), 6) + 0.0 for a in angles],
    }, columns=list(C.NODE_COLUMNS))


def network_edges(data: Any = None, *, n: int | None = 20) -> pd.DataFrame:
    """Co-occurring pairs among the :func:`network_nodes`, with the coordinates of both ends.

    Examples:
        >>> import newslab
        >>> edges = network_edges(newslab.analyze("NATO met Ukraine. NATO met Russia."))
        >>> edges[["key_a", "key_b", "count"]].values.tolist()
        [['NATO', 'Russia', 1], ['NATO', 'Ukraine', 1]]
    """
    table = _entities(data)
    nodes = network_nodes(table, n=n).set_index(C.KEY)
    pairs = cooccurrence(table)
    pairs = pairs[pairs[C.KEY_A].isin(nodes.index) & pairs[C.KEY_B].isin(nodes.index)].copy()
    pairs[C.X], pairs[C.Y] = pairs[C.KEY_A].map(nodes[C.X]), pairs[C.KEY_A].map(nodes[C.Y])
    pairs[C.X_B], pairs[C.Y_B] = pairs[C.KEY_B].map(nodes[C.X]), pairs[C.KEY_B].map(nodes[C.Y])
    return pairs[list(C.EDGE_COLUMNS)].reset_index(drop=True)


def pos_mix(data: Any = None, *, grouped: bool = True) -> pd.DataFrame:
    """Part-of-speech counts and shares per body paragraph (punctuation and spaces left out).

    Args:
        data: A ``Doc`` (or article source) or a tokens table.
        grouped: Merge the tags into :data:`POS_GROUPS` (``AUX`` counts as ``VERB``, rare
            tags as ``"other"``), so a chart can tell the groups apart.

    Examples:
        >>> import newslab
        >>> table = pos_mix(newslab.analyze("Rutte visited Kyiv."))
        >>> table[["pos", "count", "share"]].values.tolist()
        [['PROPN', 2, 0.6666666666666666], ['VERB', 1, 0.3333333333333333]]
    """
    from ..tables import tokens

    table = data if _is_frame(data) else tokens(_doc(data))
    table = table[table[C.PARAGRAPH_ID].notna() & ~table[C.POS].isin(_SKIPPED_POS)]
    pos = table[C.POS].map(lambda tag: POS_GROUPS.get(tag, OTHER_POS)) if grouped else table[C.POS]
    counts = table.assign(**{C.POS: pos}).groupby([C.PARAGRAPH_ID, C.POS]).size().rename(C.COUNT).reset_index()
    counts[C.SHARE] = counts[C.COUNT] / counts.groupby(C.PARAGRAPH_ID)[C.COUNT].transform("sum")
    counts = counts.sort_values([C.PARAGRAPH_ID, C.COUNT, C.POS], ascending=[True, False, True], kind="stable")
    return counts[list(C.POS_MIX_COLUMNS)].reset_index(drop=True).astype({C.COUNT: "int64"})


def sentence_table(data: Any = None) -> pd.DataFrame:
    """The sentences table of a ``Doc`` (a sentences table is returned as is).

    Examples:
        >>> import newslab
        >>> sentence_table("Rutte came. He spoke.")["n_words"].tolist()
        [2, 2]
    """
    from ..tables import sentences

    return data if _is_frame(data) else sentences(_doc(data))


def middle_sentence(data: Any = None) -> float:
    """The sentence id halfway through the article: mentions after it are in its second half.

    Args:
        data: A ``Doc`` (or article source), a sentences table or an entities table.

    Examples:
        >>> middle_sentence("One. Two. Three.")
        1.0
    """
    table = sentence_table(data)
    return float(table[C.SENT_ID].max()) / 2 if len(table) else 0.0


def entity_spans(data: Any = None, *, keys: list[str] | None = None) -> list[dict[str, Any]]:
    """The mentions of the entities ``keys`` as ``{"start", "end", "label"}`` span dicts.

    Args:
        data: A ``Doc`` (or article source) or an entities table.
        keys: Entity keys to keep (every mention when ``None``).

    Examples:
        >>> entity_spans("NATO met Ukraine. NATO left.", keys=["NATO"])
        [{'start': 0, 'end': 4, 'label': 'ORG'}, {'start': 18, 'end': 22, 'label': 'ORG'}]
    """
    table = _entities(data)
    if keys is not None:
        table = table[table[C.KEY].isin(list(keys))]
    return [{"start": int(a), "end": int(b), "label": str(label)}
            for a, b, label in table[[C.START_CHAR, C.END_CHAR, C.LABEL]].itertuples(index=False)]
