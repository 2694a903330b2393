from __future__ import annotations

import pandas as pd
import pytest

import newslab
from newslab import columns as C
from tests.expected import SEED_N_PARAGRAPHS, SEED_N_SENTENCES, TOP_ENTITIES

TABLES = {
    "tokens": (newslab.tokens, C.TOKEN_COLUMNS),
    "sentences": (newslab.sentences, C.SENTENCE_COLUMNS),
    "entities": (newslab.entities, C.ENTITY_COLUMNS),
    "noun_chunks": (newslab.noun_chunks, C.NOUN_CHUNK_COLUMNS),
    "entity_counts": (lambda doc: newslab.entity_counts(doc, by=C.KEY), C.ENTITY_COUNT_COLUMNS),
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
    counts = newslab.entity_counts(seed_doc, by=C.KEY)
    assert counts[C.COUNT].sum() == len(newslab.entities(seed_doc))
    assert counts[C.COUNT].is_monotonic_decreasing
    top = [tuple(row) for row in counts[[C.KEY, C.LABEL, C.COUNT]].head(len(TOP_ENTITIES)).values.tolist()]
    assert top == TOP_ENTITIES


def test_tables_of_a_doc_without_entities():
    doc = newslab.analyze("it rained and then it stopped.")
    assert newslab.entities(doc).empty
    counts = newslab.entity_counts(doc, by=C.KEY)
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


def _mentions(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """An entity table of (text, label, sent_id) rows."""
    records = [(i, text, label, newslab.tables.entity_key(text), 10 * i, 10 * i + len(text), i, i + 1, sent, 0, "paragraph")
               for i, (text, label, sent) in enumerate(rows)]
    return pd.DataFrame(records, columns=list(C.ENTITY_BASE_COLUMNS))


def test_entity_counts_one_sort_order():
    """Entities by total mentions, then first appearance, then name; an entity's rows by mentions."""
    table = _mentions([("Kyiv", "PERSON", 1), ("NATO", "ORG", 0), ("Kyiv", "GPE", 2), ("Kyiv", "PERSON", 3),
                       ("NATO’s", "ORG", 4), ("Alpha", "ORG", 5), ("Beta", "ORG", 5)])
    by_key = newslab.entity_counts(table, by=C.KEY)
    assert by_key[[C.KEY, C.LABEL, C.COUNT, C.FIRST_SENT_ID]].values.tolist() == [
        ["Kyiv", "PERSON", 3, 1], ["NATO", "ORG", 2, 0], ["Alpha", "ORG", 1, 5], ["Beta", "ORG", 1, 5]]
    split = newslab.entity_counts(table, by=[C.KEY, C.LABEL])
    assert split[[C.KEY, C.LABEL, C.COUNT]].values.tolist() == [
        ["Kyiv", "PERSON", 2], ["Kyiv", "GPE", 1], ["NATO", "ORG", 2], ["Alpha", "ORG", 1], ["Beta", "ORG", 1]]
    top = newslab.entity_counts(table, by=[C.KEY, C.LABEL], n=1)
    assert set(top[C.KEY]) == {"Kyiv"} and len(top) == 2


def test_entity_counts_options_are_checked():
    table = _mentions([("NATO", "ORG", 0), ("Kyiv", "GPE", 1)])
    with pytest.raises(newslab.NewslabError, match="no_such_column"):
        newslab.entity_counts(table, by="no_such_column")
    with pytest.raises(TypeError):
        newslab.entity_counts(table, by_label=True)  # the 0.1 option, removed in 0.2


def test_label_counts(seed_doc):
    counts = newslab.label_counts(seed_doc)
    assert list(counts.columns) == [C.LABEL, C.COUNT] and counts[C.COUNT].sum() == len(seed_doc.ents)
    assert counts[C.COUNT].is_monotonic_decreasing
