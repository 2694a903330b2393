"""Corpus throughput and memory: newslab.corpus.process against plain nlp.pipe, in the same run.

Builds N articles (default 2,000) by shuffling the seed's body sentences with a fixed random
seed (each has a headline, a byline, a dateline and six paragraphs), writes them as a folder of
.txt files, and measures articles/s and words/s of:

    plain-full       nlp.pipe with the whole default pipeline (the baseline)
    plain-ner        nlp.pipe with only senter + ner
    local-full       process(tables=tokens, sentences, entities, noun_chunks), 1 process
    local-entities   process(tables=entities), 1 process (senter + ner only)
    local-entities-2 the same with processes=2
    dask-entities-2  the same on newslab.corpus.local_cluster(2): a dask.distributed LocalCluster
                     with 2 worker processes

then the peak resident memory of a fresh process running local-entities on 500 and on N articles.
Targets (issue 11):

    local-full / plain-full            >= 0.9
    local-entities / plain-full        >= 1.8, with identical entities (entities-only vs full tables)
    local-entities-2 / local-entities  >= 1.5
    dask-entities-2 / local-entities   >= 1.4
    peak memory at N / at 500          <= 1.10

Each newslab run starts with an empty output folder; the model is loaded before the clock
starts where it can be (the parent's pipelines, a warmed Dask cluster); processes=2 starts its
own two worker processes inside the timed run, model loading included. Every engine runs
``--repeat`` times (default 2), in rounds over all engines, and its fastest run counts, as
``timeit`` does: the machine's slow spells then do not decide a ratio.

    python bench/corpus.py [--articles 2000] [--throughput-articles N] [--shard-size 50] [--repeat 2] [--workdir DIR]

``--throughput-articles`` times the engines on the first N articles only (default: all of
them), for a machine where a full-size run of every engine would take too long; the memory
measure always uses 500 and ``--articles``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import newslab as nl
from newslab import corpus
from newslab.corpus._run import FULL, pipeline

FULL_TABLES = ["tokens", "sentences", "entities", "noun_chunks"]
TARGETS = {
    "local-full / plain-full": 0.9,
    "local-entities / plain-full": 1.8,
    "local-entities-2 / local-entities": 1.5,
    "dask-entities-2 / local-entities": 1.4,
}
MEMORY_TARGET = 1.10
# VmHWM, not ru_maxrss: after fork + exec, Linux's ru_maxrss can still report the parent's peak
MEMORY_CODE = """\
import re, sys
from newslab.corpus import process
process(sys.argv[1], sys.argv[2], tables=["entities"], shard_size=int(sys.argv[3]), progress=False)
print(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1))
"""


def articles(n: int, *, seed: int = 13) -> list[str]:
    """N articles made of the seed's body sentences, shuffled."""
    table = nl.sentences(nl.analyze())
    body = table[table["part"] == "paragraph"]["text"].tolist()
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        paragraphs = [" ".join(rng.sample(body, 3)) for _ in range(6)]
        texts.append("\n".join([f"Report Number {i} From The Region", "By Staff Writer",
                                "KYIV – " + paragraphs[0], *paragraphs[1:]]))
    return texts


def write_folder(texts: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        (folder / f"a{i:06d}.json").write_text(json.dumps({"id": f"a{i:06d}", "outlet": f"outlet {i % 7}"}))
    return folder


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def plain(texts: list[str], components: tuple[str, ...]) -> Callable[[], object]:
    nlp = pipeline(nl.text.pipeline.resolve_model(), components)
    nlp("warm up")
    return lambda: sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))


def newslab_run(folder: Path, out: Path, **options) -> Callable[[], object]:
    def run() -> object:
        shutil.rmtree(out, ignore_errors=True)
        return corpus.process(folder, out, progress=False, **options)

    return run


def peak_memory(folder: Path, out: Path, shard_size: int) -> int:
    shutil.rmtree(out, ignore_errors=True)
    # without the malloc settings that starting Dask workers leaves in this process's environment
    env = {key: value for key, value in os.environ.items() if not key.startswith("MALLOC_")}
    result = subprocess.run([sys.executable, "-c", MEMORY_CODE, str(folder), str(out), str(shard_size)],
                            capture_output=True, text=True, check=True, env=env)
    return int(result.stdout.split()[-1])  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--throughput-articles", type=int, default=None)
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of every engine; each figure is the fastest")
    parser.add_argument("--memory-only", action="store_true", help="Measure the peak memory only.")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newslab-bench-"))
    every = articles(args.articles)
    everything = write_folder(every, work / "in-all")
    small = write_folder(every[:500], work / "in-500")
    texts = every[: args.throughput_articles or len(every)]
    folder = write_folder(texts, work / "in")
    words = sum(len(text.split()) for text in texts)
    shard = {"shard_size": args.shard_size}
    print(f"corpus: {len(every)} articles; engines timed on {len(texts)} articles, {words:,} words, "
          f"shards of {args.shard_size} ({work})")

    if not args.memory_only:
        throughput(texts, folder, small, work, words, shard, args.repeat)
    memory(everything, small, work, len(every), args.shard_size)


def throughput(texts: list[str], folder: Path, small: Path, work: Path, words: int, shard: dict,
               repeat: int = 2) -> None:
    model = nl.text.pipeline.resolve_model()
    for components in (FULL, ("senter", "ner")):
        pipeline(model, components)("warm up")  # newslab's local engine reuses these pipelines
    runs: dict[str, list[float]] = {}
    engines = {
        "plain-full": plain(texts, FULL),
        "plain-ner": plain(texts, ("senter", "ner")),
        "local-full": newslab_run(folder, work / "full", tables=FULL_TABLES, **shard),
        "local-entities": newslab_run(folder, work / "ents", tables=["entities"], **shard),
        "local-entities-2": newslab_run(folder, work / "ents2", tables=["entities"], processes=2, **shard),
    }
    for _ in range(max(repeat, 1)):  # rounds, so a slow spell of the machine hits every engine alike
        for name, run in engines.items():
            runs.setdefault(name, []).append(timed(run))
    # the cluster only now, so that its idle workers do not slow the runs above
    with corpus.local_cluster(2, dashboard_address=None) as cluster, cluster.get_client() as client:
        newslab_run(small, work / "warm", tables=["entities"], engine="dask", client=client, shard_size=50)()
        on_dask = newslab_run(folder, work / "dask", tables=["entities"], engine="dask", client=client, **shard)
        runs["dask-entities-2"] = [timed(on_dask) for _ in range(max(repeat, 1))]
    seconds = {name: min(values) for name, values in runs.items()}
    for name, value in seconds.items():
        print(f"{name:>17}: {value:7.1f} s  {len(texts) / value:7.1f} articles/s  {words / value:9,.0f} words/s"
              f"  (runs: {', '.join(f'{run:.1f}' for run in runs[name])} s)")
    print("plain-ner / plain-full (NER alone vs the full pipeline): "
          f"{seconds['plain-full'] / seconds['plain-ner']:.2f}x")

    full = corpus.read_table(work / "full", "entities")
    alone = corpus.read_table(work / "ents", "entities")
    same = full.drop(columns=["sent_id"]).equals(alone.drop(columns=["sent_id"]))
    print(f"entities of the entities-only run identical to the full-tables run: {same} ({len(alone):,} mentions)")
    dask_same = all(corpus.read_table(work / "dask", t).equals(corpus.read_table(work / "ents", t))
                    for t in ("articles", "entities"))
    print(f"dask tables identical to the local engine's: {dask_same}")
    for label, target in TARGETS.items():
        top, bottom = (part.strip() for part in label.split("/"))
        ratio = seconds[bottom] / seconds[top]
        print(f"{label:>36}: {ratio:5.2f}x  (target >= {target}: {'met' if ratio >= target else 'NOT met'})")



def memory(everything: Path, small: Path, work: Path, n: int, shard_size: int) -> None:
    at_500 = peak_memory(small, work / "mem-500", shard_size)
    at_n = peak_memory(everything, work / "mem-all", shard_size)
    ratio = at_n / at_500
    print(f"peak memory: {at_500 / 1024:.0f} MB at 500 articles, {at_n / 1024:.0f} MB at {n}: "
          f"{ratio:.2f}x  (target <= {MEMORY_TARGET}: {'met' if ratio <= MEMORY_TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
