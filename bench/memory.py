"""Memory: peak RSS of parsing one long single-paragraph text against the same text in paragraphs.

A text of SIZE characters is built from the seed's body sentences (fixed random seed). It is
written two ways of exactly the same length: as one paragraph (sentences joined by spaces),
and in paragraphs of three sentences (joined by line breaks). Each is parsed by
``newslab.entities(newslab.analyze(text))`` in a fresh subprocess that reports its own peak
RSS. newslab cuts any part longer than ``newslab.text.pipeline.PIECE_CHARS`` into pieces at
sentence ends, so the single paragraph should cost about what the paragraphs cost.

Target: peak(single paragraph) <= 1.5 x peak(paragraphs), with the same entities.

    python bench/memory.py [--size 5000000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import newslab as nl

TARGET = 1.5
CHILD = """
import json, resource, sys
import newslab as nl
text = open(sys.argv[1], encoding="utf-8").read()
ents = nl.entities(nl.analyze(text))
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
json.dump({"peak_mb": peak_kb / 1024, "entities": ents[["start_char", "end_char", "label"]].values.tolist()},
          open(sys.argv[2], "w"))
"""


def texts(size: int, *, seed: int = 13) -> tuple[str, str]:
    """The same sentences as one paragraph and as paragraphs of three sentences (equal lengths)."""
    table = nl.sentences(nl.analyze())
    body = table[table["part"] == "paragraph"]["text"].tolist()
    rng = random.Random(seed)
    chosen: list[str] = []
    while sum(map(len, chosen)) + len(chosen) < size:
        chosen.append(rng.choice(body))
    single = " ".join(chosen)
    parts = [" ".join(chosen[i : i + 3]) for i in range(0, len(chosen), 3)]
    return single, "\n".join(parts)


def measure(text: str) -> dict:
    folder = Path(tempfile.mkdtemp())
    source, result = folder / "article.txt", folder / "result.json"
    source.write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-c", CHILD, str(source), str(result)], check=True)
    return json.loads(result.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5_000_000, help="characters of text (default 5 MB)")
    args = parser.parse_args()
    single, paragraphs = texts(args.size)
    one, many = measure(single), measure(paragraphs)
    ratio = one["peak_mb"] / many["peak_mb"]
    a, b = ({tuple(e) for e in result["entities"]} for result in (one, many))
    print(f"text: {len(single):,} characters, {single.count('.'):,} sentences")
    print(f"peak RSS, one paragraph:  {one['peak_mb']:,.0f} MB")
    print(f"peak RSS, in paragraphs:  {many['peak_mb']:,.0f} MB")
    print(f"ratio: {ratio:.2f} (target <= {TARGET}: {'met' if ratio <= TARGET else 'NOT met'})")
    print(f"entities: {len(a):,} vs {len(b):,}; identical: {a == b}; in both: {len(a & b):,} "
          f"(agreement F1 {2 * len(a & b) / max(len(a) + len(b), 1):.4f})")


if __name__ == "__main__":
    main()
