"""The Annotator widget, tested through its trait state and the messages its front end sends."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newslab
from newslab import columns as C
from newslab.errors import AnnotationError
from newslab.labels import PALETTE
from newslab.widgets.annotator import Annotator
from newslab.widgets.annotator_model import snap

LABELS = ["PERSON", "NORP", "ORG", "GPE", "DATE"]
JS = Path(newslab.__file__).parent / "widgets" / "static" / "annotator.js"


def kyiv(doc) -> tuple[int, int]:
    """Offsets of the first "Kyiv" token of the body."""
    token = next(t for t in doc if t.text == "Kyiv" and t.idx > doc.text.index("\n"))
    return token.idx, token.idx + len(token)


def send(annotator: Annotator, **request) -> None:
    """Deliver a custom message exactly as anywidget's front end does."""
    annotator._handle_custom_msg(request, [])


@pytest.fixture
def annotator(seed_doc):
    return Annotator(seed_doc, labels=LABELS)


def test_traits_describe_the_text(annotator, seed_doc):
    assert annotator.text == seed_doc.text
    assert annotator.labels == LABELS
    assert all(annotator.colors[label] == PALETTE[label] for label in LABELS)
    assert all(annotator.text[a:b].strip() for a, b in annotator.tokens)
    assert annotator.spans == newslab.spans_from_doc(seed_doc)
    assert not annotator.can_undo
    assert "newslab-annotator" in annotator._dom_classes


def test_synced_traits_are_the_widget_api(annotator):
    state = annotator.get_state()
    for name in ("text", "tokens", "labels", "colors", "spans", "message", "can_undo"):
        assert name in state
    assert "annotator.js" not in state["_esm"] and "export default" in state["_esm"]


def test_front_end_messages_add_relabel_delete_undo(seed_doc):
    annotator = Annotator(seed_doc, labels=LABELS, start="empty")
    start, end = kyiv(seed_doc)
    send(annotator, type="add", start=start + 1, end=end - 1, label="PERSON")  # snapped
    assert annotator.spans == [{"start": start, "end": end, "label": "PERSON"}]
    send(annotator, type="relabel", start=start, end=end, label="GPE")
    assert annotator.spans[0]["label"] == "GPE" and "PERSON → GPE" in annotator.message
    send(annotator, type="delete", start=start, end=end)
    assert annotator.spans == []
    send(annotator, type="undo")
    assert annotator.spans == [{"start": start, "end": end, "label": "GPE"}] and annotator.can_undo


def test_python_methods_return_a_bool(seed_doc):
    annotator = Annotator(seed_doc, labels=LABELS)
    start, end = kyiv(seed_doc)
    assert annotator.relabel(start, end, "GPE") is True
    assert annotator.delete(start, end) is True
    assert annotator.add(start, end, "GPE") is True
    assert annotator.undo() is True and annotator.undo() is True
    assert {"start": start, "end": end, "label": "GPE"} in annotator.spans


@pytest.mark.parametrize("case", ["overlap", "token", "label", "empty"])
def test_refusals_keep_spans_and_show_a_message(annotator, seed_doc, case):
    start, end = kyiv(seed_doc)
    before = list(annotator.spans)
    if case == "overlap":
        ok = annotator.add(start, end, "GPE")  # the model already marked it
        words = "overlaps"
    elif case == "token":
        annotator.delete(start, end)
        before = list(annotator.spans)
        ok = annotator.add(start, end - 1, "GPE")
        words = "cuts a word"
    elif case == "label":
        ok = annotator.relabel(start, end, "CITY")
        words = "Unknown label"
    else:
        send(annotator, type="add", start=start, end=start, label="GPE")
        ok = False
        words = "Nothing selected"
    assert ok is False
    assert annotator.spans == before
    assert words in annotator.message


def test_to_frame_and_record(annotator):
    table = annotator.to_frame()
    assert list(table.columns) == [C.START_CHAR, C.END_CHAR, C.LABEL, C.TEXT]
    assert len(table) == len(annotator.spans)
    row = table.iloc[0]
    assert annotator.text[row[C.START_CHAR] : row[C.END_CHAR]] == row[C.TEXT]
    record = annotator.record()
    assert record["text"] == annotator.text and record["spans"] == annotator.spans
    assert newslab.evaluate(record, newslab.io.spans.annotated_text(record)).f1 == 1.0


def test_autosave_and_restore_after_a_kernel_restart(seed_doc, tmp_path):
    path = tmp_path / "my-annotations" / "04.jsonl"
    annotator = Annotator(seed_doc, labels=LABELS, path=path)
    start, end = kyiv(seed_doc)
    send(annotator, type="relabel", start=start, end=end, label="GPE")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["spans"] == annotator.spans
    annotator.delete(*next((s["start"], s["end"]) for s in annotator.spans if s["label"] == "DATE"))
    assert json.loads(path.read_text(encoding="utf-8"))["spans"] == annotator.spans
    saved = list(annotator.spans)
    del annotator  # a new kernel: only the file remains
    reopened = Annotator(seed_doc, labels=LABELS, path=path)
    assert reopened.spans == saved
    assert "Restored" in reopened.message
    assert [p.name for p in path.parent.iterdir()] == ["04.jsonl"]


def test_a_malformed_file_raises_and_is_not_touched(seed_doc, tmp_path):
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": seed_doc.text, "spans": []})
    path.write_text(good[:-5] + "\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(AnnotationError, match=r"a\.jsonl:1: .*not valid JSON"):
        Annotator(seed_doc, path=path)
    assert path.read_bytes() == before


def test_a_file_of_another_text_is_refused(seed_doc, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Something else.", "spans": []}) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="another text"):
        Annotator(seed_doc, path=path)


def test_static_fallback_beside_the_widget_view(annotator):
    data, _ = annotator._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "text/html" in data and "newslab-entities" in data["text/html"]


def test_article_text_is_escaped_in_the_fallback():
    annotator = Annotator(newslab.analyze("<script>alert(1)</script> Rutte visited Kyiv."), start="empty")
    assert "<script>" not in annotator.html()


def test_accepts_a_span_and_refuses_an_article_it_would_have_to_parse(seed_doc):
    with pytest.raises(newslab.NotParsedError, match="nl.Annotator"):
        Annotator(newslab.load_article(), start="empty")
    part = seed_doc[5:20]
    assert Annotator(part).text.rstrip() == part.text  # as_doc keeps the trailing space


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    return node


def test_front_end_is_valid_javascript():
    subprocess.run([_node(), "--check", str(JS)], check=True, capture_output=True)


def test_front_end_builds_dom_without_inner_html():
    source = JS.read_text(encoding="utf-8")
    assert "innerHTML" not in source and "import " not in source.replace("// ", "")
    for name in ("newslab-annotator", "-label", "-message", "-undo", "-text", "-span"):
        assert name in source


def test_front_end_snaps_like_the_kernel(seed_doc):
    tokens = [[t.idx, t.idx + len(t)] for t in seed_doc if not t.is_space]
    cases = [(0, 3), (5, 12), (137, 141), (141, 150), (3, 4), (len(seed_doc.text) - 3, len(seed_doc.text))]
    script = (f"import {{ snap }} from {json.dumps(JS.as_uri())};\n"
              f"const tokens = {json.dumps(tokens)};\n"
              f"console.log(JSON.stringify({json.dumps(cases)}.map(([a, b]) => snap(tokens, a, b))));")
    out = subprocess.run([_node(), "--input-type=module", "-e", script], check=True, capture_output=True, text=True)
    expected = [None if (r := snap(tokens, a, b)) is None else {"start": r[0], "end": r[1]} for a, b in cases]
    assert json.loads(out.stdout) == expected


def test_the_autosave_file_is_plain_jsonl_for_newslab_io(seed_doc, tmp_path):
    path = tmp_path / "a.jsonl"
    annotator = Annotator(seed_doc, labels=LABELS, path=path)
    annotator.relabel(*kyiv(seed_doc), "GPE")
    (record,) = newslab.io.read_jsonl(path)
    assert record["text"] == seed_doc.text and record["spans"] == annotator.spans


def test_the_state_model_needs_no_ipywidgets():
    code = "import sys, newslab.widgets.annotator_model; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"


# -- the exercises of notebook 04, answered through the annotator -------------------------


def test_exercise_dateline(seed_doc, article):
    annotator = Annotator(seed_doc, labels=LABELS)
    assert newslab.check("04-dateline", annotator.spans).status == "failed"
    assert annotator.add(article.dateline.start, article.dateline.end, "ORG")
    assert "GPE" in newslab.check("04-dateline", annotator.spans).message
    assert annotator.relabel(article.dateline.start, article.dateline.end, "GPE")
    assert newslab.check("04-dateline", annotator.spans).passed
    assert newslab.check("04-dateline", annotator).passed
    assert newslab.check("04-dateline", ...).status == "unanswered"


def test_exercise_city_label(seed_doc):
    annotator = Annotator(seed_doc, labels=LABELS)
    assert "still PERSON" in newslab.check("04-city-label", annotator.spans).message
    annotator.relabel(*kyiv(seed_doc), "GPE")
    assert newslab.check("04-city-label", annotator.spans).passed


def test_exercise_model_recall(seed_doc):
    result = newslab.evaluate(seed_doc, newslab.gold())
    assert newslab.check("04-model-recall", result.recall).passed
    assert "precision" in newslab.check("04-model-recall", result.precision).message
    assert "fraction" in newslab.check("04-model-recall", 100 * result.recall).message


# -- issue 13 item 5: one widget shape; issue 9: the full scheme, this article's labels first ----


def test_the_synced_traits_are_declared_once_on_the_model():
    from newslab.widgets.annotator_model import AnnotationModel

    assert issubclass(Annotator, AnnotationModel)
    assert not set(Annotator.class_own_traits())  # nothing redeclared, nothing mirrored by hand
    synced = set(AnnotationModel.class_traits(sync=True))
    assert synced == {"text", "tokens", "labels", "colors", "spans", "message", "can_undo",
                      "download_name"}
    assert synced <= set(Annotator.class_traits(sync=True))


def test_each_change_reaches_the_front_end_in_one_message(seed_doc, monkeypatch):
    annotator = Annotator(seed_doc, labels=LABELS)
    sent: list[dict] = []
    monkeypatch.setattr(annotator, "_send", lambda msg, buffers=None: sent.append(msg))
    start, end = kyiv(seed_doc)
    send(annotator, type="relabel", start=start, end=end, label="GPE")
    send(annotator, type="undo")
    assert [sorted(m["state"]) for m in sent] == [["can_undo", "message", "spans"]] * 2
    assert sent[-1]["state"]["spans"] == newslab.spans_from_doc(seed_doc)


def test_the_full_scheme_is_offered_with_this_articles_labels_first(seed_doc, tmp_path):
    from newslab.labels import LABELS as ONTONOTES

    annotator = Annotator(seed_doc, start="empty")
    predicted = {s["label"] for s in newslab.spans_from_doc(seed_doc)}
    assert sorted(annotator.labels) == sorted(ONTONOTES)
    assert set(annotator.labels[: len(predicted)]) == predicted
    path = tmp_path / "a.jsonl"
    newslab.io.write_jsonl([{"text": seed_doc.text, "spans": [{"start": 0, "end": 3, "label": "LAW"}]}], path)
    first = Annotator(seed_doc, path=path).labels[: len(predicted) + 1]
    assert set(first) == predicted | {"LAW"}  # the file's labels count too


def test_an_annotator_in_an_unwritable_place_is_a_clean_error(seed_doc, tmp_path):
    from newslab.errors import SaveError

    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(SaveError, match="cannot save .*choose another path"):
        Annotator(seed_doc, labels=LABELS, path=tmp_path / "notes" / "a.jsonl")
    with pytest.raises(SaveError, match="cannot save"):
        Annotator(seed_doc, labels=LABELS, path="/proc/newslab-not-here/a.jsonl")


def test_the_download_button_names_the_file_as_the_saved_one(seed_doc, tmp_path):
    assert Annotator(seed_doc, path=tmp_path / "mine.jsonl").download_name == "mine.jsonl"
    assert Annotator(seed_doc).download_name == "annotations.jsonl"
