from __future__ import annotations

import shutil

import newslab
from newslab.evaluation.reference import annotations_path, course_note, reference, reference_note
from tests.paths import ARTICLES


def test_annotations_are_keyed_by_name_and_content(tmp_path):
    one = tmp_path / "riverton.txt"
    one.write_text("Riverton Port Reopens\nThe port reopened.", encoding="utf-8")
    first = annotations_path(one)
    assert first.parent.name == "my-annotations" and first.name.startswith("riverton-")
    one.write_text("Riverton Port Reopens\nThe port reopened on Monday.", encoding="utf-8")
    assert annotations_path(one) != first  # an edited article gets another file
    assert annotations_path(ARTICLES / "wire-reuters.txt").name.startswith("wire-reuters-")  # the .json id
    assert annotations_path() != annotations_path(ARTICLES / "wire-reuters.txt")


def test_switching_articles_never_mixes_work(tmp_path):
    folder = tmp_path / "my-annotations"
    for path in sorted(ARTICLES.glob("*.txt")):
        doc = newslab.analyze(path)
        annotator = newslab.Annotator(doc, path=annotations_path(path, folder=folder))
        assert annotator.record()["text"] == doc.text
    assert len(list(folder.glob("*.jsonl"))) == 3


def test_the_reference_is_gold_then_annotations_then_the_model(tmp_path):
    article = tmp_path / "port.txt"
    shutil.copy(ARTICLES / "wire-reuters.txt", article)
    doc = newslab.analyze(article)
    folder = tmp_path / "my-annotations"
    assert reference(doc, folder=folder)["meta"]["reference"] == "model"
    annotator = newslab.Annotator(doc, path=annotations_path(article, folder=folder), start="empty")
    annotator.add(*_first(doc.text, "Riverton"), "GPE")
    mine = reference(doc, folder=folder)
    assert mine["meta"]["reference"] == "annotations" and len(mine["spans"]) == 1
    shutil.copy(annotations_path(article, folder=folder), article.with_suffix(".gold.jsonl"))
    assert reference(doc, folder=folder)["meta"]["reference"] == "gold"


def test_reference_notes_say_how_to_make_a_gold_file(seed_doc):
    assert "gold standard" in reference_note(reference(seed_doc))
    doc = newslab.analyze(ARTICLES / "ap-wrapped.txt")
    note = reference_note(reference(doc, folder="no-such-folder"))
    assert "nothing to compare with" in note and ".gold.jsonl" in note


def test_course_notes_show_only_on_the_course_article(seed_doc):
    assert course_note("kyiv").startswith("**On the course article")
    assert course_note("kyiv", seed_doc) == course_note("kyiv")
    for path in ARTICLES.glob("*.txt"):
        assert course_note("kyiv", path) == ""
    assert course_note("no-such-topic") == ""


def _first(text, word):
    start = text.index(word)
    return start, start + len(word)
