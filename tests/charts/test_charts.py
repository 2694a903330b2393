"""Charts: the data tables against hand-checked values, the specs through ``to_dict()``, and files."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import newslab
from newslab import charts
from newslab import columns as C
from newslab.labels import PALETTE
from newslab.ner import chartdata as D
from tests.paths import DATA


@pytest.fixture()
def table(toy_entities) -> pd.DataFrame:
    return toy_entities


def _colors(spec: dict) -> dict[str, str]:
    scale = spec["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"]))


def test_label_scale_uses_the_palette():
    assert _colors({"encoding": {"color": {"scale": charts.label_scale().to_dict()}}}) == PALETTE


def test_label_counts_chart(seed_doc):
    spec = charts.label_counts_chart(seed_doc).to_dict()
    values = spec["datasets"][spec["data"]["name"]]
    assert {row["label"]: row["count"] for row in values} == dict(newslab.label_counts(seed_doc).values.tolist())
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
    assert ticks["encoding"]["y"]["sort"] == newslab.entity_counts(seed_doc, n=3)[C.CANONICAL if C.CANONICAL in
                                                                                   ticks["encoding"]["y"]["field"]
                                                                                   else C.KEY].tolist()
    assert rule["data"]["values"] == [{C.SENT_ID: D.middle_sentence(newslab.sentences(seed_doc))}]
    by_char = charts.mentions_chart(seed_doc, position=C.START_CHAR).to_dict()
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
    assert params["entity"]["select"]["fields"] == [C.CANONICAL]  # entities are counted by cluster by default
    assert params["label"]["bind"] == "legend"
    bars, mentions = spec["hconcat"]
    assert "param" in str(bars["encoding"]["opacity"])
    filters = [t["filter"] for t in mentions["layer"][0]["transform"]]
    assert {"param": "entity"} in filters and {"param": "label"} in filters


def test_save_chart_png_svg_html(table, tmp_path):
    chart = charts.top_entities_chart(table)
    assert newslab.save_chart(chart, tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ET.parse(newslab.save_chart(chart, tmp_path / "c.svg"))
    page = newslab.save_chart(chart, tmp_path / "c.html").read_text()
    assert "cdn.jsdelivr" not in page and "<script" in page
    assert 'src="http' not in page and "src='http" not in page
    with pytest.raises(newslab.NewslabError, match=".png"):
        newslab.save_chart(chart, tmp_path / "c.pdf")


def test_a_saved_html_page_runs_no_script_from_the_text(tmp_path):
    """Article text that closes the spec's <script> element must stay text (browser proof: tests/browser)."""
    hostile = "</script><script>alert(document.domain)</script>\u2028<!--&"
    table = pd.DataFrame([(0, hostile, "ORG", hostile, 0, 5, 0, 1, 0, 0, "paragraph")],
                         columns=list(C.ENTITY_BASE_COLUMNS))
    page = newslab.save_chart(charts.top_entities_chart(table, by=C.KEY), tmp_path / "c.html").read_text()
    body = page[page.rindex("const spec = "):]
    assert "</script><script>" not in body and "<!--" not in body and "\u2028" not in body
    assert body.count("</script>") == 1  # the page's own closing tag, after the spec
    assert "\\u003c/script\\u003e" in body  # the text is still there, escaped for JavaScript


def test_every_chart_spec_validates_against_the_vega_lite_schema(seed_doc):
    """Production renders skip schema validation (it is slow); every chart is validated here, once."""
    entities = newslab.entities(seed_doc)
    drawn = [charts.label_counts_chart(entities), charts.top_entities_chart(entities), charts.mentions_chart(seed_doc),
             charts.cooccurrence_chart(entities), charts.cooccurrence_network_chart(entities),
             charts.sentence_lengths_chart(seed_doc), charts.pos_mix_chart(seed_doc), charts.linked_charts(seed_doc)]
    for chart in drawn:
        chart.to_dict(validate=True)


SNAPSHOT = DATA / "seed-chart-specs.json"


@pytest.mark.parametrize("name", sorted(json.loads(SNAPSHOT.read_text(encoding="utf-8"))))
def test_chart_specs_of_the_seed_are_unchanged_since_charts_take_tables(seed_doc, name):
    """The specs newslab 0.1 drew for the seed (saved before charts took tables), from the 0.1 entity table.

    Since then entity tables carry two more columns (``cluster_id``, ``canonical``), which the mention
    charts embed as data, and charts count by cluster by default: so the 0.1 columns and ``by="key"``.
    """
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    data, options = seed_doc, {}
    if name not in ("label_counts_chart", "sentence_lengths_chart", "pos_mix_chart"):
        data = newslab.entities(seed_doc)[list(C.ENTITY_BASE_COLUMNS)]
        options["by"] = C.KEY
    if name in ("mentions_chart", "linked_charts"):
        options["middle"] = D.middle_sentence(newslab.sentences(seed_doc))
    if name == "linked_charts":
        options["width"] = 360  # 0.1 drew each plot 360 px wide; now they are narrower, to fit a notebook
    assert getattr(charts, name)(data, **options).to_dict() == before


def test_charts_take_a_table_and_a_doc_alike(seed_doc):
    entities = newslab.entities(seed_doc)
    assert charts.top_entities_chart(entities).to_dict() == charts.top_entities_chart(seed_doc).to_dict()
    assert charts.pos_mix_chart(newslab.tokens(seed_doc)).to_dict() == charts.pos_mix_chart(seed_doc).to_dict()
    with pytest.raises(newslab.NewslabError, match="entities"):
        charts.top_entities_chart(newslab.sentences(seed_doc))


def test_importing_charts_changes_no_renderer():
    code = "import altair as alt; before = alt.renderers.active; import newslab.charts; print(before == alt.renderers.active)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"


def test_charts_count_by_cluster_by_default_and_by_surface_form_on_request(seed_doc):
    """"Mark Rutte" and "Rutte" are one bar by default; by="key" draws the surface forms apart."""
    by_cluster = charts.top_entities_chart(seed_doc, n=None).to_dict()
    by_key = charts.top_entities_chart(seed_doc, n=None, by=C.KEY).to_dict()
    names = [row[C.CANONICAL] for row in by_cluster["datasets"][by_cluster["data"]["name"]]]
    keys = [row[C.KEY] for row in by_key["datasets"][by_key["data"]["name"]]]
    assert by_cluster["encoding"]["y"]["field"] == C.CANONICAL and by_key["encoding"]["y"]["field"] == C.KEY
    assert len(set(names)) < len(set(keys)), "clusters merge surface forms"
    entities = newslab.entities(seed_doc)
    rutte = entities[entities[C.TEXT].str.contains("Rutte")][C.CANONICAL]
    assert rutte.nunique() == 1
