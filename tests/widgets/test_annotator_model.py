"""The annotation state model: changes, refusals, undo, snapping and the saved file."""

from __future__ import annotations

import json
import os

import pytest

from newslab.errors import AnnotationError
from newslab.io import atomic as _atomic
from newslab.io.annotations import read_saved
from newslab.widgets.annotator_model import AnnotationModel, snap
from tests.paths import SEEDS

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


# -- issue 12: nothing lost (concurrent writers, metadata), clean errors -------------------------


def test_two_models_on_one_path_never_overwrite_each_other(tmp_path):
    path = tmp_path / "shared.jsonl"
    first, second = make(path=path, start="empty"), make(path=path, start="empty")
    assert first.add(0, 10, "PERSON")
    saved = path.read_bytes()
    assert second.add(19, 23, "GPE") is False  # refused: the file changed underneath it
    assert "changed by someone else" in second.message and "another path=" in second.message
    assert "again" in second.message  # how to reload
    assert second.spans == [] and path.read_bytes() == saved  # nothing applied, nothing overwritten
    assert first.add(19, 23, "GPE")  # the writer that saved last can go on
    reopened = make(path=path)
    assert reopened.spans == first.spans and reopened.add(27, 35, "DATE")
    assert first.delete(0, 10) is False and len(json.loads(path.read_text())["spans"]) == 3


SEED_GOLD = str(SEEDS / "nato-rutte-kyiv-visit-2024-10-03.gold.jsonl")


def test_the_seed_gold_files_metadata_survives_a_relabel(tmp_path, seed_doc):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(open(SEED_GOLD, "rb").read())
    before = json.loads(path.read_text(encoding="utf-8"))
    tokens = [(t.idx, t.idx + len(t)) for t in seed_doc if not t.is_space]
    model = AnnotationModel(before["text"], tokens, path=path)
    span = model.spans[0]
    assert model.relabel(span["start"], span["end"], "ORG" if span["label"] != "ORG" else "GPE")
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["meta"] == model.record()["meta"]
    assert {key: after["meta"][key] for key in before["meta"]} == before["meta"]  # every key kept as it was
    assert {"id", "annotator", "scheme", "guide"} <= set(after["meta"])


def test_a_large_meta_is_kept_whole(tmp_path):
    meta = {f"key{i}": {"note": "Riverton " * 50, "n": i, "nested": [i, {"x": None}]} for i in range(2000)}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "spans": PREDICTED, "meta": meta}) + "\n", encoding="utf-8")
    model = make(path=path)
    assert model.delete(0, 10) and model.undo()
    saved = json.loads(path.read_text(encoding="utf-8"))["meta"]
    assert {k: saved[k] for k in meta} == meta and saved["annotator"] == "newslab"


def test_a_saved_span_that_cuts_a_word_is_refused_at_load(tmp_path):
    path = tmp_path / "a.jsonl"
    content = json.dumps({"text": TEXT, "spans": [{"start": 1, "end": 10, "label": "PERSON"}]}) + "\n"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"a.jsonl:1: .*1-10 \(PERSON\) cuts a word in two .*0-10"):
        make(path=path)
    assert path.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("offset", ["Infinity", "null", '"five"', "19.9", "true"])
def test_offsets_that_are_not_integers_are_refused_at_load(tmp_path, offset):
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"text": "{TEXT}", "spans": [{{"start": {offset}, "end": 23, "label": "GPE"}}]}}\n',
                    encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"a.jsonl:1: .*(not integers|not a JSON number)"):
        make(path=path)


def test_a_model_in_a_folder_that_is_a_file_is_a_clean_error(tmp_path):
    from newslab.errors import SaveError

    (tmp_path / "notes").write_text("not a folder", encoding="utf-8")
    with pytest.raises(SaveError, match="cannot save .*choose another path"):
        make(path=tmp_path / "notes" / "a.jsonl")


def test_a_lone_surrogate_cannot_be_saved_and_says_why(tmp_path):
    from newslab.errors import SaveError

    with pytest.raises(SaveError, match=r"U\+DCFF at position 4 .*surrogate"):
        AnnotationModel("Ana \udcff Field", [(0, 3), (6, 11)], path=tmp_path / "a.jsonl")
    assert not (tmp_path / "a.jsonl").exists()


def test_a_symlinked_path_is_written_through(tmp_path):
    target = tmp_path / "real" / "a.jsonl"
    target.parent.mkdir()
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    model = make(path=link)
    assert model.delete(0, 10)
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["spans"] == model.spans


def test_stale_temp_files_of_the_path_are_cleaned_on_open(tmp_path):
    path = tmp_path / "a.jsonl"
    make(path=path)
    dead = tmp_path / ".a.jsonl.999999999.x1.newslab-tmp"  # no such process
    other = tmp_path / ".b.jsonl.999999999.x1.newslab-tmp"  # another target's: not ours to remove
    dead.write_text("half a save", encoding="utf-8")
    other.write_text("half a save", encoding="utf-8")
    make(path=path)
    assert not dead.exists() and other.exists()


def test_a_file_another_session_creates_while_this_one_opens_is_restored(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    opened = AnnotationModel._open
    raced: list[AnnotationModel] = []
    racing_now: list[bool] = []

    def racing(self, *args):
        saved = opened(self, *args)
        if not racing_now:  # between this session's read and its first save, another one saves
            racing_now.append(True)
            raced.append(make(path=path, start="empty"))
            raced[0].add(27, 35, "DATE")
        return saved

    monkeypatch.setattr(AnnotationModel, "_open", racing)
    model = make(path=path)  # would start from the predictions, but must not overwrite the other's file
    assert model.spans == raced[0].spans == [{"start": 27, "end": 35, "label": "DATE"}]
    assert "Restored 1 span" in model.message
