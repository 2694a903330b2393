"""The tables behind the charts, against hand-checked values."""

from __future__ import annotations

import pandas as pd
import pytest

import newslab
from newslab import charts
from newslab import columns as C
from newslab.ner import chartdata as D


@pytest.fixture()
def table(toy_entities) -> pd.DataFrame:
    return toy_entities


def test_mentions_keeps_every_mention_of_the_top_entities(table):
    assert D.mentions(table, n=1)[C.TEXT].tolist() == ["NATO", "NATO", "NATO", "NATO’s"]
    assert D.mentions(table, n=None).equals(table)


def test_cooccurrence_counts_sentences_once(table):
    assert D.cooccurrence(table).values.tolist() == [
        ["NATO", "Ukraine", 2], ["NATO", "Russia", 1], ["NATO", "Rutte", 1], ["Russia", "Ukraine", 1]]


def test_network_layout_is_a_deterministic_circle(table):
    nodes = D.network_nodes(table)
    assert nodes[C.KEY].tolist() == ["NATO", "Ukraine", "Russia", "Rutte"]
    assert nodes[[C.X, C.Y]].values.round(6).tolist() == [[0.0, 1.0], [1.0, 0.0], [0.0, -1.0], [-1.0, 0.0]]
    edges = D.network_edges(table)
    assert list(edges.columns) == list(C.EDGE_COLUMNS)
    first = edges.iloc[0]
    assert (first[C.KEY_A], first[C.KEY_B], first[C.X], first[C.Y], first[C.X_B], first[C.Y_B]) == (
        "NATO", "Ukraine", 0.0, 1.0, 1.0, 0.0)
    assert D.network_nodes(table).equals(nodes)


def test_pos_mix_shares_sum_to_one(seed_doc):
    mix = D.pos_mix(newslab.tokens(seed_doc))
    assert list(mix.columns) == list(C.POS_MIX_COLUMNS)
    assert mix.groupby(C.PARAGRAPH_ID)[C.SHARE].sum().round(9).eq(1).all()
    assert set(mix[C.POS]) <= set(charts.POS_COLORS)
    tokens = newslab.tokens(seed_doc)
    body = tokens[tokens[C.PARAGRAPH_ID].eq(0) & ~tokens[C.POS].isin(["SPACE", "PUNCT"])]
    assert mix[mix[C.PARAGRAPH_ID] == 0][C.COUNT].sum() == len(body)


def test_entity_spans(table):
    assert D.entity_spans(table, keys=["Russia"]) == [{"start": 40, "end": 46, "label": "GPE"}]


def test_middle_sentence(seed_doc):
    assert D.middle_sentence(newslab.sentences(seed_doc)) == (len(newslab.sentences(seed_doc)) - 1) / 2
    assert D.middle_sentence(newslab.sentences(seed_doc).iloc[:0]) == 0.0
