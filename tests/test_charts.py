"""Charts: the data tables against hand-checked values, the specs through ``to_dict()``, and files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

import newslab
from newslab import _columns as C
from newslab import charts
from newslab.charts import data as D
from newslab.clusters import add_clusters
from newslab.labels import PALETTE
from newslab.tables import entity_key

# sentence 0: NATO, Ukraine; sentence 1: NATO, Ukraine, Russia; sentence 2: Rutte, NATO (twice)
ROWS = [
    (0, "NATO", "ORG", 0, 0), (1, "Ukraine", "GPE", 9, 0), (2, "NATO", "ORG", 20, 1), (3, "Ukraine", "GPE", 29, 1),
    (4, "Russia", "GPE", 40, 1), (5, "Rutte", "PERSON", 50, 2), (6, "NATO", "ORG", 60, 2), (7, "NATO’s", "ORG", 70, 2),
]


@pytest.fixture()
def table() -> pd.DataFrame:
    rows = [(i, text, label, entity_key(text), start, start + len(text), 0, 1, sent, sent, "paragraph")
            for i, text, label, start, sent in ROWS]
    return add_clusters(pd.DataFrame(rows, columns=list(C.ENTITY_BASE_COLUMNS)))


def test_label_counts(table):
    assert D.label_counts(table).values.tolist() == [["ORG", 4], ["GPE", 3], ["PERSON", 1]]


def test_top_entities_ranks_by_count_then_first_mention(table):
    assert D.top_entities(table, n=3).values.tolist() == [["NATO", "ORG", 4], ["Ukraine", "GPE", 2], ["Russia", "GPE", 1]]


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
    mix = D.pos_mix(seed_doc)
    assert list(mix.columns) == list(C.POS_MIX_COLUMNS)
    assert mix.groupby(C.PARAGRAPH_ID)[C.SHARE].sum().round(9).eq(1).all()
    assert set(mix[C.POS]) <= set(charts.POS_COLORS)
    tokens = newslab.tokens(seed_doc)
    body = tokens[tokens[C.PARAGRAPH_ID].eq(0) & ~tokens[C.POS].isin(["SPACE", "PUNCT"])]
    assert mix[mix[C.PARAGRAPH_ID] == 0][C.COUNT].sum() == len(body)


def test_entity_spans(table):
    assert D.entity_spans(table, keys=["Russia"]) == [{"start": 40, "end": 46, "label": "GPE"}]


def _colors(spec: dict) -> dict[str, str]:
    scale = spec["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"]))


def test_label_scale_uses_the_palette():
    assert _colors({"encoding": {"color": {"scale": charts.label_scale().to_dict()}}}) == PALETTE


def test_label_counts_chart(seed_doc):
    spec = charts.label_counts_chart(seed_doc).to_dict()
    values = spec["datasets"][spec["data"]["name"]]
    assert {row["label"]: row["count"] for row in values} == dict(D.label_counts(seed_doc).values.tolist())
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["title"] == "Mentions"
    assert all(PALETTE[label] == color for label, color in _colors(spec).items())


def test_top_entities_chart(table):
    spec = charts.top_entities_chart(table, n=2).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["NATO", "Ukraine"]
    assert spec["encoding"]["x"]["field"] == C.COUNT and spec["encoding"]["x"]["aggregate"] == "sum"
    assert _colors(spec) == {"ORG": PALETTE["ORG"], "GPE": PALETTE["GPE"]}
    assert "most mentioned" in spec["title"]


def test_mentions_chart_places_ticks_by_sentence(seed_doc):
    spec = charts.mentions_chart(seed_doc, n=3).to_dict()
    ticks, rule = spec["layer"]
    assert ticks["mark"]["type"] == "tick" and ticks["encoding"]["x"]["field"] == C.SENT_ID
    assert ticks["encoding"]["y"]["sort"] == D.top_entities(seed_doc, n=3)[C.KEY].unique().tolist()
    assert rule["data"]["values"] == [{C.SENT_ID: D.middle_sentence(seed_doc)}]
    by_char = charts.mentions_chart(seed_doc, by=C.START_CHAR).to_dict()
    assert by_char["layer"][0]["encoding"]["x"]["field"] == C.START_CHAR


def test_cooccurrence_chart_is_symmetric(table):
    spec = charts.cooccurrence_chart(table).to_dict()
    values = spec["datasets"][spec["data"]["name"]]
    cells = {(v[C.KEY_A], v[C.KEY_B]): v[C.COUNT] for v in values}
    assert cells[("NATO", "Ukraine")] == cells[("Ukraine", "NATO")] == 2
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "text"]


def test_network_chart_layers(table):
    spec = charts.cooccurrence_network_chart(table).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "circle", "text", "text"]
    circle = spec["layer"][1]
    assert all(PALETTE[label] == color for label, color in _colors(circle).items())


def test_sentence_lengths_and_pos_mix_charts(seed_doc):
    lengths = charts.sentence_lengths_chart(seed_doc).to_dict()
    values = lengths["datasets"][lengths["data"]["name"]]
    assert [v[C.N_WORDS] for v in values] == newslab.sentences(seed_doc)[C.N_WORDS].tolist()
    mix = charts.pos_mix_chart(seed_doc).to_dict()
    assert mix["encoding"]["x"]["stack"] == "normalize"
    assert mix["encoding"]["color"]["scale"]["range"] == [charts.POS_COLORS[p] for p in mix["encoding"]["color"]["scale"]["domain"]]


def test_linked_charts_share_an_entity_selection(seed_doc):
    spec = charts.linked_charts(seed_doc).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["entity"]["select"]["fields"] == [C.KEY]
    assert params["label"]["bind"] == "legend"
    bars, mentions = spec["hconcat"]
    assert "param" in str(bars["encoding"]["opacity"])
    filters = [t["filter"] for t in mentions["layer"][0]["transform"]]
    assert {"param": "entity"} in filters and {"param": "label"} in filters


def test_renderer_is_offline_widget_with_static_fallback(table):
    assert alt.renderers.active == charts.RENDERER
    data, _ = charts.top_entities_chart(table)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    ET.fromstring(data["image/svg+xml"])
    assert alt.JupyterChart._is_offline


def test_chart_widget_has_css_class(table):
    assert "newslab-chart" in charts.chart_widget(charts.top_entities_chart(table))._dom_classes


def test_save_chart_png_svg_html(table, tmp_path):
    chart = charts.top_entities_chart(table)
    assert newslab.save_chart(chart, tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ET.parse(newslab.save_chart(chart, tmp_path / "c.svg"))
    page = newslab.save_chart(chart, tmp_path / "c.html").read_text()
    assert "cdn.jsdelivr" not in page and "<script" in page
    assert 'src="http' not in page and "src='http" not in page
    with pytest.raises(newslab.NewslabError, match=".png"):
        newslab.save_chart(chart, tmp_path / "c.pdf")
