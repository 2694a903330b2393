"""How long one filter change of the entity explorer takes, on the seed and on a 50x text.

A filter change is one assignment to ``explorer.labels``: the widget recomputes the
visible mentions, the highlighted HTML, the counts and the entity list before the
assignment returns. Targets: under 50 ms on the seed, under 500 ms on 50x the seed.
The baseline, measured in the same run, is plain ``displacy.render(doc, style="ent")``
with the same label filter: the least any highlighted view of the article costs.

Run: .venv/bin/python bench/explorer.py
"""

from __future__ import annotations

import statistics
import time

import newslab
from newslab.widgets.explorer import EntityExplorer

CHANGES = 20
TARGETS_MS = {"seed": 50.0, "seed x50": 500.0}


def timed_ms(explorer: EntityExplorer, trait: str, values: list) -> list[float]:
    """Set one trait to each value in turn; the view is up to date when the assignment returns."""
    times = []
    for value in values:
        start = time.perf_counter()
        setattr(explorer, trait, value)
        times.append((time.perf_counter() - start) * 1000)
    return times


def baseline_ms(doc, values: list) -> list[float]:
    from spacy import displacy

    times = []
    for labels in values:
        options = {"ents": labels} if labels else {}
        start = time.perf_counter()
        displacy.render(doc, style="ent", options=options)
        times.append((time.perf_counter() - start) * 1000)
    return times


def filter_changes(explorer: EntityExplorer, changes: int = CHANGES) -> list[list[str]]:
    present = explorer.visible["label"].value_counts().index.tolist()
    return [[present[i % len(present)]] for i in range(changes - 1)] + [[]]


def main() -> None:
    seed = newslab.load_article().text
    texts = {"seed": seed, "seed x50": "\n".join([seed] * 50)}
    for name, text in texts.items():
        start = time.perf_counter()
        doc = newslab.analyze(text)
        parse_s = time.perf_counter() - start
        start = time.perf_counter()
        explorer = EntityExplorer(doc)
        build_ms = (time.perf_counter() - start) * 1000
        changes = filter_changes(explorer)
        median = statistics.median(timed_ms(explorer, "labels", changes))
        baseline = statistics.median(baseline_ms(doc, changes))
        typing = statistics.median(timed_ms(explorer, "query", ["U", "Uk", "Ukr", "Ukra", "Ukrai", "Ukrain", ""]))
        kwic = statistics.median(timed_ms(explorer, "selected", ["Ukraine", "NATO", "Rutte", ""] * 2))
        verdict = "OK" if median < TARGETS_MS[name] else "MISSED"
        print(f"{name:9} {len(text):>7} chars {len(explorer.visible):>5} mentions | parse {parse_s:5.1f} s | "
              f"build {build_ms:6.1f} ms | filter change median {median:6.1f} ms "
              f"(target < {TARGETS_MS[name]:.0f} ms) {verdict} | displacy.render {baseline:6.1f} ms, "
              f"ratio {median / baseline:4.2f} | keystroke {typing:6.1f} ms | entity pick {kwic:6.1f} ms")


if __name__ == "__main__":
    main()
