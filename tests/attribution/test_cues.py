"""The cue lexicon (newslab.attribution.cues): a list of facts with their counts, and its public names."""

from __future__ import annotations

import newslab
from newslab.attribution import cues


def test_every_fact_is_a_lemma_a_part_of_speech_and_counted_frames():
    for line in cues.FACTS.strip().splitlines():
        lemma, pos, *frames = line.split()
        assert lemma.replace("-", "").isalpha() and lemma == lemma.lower() and pos in ("verb", "noun")
        for frame in frames:
            name, count = frame.split("=")
            assert name in ("clause", "object", "to", "object-to", "object-complement") or name.startswith("prep:")
            assert int(count) >= 0


def test_frames_come_most_frequent_first_and_dropped_ones_are_gone():
    assert cues.frames("call")[0] == "object-complement"
    assert "object" not in cues.frames("tell") and "prep:to" not in cues.frames("respond")
    assert cues.frames("no-such-word") == ()


def test_a_british_spelling_has_the_frames_of_the_american_one():
    assert cues.frames("criticise") == cues.frames("criticize") and cues.frames("apologise") == ("prep:for",)
    assert cues.frames("rise") == () and "emphasise" in cues.OBJECT_VERBS


def test_the_public_lists():
    assert newslab.REPORTING_VERBS is cues.REPORTING_VERBS
    assert {"say", "tell", "argue", "warn"} <= cues.REPORTING_VERBS
    assert {"criticize", "praise", "describe", "mention", "cite"} <= cues.OBJECT_VERBS
    assert {"urge", "ask"} <= cues.REQUEST_VERBS
    assert {"statement", "claim", "criticism"} <= cues.NOUN_CUES
