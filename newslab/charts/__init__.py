"""Altair charts of an article: one function per chart, names end in ``_chart``.

Every chart function takes a ``Doc`` (or anything :func:`newslab.analyze` accepts) or the
tidy table it is drawn from, and returns an Altair chart without displaying it. Entity
labels are coloured with :data:`newslab.PALETTE`. The tables behind the charts come from
:mod:`newslab.charts.data`, which does not import Altair.

Importing this module enables the ``newslab`` Altair renderer: charts show as offline
:class:`altair.JupyterChart` widgets (no CDN) with a static SVG kept in the output for
readers without a kernel (GitHub, nbviewer).

Examples:
    >>> import newslab
    >>> chart = top_entities_chart(newslab.analyze(), n=5)
    >>> chart.to_dict()["mark"]["type"]
    'bar'
"""

from __future__ import annotations

from ._charts import (
                      POS_COLORS,
                      cooccurrence_chart,
                      cooccurrence_network_chart,
                      label_counts_chart,
                      label_scale,
                      mentions_chart,
                      pos_mix_chart,
                      sentence_lengths_chart,
                      top_entities_chart,
)
from ._compare import entity_share_chart, keyness_chart, reporting_verbs_chart, shared_sentences_chart  # noqa: F401
from ._linked import ENTITY_SELECTION, LABEL_SELECTION, linked_charts
from ._render import CHART_CLASS, RENDERER, chart_html, chart_png, chart_svg, chart_widget, enable_renderer, save_chart
from .data import (
                      cooccurrence,
                      entity_spans,
                      label_counts,
                      mentions,
                      middle_sentence,
                      network_edges,
                      network_nodes,
                      pos_mix,
                      top_entities,
)

__all__ = [
    "label_counts_chart", "top_entities_chart", "mentions_chart", "cooccurrence_chart",
    "cooccurrence_network_chart", "sentence_lengths_chart", "pos_mix_chart", "linked_charts",
    "label_scale", "save_chart", "chart_svg", "chart_png", "chart_html", "chart_widget", "enable_renderer",
    "label_counts", "top_entities", "mentions", "cooccurrence", "network_nodes", "network_edges", "pos_mix",
    "middle_sentence", "entity_spans", "POS_COLORS", "CHART_CLASS", "RENDERER", "ENTITY_SELECTION",
    "LABEL_SELECTION",
]

enable_renderer()
