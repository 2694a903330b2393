"""Each table and index is computed once per call: quotes, voices and the dashboard on the seed."""

from __future__ import annotations

import collections
import sys

import pytest

import newslab as nl
from newslab.ner import counts
from newslab.tables import index, mentions, parse


@pytest.fixture()
def counted(monkeypatch):
    """Count calls of the functions that build tables and indexes, wherever a module imported them."""
    calls: collections.Counter[str] = collections.Counter()
    for owner, name in ((index, "TokenIndex"), (mentions, "_entity_rows"), (parse, "_sentence_rows"),
                        (parse, "_token_rows"), (counts, "entity_counts")):
        original = getattr(owner, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        for module in [m for key, m in sys.modules.items() if key.startswith("newslab") and m is not None]:
            if getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, counting)
    return calls


def test_quotes_build_the_token_index_and_the_entity_table_once(counted):
    nl.quotes(nl.analyze())
    assert counted == {"TokenIndex": 1, "_entity_rows": 1}


def test_voices_build_each_once_too(counted):
    nl.voices(nl.analyze())
    assert counted == {"TokenIndex": 1, "_entity_rows": 1}


def test_the_index_is_shared_by_every_table_of_one_doc(counted):
    doc = nl.analyze()
    nl.tokens(doc), nl.sentences(doc), nl.entities(doc), nl.quotes(doc)
    assert counted["TokenIndex"] == 1


def test_the_dashboard_counts_the_entities_once(counted):
    nl.Dashboard(nl.analyze())
    assert counted == {"TokenIndex": 1, "_entity_rows": 1, "_sentence_rows": 1, "entity_counts": 1}
