"""bench/quotes.py: the PolNeAR reader, the attribution metrics and the benchmark, on constructed samples.

No PolNeAR text is used or shipped: every sample below is CONSTRUCTED for these tests (invented
people and events, written in PolNeAR's brat format and layout).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    """Import a bench module by file, under the bare name the bench scripts import it by."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


M = _load("_attribution_metrics")
P = _load("_polnear")
E = _load("_quote_errors")
F = _load("_cue_frames")
Q = _load("quotes")

# --- a constructed article (invented content) and its brat annotation ------------------------------

TEXT = (
    "Council backs bridge plan.\n\n"
    "\u201cRepairs start in May,\u201d Mayor Lena Brandt said on Monday.\n\n"
    "The engineer, Ida Moreau, told reporters that the steel was sound. She thinks the work will take a year.\n\n"
    "The cost is modest, according to the council.\n\n"
    "Brandt criticized the delay in the tender.\n"
)


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _span_line(ident: str, kind: str, pieces: list[tuple[int, int]], text: str = TEXT) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    return f"{ident}\t{kind} {offsets}\t{' '.join(text[s:e] for s, e in pieces)}"


def constructed_ann(text: str = TEXT) -> str:
    """Five attributions: three speech with a source, one belief, one speech without a cue word newslab knows."""
    lines = []

    def event(n: int, kind: str, source, cue, content) -> None:
        t = 10 * n
        if source:
            lines.append(_span_line(f"T{t}", "Source", [source], text))
        lines.append(_span_line(f"T{t + 1}", "Cue", [cue], text))
        lines.append(_span_line(f"T{t + 2}", "Content", [content], text))
        lines.append(_span_line(f"T{t + 3}", kind, [cue], text))
        roles = f"{kind}:T{t + 3} Content:T{t + 2} Cue:T{t + 1}" + (f" Source:T{t}" if source else "")
        lines.append(f"E{n}\t{roles}")

    event(1, "Attribution", _at(text, "Mayor Lena Brandt"), _at(text, "said"), _at(text, "\u201cRepairs start in May,\u201d"))
    event(2, "Attribution", _at(text, "The engineer, Ida Moreau,"), _at(text, "told reporters"),
          _at(text, "that the steel was sound"))
    event(3, "Attribution", _at(text, "She"), _at(text, "thinks"), _at(text, "the work will take a year"))
    event(4, "Attribution", _at(text, "the council"), _at(text, "according to"), _at(text, "The cost is modest"))
    event(5, "Attribution", _at(text, "Brandt", text.index("Brandt criticized")), _at(text, "criticized"),
          _at(text, "the delay in the tender"))
    lines.append("#1\tAnnotatorNotes T12\tconstructed note")
    return "\n".join(lines) + "\n"


def write_checkout(root: Path, text: str = TEXT, ann: str | None = None) -> Path:
    """A constructed PolNeAR-shaped checkout: metadata, one dev article read by two annotators."""
    data = root / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir(parents=True)
    (data / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\n"
        "dev\tconstructed_bridge\t1\tbb22|aa11\tnone\n"
        "train\tconstructed_other\t1\taa11\tnone\n", encoding="utf-8")
    (data / "dev" / "text" / "constructed_bridge.txt").write_bytes(text.encode("utf-8"))
    (data / "dev" / "attributions" / "constructed_bridge_bb22.ann").write_text(ann or constructed_ann(text),
                                                                               encoding="utf-8")
    (data / "dev" / "attributions" / "constructed_bridge_aa11.ann").write_text("", encoding="utf-8")
    return root


# --- the brat reader -------------------------------------------------------------------------------


def test_parse_ann_reads_pieces_roles_and_multiline_text():
    text = "Alpha said the plan works.\nIt works well.\n"
    ann = (
        "T1\tSource 0 5\tAlpha\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 25;27 41\tthe plan works It works well\n"
        "T4\tAttribution 6 10\tsaid\n"
        "T5\tContent 11 41\tthe plan works.\nIt works well\n"  # a span whose stored text holds a line break
        "T6\tCue 6 6;6 10\tsaid\n"  # an empty piece, as brat writes for a selection of spaces
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "E2\tAttribution-no-source:T4 Content:T5 Content2:T3 Cue:T6\n"
        "E3\tAttribution:T4 Cue:T99\n"  # names a span the file lacks: skipped
    )
    first, second = P.parse_ann(ann)
    assert (first.id, first.type, first.source, first.cue) == ("E1", "Attribution", ((0, 5),), ((6, 10),))
    assert first.content == ((11, 25), (27, 41))
    assert second.type == "Attribution-no-source" and second.source == ()
    assert second.cue == ((6, 10),)
    assert second.content == ((11, 25), (11, 41), (27, 41))
    assert text[11:25] == "the plan works"


def test_read_split_from_a_checkout_picks_the_first_listed_annotator(tmp_path):
    root = write_checkout(tmp_path / "PolNeAR")
    for path in (root, root / "data"):
        (article,) = P.read_split(path, "dev")
        assert (article.name, article.annotator, article.text) == ("constructed_bridge", "bb22", TEXT)
        assert len(article.attributions) == 5
        assert TEXT[slice(*article.attributions[0].source[0])] == "Mayor Lena Brandt"
    with pytest.raises(ValueError, match="no article"):
        P.read_split(root, "test")
    with pytest.raises(FileNotFoundError, match="git clone"):
        P.read_split(tmp_path, "dev")


def test_read_split_from_a_bare_git_directory(tmp_path):
    root = write_checkout(tmp_path / "work")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q", str(root)], check=True)
    subprocess.run([*git, "-C", str(root), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(root), "commit", "-q", "-m", "constructed"], check=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(root), str(tmp_path / "bare.git")], check=True)
    (from_git,) = P.read_split(tmp_path / "bare.git", "dev")
    (from_dir,) = P.read_split(root, "dev")
    assert from_git == from_dir


# --- the metrics -------------------------------------------------------------------------------------


def test_overlap_and_core():
    assert M.overlap(((0, 10),), ((5, 20),)) == 5
    assert M.overlap(((0, 4), (10, 14)), ((3, 11),)) == 2
    assert M.overlap(((0, 4),), ((4, 8),)) == 0
    text = "\u201cThat works,\u201d | that thatch stays."
    assert M.core(text, ((0, 13),)) == M.core(text, ((1, 11),))  # quotation marks and punctuation drop out
    assert M.core(text, ((0, 13),), drop_that=True) == M.core(text, ((6, 11),))
    thatch = ((21, 33),)
    assert M.core(text, thatch, drop_that=True) == M.core(text, thatch)  # "thatch" is not "that"
    assert M.core(text, ((16, 33),), drop_that=True) == M.core(text, thatch)


def test_match_is_maximum_where_greedy_falls_short():
    # p0 overlaps g0 most, but p1 can only take g0: a greedy pairing by overlap gets 1 pair, the maximum is 2
    gold = [M.Statement(((0, 10),)), M.Statement(((10, 20),))]
    pred = [M.Statement(((2, 18),)), M.Statement(((0, 3),))]
    assert M.match(gold, pred) == [(0, 1), (1, 0)]
    assert M.match(gold, []) == [] and M.match([], pred) == []


def test_score_document_counts():
    text = "Ann said that the bridge is safe. Bo thinks it rains. Cy said \u201cno.\u201d Dee left, sources said."

    def at(part: str, after: str = "") -> tuple[tuple[int, int], ...]:
        return (_at(text, part, text.index(after) if after else 0),)

    gold = [
        M.Statement(at("that the bridge is safe"), at("Ann"), at("said"), "say"),
        M.Statement(at("\u201cno.\u201d"), at("Cy"), at("said", "Cy"), "say"),
        M.Statement(at("Dee left"), at("sources"), at("said", "sources"), "say"),  # never predicted
    ]
    ignored = [M.Statement(at("it rains"), at("Bo"), at("thinks"), "think")]
    pred = [
        M.Statement(at("the bridge is safe"), at("Ann"), at("said"), "reported-clause"),  # without "that"
        M.Statement(at("no"), at("said", "Cy"), at("said", "Cy"), "quote-speaker-verb"),  # exact, wrong speaker
        M.Statement(at("it rains"), at("Bo"), (), "reported-clause"),  # only the belief: ignored
        M.Statement(at("sources said."), (), (), "reported-clause"),  # overlaps nothing: wrong
    ]
    scores = M.Scores()
    judged = M.score_document(scores, text, gold, pred, ignored)
    assert judged.gold_found == [True, True, False]
    assert judged.pred_status == ["right", "right", "ignored", "wrong"]
    assert judged.pairs == [(0, 0), (1, 1)]
    assert (scores.n_gold, scores.n_pred, scores.n_ignored, scores.pairs) == (3, 3, 1, 2)
    assert scores.partial_precision == pytest.approx(2 / 3) and scores.partial_recall == pytest.approx(2 / 3)
    assert scores.one_to_one_f1 == pytest.approx(2 / 3)
    assert (scores.exact, scores.exact_that) == (1, 2)
    assert (scores.speaker_pairs, scores.speaker_overlap, scores.speaker_exact) == (2, 1, 1)
    assert scores.label_recall(["say"]) == pytest.approx(2 / 3)
    assert scores.wrong_by_label["reported-clause"] == 1 and scores.pred_by_label["reported-clause"] == 2


def test_lenient_speaker_accepts_the_antecedent_of_a_relative_pronoun():
    text = "Brandt, who said the bridge is safe, left."
    gold = [M.Statement(((17, 35),), ((8, 11),), ((12, 16),), "say", speaker_also=((0, 6),))]
    scores = M.Scores()
    M.score_document(scores, text, gold, [M.Statement(((17, 35),), ((0, 6),))])
    assert (scores.speaker_overlap, scores.speaker_lenient, scores.speaker_pairs) == (0, 1, 1)


# --- speech cues, on the real model ----------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    ("Brandt went on to say that the bridge is safe.", "went on to say", ("say", True)),
    ("Brandt thinks that the bridge is safe.", "thinks", ("think", False)),
    ("The bridge is safe, according to Brandt.", "according to", ("according to", True)),
    ("In a statement, Brandt called the bridge safe.", "In a statement", ("statement", True)),
    ("Brandt shot back: the bridge is safe.", "shot back:", (":", True)),
])
def test_cue_word(nlp, sentence, cue, expected):
    doc = nlp(sentence)
    start, end = _at(sentence, cue)
    assert P.cue_word(list(doc.char_span(start, end, alignment_mode="expand"))) == expected


# --- the benchmark end to end, with the real model --------------------------------------------------


def test_benchmark_on_a_constructed_checkout(tmp_path, capsys):
    root = write_checkout(tmp_path / "PolNeAR")
    (article,) = P.read_split(root, "dev")
    scores, docs, cues, timing = Q.run([article])
    # gold: the mayor's quotation, the engineer's "told reporters", "according to" and "criticized";
    # "thinks" is a belief, so not speech
    assert scores.n_gold == 4 and cues["think", False] == 1 and cues["say", True] == 1
    assert {g.label for g in docs[0].gold} == {"say", "tell", "according to", "criticize"}
    assert docs[0].judged.gold_found[:3] == [True, True, True]
    assert scores.partial_precision == 1.0 and scores.speaker_overlap == scores.speaker_pairs
    assert scores.exact_that >= 2  # the quotation and "the steel was sound" without its "that"
    assert set(timing) == {"parse", "quotes", "score"}
    assert Q.main(["--polnear", str(root), "--split", "dev", "--variants", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "partial precision        1.000" in out and "one-to-one F1" in out and "runtime" in out
    assert "missed gold statements by construction" in out and "per cue" in out
    lexicon = tmp_path / "cues.tsv"
    Q.main(["--polnear", str(root), "--split", "dev", "--lexicon", str(lexicon)])
    rows = [line.split("\t") for line in lexicon.read_text(encoding="utf-8").splitlines()[2:]]
    assert ["criticize", "1", "1", "0.2500", "1", "0"] in rows and ["say", "1", "1", "0.2500", "1", "1"] in rows
    assert "think" not in {row[0] for row in rows}  # not speech, and seen fewer than 3 times
    written = lexicon.read_text(encoding="utf-8")
    assert not any(words in written for words in _phrases(TEXT))  # lemmas and counts, no text


def _phrases(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def test_frames_are_counted_as_facts(tmp_path):
    root = write_checkout(tmp_path / "PolNeAR")
    frames = tmp_path / "frames.tsv"
    assert Q.main(["--polnear", str(root), "--split", "dev", "--frames", str(frames)]) == 0
    rows = [line.split("\t") for line in frames.read_text(encoding="utf-8").splitlines()[2:]]
    assert ["criticize", "verb", "object", "1"] in rows and ["tell", "verb", "clause", "1"] in rows
    assert not any(words in frames.read_text(encoding="utf-8") for words in _phrases(TEXT))


def test_the_frame_of_a_content(nlp):
    text = "Brandt criticized the delay. Moreau vowed to act. Herrera said the dam holds."
    doc = nlp(text)
    cases = [("the delay", "criticized", "object"), ("to act", "vowed", "to"), ("the dam holds", "said", "clause")]
    for content, cue, frame in cases:
        head = doc.char_span(*_at(text, cue))[0]
        assert F.frame((_at(text, content),), doc, head) == frame


def test_annotators_scored_against_each_other(tmp_path, capsys):
    root = write_checkout(tmp_path / "PolNeAR")  # two annotators of the dev article: the second read nothing
    ann = root / "data" / "dev" / "attributions" / "constructed_bridge_aa11.ann"
    (name, text, anns), = P.read_multiple(root, "dev")
    assert name == "constructed_bridge" and set(anns) == {"bb22", "aa11"} and anns["aa11"] == []
    ann.write_text(constructed_ann(), encoding="utf-8")  # now both read it the same way
    assert Q.main(["--polnear", str(root), "--split", "dev", "--agreement"]) == 0
    out = capsys.readouterr().out
    assert "one-to-one P 1.000 R 1.000 F1 1.000" in out and "exact content recall 1.000" in out


def test_scaling_prints_a_ratio_per_size(capsys):
    assert Q.main(["--scaling"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and lines[1].strip().startswith("1 copy") and lines[-1].strip().startswith("16 copies")


def test_test_split_is_only_for_the_final_figure(tmp_path):
    root = write_checkout(tmp_path / "PolNeAR")
    for flag in (["--errors"], ["--lexicon", str(tmp_path / "x.tsv")], ["--frames", str(tmp_path / "x.tsv")]):
        with pytest.raises(SystemExit):
            Q.main(["--polnear", str(root), "--split", "test", *flag])
    assert not (tmp_path / "x.tsv").exists()


def test_explain_prints_the_definitions(capsys):
    assert Q.main(["--explain"]) == 0
    out = capsys.readouterr().out
    assert "one-to-one" in out and "exact content" in out and "according to" in out


def test_missed_constructions(nlp):
    text = "Brandt scoffed at the delay. The bridge, Moreau said, is safe. Poll: the bridge is safe."
    doc = nlp(text)
    criticized = M.Statement((_at(text, "the delay"),), (_at(text, "Brandt"),), (_at(text, "scoffed"),),
                             "scoff")
    parenthetical = M.Statement((_at(text, "The bridge,"), _at(text, "is safe.")), (_at(text, "Moreau"),),
                                (_at(text, "said"),), "say")
    colon = M.Statement((_at(text, "the bridge is safe", 60),), (_at(text, "Poll"),), (_at(text, ":"),), ":")
    assert E.construction(criticized, doc, "") == "unknown-verb"
    assert E.construction(parenthetical, doc, "") == "reported:parenthetical"
    assert E.construction(colon, doc, "") == "colon"
    assert E.construction(colon, doc, "headline") == "outside-body"
    speakers = "She said it. The engineer said it. Brandt, who said it, left."
    doc = nlp(speakers)
    kinds = [E.speaker_type(M.Statement((), (_at(speakers, who),)), doc) for who in ("She", "The engineer", "who")]
    assert kinds == ["pronoun", "role", "relative"]
