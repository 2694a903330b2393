from __future__ import annotations

import newslab
from newslab import columns as C


def test_pos_counts_add_up(seed_doc):
    table = newslab.pos_counts(seed_doc)
    assert tuple(table.columns) == C.POS_COUNT_COLUMNS
    assert table[C.COUNT].sum() == sum(1 for t in seed_doc if not t.is_space)
    assert abs(table[C.SHARE].sum() - 1) < 1e-9


def test_svo_triples_of_the_lede(seed_doc):
    table = newslab.svo_triples(seed_doc)
    assert tuple(table.columns) == C.SVO_COLUMNS
    lede = table[table[C.SENT_ID] == 3]
    assert set(lede[C.VERB_LEMMA]) >= {"visit", "reassure"}
    assert all(subject.endswith("Rutte") for subject in lede[C.SUBJECT])


def test_conjoined_verbs_share_their_subject():
    table = newslab.svo_triples(newslab.analyze("Rutte visited Kyiv and praised the soldiers."))
    assert table[[C.SUBJECT, C.VERB_LEMMA]].values.tolist() == [["Rutte", "visit"], ["Rutte", "praise"]]


def test_negation_is_flagged():
    table = newslab.svo_triples(newslab.analyze("The allies did not send missiles."))
    assert table[table[C.VERB_LEMMA] == "send"][C.NEGATED].tolist() == [True]
