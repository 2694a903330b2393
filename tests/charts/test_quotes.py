"""Who-said-what charts (newslab/charts/_quotes.py), tested through to_dict()."""

from __future__ import annotations

import newslab
from newslab import columns as C
from newslab.charts import statements_chart, voices_chart
from newslab.labels import QUOTE_COLORS


def test_statements_chart_has_one_mark_per_statement(seed_doc):
    table = newslab.quotes(seed_doc)
    spec = statements_chart(table).to_dict()
    values = spec["datasets"][spec["data"]["name"]]
    assert len(values) == len(table)
    assert spec["encoding"]["color"]["scale"]["range"] == [QUOTE_COLORS[k] for k in (C.DIRECT, C.MIXED, C.REPORTED)]
    assert {v[C.CANONICAL] for v in values} == set(table[C.CANONICAL])


def test_voices_chart_greys_the_reporter(seed_doc):
    table = newslab.voices(seed_doc)
    spec = voices_chart(table).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"][0] == C.REPORTER and scale["range"][0] == QUOTE_COLORS[C.REPORTER]
    assert len(spec["datasets"][spec["data"]["name"]]) == len(table)


def test_charts_of_an_article_without_statements(nlp):
    doc = newslab.analyze("The river rose in Millbrook.")
    assert statements_chart(newslab.quotes(doc)).to_dict()["mark"]["type"] == "point"
    assert voices_chart(newslab.voices(doc)).to_dict()["mark"]["type"] == "bar"
