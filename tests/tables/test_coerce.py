"""newslab.tables.coerce and .guard: one contract at the public edge (a Doc, or its table)."""

from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from newslab.edge import require_doc
from newslab.errors import NewslabError, NotParsedError
from newslab.tables.coerce import as_entities, as_table, name_column
from newslab.types import is_doc


def test_a_doc_passes_through(seed_doc):
    assert require_doc(seed_doc) is seed_doc
    assert is_doc(seed_doc) and not is_doc("Rutte visited Kyiv.")


@pytest.mark.parametrize("given", ["Rutte visited Kyiv.", b"Rutte", None, 3, ["a"]])
def test_anything_but_a_doc_is_refused_with_the_one_error(given):
    with pytest.raises(NotParsedError, match=r"parse it first with doc = nl\.analyze") as caught:
        require_doc(given, "nl.something")
    assert isinstance(caught.value, NewslabError) and isinstance(caught.value, TypeError)
    assert "nl.something" in str(caught.value)


def test_an_article_is_not_a_doc_but_article_parts_takes_one(article):
    with pytest.raises(NotParsedError):
        require_doc(article)
    assert newslab.article_parts(article)["kind"].tolist()[0] == "headline"


def test_a_table_passes_through_when_it_has_the_columns(seed_doc):
    table = newslab.entities(seed_doc)
    assert as_entities(table) is table
    with pytest.raises(newslab.NewslabError, match="entities.*'key'"):
        as_entities(table.drop(columns=[C.KEY]))


def test_text_given_for_a_table_is_refused_and_the_message_names_the_table():
    with pytest.raises(NotParsedError, match=r"or its entities table \(nl\.entities\(doc\)\)"):
        as_table("NATO met in Brussels.", "entities")


def test_name_column_prefers_clusters_and_checks_the_choice(seed_doc):
    table = newslab.entities(seed_doc)
    assert name_column(table) == (C.CANONICAL if C.CANONICAL in table else C.KEY)
    assert name_column(table, C.KEY) == C.KEY
    with pytest.raises(newslab.NewslabError, match="nope"):
        name_column(table, "nope")
