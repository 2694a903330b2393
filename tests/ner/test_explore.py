"""newslab.ner.explore: filtering mentions, keyword in context and counts per label."""

from __future__ import annotations

import doctest
import re

import pandas as pd
import pytest

import newslab
from newslab import columns as C
from newslab.labels import LABELS, describe_label
from newslab.ner import explore
from newslab.ner.explore import filter_entities, kwic, label_summary


@pytest.fixture(scope="module")
def table(seed_doc):
    return newslab.entities(seed_doc)


def test_doctests():
    assert doctest.testmod(explore).failed == 0


def test_no_filter_keeps_every_mention(table):
    assert filter_entities(table).equals(table.reset_index(drop=True))
    assert filter_entities(table, labels=[]).equals(filter_entities(table, labels=None))


def test_filter_by_one_label(table):
    shown = filter_entities(table, labels=["GPE"])
    assert len(shown) == (table[C.LABEL] == "GPE").sum() > 0
    assert set(shown[C.LABEL]) == {"GPE"}
    assert list(shown.columns) == list(C.ENTITY_COLUMNS) and list(shown.index) == list(range(len(shown)))


def test_filter_by_several_labels_accepts_one_string_too(table):
    shown = filter_entities(table, labels=("GPE", "PERSON"))
    assert set(shown[C.LABEL]) == {"GPE", "PERSON"}
    assert len(shown) == table[C.LABEL].isin(["GPE", "PERSON"]).sum()
    assert filter_entities(table, labels="ORG").equals(filter_entities(table, labels=["ORG"]))


def test_query_ignores_case_and_surrounding_spaces(table):
    expected = table[table[C.TEXT].str.lower().str.contains("ukr")]
    for query in ("ukr", "UKR", "  uKr "):
        shown = filter_entities(table, query=query)
        assert shown[C.ENT_ID].tolist() == expected[C.ENT_ID].tolist()
    assert len(filter_entities(table, query="ukr")) > len(filter_entities(table, labels=["GPE"], query="ukr"))


def test_query_is_text_not_a_regular_expression(table):
    assert filter_entities(table, query=".*").empty
    assert filter_entities(table, query="u.s.")[C.TEXT].unique().tolist() in ([], ["U.S."])


def test_empty_results_keep_the_columns(table):
    shown = filter_entities(table, labels=["MONEY"], query="zzz")
    assert shown.empty and list(shown.columns) == list(C.ENTITY_COLUMNS)
    assert filter_entities(table.iloc[:0], labels=["GPE"]).empty


def test_unknown_label_is_an_error_that_names_it(table):
    with pytest.raises(newslab.UnknownLabelError, match="PLACE"):
        filter_entities(table, labels=["GPE", "PLACE"])


def test_labels_a_custom_model_predicts_are_accepted(table):
    custom = table.assign(**{C.LABEL: "WEAPON"})
    assert len(filter_entities(custom, labels=["WEAPON"])) == len(table)


def test_kwic_lists_every_mention_of_one_entity(seed_doc, table):
    key = table[C.KEY].value_counts().index[0]
    rows = kwic(seed_doc, key)
    assert list(rows.columns) == list(C.KWIC_COLUMNS)
    assert rows[C.ENT_ID].tolist() == table[table[C.KEY] == key][C.ENT_ID].tolist()
    assert (rows[C.KEY] == key).all()


def test_kwic_contexts_surround_the_mention(seed_doc):
    text = seed_doc.text
    for row in kwic(seed_doc, "NATO", width=25).itertuples():
        assert text[row.start_char : row.end_char] == row.text
        assert len(row.left) <= 25 and len(row.right) <= 25 and "\n" not in row.left + row.right
        squashed = re.sub(r"\s+", " ", text[max(0, row.start_char - 25) : row.end_char + 25])
        assert row.left + row.text + row.right == squashed
        assert row.text in row.sentence and row.sentence in text
        assert row.sentence == newslab.sentences(seed_doc).set_index(C.SENT_ID).loc[row.sent_id, C.TEXT]


def test_kwic_finds_possessives_and_unknown_keys(seed_doc):
    assert kwic(seed_doc, "NATO’s").equals(kwic(seed_doc, "NATO"))
    missing = kwic(seed_doc, "Atlantis")
    assert missing.empty and list(missing.columns) == list(C.KWIC_COLUMNS)


def test_kwic_reuses_a_given_table(seed_doc, table):
    assert kwic(seed_doc, "Rutte", mentions=table).equals(kwic(seed_doc, "Rutte"))


def test_label_summary_counts_mentions_and_entities(table):
    summary = label_summary(table)
    assert list(summary.columns) == list(C.LABEL_SUMMARY_COLUMNS)
    assert summary[C.COUNT].sum() == len(table) and summary[C.COUNT].is_monotonic_decreasing
    for row in summary.itertuples():
        mentions = table[table[C.LABEL] == row.label]
        assert (row.count, row.n_entities) == (len(mentions), mentions[C.KEY].nunique())
        assert row.description == describe_label(row.label)


def test_label_summary_of_every_label(table):
    summary = label_summary(table, all_labels=True)
    assert set(summary[C.LABEL]) == set(LABELS) and len(summary) == len(LABELS)
    assert summary[C.COUNT].sum() == len(table)
    assert summary.dtypes[C.COUNT] == "int64"
    assert label_summary(table.iloc[:0]).empty


def test_entity_counts_by_key_counts_each_mention_once(table):
    counts = newslab.entity_counts(table, by=C.KEY)
    assert list(counts.columns) == list(C.ENTITY_COUNT_COLUMNS)
    assert counts[C.KEY].is_unique and counts[C.COUNT].sum() == len(table)
    assert counts[C.COUNT].is_monotonic_decreasing
    assert newslab.entity_counts(filter_entities(table, labels=["MONEY"]), by=C.KEY).empty


def test_functions_do_not_change_their_input(table):
    before = table.copy()
    filter_entities(table, labels=["GPE"], query="u")
    label_summary(table)
    newslab.entity_counts(table)
    pd.testing.assert_frame_equal(table, before)
