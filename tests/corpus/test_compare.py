"""newslab.corpus.compare on the constructed teaching corpus and on small fictional texts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import newslab as nl
from newslab import columns as C
from newslab.corpus import compare, teaching_corpus
from newslab.text.pipeline import META_KEY


@pytest.fixture(scope="module")
def reports(nlp):
    return teaching_corpus()


def fictional(outlet: str, text: str):
    doc = nl.analyze(text)
    doc.user_data[META_KEY].update({"id": outlet.lower().replace(" ", "-"), "outlet": outlet})
    return doc


def test_entity_share_sums_to_one_per_outlet_and_counts_body_mentions(reports):
    share = compare.entity_share(reports)
    assert list(share.columns) == list(C.SHARE_COLUMNS)
    assert share.groupby(C.OUTLET)[C.SHARE].sum().round(9).eq(1).all()
    table = nl.entities(reports)
    body = table[table[C.PART] != C.BYLINE]
    assert share[C.COUNT].sum() == len(body)
    assert not set(share[C.KEY]) & {"Meridian Wire", "The Daily Clarion"}  # bylines are left out
    top = compare.entity_share(reports, n=3)
    assert top[C.KEY].nunique() == 3


def test_entity_share_groups_by_canonical_when_clusters_exist(reports):
    table = nl.entities(reports)
    table[C.CANONICAL] = table[C.KEY].replace({"Rutte": "Mark Rutte"})
    share = compare.entity_share(table)
    assert "Rutte" not in set(share[C.KEY])
    plain = compare.entity_share(nl.entities(reports))
    merged = plain[plain[C.KEY].isin(["Rutte", "Mark Rutte"])].groupby(C.OUTLET)[C.COUNT].sum()
    assert share[share[C.KEY] == "Mark Rutte"].set_index(C.OUTLET)[C.COUNT].sort_index().tolist() == \
           merged.sort_index().tolist()


def test_keyness_matches_dunnings_log_likelihood_worked_by_hand():
    # outlet A: Riverton 10 of 20 mentions; outlet B: Riverton 2 of 20 mentions
    rows = [("A", "Riverton", 10), ("A", "Lakeside", 10), ("B", "Riverton", 2), ("B", "Lakeside", 18)]
    table = pd.DataFrame(
        [(outlet, outlet, key, "GPE", C.PARAGRAPH) for outlet, key, n in rows for _ in range(n)],
        columns=[C.ARTICLE_ID, C.OUTLET, C.KEY, C.LABEL, C.PART])
    result = compare.keyness(table).set_index([C.OUTLET, C.KEY])
    riverton = result.loc[("A", "Riverton")]
    # E1 = E2 = 20 * 12 / 40 = 6; G2 = 2 * (10 ln(10/6) + 2 ln(2/6)) = 5.82
    assert riverton[C.G2] == pytest.approx(5.8221, abs=1e-3) and riverton[C.G2] > compare.CRITICAL_G2
    assert riverton[C.LOG_RATIO] == pytest.approx(math.log2(5)) and riverton[C.OVER]
    assert result.loc[("B", "Riverton"), C.LOG_RATIO] == pytest.approx(-math.log2(5))
    assert not result.loc[("B", "Riverton"), C.OVER]
    assert result.loc[("A", "Riverton"), C.G2] == pytest.approx(result.loc[("B", "Riverton"), C.G2])


def test_keyness_on_the_reports_has_one_row_per_mentioned_entity(reports):
    table = compare.keyness(reports, min_count=1)
    assert list(table.columns) == list(C.KEYNESS_COLUMNS)
    share = compare.entity_share(reports)
    assert len(table) == len(share)
    assert (table[C.G2] >= 0).all() and (table[C.OVER] == (table[C.LOG_RATIO] > 0)).all()


def test_shared_sentences_pair_similar_sentences_of_different_outlets(nlp):
    docs = [fictional("Riverton Post", "Mayor Ana Field opened the Riverton library on Monday. The weather was mild."),
            fictional("Lakeside Daily", "On Monday, Mayor Ana Field opened the Riverton library. Parking was scarce."),
            fictional("Hill Radio", "The council met in Lakeside.")]
    pairs = compare.shared_sentences(docs)
    assert list(pairs.columns) == list(C.SHARED_SENTENCE_COLUMNS)
    assert sorted(zip(pairs[C.OUTLET], pairs[C.OTHER_OUTLET])) == [("Lakeside Daily", "Riverton Post"),
                                                                  ("Riverton Post", "Lakeside Daily")]
    assert pairs[C.SIMILARITY].eq(1.0).all()  # the same content words, in another order
    reach = compare.sentence_reach(docs).set_index([C.OUTLET, C.SENT_ID])[C.N_OUTLETS]
    assert reach[("Riverton Post", 0)] == 1 and reach[("Riverton Post", 1)] == 0 and reach[("Hill Radio", 0)] == 0
    assert compare.shared_sentences(docs, threshold=1.01).empty


def test_sentence_reach_of_the_reports(reports):
    reach = compare.sentence_reach(reports)
    assert list(reach.columns) == list(C.SENTENCE_REACH_COLUMNS)
    assert reach[C.N_OUTLETS].between(0, len(reports) - 1).all()
    body = [table[(table[C.PART] == C.PARAGRAPH)] for table in map(nl.sentences, reports)]
    assert len(reach) == sum(table[C.TEXT].str.contains("[A-Za-z]").sum() for table in body)  # no lone quote marks


def test_reporting_verbs_name_who_speaks(nlp):
    docs = [fictional("Riverton Post", "Mayor Ana Field said the library would open in May."),
            fictional("Lakeside Daily", "The library opened. Councillor Ben Ode warned that parking was scarce.")]
    table = compare.reporting_verbs(docs)
    assert list(table.columns) == list(C.REPORTING_VERB_COLUMNS)
    assert table[[C.OUTLET, C.SUBJECT, C.VERB_LEMMA]].values.tolist() == [
        ["Lakeside Daily", "Councillor Ben Ode", "warn"], ["Riverton Post", "Mayor Ana Field", "say"]]


def test_compare_needs_many_articles(seed_doc):
    with pytest.raises(ValueError, match="many articles"):
        compare.entity_share(nl.entities(seed_doc))


def test_quoted_by_outlet_counts_statements_per_speaker_cluster(nlp):
    pytest.importorskip("newslab.attribution.statements", reason="newslab.quotes arrives with the quotes work")
    docs = [fictional("Riverton Post", "Mayor Ana Field opened the library on Monday. She said that parking was "
                                       "scarce. Field said the doors would stay open late."),
            fictional("Lakeside Daily", "Councillor Ben Ode said that the council agreed.")]
    table = compare.quoted_by_outlet(docs)
    assert list(table.columns) == list(C.QUOTE_COUNT_COLUMNS)
    assert table.groupby(C.OUTLET)[C.SHARE].sum().round(9).eq(1).all()
    post = table[table[C.OUTLET] == "Riverton Post"]
    assert post[C.SPEAKER].str.contains("Field").all() and post[C.COUNT].sum() == 2  # "She" counts for Field
    assert table[table[C.OUTLET] == "Lakeside Daily"][C.COUNT].tolist() == [1]
    assert compare.quoted_by_outlet(teaching_corpus())[C.SPEAKER].str.contains("Zelenskiy").any()
