"""nl.io.export: the formats other tools read, written at once beside the annotations file."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.errors import AnnotationError


def test_export_writes_each_format_beside_the_annotations_and_reads_back(tmp_path, seed_doc):
    record = nl.io.spans.annotated_text(seed_doc)
    path = tmp_path / "my-annotations" / "seed-1234abcd.jsonl"
    written = nl.io.export(record, path, formats=("prodigy", "docbin", "conll", "brat", "jsonl"))
    assert {name: p.name for name, p in written.items()} == {
        "prodigy": "seed-1234abcd-prodigy.jsonl", "docbin": "seed-1234abcd.spacy", "conll": "seed-1234abcd.conll",
        "brat": "seed-1234abcd-brat", "jsonl": "seed-1234abcd-spacy.jsonl"}
    assert not path.exists(), "the annotator's own file is never written by an export"
    for name in ("prodigy", "docbin", "jsonl"):
        assert nl.io.read(written[name], format=name)[0]["spans"] == record["spans"]


def test_an_unknown_format_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(AnnotationError, match="unknown format 'csv'"):
        nl.io.export([("Rutte visited Kyiv.", [(14, 18, "GPE")])], tmp_path / "a.jsonl", formats=("docbin", "csv"))
    assert list(tmp_path.iterdir()) == []
