"""Tests for newslab.io: every writer round-trips through its reader; bad input names its line."""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab import io
from newslab.errors import AnnotationError
from newslab.io.spans import annotated_text
from newslab.labels import LABELS

BLANK = spacy.blank("en")
WORDS = ["Rutte", "NATO", "Kyiv", "visited", "alliance", "support", "Ukraine", "press", "talks",
         "Brussels", "met", "new", "chief", "Zelenskiy", "missiles", "drones", "2024", "Thursday"]
MODULES = ["newslab.io", "newslab.io._align", "newslab.io._jsonl", "newslab.io._prodigy",
           "newslab.io._docbin", "newslab.io._conll", "newslab.io._brat"]
FAST = settings(max_examples=50, deadline=None)


# --- strategies ---------------------------------------------------------------------------

segment = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
                    st.one_of(st.none(), st.sampled_from(LABELS)))
text_lines = st.lists(st.lists(segment, min_size=1, max_size=5), min_size=1, max_size=3)
metas = st.dictionaries(st.sampled_from(["source", "annotator"]), st.text(max_size=5), max_size=2)


@st.composite
def records(draw):
    """A text of words joined by spaces (lines by newlines) with token-aligned, non-overlapping spans."""
    text, spans = "", []
    for number, line in enumerate(draw(text_lines)):
        text += "\n" if number else ""
        for position, (words, label) in enumerate(line):
            text += " " if position else ""
            chunk = " ".join(words)
            if label is not None:
                spans.append({"start": len(text), "end": len(text) + len(chunk), "label": label})
            text += chunk
    return {"text": text, "spans": spans, "meta": draw(metas)}


record_lists = st.lists(records(), min_size=1, max_size=3)


def _round_trip(records_, name, write, read, **write_options):
    with tempfile.TemporaryDirectory() as folder:
        path = write(records_, Path(folder) / name, **write_options)
        return read(path)


# --- property-based round trips -------------------------------------------------------------

@FAST
@given(record_lists)
def test_jsonl_round_trip(items):
    assert _round_trip(items, "a.jsonl", io.write_jsonl, io.read_jsonl) == items


@FAST
@given(record_lists)
def test_prodigy_round_trip(items):
    expected = [{**r, "meta": {**r["meta"], "answer": "accept"}} for r in items]
    assert _round_trip(items, "a.jsonl", io.write_prodigy, io.read_prodigy, nlp=BLANK) == expected


@FAST
@given(record_lists)
def test_docbin_round_trip(items):
    assert _round_trip(items, "a.spacy", io.write_docbin, io.read_docbin, nlp=BLANK) == items


@FAST
@given(record_lists)
def test_conll_round_trip(items):
    expected = [{**r, "meta": {}} for r in items]  # CoNLL carries no meta
    assert _round_trip(items, "a.conll", io.write_conll, io.read_conll, nlp=BLANK) == expected


@FAST
@given(record_lists)
def test_brat_round_trip(items):
    expected = [{**r, "meta": {"name": f"doc-{i:04d}"}} for i, r in enumerate(items, start=1)]
    assert _round_trip(items, "brat", io.write_brat, io.read_brat) == expected


DISPATCH = {"a.jsonl": {}, "a.spacy": {"nlp": BLANK}, "a.conll": {"nlp": BLANK}, "a.iob": {"nlp": BLANK},
            "a.ann": {}, "folder": {}}


@FAST
@given(records())
def test_dispatch_round_trip(record):
    for name, options in DISPATCH.items():
        back = _round_trip([record], name, io.write, io.read, **options)
        assert [(r["text"], r["spans"]) for r in back] == [(record["text"], record["spans"])]


# --- the real seed article, with the real model's entities ---------------------------------

@pytest.fixture(scope="module")
def seed_record(seed_doc):
    record = annotated_text(seed_doc)
    assert record["spans"] and {s["label"] for s in record["spans"]} <= set(LABELS)
    return record


def test_seed_jsonl(seed_doc, seed_record, tmp_path):
    assert io.read_jsonl(io.write_jsonl([seed_doc], tmp_path / "seed.jsonl")) == [seed_record]


def test_seed_prodigy(seed_doc, seed_record, tmp_path):
    path = io.write_prodigy([seed_doc], tmp_path / "seed.jsonl")
    task = json.loads(path.read_text(encoding="utf-8"))
    assert [t["text"] for t in task["tokens"]] == [t.text for t in seed_doc]
    assert [(s["token_start"], s["token_end"] + 1) for s in task["spans"]] == [(e.start, e.end) for e in seed_doc.ents]
    assert io.read(path)[0]["spans"] == seed_record["spans"]


def test_seed_docbin(seed_doc, seed_record, tmp_path):
    path = io.write_docbin([seed_doc], tmp_path / "seed.spacy")
    (back,) = io.read_docbin(path)
    assert (back["text"], back["spans"]) == (seed_record["text"], seed_record["spans"])
    assert back["meta"] == seed_doc.user_data["newslab_meta"]
    (doc,) = io.read_docbin_docs(path)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in seed_doc.ents]
    assert [t.dep_ for t in doc] == [t.dep_ for t in seed_doc]


def test_seed_conll(seed_doc, tmp_path):
    (back,) = io.read_conll(io.write_conll([seed_doc], tmp_path / "seed.conll"))
    got = [(back["text"][s["start"]:s["end"]], s["label"]) for s in back["spans"]]
    want = [(" ".join(t.text for t in e if not t.is_space), e.label_) for e in seed_doc.ents]
    assert got == want
    assert back["text"].split() == [t.text for t in seed_doc if not t.is_space]


def test_seed_conll_record_by_convention(seed_record, tmp_path):
    """A record whose text already follows the CoNLL convention comes back exactly."""
    (once,) = io.read_conll(io.write_conll([seed_record], tmp_path / "a.conll"))
    (twice,) = io.read_conll(io.write_conll([once], tmp_path / "b.conll"))
    assert twice == once


def test_seed_brat(seed_doc, seed_record, tmp_path):
    path = io.write_brat(seed_doc, tmp_path / "seed.ann")
    assert io.read_brat(path) == [{**seed_record, "meta": {"name": "seed"}}]
    assert io.read(tmp_path / "seed.txt") == io.read_brat(tmp_path / "seed")


# --- Prodigy's exact shape -----------------------------------------------------------------

PRODIGY_LINE = {
    "text": "Mark Rutte visited Kyiv.",
    "_input_hash": -1391178410, "_task_hash": 1287946254,
    "tokens": [{"text": "Mark", "start": 0, "end": 4, "id": 0, "ws": True},
               {"text": "Rutte", "start": 5, "end": 10, "id": 1, "ws": True},
               {"text": "visited", "start": 11, "end": 18, "id": 2, "ws": True},
               {"text": "Kyiv", "start": 19, "end": 23, "id": 3, "ws": False},
               {"text": ".", "start": 23, "end": 24, "id": 4, "ws": False}],
    "_view_id": "ner_manual",
    "spans": [{"start": 0, "end": 10, "token_start": 0, "token_end": 1, "label": "PERSON"},
              {"start": 19, "end": 23, "token_start": 3, "token_end": 3, "label": "GPE"}],
    "answer": "accept", "_timestamp": 1727950000, "_annotator_id": "news-ann1",
}


def _write_lines(path, *lines):
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_prodigy_fixture(tmp_path):
    path = _write_lines(tmp_path / "db-out.jsonl", PRODIGY_LINE)
    (record,) = io.read(path)
    assert record["spans"] == [{"start": 0, "end": 10, "label": "PERSON"}, {"start": 19, "end": 23, "label": "GPE"}]
    assert record["meta"] == {"answer": "accept", "_timestamp": 1727950000, "_annotator_id": "news-ann1"}
    written = json.loads(io.write_prodigy([record], tmp_path / "out.jsonl", nlp=BLANK).read_text())
    assert written["tokens"] == PRODIGY_LINE["tokens"] and written["spans"] == PRODIGY_LINE["spans"]
    assert written["_annotator_id"] == "news-ann1" and "meta" not in written


def test_prodigy_hashes_are_stable_ints(tmp_path):
    first = json.loads(io.write_prodigy([("Rutte met NATO.", [])], tmp_path / "a.jsonl", nlp=BLANK).read_text())
    again = json.loads(io.write_prodigy([("Rutte met NATO.", [])], tmp_path / "b.jsonl", nlp=BLANK).read_text())
    assert isinstance(first["_input_hash"], int) and first["_task_hash"] == again["_task_hash"]


def test_prodigy_answers(tmp_path):
    path = _write_lines(tmp_path / "a.jsonl", PRODIGY_LINE, {**PRODIGY_LINE, "answer": "reject"},
                        {**PRODIGY_LINE, "answer": "ignore"})
    assert len(io.read_prodigy(path)) == 1
    assert [r["meta"]["answer"] for r in io.read_prodigy(path, answers=None)] == ["accept", "reject", "ignore"]


def test_prodigy_token_end_is_inclusive(tmp_path):
    exclusive = {**PRODIGY_LINE, "spans": [{**PRODIGY_LINE["spans"][0], "token_end": 2}]}
    with pytest.raises(AnnotationError, match=r"a.jsonl:2: .*token_end is inclusive"):
        io.read_prodigy(_write_lines(tmp_path / "a.jsonl", PRODIGY_LINE, exclusive))


# --- alignment -----------------------------------------------------------------------------

def test_check_alignment_reports_text_and_position():
    record = ("Rutte visited Kyiv.", [(0, 5, "PERSON"), (15, 18, "GPE")])
    assert io.check_alignment(record, nlp=BLANK) == [{
        "text": "yiv", "start": 15, "end": 18, "label": "GPE",
        "aligned_start": 14, "aligned_end": 18, "aligned_text": "Kyiv"}]


def test_to_doc_refuses_misaligned_spans():
    with pytest.raises(AnnotationError, match=r"'yiv' \(GPE\) at 15-18.*'Kyiv'"):
        io.to_doc(("Rutte visited Kyiv.", [(15, 18, "GPE")]), nlp=BLANK)


def test_writers_refuse_misaligned_spans(tmp_path):
    for write in (io.write_prodigy, io.write_docbin, io.write_conll):
        with pytest.raises(AnnotationError, match="'Kyiv ' \\(GPE\\) at 14-19"):
            write([("Rutte visited Kyiv today", [(14, 19, "GPE")])], tmp_path / "x", nlp=BLANK)


def test_to_doc_span_group():
    doc = io.to_doc(("Rutte visited Kyiv.", [(0, 5, "PERSON"), (0, 18, "EVENT")]), nlp=BLANK, key="sc")
    assert [s.text for s in doc.spans["sc"]] == ["Rutte", "Rutte visited Kyiv"] and not doc.ents


# --- malformed input names the file and the line --------------------------------------------

GOOD = {"text": "Rutte visited Kyiv.", "spans": [{"start": 14, "end": 18, "label": "GPE"}]}
BAD_JSONL = {
    "bad JSON": ('{"text": "Rutte', "not valid JSON"),
    "missing text": ({"spans": []}, 'missing "text"'),
    "outside": ({"text": "Kyiv", "spans": [{"start": 0, "end": 9, "label": "GPE"}]}, "outside the text"),
    "unknown label": ({"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "CITY"}]}, "unknown label 'CITY'"),
    "overlap": ({"text": "Kyiv city", "spans": [{"start": 0, "end": 4, "label": "GPE"},
                                                {"start": 0, "end": 9, "label": "GPE"}]}, "spans overlap"),
    "spans not a list": ({"text": "Kyiv", "spans": 3}, "must be a list"),
    # issue 12 item 5: each of these was a raw traceback or a silent truncation before
    "Infinity offset": ('{"text": "Kyiv", "spans": [{"start": Infinity, "end": 4, "label": "GPE"}]}',
                        "Infinity is not a JSON number"),
    "NaN offset": ('{"text": "Kyiv", "spans": [{"start": 0, "end": NaN, "label": "GPE"}]}', "NaN is not"),
    "null offset": ({"text": "Kyiv", "spans": [{"start": None, "end": 4, "label": "GPE"}]}, "not integers"),
    "word offset": ({"text": "Kyiv", "spans": [{"start": "0", "end": 4, "label": "GPE"}]}, "not integers"),
    "float offset": ({"text": "Kyiv city", "spans": [{"start": 0, "end": 3.9, "label": "GPE"}]}, r"not integers \(3.9\)"),
    "bool offset": ({"text": "Kyiv", "spans": [{"start": False, "end": 4, "label": "GPE"}]}, "not integers"),
    "meta a list": ({"text": "Kyiv", "spans": [], "meta": [1, 2]}, '"meta" must be an object'),
    "meta a string": ({"text": "Kyiv", "spans": [], "meta": "x"}, '"meta" must be an object'),
    "deep JSON": ('{"text": "Kyiv", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}", "nested deeper"),
    "deep but parseable": ('{"text": "Kyiv", "meta": {"a": ' + "[" * 200 + "]" * 200 + "}}", "nested deeper"),
}


@pytest.mark.parametrize("reader", [io.read_jsonl, io.read_prodigy])
@pytest.mark.parametrize("case", BAD_JSONL)
def test_bad_jsonl(tmp_path, reader, case):
    line, message = BAD_JSONL[case]
    path = _write_lines(tmp_path / "bad.jsonl", GOOD, "", line)
    with pytest.raises(AnnotationError, match=f"bad.jsonl:3: .*{message}"):
        reader(path)


def test_any_label_when_labels_is_none(tmp_path):
    path = _write_lines(tmp_path / "a.jsonl", {"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "CITY"}]})
    assert io.read_jsonl(path, labels=None)[0]["spans"][0]["label"] == "CITY"


BAD_CONLL = {
    "columns": ("Kyiv B-GPE extra", "expected 2 columns"),
    "tag": ("Kyiv GPE", "not an IOB2 tag"),
    "I without B": ("Kyiv I-GPE", "does not continue a GPE span"),
    "label": ("Kyiv B-CITY", "unknown label 'CITY'"),
}


@pytest.mark.parametrize("case", BAD_CONLL)
def test_bad_conll(tmp_path, case):
    line, message = BAD_CONLL[case]
    path = tmp_path / "bad.conll"
    path.write_text(f"-DOCSTART- -X- -X- O\n\nRutte B-PERSON\nvisited O\n{line}\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=f"bad.conll:5: .*{message}"):
        io.read_conll(path)


BAD_BRAT = {
    "line": ("T2\tGPE 14\tKyiv", "expected 'T<id>"),
    "discontinuous": ("T2\tGPE 14 16;17 18\tKy v", "discontinuous"),
    "text differs": ("T2\tGPE 14 18\tKiev", "differs"),
    "outside": ("T2\tGPE 14 99\tKyiv.", "outside the text"),
    "label": ("T2\tCITY 14 18\tKyiv", "unknown label 'CITY'"),
    "overlap": ("T2\tGPE 3 7\tte v", "spans overlap"),
}


@pytest.mark.parametrize("case", BAD_BRAT)
def test_bad_brat(tmp_path, case):
    line, message = BAD_BRAT[case]
    (tmp_path / "bad.txt").write_text("Rutte visited Kyiv.", encoding="utf-8")
    (tmp_path / "bad.ann").write_text(f"T1\tPERSON 0 5\tRutte\n#1\tAnnotatorNotes T1\tnote\n{line}\n",
                                      encoding="utf-8")
    with pytest.raises(AnnotationError, match=f"bad.ann:3: .*{message}"):
        io.read_brat(tmp_path / "bad")


def test_bad_docbin(tmp_path):
    path = tmp_path / "bad.spacy"
    path.write_bytes(b"not a docbin")
    with pytest.raises(AnnotationError, match="bad.spacy"):
        io.read_docbin(path)


def test_unknown_extension(tmp_path):
    with pytest.raises(AnnotationError, match="format="):
        io.read(tmp_path / "a.csv")


def test_brat_single_pair_needs_one_record(tmp_path):
    with pytest.raises(AnnotationError, match="one text"):
        io.write_brat([("a", []), ("b", [])], tmp_path / "x.ann")


# --- packaging ------------------------------------------------------------------------------

def test_import_does_not_load_spacy():
    code = "import sys, newslab.io; assert 'spacy' not in sys.modules, 'spaCy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed


# --- issue 12 item 5 / issue 13 item 4: one decode, one error type, for every reader ----------

def _non_utf8(tmp_path: Path, kind: str) -> Path:
    latin1 = "Caf\xe9 Riverton".encode("latin-1")
    if kind == "jsonl":
        (tmp_path / "a.jsonl").write_bytes(b'{"text": "ok", "spans": []}\n{"text": "' + latin1 + b'"}\n')
        return tmp_path / "a.jsonl"
    if kind == "conll":
        (tmp_path / "a.conll").write_bytes(b"-DOCSTART- -X- -X- O\n\n" + latin1.split()[0] + b" O\n")
        return tmp_path / "a.conll"
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_bytes(latin1)
    (folder / "a.ann").write_text("", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("kind", "line"), [("jsonl", 2), ("conll", 3), ("brat", 1)])
def test_non_utf8_files_give_one_clean_error(tmp_path, kind, line):
    from newslab.errors import TextFileError

    path = _non_utf8(tmp_path, kind)
    with pytest.raises(TextFileError, match=r":\d+: not UTF-8 text: byte 0xe9 .*Re-save it as UTF-8") as caught:
        io.read(path)
    assert isinstance(caught.value, AnnotationError) and caught.value.line == line


def test_missing_files_give_the_same_error_type(tmp_path):
    from newslab.errors import TextFileError

    for name in ("none.jsonl", "none.conll", "none.spacy"):
        with pytest.raises(TextFileError, match="no such file"):
            io.read(tmp_path / name)


@pytest.mark.parametrize("call", [lambda p: io.read(p, format="csv"), lambda p: io.write([("Kyiv", [])], p, format="csv")])
def test_an_unknown_format_names_the_known_ones(tmp_path, call):
    path = _write_lines(tmp_path / "a.jsonl", GOOD)
    with pytest.raises(AnnotationError, match="unknown format 'csv'.*jsonl, prodigy, docbin, conll, brat"):
        call(path)


def test_a_prodigy_answer_that_is_a_list_is_refused(tmp_path):
    path = _write_lines(tmp_path / "p.jsonl", {**GOOD, "_input_hash": 1, "answer": ["accept"]})
    with pytest.raises(AnnotationError, match='p.jsonl:1: "answer" must be a string'):
        io.read(path)


def test_a_deep_meta_within_the_limit_round_trips(tmp_path):
    from newslab.io.text import MAX_JSON_DEPTH

    meta: dict = {"a": []}
    inner = meta["a"]
    for _ in range(MAX_JSON_DEPTH - 3):
        inner.append([])
        inner = inner[0]
    path = io.write_jsonl([{"text": "Kyiv", "spans": [], "meta": meta}], tmp_path / "a.jsonl")
    assert io.read_jsonl(path)[0]["meta"] == meta


@pytest.mark.parametrize("name", ["a.jsonl", "a.conll", "a.spacy", "brat", "p.jsonl"])
def test_a_lone_surrogate_is_refused_when_writing(tmp_path, name):
    from newslab.errors import SaveError

    options = {"nlp": BLANK} if name in ("a.conll", "a.spacy") else {}
    fmt = "prodigy" if name == "p.jsonl" else None
    with pytest.raises(SaveError, match=r"text 1: the text holds U\+DCFF at position 4 .*surrogate"):
        io.write([("Ana \udcff Field", [])], tmp_path / name, format=fmt, **options)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(("fmt", "label"), [("brat", "MY LABEL"), ("conll", "MY LABEL"), ("brat", "TAB\tX"),
                                            ("conll", "NEW\nLINE")])
def test_line_formats_refuse_labels_their_readers_would_reject(tmp_path, fmt, label):
    path = tmp_path / ("out" if fmt == "brat" else "out.conll")
    options = {"nlp": BLANK} if fmt == "conll" else {}
    with pytest.raises(AnnotationError, match=f"(?i)cannot be written as {fmt}.*whitespace.*Rename"):
        io.write([("Mayor Ana Field visited Riverton.", [(6, 15, label)])], path, **options)
    assert not path.exists()


def test_conll_refuses_a_docstart_token_and_warns_when_whitespace_is_lost(tmp_path):
    with pytest.raises(AnnotationError, match="new document"):
        io.write_conll([("Riverton -DOCSTART- news", [])], tmp_path / "a.conll", nlp=BLANK)
    with pytest.warns(UserWarning, match="CoNLL keeps no whitespace: 1 of 2 texts"):
        io.write_conll([("Ana Field  left.", []), ("Ana Field left .", [])], tmp_path / "b.conll", nlp=BLANK)
