"""newslab.corpus: inputs, component selection, Parquet shards, errors, resumption and the Dask engine.

The texts are the course's constructed reports (seeds/corpus), copied under new ids where a
test needs many articles, and clearly fictional one-liners (Riverton, Mayor Ana Field).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import newslab as nl
from newslab import columns as C
from newslab import corpus
from newslab.corpus._run import components, done_path, pipeline
from newslab.errors import NewslabError
from newslab.seeds import seed_dir, seed_path
from tests.paths import ROOT

REPORTS = sorted((seed_dir() / "corpus").glob("*.txt"))


def many_reports(folder: Path, copies: int) -> list[str]:
    """Copy the constructed reports ``copies`` times under new ids, with their metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for n in range(copies):
        for report in REPORTS:
            meta = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
            meta["id"] = f"{meta['id']}-{n:03d}"
            (folder / f"{meta['id']}.txt").write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
            (folder / f"{meta['id']}.json").write_text(json.dumps(meta), encoding="utf-8")
            ids.append(meta["id"])
    return sorted(ids)


# --- the teaching corpus ------------------------------------------------------------------

SEED = seed_path().read_text(encoding="utf-8")


def sentences_of(text: str) -> list[str]:
    body = text.split("\n", 2)[2]  # headline and byline are checked on their own
    body = re.sub(r"^KYIV – ", "", body)
    return [s for line in body.splitlines() for s in re.split(r'(?<=\.)\s+(?=[A-Z])|(?<=\.")\s+(?=[A-Z])', line) if s]


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_every_report_sentence_is_word_for_word_from_the_seed(report):
    text = report.read_text(encoding="utf-8")
    for sentence in sentences_of(text):
        assert sentence in SEED, sentence
    for quoted in re.findall(r'"[^"]*"|“[^”]*”', text):
        assert quoted in SEED, quoted
    for line in text.splitlines()[:2]:  # a headline or byline names no one the seed quotes or reports on
        assert not re.search(r"Rutte|Zelenskiy|Putin|Stoltenberg", line), line
    assert text.splitlines()[1].endswith("(constructed for the newslab course)")


def test_every_sentence_naming_rutte_or_zelenskiy_occurs_verbatim_in_the_seed():
    docs = corpus.teaching_corpus()
    named = [s.text.strip() for doc in docs for s in doc.sents if re.search(r"Rutte|Zelenskiy", s.text)]
    assert named and all(sentence in SEED for sentence in named)


def test_the_reports_are_labelled_constructed_with_invented_distinct_outlets():
    metas = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in REPORTS]
    assert 5 <= len(metas) <= 8
    assert all(meta["constructed"] is True and "Constructed for the newslab course" in meta["note"] for meta in metas)
    assert len({meta["outlet"] for meta in metas}) == len(metas)
    assert len({meta["style"] for meta in metas}) == len(metas)
    assert len({tuple(meta["seed_sentences"]) for meta in metas}) == len(metas)  # selection or order differ


def test_teaching_corpus_tables_carry_the_metadata(nlp):
    docs = corpus.teaching_corpus()
    table = nl.entities(docs)
    assert list(table.columns[:4]) == list(C.ARTICLE_COLUMNS)
    assert set(table[C.ARTICLE_ID]) == {p.stem for p in REPORTS}
    assert table[C.OUTLET].notna().all() and (table[C.DATE] == "2024-10-03").all()
    assert docs.articles()[C.ARTICLE_ID].tolist() == docs.ids


# --- inputs and errors --------------------------------------------------------------------


def test_errors_table_has_each_bad_input_with_its_reason_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Mayor Ana Field opened the Riverton library on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 in Riverton.".encode("latin-1"))
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50_000_000)  # a 50 MB file (sparse: no need to write it)
    (folder / "copy.txt").write_text("Riverton voted on Tuesday.", encoding="utf-8")
    (folder / "copy.json").write_text(json.dumps({"id": "good"}), encoding="utf-8")
    out = corpus.process(folder, tmp_path / "out", progress=False)
    table = corpus.read_table(out, "errors").set_index(C.ARTICLE_ID)
    errors = table[C.REASON]
    assert set(errors.index) == {"empty", "latin1", "huge", "good"}
    assert "empty" in errors["empty"] and "empty.txt" in errors["empty"]
    assert "not UTF-8" in errors["latin1"] and "latin1.txt" in errors["latin1"]
    assert "50,000,000 bytes" in errors["huge"]
    assert "duplicate id 'good'" in errors["good"]  # files are read in name order: copy.txt came first
    assert table.loc["good", C.SOURCE].endswith("good.txt")
    assert corpus.read_table(out, "articles")[[C.ARTICLE_ID, C.SOURCE]].values.tolist() == [
        ["good", str(folder / "copy.txt")]]
    assert corpus.read_table(out, "entities")[C.TEXT].tolist() == ["Tuesday"]


def test_jsonl_html_and_pandas_inputs(tmp_path):
    lines = [{"id": "r1", "text": "Mayor Ana Field visited Riverton.", "outlet": "Riverton Post"},
             {"id": "r2", "text": "The Riverton council met in Lakeside.", "outlet": "Lakeside Daily"}]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(line) for line in lines) + "\nnot json\n", encoding="utf-8")
    out = corpus.process(jsonl, tmp_path / "a", progress=False)
    articles = corpus.read_table(out, "articles")
    assert articles[[C.ARTICLE_ID, C.OUTLET]].values.tolist() == [["r1", "Riverton Post"], ["r2", "Lakeside Daily"]]
    assert "line 3" in corpus.read_table(out, "errors")[C.REASON].iloc[0]

    frame = pd.DataFrame(lines).set_index("id")
    from_frame = corpus.read_table(corpus.process(frame, tmp_path / "b", progress=False), "entities")
    from_jsonl = corpus.read_table(out, "entities")
    pd.testing.assert_frame_equal(from_frame.drop(columns=[C.ARTICLE_ID]), from_jsonl.drop(columns=[C.ARTICLE_ID]))

    html = tmp_path / "html"
    html.mkdir()
    paragraph = "Mayor Ana Field opened the new Riverton library on Monday, and the council thanked the volunteers. "
    (html / "page.html").write_text(
        "<html><head><title>Riverton opens its library</title><meta property='og:site_name' content='Riverton Post'>"
        f"</head><body><nav>Home | Sport</nav><article><h1>Riverton opens its library</h1><p>{paragraph * 3}</p>"
        f"<p>{paragraph * 2}</p></article><footer>Contact us</footer></body></html>", encoding="utf-8")
    out = corpus.process(html, tmp_path / "c", progress=False)
    article = corpus.read_table(out, "articles").iloc[0]
    assert article[C.TITLE] == "Riverton opens its library" and article[C.OUTLET] == "Riverton Post"
    assert "Contact us" not in " ".join(corpus.read_table(out, "sentences")[C.TEXT])


# --- only the components the tables need --------------------------------------------------


def test_entity_tables_run_only_ner_and_senter_with_the_same_entities(seed_doc, nlp):
    assert components(("entities",)) == ("senter", "ner")
    assert components(("entities", "tokens"))[:3] == ("tok2vec", "tagger", "parser")
    small = pipeline(corpus.processing._options("x", ("entities",), nl.text.pipeline.resolve_model(), 64, "sentence").model,
                     components(("entities",)))
    assert small.pipe_names == ["senter", "ner"]
    fast = next(nl.analyze_many([nl.load_article()], nlp=small))
    assert [(e.start_char, e.end_char, e.label_) for e in fast.ents] == \
           [(e.start_char, e.end_char, e.label_) for e in seed_doc.ents]
    assert len(list(fast.sents)) > 5  # senter gives sentence ids


def test_manifest_records_versions_and_options_and_a_changed_run_is_refused(tmp_path):
    out = corpus.process(pd.Series(["Riverton voted."]), tmp_path / "out", tables=["entities"], progress=False)
    manifest = json.loads((out / "manifest.json").read_text())
    import spacy

    assert manifest["versions"]["spacy"] == spacy.__version__
    assert manifest["versions"]["model_version"] == nl.load_pipeline().meta["version"]
    assert manifest["options"]["tables"] == ["entities"] and manifest["components"] == ["senter", "ner"]
    with pytest.raises(NewslabError, match="other options"):
        corpus.process(pd.Series(["Riverton voted."]), out, tables=["tokens"], progress=False)
    with pytest.raises(NewslabError, match="other input"):
        corpus.process(pd.Series(["Riverton voted.", "Lakeside too."]), out, tables=["entities"], progress=False)
    with pytest.raises(NewslabError, match="unknown table"):
        corpus.process(pd.Series(["Riverton voted."]), tmp_path / "x", tables=["entity"], progress=False)
    summary = dict(corpus.summary(out).values.tolist())
    assert summary["articles"] == 1 and summary["shards done"] == "1 of 1"


# --- resumption after a kill -----------------------------------------------------------------


def test_a_run_killed_mid_way_resumes_without_losing_or_repeating_an_article(tmp_path):
    ids = many_reports(tmp_path / "in", copies=10)
    out = tmp_path / "out"
    shards = -(-len(ids) // 3)
    code = (f"from newslab.corpus import process; process({str(tmp_path / 'in')!r}, {str(out)!r}, "
            "tables=['entities', 'sentences'], shard_size=3, progress=False)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.monotonic() + 180
        while len(list((out / "_done").glob("*.json"))) < 2 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    done_before = {p.name: p.read_text() for p in (out / "_done").glob("*.json")}
    assert 0 < len(done_before) < shards, "the kill must land mid-run"

    corpus.process(tmp_path / "in", out, tables=["entities", "sentences"], shard_size=3, progress=False)
    assert all((out / "_done" / name).read_text() == text for name, text in done_before.items())  # not redone
    assert all(done_path(out, i).is_file() for i in range(shards))
    articles = corpus.read_table(out, "articles")
    assert sorted(articles[C.ARTICLE_ID]) == ids  # each article exactly once

    clean = corpus.process(tmp_path / "in", tmp_path / "clean", tables=["entities", "sentences"], shard_size=3,
                           progress=False)
    for table in ("articles", "entities", "sentences"):
        pd.testing.assert_frame_equal(corpus.read_table(out, table), corpus.read_table(clean, table))


# --- engines ------------------------------------------------------------------------------


@pytest.mark.timeout(600)
def test_dask_and_two_local_processes_give_the_same_tables_as_one_process(tmp_path):
    distributed = pytest.importorskip("distributed")
    many_reports(tmp_path / "in", copies=2)
    tables = ["entities", "sentences", "tokens"]
    one = corpus.process(tmp_path / "in", tmp_path / "one", tables=tables, shard_size=4, progress=False)
    two = corpus.process(tmp_path / "in", tmp_path / "two", tables=tables, shard_size=4, processes=2, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = corpus.process(tmp_path / "in", tmp_path / "dask", tables=tables, shard_size=4,
                                     engine="dask", client=client, progress=False)
            pids = {json.loads(p.read_text())["pid"] for p in (on_dask / "_done").glob("*.json")}
            worker_pids = set(client.run(os.getpid).values())
    assert pids <= worker_pids and os.getpid() not in pids  # parsed on the workers
    for table in ("articles", "errors", *tables):
        expected = corpus.read_table(one, table)
        pd.testing.assert_frame_equal(corpus.read_table(two, table), expected)
        pd.testing.assert_frame_equal(corpus.read_table(on_dask, table), expected)
    shutil.rmtree(tmp_path / "in")


# --- worker processes keep freed memory in their heap (bench/corpus.py: Dask 1.24x -> 1.86x) -------------------


def _where_a_large_array_lives() -> tuple[bool, int]:
    """Whether a 4 MiB array gets its own mmap (given back to the OS when freed, faulted in again on reuse),
    and how much free memory the heap keeps after it is freed (glibc's mallinfo2)."""
    import ctypes
    import ctypes.util

    import numpy as np

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                         "fsmblks", "uordblks", "fordblks", "keepcost")]

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.mallinfo2.restype = MallInfo2
    mmapped_before = libc.mallinfo2().hblks
    array = np.ones(4 * 2**17)
    mmapped = libc.mallinfo2().hblks > mmapped_before
    del array
    return mmapped, libc.mallinfo2().fordblks


HEAP_CODE = """
from tests.corpus.test_processing import _where_a_large_array_lives
from newslab.corpus._run import use_worker_malloc
before = _where_a_large_array_lives()
applied = use_worker_malloc()
print(*before, *_where_a_large_array_lives(), applied)
"""
def _glibc() -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in os.confstr("CS_GNU_LIBC_VERSION").split()[-1].split("."))
    except (AttributeError, ValueError, OSError):  # not glibc
        return ()


GLIBC = pytest.mark.skipif(_glibc() < (2, 33), reason="glibc's malloc settings (mallinfo2 needs glibc 2.33)")


@GLIBC
def test_a_worker_keeps_the_memory_it_frees_in_its_heap():
    # Dask's default for its workers: return freed memory to the OS above 64 KiB
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    out = subprocess.run([sys.executable, "-c", HEAP_CODE], capture_output=True, text=True, check=True, env=env,
                         cwd=ROOT).stdout.split()
    assert out[0] == "True" and out[2] == "False" and out[4] == "True"  # own mmap before, the heap after
    assert int(out[3]) >= 4 * 2**20 > int(out[1])  # and the heap keeps it when it is freed


@pytest.mark.timeout(300)
@GLIBC
def test_local_cluster_workers_are_single_threaded_and_keep_freed_memory():
    pytest.importorskip("distributed")
    with corpus.local_cluster(1, dashboard_address=None) as cluster, cluster.get_client() as client:
        (worker,) = client.scheduler_info()["workers"].values()
        assert worker["nthreads"] == 1
        (mmapped, kept), = client.run(_where_a_large_array_lives).values()
        assert not mmapped and kept >= 4 * 2**20


@pytest.mark.timeout(300)
@GLIBC
def test_the_heap_plugin_is_for_a_cluster_newslab_did_not_start():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            cluster.get_client() as client:
        (mmapped, _), = client.run(_where_a_large_array_lives).values()
        assert mmapped  # Dask's default: the array gets its own mmap, given back to the OS when freed
        client.register_plugin(corpus.worker_heap_plugin())
        (mmapped, kept), = client.run(_where_a_large_array_lives).values()
        assert not mmapped and kept >= 4 * 2**20


# --- clusters and quotes are corpus tables too ----------------------------------------------------------------


def test_clusters_and_quotes_tables_hold_each_articles_table(tmp_path, nlp):
    out = corpus.process(corpus.teaching_folder(), tmp_path / "out", tables=["clusters", "quotes"], shard_size=2,
                         progress=False)
    assert json.loads((out / "manifest.json").read_text())["options"]["tables"] == ["clusters", "quotes"]
    docs = list(corpus.teaching_corpus())
    for name, table in (("clusters", nl.entity_clusters), ("quotes", nl.quotes)):
        written = corpus.read_table(out, name)
        assert list(written.columns) == [*C.ARTICLE_COLUMNS, *table(docs[0]).columns]
        assert written[C.ARTICLE_ID].nunique() == len({doc.user_data[C.META_KEY]["id"] for doc in docs
                                                      if len(table(doc))})
        for doc in docs:
            rows = written[written[C.ARTICLE_ID] == doc.user_data[C.META_KEY]["id"]]
            expected = table(doc)
            pd.testing.assert_frame_equal(rows.drop(columns=list(C.ARTICLE_COLUMNS)).reset_index(drop=True),
                                          expected, check_dtype=False)
    assert len(corpus.read_table(out, "quotes")) > 0 and len(corpus.read_table(out, "clusters")) > 0
