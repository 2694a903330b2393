"""Answer forms: how many right forms the checks reject, and wrong forms they accept, per exercise.

Runs the answer-form generator of the tests (``tests/exercises/forms.py``: every single transformation of
each exercise's true answer, and of each wrong base) over every exercise, on the seed and on every article in
``tests/data/articles``, and counts:

    right rejected   a right form that fails (a form the exercise declares refused counts only when it
                     fails with another message than the declared one, or passes)
    wrong accepted   a wrong form that passes
    false messages   a wrong form whose message says something untrue about it, or gives the answer away

Run from the repository root: ``.venv/bin/python bench/answer_forms.py [--verbose]``. To measure another tree
(main, say) with today's generator: ``PYTHONPATH=/path/to/other/tree .venv/bin/python bench/answer_forms.py``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _contexts(folder: Path) -> dict[str, object]:
    from newslab.exercises._context import Context

    found: dict[str, object] = {"seed": Context(None)}
    for path in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")):
        copy = folder / path.stem
        copy.mkdir()
        for source in path.parent.glob(f"{path.stem}.*"):
            shutil.copy(source, copy / source.name)
        found[path.stem] = Context(copy / path.name)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every failure")
    args = parser.parse_args()
    sys.path.append(str(ROOT))  # the generator lives with the tests (after PYTHONPATH: another tree may be measured)
    from newslab.exercises import registry
    from newslab.exercises.checks import judge, unmet_needs
    from tests.exercises import forms as F

    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for article, ctx in _contexts(Path(tmp)).items():
            for exercise_id, item in sorted(registry().items()):
                if unmet_needs(item, ctx):
                    continue
                refused = {r.form: r.message for r in getattr(item, "refuses", ())}
                for form in F.right_forms(item, ctx):
                    feedback, _ = judge(item, form.value, ctx)
                    totals["right"] += 1
                    expected = refused.get(form.tag)
                    bad = not feedback.passed if expected is None else feedback.message != expected
                    totals["right rejected"] += bad
                    if bad and args.verbose:
                        print(f"REJECTED {article} {exercise_id} {form.name}: {feedback.message}")
                for form in F.wrong_forms(item, ctx):
                    feedback, _ = judge(item, form.value, ctx)
                    totals["wrong"] += 1
                    totals["wrong accepted"] += feedback.passed
                    claims = [] if feedback.passed else F.false_claims(item, ctx, form, feedback.message)
                    totals["false messages"] += bool(claims)
                    if args.verbose and (feedback.passed or claims):
                        print(f"{'ACCEPTED' if feedback.passed else 'FALSE'} {article} {exercise_id} {form.name}: "
                              f"{feedback.message} {claims}")
    for key in ("right", "right rejected", "wrong", "wrong accepted", "false messages"):
        print(f"{key}: {totals[key]}")
    print(f"right rejected share: {totals['right rejected'] / max(totals['right'], 1):.3f}")
    print(f"wrong accepted share: {totals['wrong accepted'] / max(totals['wrong'], 1):.3f}")


if __name__ == "__main__":
    main()
