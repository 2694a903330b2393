"""Altair charts of an article: one function per chart, names end in ``_chart``.

Every chart function takes a tidy table (the entity, token or sentence table of
:mod:`newslab.tables`) or the parsed ``Doc`` it comes from, and returns an Altair chart
without displaying it; importing this module changes no global state. Entity labels are
coloured with :data:`newslab.PALETTE`. The tables behind the charts come from
:mod:`newslab.ner.chartdata`, which does not import Altair. To show charts as offline widgets in
a notebook, run ``%load_ext newslab`` (see :mod:`newslab.widgets.notebook`).

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
from ._export import chart_html, chart_png, chart_spec, chart_svg, save_chart
from ._linked import ENTITY_SELECTION, LABEL_SELECTION, linked_charts
from ._quotes import statements_chart, voices_chart

__all__ = [
    "label_counts_chart", "top_entities_chart", "mentions_chart", "cooccurrence_chart",
    "cooccurrence_network_chart", "sentence_lengths_chart", "pos_mix_chart", "linked_charts",
    "label_scale", "save_chart", "chart_svg", "chart_png", "chart_html", "chart_spec", "POS_COLORS",
    "ENTITY_SELECTION", "LABEL_SELECTION",
    "statements_chart", "voices_chart",
]
