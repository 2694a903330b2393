from __future__ import annotations

import pytest

import newslab
from newslab.errors import AnnotationError
from newslab.io.spans import annotated_text, spans_from_doc, validate_spans

TEXT = "Rutte visited Kyiv."


def test_coercions_agree():
    doc = newslab.analyze("Mark Rutte visited Ukraine.")
    record = annotated_text(doc)
    assert record["spans"] == spans_from_doc(doc)
    assert annotated_text((doc.text, [(s["start"], s["end"], s["label"]) for s in record["spans"]]))["spans"] == record["spans"]
    assert annotated_text(record)["spans"] == record["spans"]


@pytest.mark.parametrize("spans, message", [
    ([{"start": 14, "end": 99, "label": "GPE"}], "outside the text"),
    ([{"start": 5, "end": 5, "label": "GPE"}], "or is empty"),
    ([{"start": 14, "end": 18, "label": "CITY"}], "unknown label 'CITY' on 'Kyiv'"),
    ([{"start": 0, "end": 13, "label": "PERSON"}, {"start": 6, "end": 18, "label": "GPE"}], "spans overlap"),
    ([{"start": 0, "label": "PERSON"}], "has no 'end'"),
    ([{"start": "a", "end": 3, "label": "PERSON"}], "not integers"),
])
def test_bad_spans_are_named(spans, message):
    with pytest.raises(AnnotationError, match=message):
        validate_spans(TEXT, spans)


def test_errors_carry_file_and_line():
    with pytest.raises(AnnotationError, match=r"^a\.jsonl:3: "):
        validate_spans(TEXT, [{"start": 14, "end": 18, "label": "X"}], line=3, path="a.jsonl")


def test_overlap_and_any_label_can_be_allowed():
    spans = [{"start": 0, "end": 13, "label": "A"}, {"start": 6, "end": 18, "label": "B"}]
    assert len(validate_spans(TEXT, spans, labels=None, allow_overlap=True)) == 2
