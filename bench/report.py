"""Report: `newslab report` on the seed against parsing the seed with plain spaCy, in the same run.

Each run is a fresh subprocess timed from outside, so interpreter start, imports and model
loading all count:

    A  report:    newslab report --out FILE   (the command line, seed article, 7 charts as SVG)
    B  baseline:  import spacy; spacy.load(MODEL); nlp(seed text)

A and B alternate so drift in machine load hits both alike. Target: A/B <= 2.0 (issue 17; it was 2.5 in issue 13).

    python bench/report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newslab
from newslab.text.pipeline import resolve_model

TARGET = 2.0
BASELINE_CODE = "import spacy\nnlp = spacy.load({model!r})\nnlp({text!r})\n"


def timed(command: list[str]) -> float:
    """Wall time of one fresh process, in seconds."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each variant (at least 1)")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp()) / "report.html"
    report = [sys.executable, "-c", "from newslab.cli import main; main()", "report", "--out", str(out)]
    baseline = [sys.executable, "-c", BASELINE_CODE.format(model=resolve_model(), text=newslab.load_article().text)]
    times: dict[str, list[float]] = {"report": [], "baseline": []}
    timed(baseline)  # warm the file cache
    for _ in range(max(args.runs, 1)):
        times["report"].append(timed(report))
        times["baseline"].append(timed(baseline))
    report_s, baseline_s = (statistics.median(times[name]) for name in ("report", "baseline"))
    ratio = report_s / baseline_s
    print(f"newslab report (seed, 7 charts): median {report_s:.2f} s over {args.runs} runs")
    print(f"baseline (import spacy + model load + parse of the seed): median {baseline_s:.2f} s")
    print(f"ratio report/baseline: {ratio:.2f} (target <= {TARGET}: {'met' if ratio <= TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
