"""Exercises of notebook 06 (newslab/exercises/nb06.py): right answers in ordinary forms pass,
wrong ones say what is wrong. Expected answers are computed, never written down."""

from __future__ import annotations

import numpy as np
import pandas as pd

import newslab
from newslab import columns as C
from newslab.exercises import check


def test_top_speaker_accepts_names_in_any_form(seed_doc):
    counts = newslab.quotes(seed_doc)[C.CANONICAL].value_counts()
    top, other = counts.index[0], counts.index[-1]
    for answer in (top, f"  {top.upper()} ", [top], pd.Series([top]), top.split()[-1]):
        assert check("06-top-speaker", answer).passed, answer
    assert "statements" in check("06-top-speaker", other).message
    assert "not the speaker" in check("06-top-speaker", "Lena Brandt").message


def test_direct_count_accepts_numbers_in_any_form(seed_doc):
    table = newslab.quotes(seed_doc)
    direct = int((table[C.KIND] == C.DIRECT).sum())
    for answer in (direct, np.int64(direct), [direct], pd.Series([direct]), f" {direct} "):
        assert check("06-direct-count", answer).passed, answer
    assert "every statement" in check("06-direct-count", len(table)).message
    assert check("06-direct-count", "many").status == "failed"


def test_reporter_share_as_fraction_or_percentage(seed_doc):
    voices = newslab.voices(seed_doc)
    share = float(voices.loc[voices[C.SPEAKER] == C.REPORTER, C.SHARE].iloc[0])
    for answer in (share, round(share, 3), f"{share:.1%}", voices.loc[voices[C.SPEAKER] == C.REPORTER, C.SHARE]):
        assert check("06-reporter-share", answer).passed, answer
    assert "everyone quoted" in check("06-reporter-share", 1 - share).message


def test_merged_mentions(seed_doc):
    clusters = newslab.entity_clusters(seed_doc)
    speakers = set(newslab.quotes(seed_doc)[C.CANONICAL])
    best = int(clusters[clusters[C.CANONICAL].isin(speakers)][C.COUNT].max())
    assert check("06-merged-mentions", np.int64(best)).passed
    assert check("06-merged-mentions", best + 1).status == "failed"
