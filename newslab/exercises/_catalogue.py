"""Every exercise as one table row: its goal, what it needs, the answers it accepts, its distractors."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["catalogue", "ACCEPTED_FORMS"]

#: What each kind of answer accepts, in words (the rules of ``_normalize``).
ACCEPTED_FORMS = {
    "count": "the whole number as int, numpy integer, float without decimals, numeric string with spaces, or "
             "inside a one-element list/tuple/Series/Index/array or a one-cell DataFrame",
    "ratio": "the exact share or the share rounded to 3 or more decimals (trailing zeros may be dropped), as a "
             "number, numpy float, string, percentage string ('83.6%'), or inside a one-element container",
    "text": "the text in any case and spacing (possessive 's and end punctuation ignored): str, numpy str, a "
            "one-element list/tuple/Series/Index, a spaCy Token or Span, an article Part",
    "texts": "the names in any order, case and spacing, repeats allowed: list/tuple/array/Series, a single name "
             "as a string, or the filtered disagreements table itself",
    "pair": "the two names in either order and any case: tuple/list/array/Series, 'A, B' or 'A and B', or a row "
            "(or one-row table) of the co-occurrence table",
    "spans": "annotator.spans, the annotator itself, annotator.record(), annotator.to_frame(), (start, end, label) "
             "tuples, in any order",
    "value": "the value after the general normalisation (numpy scalars, one-element containers, stripped text)",
}


def catalogue() -> pd.DataFrame:
    """One row per exercise: ``exercise, goal, needs, accepts, distractors`` (for instructors and the docs).

    Examples:
        >>> table = catalogue().set_index("exercise")
        >>> table.loc["01-dateline", "needs"]
        'dateline'
    """
    import pandas as pd

    from .checks import registry

    rows = [(eid, item.goal, "; ".join(need.name for need in item.needs), ACCEPTED_FORMS[item.kind],
             "; ".join(f"{d.name}: “{d.message}”" for d in item.distractors))
            for eid, item in sorted(registry().items())]
    return pd.DataFrame(rows, columns=["exercise", "goal", "needs", "accepts", "distractors"])
