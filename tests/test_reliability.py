"""Hostile texts through the whole package (issue 12, item 10), checked as properties.

Hypothesis builds texts from markup, quotation marks, Unicode edge cases and huge tokens,
and every one goes through ``analyze``, every table, every HTML path and every writer/reader
pair. The invariants: offsets map to the raw text; HTML holds no executable markup from the
text; a round trip is lossless, or warns. Example counts stay small so the suite stays fast.
"""

from __future__ import annotations

import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslab
from newslab import columns as C
from newslab import io
from newslab.errors import AnnotationError
from newslab.io.spans import spans_from_doc
from newslab.text.article import parse_article

SUITE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

HOSTILE = [
    "<script>alert(document.domain)</script>", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<iframe src=//x>", "&lt;b&gt;", "&amp;",
    "<!--", "-->", "]]>", '"', "'", "“", "”", "‘", "’", "«", "»", "„", "`", "\u2028", "\u2029", "\u200b", "\u200d",
    "\u202e", "\ufeff", "\u00a0", "e\u0301", "👩🏽‍⚕️", "🇺🇦", "\t", "\r\n", "\n\n", "\x0b", "{", "}", "[[", "\\",
    "-DOCSTART-", "B-PERSON", "T1\tGPE 0 4\tx", "Riverton", "Mayor Ana Field", "NATO", "said", ".", ",", " ",
]
PIECES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.integers(200, 3000).map(lambda n: "x" * n),  # a huge token
)
TEXTS = st.lists(PIECES, min_size=1, max_size=14).map(lambda parts: " ".join(parts)).filter(lambda t: t.strip())


def analyzed(text: str):
    """Parse a text as text (a short string with a slash would otherwise be taken for a path)."""
    return newslab.analyze(parse_article(text))


class _Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def assert_not_executable(page: str) -> None:
    parser = _Tags()
    parser.feed(str(page))
    for tag, attrs in parser.found:
        assert tag not in ("script", "iframe", "object", "embed", "base"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


@given(text=TEXTS)
@SUITE
def test_tables_offsets_map_to_the_raw_text(text):
    doc = analyzed(text)
    assert doc.text == text or doc.text == text.lstrip("\ufeff")
    for table in (newslab.tokens(doc), newslab.sentences(doc), newslab.entities(doc), newslab.noun_chunks(doc)):
        for start, end, shown in zip(table[C.START_CHAR], table[C.END_CHAR], table[C.TEXT]):
            assert doc.text[start:end] == shown
    newslab.entity_counts(doc)
    newslab.pos_counts(doc)
    newslab.svo_triples(doc)
    newslab.article_stats(doc)


@given(text=TEXTS)
@SUITE
def test_html_holds_no_executable_markup_from_the_text(text):
    doc = analyzed(text)
    assert_not_executable(newslab.entities_html(doc))
    assert_not_executable(newslab.entities_html(doc, spans=[{"start": 0, "end": len(doc.text), "label": "<b>X"}]))
    for sentence in list(doc.sents)[:3]:
        assert_not_executable(newslab.dependencies_html(sentence))
    keys = newslab.entities(doc)[C.KEY]
    if len(keys):
        assert_not_executable(newslab.render.kwic_html(newslab.kwic(doc, keys.iloc[0])))
    assert_not_executable(newslab.structure_html(parse_article(text)))


LOSSLESS = {"a.jsonl": None, "p.jsonl": "prodigy", "a.spacy": None, "brat": None}


@pytest.mark.parametrize("name", [*LOSSLESS, "a.conll"])
@given(text=TEXTS)
@SUITE
def test_every_writer_reader_pair_is_lossless_or_warns(tmp_path_factory, name, text):
    doc = analyzed(text)
    record = {"text": doc.text, "spans": spans_from_doc(doc), "meta": {}}
    path = Path(tmp_path_factory.mktemp("rt")) / name
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            written = io.write([doc], path, format=LOSSLESS.get(name))
        except AnnotationError as err:  # a text the format cannot hold is refused, with the reason
            assert name == "a.conll" and "CoNLL" in str(err)
            return
    (back,) = io.read(written, format=LOSSLESS.get(name), labels=None)
    for span in back["spans"]:
        assert back["text"][span["start"] : span["end"]].strip()  # offsets map to the text read back
    if name == "a.conll":
        covered = ["".join(back["text"][s["start"] : s["end"]].split()) for s in back["spans"]]
        assert covered == ["".join(doc.text[s["start"] : s["end"]].split()) for s in record["spans"]]
        assert back["text"] == record["text"] or any("CoNLL" in str(w.message) for w in caught)
    else:
        assert (back["text"], back["spans"]) == (record["text"], record["spans"])


# -- the largest article the suite proves it handles (README, "Limits") -------------------------

LIMIT_CHARS = 100_000
SENTENCES = [  # constructed, about invented people and places
    "Mayor Ana Field of Riverton said on Monday that the council would meet again in March.",
    "The Riverton Chronicle reported that 1,200 residents signed a petition about the old bridge.",
    "“We will listen,” Field told reporters outside City Hall, adding that “nothing is decided.”",
    'Councillor Tom Reyes of the Harbor Party disagreed, calling the plan "too expensive" for a town of 40,000.',
]


def large_article(chars: int) -> str:
    paragraphs, size = [], 0
    while size < chars:
        first = len(paragraphs)
        paragraphs.append(" ".join(SENTENCES[(first + k) % 4] for k in range(6)))
        size += len(paragraphs[-1]) + 2
    return "Riverton Council Debates Bridge\n\n" + "\n\n".join(paragraphs)


def test_the_largest_article_in_the_limits_section(tmp_path):
    from newslab.widgets.annotator_model import AnnotationModel

    doc = analyzed(large_article(LIMIT_CHARS))
    assert len(doc.text) >= LIMIT_CHARS
    table = newslab.entities(doc)
    assert len(table) > 1000
    assert all(doc.text[a:b] == t for a, b, t in zip(table[C.START_CHAR], table[C.END_CHAR], table[C.TEXT]))
    for name in ("a.jsonl", "a.spacy"):
        (back,) = io.read(io.write([doc], tmp_path / name), labels=None)
        assert back["text"] == doc.text and back["spans"] == spans_from_doc(doc)
    tokens = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
    model = AnnotationModel(doc.text, tokens, predicted=spans_from_doc(doc), path=tmp_path / "ann.jsonl")
    span = model.spans[-1]
    assert model.delete(span["start"], span["end"]) and model.undo()
    assert io.read_jsonl(tmp_path / "ann.jsonl", labels=None)[0]["spans"] == model.spans
