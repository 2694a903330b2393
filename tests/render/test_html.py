from __future__ import annotations

import html
import re

import pytest

import newslab
from newslab import columns as C
from newslab.labels import PALETTE

HOSTILE = 'Mark Rutte said <script>alert("x")</script> and <img src=x onerror=alert(1)> in Ukraine.'


def test_entities_use_the_palette(seed_doc):
    page = newslab.entities_html(seed_doc)
    assert page._repr_html_() == str(page)
    assert PALETTE["GPE"] in page and PALETTE["PERSON"] in page


def test_label_filter(seed_doc):
    page = newslab.entities_html(seed_doc, labels=["GPE"])
    assert "GPE" in page and ">PERSON<" not in page


def test_unknown_label_filter_is_an_error(seed_doc):
    with pytest.raises(newslab.UnknownLabelError):
        newslab.entities_html(seed_doc, labels=["PLACE"])


@pytest.mark.parametrize("render", [newslab.entities_html, newslab.dependencies_html])
def test_html_in_article_text_comes_out_as_text(render):
    page = render(newslab.analyze(HOSTILE))
    assert "<script" not in page and "<img" not in page
    assert "&lt;" in page


def test_spans_override_doc_ents_and_labels_are_escaped():
    doc = newslab.analyze("Rutte visited Kyiv.")
    page = newslab.entities_html(doc, spans=[{"start": 14, "end": 18, "label": "<b>X</b>"}])
    assert "<b>X</b>" not in page and "&lt;b&gt;X&lt;/b&gt;" in page


def test_long_sentences_scroll_instead_of_overflowing(seed_doc):
    longest = max(seed_doc.sents, key=len)
    page = newslab.dependencies_html(longest)
    assert 'class="newslab-dependencies"' in page and "overflow-x:auto" in page
    compact = newslab.dependencies_html(longest, compact=True)
    width = int(re.search(r'<svg[^>]*width="(\d+)"', compact).group(1))
    assert width > 1000  # the box scrolls: the svg keeps its natural width


# -- disagreements in context (fictional texts) ----------------------------------------------

RIVERTON = ("Mayor Ana Field of Riverton opened the new bridge on Monday, and the Riverton Gazette "
            "printed <script>alert(1)</script> her speech in full. Later that week, council member "
            "Tom Reyes said the bridge had cost less than planned.")


def riverton(*pairs: tuple[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    return RIVERTON, [(RIVERTON.index(s), RIVERTON.index(s) + len(s), label) for s, label in pairs]


def contexts(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<summary[^>]*>(.*?)</summary>", page)]


def test_each_disagreement_in_a_short_escaped_context_with_its_sentence_on_demand():
    gold = riverton(("Ana Field", "PERSON"), ("Riverton Gazette", "ORG"), ("Tom Reyes", "PERSON"))
    predicted = riverton(("Ana Field", "PERSON"), ("Riverton Gazette", "GPE"), ("Monday", "DATE"))
    result = newslab.evaluate(predicted, gold)
    page = newslab.disagreements_html(result, width=20)
    table = result.disagreements
    assert page.count("<details>") == page.count("<mark") == len(table) == 3
    for shown, row in zip(contexts(page), table.itertuples()):
        mention = RIVERTON[row.start_char : row.end_char]
        assert mention in shown and len(shown) <= len(mention) + 2 * 20 + 2  # two ellipses at most
        assert re.sub(r"\s+", " ", row.sentence) in re.sub(r"\s+", " ", page.replace("&lt;", "<").replace("&gt;", ">"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Riverton Gazette · GPE" in page and "Riverton Gazette · ORG" in page


def test_agreement_disagreements_take_the_context_from_their_own_text():
    other = "Riverton Council met in Lakeside."
    result = newslab.agreement([riverton(("Tom Reyes", "PERSON")), (other, [(24, 32, "GPE")])],
                               [riverton(("Tom Reyes", "ORG")), (other, [(24, 32, "LOC")])])
    page = newslab.disagreements_html(result)
    assert result.disagreements[C.DOC_ID].tolist() == [0, 1]
    shown = contexts(page)
    assert "Tom Reyes" in shown[0] and shown[1] == other and "<th>b</th><th>a</th>" in page


def test_no_disagreements_says_so():
    same = riverton(("Ana Field", "PERSON"))
    assert "No disagreements" in newslab.disagreements_html(newslab.evaluate(same, same))


def test_seed_disagreements_are_short(seed_doc):
    result = newslab.evaluate(seed_doc, newslab.gold())
    shown = contexts(newslab.disagreements_html(result))
    table = result.disagreements
    assert len(shown) == len(table) > 0
    for context, row in zip(shown, table.itertuples()):
        assert len(context) <= row.end_char - row.start_char + 2 * 40 + 2
    assert any(len(context) < len(row.sentence) for context, row in zip(shown, table.itertuples()))


def test_the_structure_view_names_every_kind_of_part_of_a_web_page():
    """A constructed look-alike of a pasted web page (tests/data/web/web-reuters-page)."""
    from newslab.labels import part_color
    from tests.paths import DATA

    article = newslab.load_article(DATA / "web" / "web-reuters-page.txt")
    page = newslab.structure_html(article)
    for kind in {part.kind for part in article.parts}:
        assert f"newslab-part-{kind}" in page and part_color(kind) in page
    assert {C.NEWSLETTER, C.AD, C.RELATED, C.AUDIO, C.DATE_LINE} <= {part.kind for part in article.parts}
