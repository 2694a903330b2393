"""The fan-out shared by the table functions: many docs give one table with the article columns first."""

from __future__ import annotations

import pandas as pd
import pytest

import newslab as nl
from newslab import columns as C
from newslab.text.pipeline import META_KEY

TABLE_FUNCTIONS = [nl.tokens, nl.sentences, nl.entities, nl.noun_chunks, nl.article_parts, nl.article_stats,
                   nl.pos_counts, nl.svo_triples]
TEXTS = ["Mayor Ana Field visited Riverton on Monday. She met the council.",
         "The Riverton council met in Lakeside. It voted on Tuesday."]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nl.analyze_many(TEXTS))


@pytest.mark.parametrize("table", TABLE_FUNCTIONS, ids=lambda f: f.__name__)
def test_many_docs_stack_the_single_tables_behind_the_article_columns(table, docs):
    stacked = table(docs)
    assert list(stacked.columns) == [*C.ARTICLE_COLUMNS, *table(docs[0]).columns]
    for position, doc in enumerate(docs):
        rows = stacked[stacked[C.ARTICLE_ID] == str(position)].drop(columns=list(C.ARTICLE_COLUMNS))
        pd.testing.assert_frame_equal(rows.reset_index(drop=True), table(doc), check_dtype=False)


@pytest.mark.parametrize("table", TABLE_FUNCTIONS, ids=lambda f: f.__name__)
def test_one_doc_keeps_its_columns(table, docs):
    assert C.ARTICLE_ID not in table(docs[0]).columns


def test_iterators_tuples_and_the_metadata(docs):
    docs[0].user_data[META_KEY].update({"id": "field-visit", "outlet": "Riverton Post", "date": "2031-05-02"})
    try:
        table = nl.entities(iter(docs))
        assert table[C.ARTICLE_ID].unique().tolist() == ["field-visit", "1"]
        assert table.loc[0, [C.OUTLET, C.DATE]].tolist() == ["Riverton Post", "2031-05-02"]
        pd.testing.assert_frame_equal(nl.entities(tuple(docs)), table)
    finally:
        for key in ("id", "outlet", "date"):
            docs[0].user_data[META_KEY].pop(key)


def test_no_docs_give_an_empty_table_with_the_columns(docs):
    empty = nl.entities([])
    assert empty.empty and list(empty.columns) == [*C.ARTICLE_COLUMNS, *nl.entities(docs[0]).columns]


def test_the_file_name_is_the_id_when_the_metadata_has_none(tmp_path, nlp):
    path = tmp_path / "riverton-vote.txt"
    path.write_text("Riverton voted on Tuesday.", encoding="utf-8")
    assert nl.sentences([nl.analyze(path)])[C.ARTICLE_ID].tolist() == ["riverton-vote"]


@pytest.mark.parametrize("table", [nl.tokens, nl.sentences, nl.entities, nl.noun_chunks], ids=lambda f: f.__name__)
def test_a_table_of_rows_is_one_frame_with_the_single_tables_dtypes(table, docs, nlp):
    from newslab.tables.many import row_source

    assert row_source(table) is not None  # built from all rows at once, not one frame per article
    without = nl.analyze("nothing here happened at all.")  # no entity, no noun chunk of a name
    stacked = table([*docs, without])
    single = table(docs[0])
    for column in single.columns:
        assert stacked[column].dtype == single[column].dtype, column
    assert (stacked[C.ARTICLE_ID] == "2").sum() == len(table(without))
