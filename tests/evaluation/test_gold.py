"""The hand-made gold standard of the seed article.

The gold file is read with plain ``json`` so that these checks do not depend on
newslab's own readers: if a reader breaks, the gold standard must not look broken.
"""

from __future__ import annotations

import collections
import json
import re

import pytest

from tests.paths import SEEDS

SEED_ID = "nato-rutte-kyiv-visit-2024-10-03"
SEED_TEXT = SEEDS / f"{SEED_ID}.txt"
GOLD = SEEDS / f"{SEED_ID}.gold.jsonl"
GUIDE = SEEDS / "ANNOTATION_GUIDE.md"

ONTONOTES = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}

# Decisions documented in ANNOTATION_GUIDE.md, pinned here and nowhere else.
KEY_SPANS = [
    ("KYIV", "GPE"),
    ("Max Hunder", "PERSON"),
    ("Mark Rutte", "PERSON"),
    ("Volodymyr Zelenskiy", "PERSON"),
    ("Vladimir Putin", "PERSON"),
    ("Jens Stoltenberg", "PERSON"),
    ("Vuhledar", "GPE"),
    ("Moscow", "GPE"),
    ("Netherlands", "GPE"),
    ("U.S.", "GPE"),
    ("Thursday", "DATE"),
    ("February 2022", "DATE"),
    ("first", "ORDINAL"),
    ("F-16", "PRODUCT"),
    ("Dutch", "NORP"),
    ("Western", "NORP"),
    ("Eastern European", "NORP"),
]
# Spans that a careless annotation would produce and the guide rejects.
REJECTED_SPANS = ["NATO’s", "the Netherlands", "Secretary-General Mark Rutte", "Dutch F-16", "long-range"]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def gold(records: list[dict]) -> dict:
    return records[0]


@pytest.fixture(scope="module")
def texts(gold: dict) -> list[tuple[str, str]]:
    return [(gold["text"][s["start"]:s["end"]], s["label"]) for s in gold["spans"]]


def test_one_record(records: list[dict]) -> None:
    assert len(records) == 1
    assert GOLD.read_bytes().count(b"\n") == 1


def test_text_is_the_seed_byte_for_byte(gold: dict) -> None:
    assert gold["text"].encode("utf-8") == SEED_TEXT.read_bytes()


def test_meta(gold: dict) -> None:
    assert gold["meta"]["id"] == SEED_ID
    assert gold["meta"]["scheme"] == "OntoNotes 5"
    assert (SEEDS / gold["meta"]["guide"]).is_file()


def test_spans_sorted_in_bounds_and_disjoint(gold: dict) -> None:
    spans = gold["spans"]
    assert spans == sorted(spans, key=lambda s: (s["start"], s["end"]))
    for span in spans:
        assert set(span) == {"start", "end", "label"}
        assert 0 <= span["start"] < span["end"] <= len(gold["text"])
    for left, right in zip(spans, spans[1:]):
        assert left["end"] <= right["start"], (left, right)


def test_labels_are_ontonotes(gold: dict) -> None:
    assert {s["label"] for s in gold["spans"]} <= ONTONOTES


def test_spans_have_no_outer_whitespace_or_punctuation(texts: list[tuple[str, str]]) -> None:
    for text, _ in texts:
        assert text == text.strip()
        assert not re.match(r"[\W_]", text) and not text.endswith(("’s", ",", "–", "—")), text


def test_spans_align_with_model_tokens(gold: dict) -> None:
    import newslab

    doc = newslab.load_pipeline()(gold["text"])
    misaligned = [s for s in gold["spans"] if doc.char_span(s["start"], s["end"]) is None]
    assert misaligned == []


@pytest.mark.parametrize(("text", "label"), KEY_SPANS)
def test_key_span_present(texts: list[tuple[str, str]], text: str, label: str) -> None:
    assert (text, label) in texts


@pytest.mark.parametrize("text", REJECTED_SPANS)
def test_rejected_span_absent(texts: list[tuple[str, str]], text: str) -> None:
    assert text not in {t for t, _ in texts}


def test_every_mention_of_a_name_is_marked(gold: dict, texts: list[tuple[str, str]]) -> None:
    # A name marked once must be marked everywhere it occurs as a whole word.
    covered = [(s["start"], s["end"]) for s in gold["spans"]]
    for name in {t for t, _ in texts}:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", gold["text"]):
            assert any(a <= match.start() and match.end() <= b for a, b in covered), (name, match.start())


def _guide_counts() -> tuple[dict[str, int], int]:
    section = GUIDE.read_text(encoding="utf-8").split("## Spans per label", 1)[1]
    rows = re.findall(r"^\|\s*\**([A-Za-z_]+)\**\s*\|\s*\**(\d+)\**\s*\|\s*$", section, re.M)
    counts = {label: int(n) for label, n in rows}
    total = counts.pop("total")
    return counts, total


def test_guide_counts_match_the_file(gold: dict) -> None:
    counts, total = _guide_counts()
    actual = collections.Counter(s["label"] for s in gold["spans"])
    assert counts == dict(actual)
    assert total == len(gold["spans"]) == sum(counts.values())
