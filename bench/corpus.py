"""Corpus throughput: newslab.analyze_many against plain nlp.pipe, in the same run.

Builds a corpus of N articles by recombining the seed's body sentences with a fixed
random seed (so every article has a headline, byline, dateline and paragraphs), then
times parsing the whole corpus and building one entity table for it.

    python bench/corpus.py [--articles 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import pandas as pd

import newslab as nl


def corpus(n: int, *, seed: int = 13) -> list[str]:
    article = nl.load_article()
    sentences = nl.sentences(nl.analyze(article))
    body = sentences[sentences["part"] == "paragraph"]["text"].tolist()
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        paragraphs = [" ".join(rng.sample(body, 3)) for _ in range(6)]
        texts.append("\n".join([f"Report Number {i} From The Region", "By Staff Writer", "KYIV – " + paragraphs[0], *paragraphs[1:]]))
    return texts


def newslab_run(texts: list[str]) -> int:
    docs = nl.analyze_many(texts, batch_size=64)
    return len(pd.concat([nl.entities(doc) for doc in docs], ignore_index=True))


def spacy_run(texts: list[str]) -> int:
    nlp = nl.load_pipeline()
    rows = [(e.text, e.label_, e.start_char, e.end_char) for doc in nlp.pipe(texts, batch_size=64) for e in doc.ents]
    return len(pd.DataFrame(rows, columns=["text", "label", "start_char", "end_char"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.articles)
    chars = sum(map(len, texts))
    nl.load_pipeline()
    timings: dict[str, list[float]] = {"newslab": [], "spacy": []}
    for _ in range(args.runs):
        for name, run in (("spacy", spacy_run), ("newslab", newslab_run)):
            start = time.perf_counter()
            run(texts)
            timings[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    print(f"corpus: {args.articles} articles, {chars:,} characters, {args.runs} runs")
    for name, value in medians.items():
        print(f"{name:>8}: median {value:.2f} s  ({chars / value / 1000:.0f}k chars/s)")
    print(f"ratio newslab/spacy: {medians['newslab'] / medians['spacy']:.2f}")


if __name__ == "__main__":
    main()
