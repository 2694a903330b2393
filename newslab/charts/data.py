"""Deprecated: the tables behind the charts moved to :mod:`newslab.ner.chartdata`.

The functions here keep newslab 0.1's signatures (a ``Doc``, an article source or a table)
for old notebooks, and warn. New code passes a table to :mod:`newslab.ner.chartdata`.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..ner import chartdata
from ..ner.chartdata import OTHER_POS, POS_GROUPS
from ..tables.parse import entity_counts
from ..types import as_entities, as_table, name_column

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "label_counts", "top_entities", "mentions", "cooccurrence", "network_nodes", "network_edges", "pos_mix",
    "sentence_table", "middle_sentence", "entity_spans", "POS_GROUPS", "OTHER_POS",
]


def _warn(name: str, instead: str) -> None:
    warnings.warn(f"newslab.charts.{name} is deprecated: use {instead}", DeprecationWarning, stacklevel=3)


def label_counts(data: Any = None) -> pd.DataFrame:
    """Deprecated: :func:`newslab.label_counts`."""
    from ..tables.parse import label_counts as counts

    _warn("label_counts", "nl.label_counts(doc_or_entities)")
    return counts(as_entities(data))


def top_entities(data: Any = None, *, n: int | None = 10) -> pd.DataFrame:
    """Deprecated: :func:`newslab.entity_counts` with ``by=[name, "label"]``."""
    _warn("top_entities", 'nl.entity_counts(doc, by=["key", "label"], n=n)')
    table = as_entities(data)
    name = name_column(table)
    return entity_counts(table, by=[name, C.LABEL], n=n)[[name, C.LABEL, C.COUNT]]


def mentions(data: Any = None, *, n: int | None = 10) -> pd.DataFrame:
    """Deprecated: :func:`newslab.ner.chartdata.mentions` of the entity table."""
    _warn("mentions", "nl.chartdata.mentions(nl.entities(doc))")
    return chartdata.mentions(as_entities(data), n=n)


def cooccurrence(data: Any = None) -> pd.DataFrame:
    """Deprecated: :func:`newslab.ner.chartdata.cooccurrence` of the entity table."""
    _warn("cooccurrence", "nl.chartdata.cooccurrence(nl.entities(doc))")
    return chartdata.cooccurrence(as_entities(data))


def network_nodes(data: Any = None, *, n: int | None = 20) -> pd.DataFrame:
    """Deprecated: :func:`newslab.ner.chartdata.network_nodes` of the entity table."""
    _warn("network_nodes", "nl.chartdata.network_nodes(nl.entities(doc))")
    return chartdata.network_nodes(as_entities(data), n=n)


def network_edges(data: Any = None, *, n: int | None = 20) -> pd.DataFrame:
    """Deprecated: :func:`newslab.ner.chartdata.network_edges` of the entity table."""
    _warn("network_edges", "nl.chartdata.network_edges(nl.entities(doc))")
    return chartdata.network_edges(as_entities(data), n=n)


def pos_mix(data: Any = None, *, grouped: bool = True) -> pd.DataFrame:
    """Deprecated: :func:`newslab.ner.chartdata.pos_mix` of the token table."""
    _warn("pos_mix", "nl.chartdata.pos_mix(nl.tokens(doc))")
    return chartdata.pos_mix(as_table(data, "tokens"), grouped=grouped)


def sentence_table(data: Any = None) -> pd.DataFrame:
    """Deprecated: :func:`newslab.sentences`."""
    _warn("sentence_table", "nl.sentences(doc)")
    return as_table(data, "sentences")


def middle_sentence(data: Any = None) -> float:
    """Deprecated: :func:`newslab.ner.chartdata.middle_sentence` of the sentence table."""
    _warn("middle_sentence", "nl.chartdata.middle_sentence(nl.sentences(doc))")
    import pandas as pd

    return chartdata.middle_sentence(data if isinstance(data, pd.DataFrame) else as_table(data, "sentences"))


def entity_spans(data: Any = None, *, keys: list[str] | None = None) -> list[dict[str, Any]]:
    """Deprecated: :func:`newslab.ner.chartdata.entity_spans` of the entity table."""
    _warn("entity_spans", "nl.chartdata.entity_spans(nl.entities(doc), keys=...)")
    return chartdata.entity_spans(as_entities(data), keys=keys)
