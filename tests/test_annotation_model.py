"""The annotation state model: changes, refusals, undo, snapping and the saved file."""

from __future__ import annotations

import json
import os

import pytest

from newslab import _atomic
from newslab.annotation_model import AnnotationModel, read_saved, snap
from newslab.errors import AnnotationError

TEXT = "Mark Rutte visited Kyiv on Thursday."
TOKENS = [(0, 4), (5, 10), (11, 18), (19, 23), (24, 26), (27, 35), (35, 36)]
PREDICTED = [{"start": 0, "end": 10, "label": "PERSON"}, {"start": 19, "end": 23, "label": "PERSON"}]
LABELS = ["PERSON", "GPE", "DATE"]


def make(**kwargs) -> AnnotationModel:
    kwargs.setdefault("labels", LABELS)
    kwargs.setdefault("predicted", PREDICTED)
    return AnnotationModel(TEXT, TOKENS, **kwargs)


def test_starts_from_the_predictions_or_from_nothing():
    assert make().spans == PREDICTED
    assert make(start="empty").spans == []
    assert "2 predictions" in make().message


def test_add_relabel_delete_undo_sequence():
    model = make(start="empty")
    assert model.add(19, 23, "GPE") and model.add(0, 10, "PERSON") and model.add(27, 35, "DATE")
    assert [s["start"] for s in model.spans] == [0, 19, 27]  # kept sorted
    assert model.relabel(27, 35, "PERSON") and model.spans[-1]["label"] == "PERSON"
    assert model.delete(0, 10) and len(model.spans) == 2
    assert model.can_undo
    assert model.undo() and len(model.spans) == 3
    assert model.undo() and model.spans[-1]["label"] == "DATE"
    assert model.undo() and model.undo() and model.undo()
    assert model.spans == [] and not model.can_undo
    assert not model.undo() and model.message == "Nothing to undo."


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda m: m.add(0, 4, "PERSON"), "overlaps"),  # inside "Mark Rutte"
        (lambda m: m.add(5, 23, "GPE"), "overlaps"),  # crosses two spans
        (lambda m: m.add(27, 33, "DATE"), "cuts a word"),  # "Thursd"
        (lambda m: m.add(26, 35, "DATE"), "cuts a word"),  # starts in a space
        (lambda m: m.add(27, 35, "WEEKDAY"), "Unknown label"),
        (lambda m: m.add(27, 27, "DATE"), "Nothing selected"),
        (lambda m: m.add(35, 27, "DATE"), "Nothing selected"),
        (lambda m: m.add(30, 99, "DATE"), "outside the text"),
        (lambda m: m.relabel(19, 23, "WEEKDAY"), "Unknown label"),
        (lambda m: m.relabel(19, 22, "GPE"), "no span"),
        (lambda m: m.relabel(19, 23, "PERSON"), "already"),
        (lambda m: m.delete(1, 3), "no span"),
        (lambda m: m.handle({"type": "add", "start": 24, "end": 26, "label": "NOPE"}), "Unknown label"),
        (lambda m: m.handle({"type": "add", "start": 23, "end": 24, "label": "GPE"}), "Nothing selected"),
        (lambda m: m.handle({"type": "explode"}), "does not understand"),
        (lambda m: m.handle({"type": "add", "start": "x", "end": 3, "label": "GPE"}), "does not understand"),
    ],
)
def test_refusals_leave_spans_unchanged_and_say_why(call, words):
    model = make()
    before = [dict(s) for s in model.spans]
    assert call(model) is False
    assert model.spans == before
    assert words in model.message
    assert not model.can_undo


def test_front_end_requests_snap_to_whole_tokens():
    model = make(start="empty")
    assert model.handle({"type": "add", "start": 2, "end": 7, "label": "PERSON"})  # "rk Ru"
    assert model.spans == [{"start": 0, "end": 10, "label": "PERSON"}]
    assert model.handle({"type": "relabel", "start": 0, "end": 10, "label": "GPE"})
    assert model.handle({"type": "delete", "start": 0, "end": 10}) and model.spans == []
    assert model.handle({"type": "undo"}) and model.spans[0]["label"] == "GPE"


def test_snap_widens_partial_tokens_and_drops_whitespace():
    assert snap(TOKENS, 2, 7) == (0, 10)
    assert snap(TOKENS, 18, 24) == (19, 23)  # space before, space after
    assert snap(TOKENS, 10, 11) is None  # only a space
    assert snap(TOKENS, 30, 36) == (27, 36)


def test_message_changes_on_success_and_refusal():
    model = make()
    model.add(27, 35, "DATE")
    assert "Added DATE “Thursday”" in model.message
    model.add(27, 35, "DATE")
    assert "overlaps" in model.message


def test_reset_is_undoable():
    model = make()
    assert model.reset("empty") and model.spans == []
    assert model.undo() and model.spans == PREDICTED


def test_every_change_is_saved_at_once(tmp_path):
    path = tmp_path / "work" / "annotations.jsonl"
    model = make(path=path)
    assert json.loads(path.read_text(encoding="utf-8"))["spans"] == model.spans  # the starting state
    model.relabel(19, 23, "GPE")
    saved = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(saved) == 1 and saved[0]["text"] == TEXT and saved[0]["spans"] == model.spans
    model.delete(0, 10)
    assert json.loads(path.read_text(encoding="utf-8"))["spans"] == model.spans
    model.undo()
    assert json.loads(path.read_text(encoding="utf-8"))["spans"] == model.spans
    assert [p.name for p in path.parent.iterdir()] == ["annotations.jsonl"]  # no temp files


def test_reopening_restores_the_file_over_any_start(tmp_path):
    path = tmp_path / "a.jsonl"
    first = make(path=path)
    first.add(27, 35, "DATE")
    first.relabel(19, 23, "GPE")
    for start in ("model", "empty", "file"):
        again = make(path=path, start=start)
        assert again.spans == first.spans
        assert "Restored 3 spans" in again.message


def test_start_file_needs_a_file(tmp_path):
    with pytest.raises(AnnotationError, match="start='file'"):
        make(path=tmp_path / "missing.jsonl", start="file")


def test_a_failed_save_keeps_the_old_file_and_the_old_spans(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    model = make(path=path)
    model.add(27, 35, "DATE")
    before_file, before_spans = path.read_bytes(), list(model.spans)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(_atomic.os, "replace", broken_replace)
    assert model.delete(27, 35) is False
    assert "Could not save" in model.message and "disk full" in model.message
    assert model.spans == before_spans
    assert path.read_bytes() == before_file
    assert sorted(os.listdir(tmp_path)) == ["a.jsonl"]  # the temp file was removed


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ('{"text": "Mark Rutte visited Kyiv on Thursday.", "spans": [\n', 1, "not valid JSON"),
        ('\n\n["not", "a", "record"]\n', 3, "expected"),
        ('{"text": "Another text.", "spans": []}\n', 1, "another text"),
        (json.dumps({"text": TEXT, "spans": [{"start": 0, "end": 99, "label": "GPE"}]}) + "\n", 1, "outside"),
        (json.dumps({"text": TEXT, "spans": [{"start": 0, "label": "GPE"}]}) + "\n", 1, "no 'end'"),
        (2 * (json.dumps({"text": TEXT, "spans": []}) + "\n"), 2, "one annotated text"),
    ],
)
def test_a_malformed_file_is_refused_and_never_touched(tmp_path, content, line, words):
    path = tmp_path / "a.jsonl"
    path.write_text(content, encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    with pytest.raises(AnnotationError, match=words) as caught:
        make(path=path)
    assert caught.value.line == line and caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == content and path.stat().st_mtime_ns == stamp


def test_an_empty_file_holds_no_work(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n", encoding="utf-8")
    assert read_saved(path, text=TEXT) is None
    assert make(path=path).spans == PREDICTED


def test_record_is_an_annotated_text():
    record = make().record()
    assert record["text"] == TEXT and record["spans"] == PREDICTED
    assert record["meta"]["labels"] == LABELS


def test_colors_cover_offered_and_used_labels():
    model = make(labels=["GPE"])
    assert list(model.colors) == ["GPE", "PERSON"]
    assert model.colors["GPE"] == "#44BB99"


def test_bad_arguments():
    with pytest.raises(ValueError, match="start must be"):
        make(start="somewhere")
    with pytest.raises(AnnotationError, match="labels"):
        make(labels=[])
