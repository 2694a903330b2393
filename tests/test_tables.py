from __future__ import annotations

import pandas as pd
import pytest

import newslab
from newslab import _columns as C

from .expected import SEED_N_PARAGRAPHS, SEED_N_SENTENCES, TOP_ENTITIES

TABLES = {
    "tokens": (newslab.tokens, C.TOKEN_COLUMNS),
    "sentences": (newslab.sentences, C.SENTENCE_COLUMNS),
    "entities": (newslab.entities, C.ENTITY_COLUMNS),
    "noun_chunks": (newslab.noun_chunks, C.NOUN_CHUNK_COLUMNS),
    "entity_counts": (newslab.entity_counts, C.ENTITY_COUNT_COLUMNS),
}


@pytest.mark.parametrize("name", TABLES)
def test_columns_are_stable(seed_doc, name):
    function, columns = TABLES[name]
    table = function(seed_doc)
    assert isinstance(table, pd.DataFrame)
    assert tuple(table.columns) == columns
    assert len(table) > 0


@pytest.mark.parametrize("name", ["tokens", "sentences", "entities", "noun_chunks"])
def test_offsets_map_back_to_the_raw_text(seed_doc, name):
    table = TABLES[name][0](seed_doc)
    for row in table.itertuples():
        assert seed_doc.text[row.start_char : row.end_char] == row.text


def test_tokens_one_row_per_token(seed_doc):
    table = newslab.tokens(seed_doc)
    assert len(table) == len(seed_doc)
    assert table[C.TOKEN_ID].tolist() == list(range(len(seed_doc)))
    assert set(table[C.HEAD_ID]) <= set(table[C.TOKEN_ID])


def test_sentences_and_paragraphs(seed_doc, article):
    table = newslab.sentences(seed_doc)
    assert len(table) == SEED_N_SENTENCES
    assert table[C.SENT_ID].tolist() == list(range(len(table)))
    assert table[C.PART].tolist()[:4] == ["headline", "byline", "dateline", "paragraph"]
    body = table[table[C.PART] == "paragraph"]
    assert body[C.PARAGRAPH_ID].dropna().unique().tolist() == list(range(SEED_N_PARAGRAPHS))
    assert table.loc[table[C.PART] != "paragraph", C.PARAGRAPH_ID].isna().all()
    assert (table[C.N_WORDS] <= table[C.N_TOKENS]).all()


def test_every_entity_lies_in_its_sentence(seed_doc):
    ents = newslab.entities(seed_doc)
    sents = newslab.sentences(seed_doc).set_index(C.SENT_ID)
    for row in ents.itertuples():
        sentence = sents.loc[row.sent_id]
        assert sentence.start_char <= row.start_char < row.end_char <= sentence.end_char


def test_entity_keys_group_possessives(seed_doc):
    ents = newslab.entities(seed_doc)
    nato = ents[ents[C.KEY] == "NATO"]
    assert "NATO’s" in set(nato[C.TEXT]) or len(nato) == (ents[C.TEXT].str.startswith("NATO")).sum()


def test_entity_counts_add_up(seed_doc):
    counts = newslab.entity_counts(seed_doc)
    assert counts[C.COUNT].sum() == len(newslab.entities(seed_doc))
    assert counts[C.COUNT].is_monotonic_decreasing
    top = [tuple(row) for row in counts[[C.KEY, C.LABEL, C.COUNT]].head(len(TOP_ENTITIES)).values.tolist()]
    assert top == TOP_ENTITIES


def test_tables_of_a_doc_without_entities():
    doc = newslab.analyze("it rained and then it stopped.")
    assert newslab.entities(doc).empty
    counts = newslab.entity_counts(doc)
    assert counts.empty and tuple(counts.columns) == C.ENTITY_COUNT_COLUMNS


def test_tables_of_a_plain_spacy_doc(nlp):
    doc = nlp("Mark Rutte visited Ukraine.")
    table = newslab.tokens(doc)
    assert table[C.PART].isna().all() and table[C.PARAGRAPH_ID].isna().all()
    assert newslab.entities(doc)[C.TEXT].tolist() == ["Mark Rutte", "Ukraine"]


def test_noun_chunks_have_roots(seed_doc):
    chunks = newslab.noun_chunks(seed_doc)
    for row in chunks.itertuples():
        assert row.root_text in row.text


def test_every_column_name_is_spelled_once():
    import re
    from pathlib import Path

    source = Path(C.__file__).read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z_0-9]+): Final = (\"[^\"]*\")", source, re.M)
    assert len({name for name, _ in names}) == len(names)
    assert len({value for _, value in names}) == len(names)
