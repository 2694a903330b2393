"""Named entities (notebook 03): counts, clusters of one entity's names, exploring them, the tables behind charts.

The entity table itself is :func:`newslab.tables.entities`; everything here is computed from it.
"""

from .clusters import entity_clusters
from .counts import entity_counts, label_counts
from .explore import filter_entities, kwic, label_summary

__all__ = ["entity_clusters", "entity_counts", "label_counts", "filter_entities", "kwic", "label_summary"]
