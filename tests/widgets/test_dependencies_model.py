"""newslab.widgets.dependencies_model.DependencyModel: which sentence the dependency viewer shows."""

from __future__ import annotations

import newslab
from newslab import columns as C
from newslab.widgets.dependencies_model import DependencyModel


def test_sentence_follows_sent_id(seed_doc):
    table = newslab.sentences(seed_doc)
    model = DependencyModel(seed_doc, sent_id=3)
    seen: list[str] = []
    model.observe(lambda change: seen.append(change.new), "sentence_text")
    assert model.n_sentences == len(table) and model.sentence_text == table.loc[3, C.TEXT]
    model.sent_id = 1
    assert seen == [table.loc[1, C.TEXT]] and model.part == table.loc[1, C.PART]


def test_out_of_range_moves_to_the_nearest_sentence(seed_doc):
    model = DependencyModel(seed_doc)
    model.sent_id = 10_000
    assert model.sent_id == model.n_sentences - 1
    model.sent_id = -4
    assert model.sent_id == 0
