"""Startup: time from interpreter start to the first entity table of the seed, newslab against plain spaCy.

Each run is a fresh ``python -c`` subprocess timed from outside, so interpreter start, imports
and model loading all count:

    A  newslab:      import newslab as nl; nl.entities(nl.analyze())
    B  plain spaCy:  spacy.load(MODEL), nlp(text), a DataFrame of doc.ents
    C  import only:  import newslab
    D  an empty table: nl.entities([]) in a fresh process that imported newslab and pandas

A and B alternate so drift in machine load hits both alike. Targets: A/B <= 1.10,
``import newslab`` < 0.3 s, and D < 0.1 s without importing spaCy (the table of no articles is
built from its declared columns; newslab 0.1 parsed a dummy text to learn them).

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

import newslab
from newslab.text.pipeline import resolve_model

RATIO_TARGET = 1.10
IMPORT_TARGET = 0.3

NEWSLAB_CODE = "import newslab as nl; nl.entities(nl.analyze())"
IMPORT_CODE = "import newslab"
EMPTY_TARGET = 0.1
EMPTY_CODE = """\
import sys, time
import pandas, newslab as nl
start = time.perf_counter()
table = nl.entities([])
print(time.perf_counter() - start, "spacy" in sys.modules, len(table.columns))
"""
SPACY_CODE = """\
import spacy, pandas as pd
nlp = spacy.load({model!r})
doc = nlp({text!r})
pd.DataFrame([(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents])
"""


def timed(code: str) -> float:
    """Wall time of one fresh interpreter running ``code``, in seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each variant (at least 1)")
    args = parser.parse_args()
    spacy_code = SPACY_CODE.format(model=resolve_model(), text=newslab.load_article().text)
    times: dict[str, list[float]] = {"newslab": [], "spacy": [], "import": []}
    timed(NEWSLAB_CODE)  # warm the OS file cache so the first timed run is not an outlier
    for i in range(max(args.runs, 1)):
        order = [("newslab", NEWSLAB_CODE), ("spacy", spacy_code)]
        for name, code in order if i % 2 == 0 else order[::-1]:
            times[name].append(timed(code))
        times["import"].append(timed(IMPORT_CODE))
    a, b, c = (statistics.median(times[name]) for name in ("newslab", "spacy", "import"))
    ratio = a / b
    print(f"newslab, start to entity table (median of {len(times['newslab'])}): {a:.3f} s")
    print(f"plain spaCy, start to entity table (median of {len(times['spacy'])}): {b:.3f} s")
    print(f"ratio newslab / spaCy: {ratio:.3f} (target <= {RATIO_TARGET:.2f})")
    print(f"import newslab (median of {len(times['import'])}): {c:.3f} s (target < {IMPORT_TARGET} s)")
    empty = [subprocess.run([sys.executable, "-c", EMPTY_CODE], capture_output=True, text=True, check=True)
             .stdout.split() for _ in range(max(args.runs, 1))]
    d = statistics.median(float(run[0]) for run in empty)
    loaded = any(run[1] == "True" for run in empty)
    print(f"nl.entities([]) (median of {len(empty)}): {d * 1000:.1f} ms, spaCy imported: {loaded} "
          f"(target < {EMPTY_TARGET * 1000:.0f} ms and no spaCy)")
    missed = [f"ratio {ratio:.3f} > {RATIO_TARGET:.2f}"] * (ratio > RATIO_TARGET)
    missed += [f"nl.entities([]) {d:.3f} s or spaCy imported"] * (d >= EMPTY_TARGET or loaded)
    missed += [f"import {c:.3f} s >= {IMPORT_TARGET} s"] * (c >= IMPORT_TARGET)
    print("targets: met" if not missed else f"targets: missed ({'; '.join(missed)})")


if __name__ == "__main__":
    main()
