"""Entity clusters: surnames, possessives, abbreviations and the opt-in alias table."""

from __future__ import annotations

import pandas as pd
import pytest

import newslab
from newslab import columns as C
from newslab.errors import AliasError
from newslab.ner.clusters import entity_clusters
from newslab.tables.clustering import add_clusters, aliases
from tests import expected


def _table(mentions):
    """A hand-made entity table (fictional names) in document order."""
    rows = [(i, text, label, newslab.tables.entity_key(text), 0, 0, 0, 0, i, i, "paragraph")
            for i, (text, label) in enumerate(mentions)]
    return pd.DataFrame(rows, columns=list(C.ENTITY_BASE_COLUMNS))


def test_columns_and_seed_clusters(seed_doc):
    clusters = entity_clusters(seed_doc)
    assert list(clusters.columns) == list(C.CLUSTER_COLUMNS)
    forms = dict(zip(clusters[C.CANONICAL], clusters[C.FORMS], strict=True))
    for canonical, spellings in expected.SEED_CLUSTERS.items():
        assert sorted(forms[canonical]) == sorted(spellings)
    table = newslab.entities(seed_doc)
    assert clusters[C.COUNT].sum() == len(table)
    assert list(clusters[C.CLUSTER_ID]) == list(range(len(clusters)))


def test_entities_gain_cluster_columns(seed_doc):
    table = newslab.entities(seed_doc)
    assert list(table.columns) == list(C.ENTITY_COLUMNS)
    for _, group in table.groupby(C.CLUSTER_ID):
        assert group[C.CANONICAL].nunique() == 1
        assert len(group[C.CANONICAL].iloc[0]) == group[C.KEY].str.len().max()


def test_a_surname_joins_the_one_full_name_that_ends_with_it_even_before_it():
    table = add_clusters(_table([("Brandt", "PERSON"), ("Lena Brandt", "PERSON"), ("Brandt’s", "ORG"),
                                 ("Millbrook", "GPE")]))
    assert table[C.CANONICAL].tolist() == ["Lena Brandt", "Lena Brandt", "Lena Brandt", "Millbrook"]
    assert table[C.CLUSTER_ID].tolist() == [0, 0, 0, 1]


def test_a_shared_surname_joins_the_full_name_mentioned_last_before_it():
    table = add_clusters(_table([("Lena Brandt", "PERSON"), ("Oskar Brandt", "PERSON"), ("Brandt", "PERSON"),
                                 ("Lena Brandt", "PERSON"), ("Brandt’s", "ORG")]))
    assert table[C.CANONICAL].tolist() == ["Lena Brandt", "Oskar Brandt", "Oskar Brandt", "Lena Brandt", "Lena Brandt"]


def test_a_shared_surname_before_either_name_is_left_alone_and_flagged():
    table = _table([("Brandt", "PERSON"), ("Lena Brandt", "PERSON"), ("Oskar Brandt", "PERSON")])
    assert add_clusters(table)[C.CANONICAL].tolist() == ["Brandt", "Lena Brandt", "Oskar Brandt"]
    clusters = entity_clusters(table)
    assert clusters[C.AMBIGUOUS].tolist() == [["Lena Brandt", "Oskar Brandt"], [], []]


def test_a_full_name_joins_the_longer_form_of_the_same_person():
    table = add_clusters(_table([("Lena Marie Brandt", "PERSON"), ("Lena Brandt", "PERSON"), ("Oskar Brandt", "PERSON"),
                                 ("Brandt", "PERSON")]))
    assert table[C.CANONICAL].tolist() == ["Lena Marie Brandt", "Lena Marie Brandt", "Oskar Brandt", "Oskar Brandt"]


def test_a_place_never_joins_a_person_by_surname():
    table = add_clusters(_table([("Hugo Riverton", "PERSON"), ("Riverton", "GPE")]))
    assert table[C.CLUSTER_ID].nunique() == 2


def test_abbreviations_group():
    table = add_clusters(_table([("U.S.", "GPE"), ("United States", "GPE"), ("the EU", "ORG"), ("European Union", "ORG")]))
    assert table[C.CLUSTER_ID].tolist() == [0, 0, 1, 1]
    assert table[C.CANONICAL].tolist()[:2] == ["United States", "United States"]


def test_majority_label_and_disagreeing_mentions():
    clusters = entity_clusters(_table([("Lena Brandt", "PERSON"), ("Brandt", "PERSON"), ("Brandt", "ORG")]))
    row = clusters.iloc[0]
    assert row[C.LABEL] == "PERSON" and row[C.DISAGREEING] == ["Brandt (ORG)"] and row[C.COUNT] == 3


def test_aliases_are_off_by_default_and_merge_when_given(tmp_path):
    mentions = [("Zelensky", "PERSON"), ("Zelenskiy", "PERSON"), ("Kiev", "GPE"), ("Kyiv", "GPE")]
    assert add_clusters(_table(mentions))[C.CLUSTER_ID].nunique() == 4
    assert add_clusters(_table(mentions), aliases=aliases())[C.CLUSTER_ID].tolist() == [0, 0, 1, 1]
    path = tmp_path / "aliases.csv"
    pd.DataFrame({C.ALIAS: ["Millbrook"], C.CANONICAL: ["Riverton"]}).to_csv(path, index=False)
    own = add_clusters(_table([("Millbrook", "GPE"), ("Riverton", "GPE")]), aliases=path)
    assert own[C.CLUSTER_ID].tolist() == [0, 0]


def test_a_bad_alias_table_says_what_to_do(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("spelling,name\nKiev,Kyiv\n", encoding="utf-8")
    with pytest.raises(AliasError, match="alias, canonical|'alias', 'canonical'"):
        aliases(path)
    with pytest.raises(AliasError, match="cannot read"):
        aliases(tmp_path / "missing.csv")


def test_no_entities():
    clusters = entity_clusters(newslab.analyze("it is raining."))
    assert clusters.empty and list(clusters.columns) == list(C.CLUSTER_COLUMNS)
