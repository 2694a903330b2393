"""Every exercise as one table row: its goal, what it needs, the answers it accepts and refuses, its distractors."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["catalogue", "ACCEPTED_FORMS"]

#: What each kind of answer accepts, in words (the rules of ``_normalize``).
ACCEPTED_FORMS = {
    "count": "the whole number as int, numpy integer, float without decimals, Decimal, Fraction, numeric string "
             "(any spaces, no-break ones too), or inside a one-element list/tuple/set/Series/Index/array or a one-cell "
             "DataFrame",
    "ratio": "the exact share or the share rounded to 3 or more decimals (trailing zeros may be dropped), as a "
             "number, numpy float (float32 too), Decimal, Fraction, 'a/b' string, percentage string ('83.6%', "
             "'83.6 %'), a bare percentage where the exercise allows it, or inside a one-element container",
    "text": "the text in any case and spacing (no-break spaces too), in quotes, with end punctuation, a leading "
            "'The' or a possessive 's: str, numpy str, a one-element list/tuple/set/Series/Index, a one-row table "
            "or a row (its name column), a spaCy Token or Span, an article Part",
    "texts": "the names in any order, case and spacing, repeats allowed: list/tuple/set/array/Series, one string "
             "('A, B'), or the filtered disagreements table itself",
    "pair": "the two names in either order and any case: tuple/list/set/array/Series, 'A, B', 'A and B', 'A & B', "
            "'A / B', or a row (or one-row table) of the co-occurrence table",
    "spans": "annotator.spans, the annotator itself, annotator.record(), annotator.to_frame(), (start, end, label) "
             "tuples, in any order, a span repeated",
    "value": "the value after the general normalisation (numpy scalars, one-element containers, stripped text)",
}


def catalogue() -> pd.DataFrame:
    """One row per exercise: ``exercise, goal, needs, accepts, refuses, distractors`` (for instructors and the docs).

    Examples:
        >>> table = catalogue().set_index("exercise")
        >>> table.loc["01-dateline", "needs"]
        'dateline'
    """
    import pandas as pd

    from .checks import registry

    rows = [(eid, item.goal, "; ".join(need.name for need in item.needs), ACCEPTED_FORMS[item.kind],
             "; ".join(f"{r.form}: “{r.message}”" for r in item.refuses),
             "; ".join(f"{d.name}: “{d.message}”" for d in item.distractors))
            for eid, item in sorted(registry().items())]
    return pd.DataFrame(rows, columns=["exercise", "goal", "needs", "accepts", "refuses", "distractors"])
