"""newslab.types: inputs are coerced once, at the public edge."""

from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from newslab.types import as_doc, as_entities, as_table, is_doc, name_column


def test_a_doc_passes_through_and_text_is_parsed(seed_doc):
    assert as_doc(seed_doc) is seed_doc
    assert is_doc(as_doc("Rutte visited Kyiv.")) and not is_doc("Rutte visited Kyiv.")


def test_a_table_passes_through_when_it_has_the_columns(seed_doc):
    table = newslab.entities(seed_doc)
    assert as_entities(table) is table
    with pytest.raises(newslab.NewslabError, match="entities.*'key'"):
        as_entities(table.drop(columns=[C.KEY]))


def test_anything_else_is_parsed_with_a_deprecation_warning():
    with pytest.warns(DeprecationWarning, match="nl.analyze"):
        table = as_table("NATO met in Brussels.", "entities")
    assert table[C.TEXT].tolist() == ["NATO", "Brussels"]


def test_name_column_prefers_clusters_and_checks_the_choice(seed_doc):
    table = newslab.entities(seed_doc)
    assert name_column(table) == (C.CANONICAL if C.CANONICAL in table else C.KEY)
    assert name_column(table, C.KEY) == C.KEY
    with pytest.raises(newslab.NewslabError, match="nope"):
        name_column(table, "nope")
