"""Whose words fill the article (newslab.attribution.share): the voices table of the seed."""

from __future__ import annotations

from newslab import columns as C
from newslab.attribution.share import voices
from tests import expected


def test_voices_add_up(seed_doc):
    table = voices(seed_doc)
    assert list(table.columns) == list(C.VOICE_COLUMNS)
    assert abs(table[C.SHARE].sum() - 1) < 1e-9
    assert C.REPORTER in set(table[C.SPEAKER])
    assert table.loc[table[C.SPEAKER] != C.REPORTER, C.N_STATEMENTS].sum() == expected.SEED_N_QUOTES
