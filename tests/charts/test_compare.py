"""The comparison charts (newslab/charts/_compare.py), through their Vega-Lite specs."""

from __future__ import annotations

import pytest

from newslab import charts
from newslab import columns as C
from newslab.corpus import compare, teaching_corpus


@pytest.fixture(scope="module")
def reports(nlp):
    return teaching_corpus()


def test_entity_share_chart_is_a_heat_map_of_the_table(reports):
    table = compare.entity_share(reports, n=6)
    spec = charts.entity_share_chart(table).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["x"]["sort"][0] == table.groupby(C.KEY)[C.COUNT].sum().idxmax()
    assert len(spec["datasets"][spec["data"]["name"]]) == len(table)


def test_keyness_chart_shows_the_top_entities_of_each_outlet(reports):
    table = compare.keyness(reports)
    spec = charts.keyness_chart(table, n=3).to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    outlets = {row[C.OUTLET] for row in rows}
    assert outlets == set(table[C.OUTLET]) and len(rows) <= 3 * len(outlets)
    assert spec["facet"]["field"] == C.OUTLET


def test_shared_sentences_and_reporting_verbs_charts(reports):
    spec = charts.shared_sentences_chart(compare.sentence_reach(reports)).to_dict()
    assert spec["encoding"]["y"]["field"] == C.OUTLET and spec["encoding"]["x"]["aggregate"] == "count"
    spec = charts.reporting_verbs_chart(compare.reporting_verbs(reports)).to_dict()
    assert spec["encoding"]["x"]["field"] == C.SUBJECT
