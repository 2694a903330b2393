"""One answer-normalising layer, used by every exercise before its checker runs.

A student answers with whatever their code produced: a numpy integer from ``.sum()``, a
one-row Series from a filter, a spaCy ``Token``, a list, a string with a stray space. Each
function here turns such an answer into one plain Python shape, or returns ``None`` when it
cannot, so that a checker compares plain values and never sees a numpy type:

- numpy and pandas scalars become Python values;
- a one-element list, tuple, Series, Index, array or one-row, one-column DataFrame becomes
  its value;
- a longer Series, Index or array becomes a list (for a text answer, rows that all hold the same
  text are that text: one entity with two labels has two rows);
- a spaCy ``Token`` or ``Span`` and an article ``Part`` become their text;
- a ``Decimal``, a ``Fraction``, a string ``"56/67"`` and a float32 are read as the number they
  show (a float32 as the decimals it prints, ``0.8358209``); any Unicode space (no-break, thin)
  counts as a space;
- strings are stripped (and compared without case where the exercise says case does not matter);
- a DataFrame of spans (``annotator.to_frame()``) becomes a list of span dicts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .. import columns as C

__all__ = ["plain", "as_int", "as_ratio", "as_text", "as_texts", "as_pair", "as_spans", "same_ratio", "text_key"]

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$", re.I)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|/|\+|\s[–—-]\s|\band\b)\s*")
_QUOTIENT = re.compile(r"^\d+/[1-9]\d*$")
_SPAN_FIELDS = ("start", "end", "label")


def plain(answer: Any) -> Any:
    """Return ``answer`` as a plain Python value (see the module docs for the rules).

    Examples:
        >>> import numpy as np, pandas as pd
        >>> plain(np.int64(9)), plain(pd.Series([9])), plain([" KYIV "]), plain(pd.Index(["a", "b"]))
        (9, 9, 'KYIV', ['a', 'b'])
    """
    if isinstance(answer, str):
        return answer.strip()
    if _is_frame(answer):
        return _frame_value(answer)
    if _is_text_object(answer):
        return str(answer.text).strip()
    if hasattr(answer, "dtype") and hasattr(answer, "item") and getattr(answer, "ndim", 1) == 0:
        return plain(_scalar(answer))  # a numpy scalar, or a 0-d array
    if isinstance(answer, Mapping) or not _is_sequence(answer):
        return answer
    items = [plain(item) for item in list(answer)]
    return items[0] if len(items) == 1 else items


def as_int(answer: Any) -> int | None:
    """Return a whole number, or ``None`` when the answer is not one.

    Examples:
        >>> import numpy as np
        >>> as_int(np.int64(3)), as_int(" 3 "), as_int(3.0), as_int(3.5), as_int(True), as_int("three")
        (3, 3, 3, None, None, None)
    """
    value = _number(plain(answer))
    if value is None or not value[0].is_integer():
        return None
    return int(value[0])


def as_ratio(answer: Any) -> tuple[float, int | None] | None:
    """Return ``(value, decimals shown)`` for a share between 0 and 1, or ``None``.

    A string with a percent sign (``"83.6%"``) is read as a share (``0.836``). ``decimals``
    is how many decimals the student wrote (``None`` for a value computed in full).

    Examples:
        >>> as_ratio(0.836), as_ratio("83.6 %"), as_ratio(0.8358208955223881)
        ((0.836, 3), (0.836, 3), (0.8358208955223881, None))
    """
    value = _number(plain(answer))
    return None if value is None else value


def same_ratio(given: tuple[float, int | None], expected: float) -> bool:
    """Whether ``given`` is ``expected`` exactly or rounded as the notebook shows it (3+ decimals).

    Examples:
        >>> same_ratio((0.836, 3), 0.8358208955223881), same_ratio((0.84, 2), 0.8358208955223881)
        (True, False)
        >>> same_ratio((1.0, 1), 1.0), same_ratio((0.46, 2), 0.4595661), same_ratio((0.46, 2), 0.4646)
        (True, True, False)
    """
    value, decimals = given
    if math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if decimals is None:
        return False
    # 0.460 is written 0.46: a rounding to 3 or more decimals may have lost its trailing zeros
    return any(math.isclose(value, round(expected, shown), rel_tol=0, abs_tol=10 ** -(shown + 3))
               for shown in range(max(decimals, 3), 10))


def as_text(answer: Any) -> str | None:
    """Return one piece of text, whitespace collapsed, or ``None`` when the answer is not text.

    A one-row table (``nl.entity_counts(doc, n=1)``) or one of its rows is read as the name it holds.

    Examples:
        >>> import pandas as pd
        >>> as_text(pd.Series(["  Mark   Rutte "])), as_text(["Kyiv"]), as_text(3), as_text(["a", "b"])
        ('Mark Rutte', 'Kyiv', None, None)
        >>> as_text(pd.Series(["Kyiv", "Kyiv"]))  # one entity with two labels: two rows of one key
        'Kyiv'
        >>> as_text(pd.DataFrame({"canonical": ["Ukraine"], "label": ["GPE"], "count": [14]}))
        'Ukraine'

    """
    value = plain(_named(answer))
    if isinstance(value, list) and value and all(item == value[0] for item in value):
        value = value[0]  # one entity in two rows (two labels): its key, twice
    return " ".join(value.split()) if isinstance(value, str) else None


#: The columns that name what a row is about, in the order a one-row answer is read.
_NAME_COLUMNS = (C.CANONICAL, C.KEY, C.PREDICTED_TEXT, C.TEXT, C.OUTLET, C.SPEAKER, C.OBJECT, C.LEMMA)


def _named(answer: Any) -> Any:
    """The name a one-row table or a table row holds (its first name column), else the answer itself."""
    if _is_frame(answer) and len(answer) == 1 and len(answer.columns) > 1:
        answer = answer.iloc[0]
    index = getattr(answer, "index", None)
    if _is_frame(answer) or index is None or not hasattr(answer, "get") or isinstance(answer, (list, tuple, str)):
        return answer
    column = next((c for c in _NAME_COLUMNS if c in index), None)
    return answer if column is None else answer[column]


def text_key(text: str, *, case: bool = False) -> str:
    """The form two texts are compared in: spacing, quotes, end punctuation and dashes, possessive ``'s``,
    a leading "The", case.

    Examples:
        >>> text_key(" NATO’s  "), text_key("Kyiv.", case=True), text_key("“The Daily Clarion”"), text_key("KYIV –")
        ('nato', 'Kyiv', 'daily clarion', 'kyiv')
    """
    text = re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip(_EDGES)
    text = re.sub(r"'s?$", "", text, flags=re.IGNORECASE).strip(_EDGES)
    text = re.sub(r"^the (?=\S)", "", text, flags=re.IGNORECASE)
    return text if case else text.casefold()


_EDGES = " .,;:!?\"'“”«»–—-"


def as_texts(answer: Any) -> list[str] | None:
    """Return a list of texts: one text, a list, a Series, or a table of entities/disagreements.

    Examples:
        >>> import pandas as pd
        >>> as_texts("Kyiv"), as_texts(pd.Series(["Kyiv", "Vuhledar"])), as_texts(5)
        (['Kyiv'], ['Kyiv', 'Vuhledar'], None)
    """
    if _is_frame(answer):
        column = next((c for c in (C.PREDICTED_TEXT, C.TEXT, C.KEY) if c in answer.columns), None)
        if column is None and len(answer.columns) != 1:
            return None
        answer = answer[column or answer.columns[0]]
    value = plain(answer)
    if isinstance(value, str):  # "Kyiv, Vuhledar": names in one string
        value = [part for part in _SEPARATORS.split(value) if part.strip()]
    items = value if isinstance(value, list) else None
    if items is None or not all(isinstance(item, str) for item in items):
        return None
    return [" ".join(item.split()) for item in items]


def as_pair(answer: Any) -> tuple[str, str] | None:
    """Return two texts: a tuple or list, a row of the co-occurrence table, or ``"A, B"``.

    Examples:
        >>> import pandas as pd
        >>> row = pd.DataFrame({"key_a": ["Kyiv"], "key_b": ["NATO"], "count": [3]})
        >>> as_pair(row), as_pair(row.iloc[0]), as_pair(" NATO and Kyiv "), as_pair(["NATO"])
        (('Kyiv', 'NATO'), ('Kyiv', 'NATO'), ('NATO', 'Kyiv'), None)
    """
    if _is_frame(answer) and len(answer) == 1:
        answer = answer.iloc[0]
    if hasattr(answer, "index") and hasattr(answer, "get") and C.KEY_A in answer.index:
        answer = [answer[C.KEY_A], answer[C.KEY_B]]
    value = plain(answer)
    if isinstance(value, str):
        value = [part for part in _SEPARATORS.split(value) if part.strip()]
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        return None
    return (" ".join(value[0].split()), " ".join(value[1].split()))


def as_spans(answer: Any) -> list[dict[str, Any]] | None:
    """Return a list of ``{"start", "end", "label"}`` spans, or ``None``.

    Accepts ``annotator.spans``, the annotator itself, ``annotator.record()``, ``annotator.to_frame()``
    (a DataFrame with ``start_char``/``end_char`` or ``start``/``end`` columns) and ``(start, end, label)`` tuples.

    Examples:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"start_char": [0], "end_char": [4], "label": ["GPE"], "text": ["KYIV"]})
        >>> as_spans(frame), as_spans([(0, 4, "GPE")]), as_spans("KYIV")
        ([{'start': 0, 'end': 4, 'label': 'GPE'}], [{'start': 0, 'end': 4, 'label': 'GPE'}], None)
    """
    if _is_frame(answer):
        return _frame_spans(answer)
    if hasattr(answer, "spans") and not isinstance(answer, Mapping):
        answer = answer.spans
    if isinstance(answer, Mapping):
        answer = answer.get("spans")
    if isinstance(answer, str) or not _is_sequence(answer):
        return None
    spans = [_span(item) for item in answer]
    return None if any(span is None for span in spans) else spans  # type: ignore[return-value]


def _span(item: Any) -> dict[str, Any] | None:
    if isinstance(item, Mapping) and all(key in item for key in _SPAN_FIELDS):
        start, end, label = (plain(item[key]) for key in _SPAN_FIELDS)
    elif _is_sequence(item) and not isinstance(item, str) and len(item) == 3:
        start, end, label = (plain(value) for value in item)
    else:
        return None
    if as_int(start) is None or as_int(end) is None or not isinstance(label, str):
        return None
    return {"start": as_int(start), "end": as_int(end), "label": label}


def _frame_spans(frame: Any) -> list[dict[str, Any]] | None:
    for start, end in ((C.START_CHAR, C.END_CHAR), ("start", "end")):
        if {start, end, C.LABEL} <= set(frame.columns):
            rows = frame[[start, end, C.LABEL]].itertuples(index=False)
            return [{"start": int(a), "end": int(b), "label": str(label)} for a, b, label in rows]
    return None


def _number(value: Any) -> tuple[float, int | None] | None:
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value), 0
    if isinstance(value, float):
        return (value, _decimals(repr(value))) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return (float(value), _decimals(str(value))) if value.is_finite() else None
    if isinstance(value, Fraction):
        return float(value), 0 if value.denominator == 1 else None
    if not isinstance(value, str):
        return None
    text = re.sub(r"\s+", "", value)  # "83.6\u00a0%": a no-break or thin space is a space
    percent = text.endswith("%")
    text = text.rstrip("%")
    if _QUOTIENT.match(text):
        number: tuple[float, int | None] | None = _number(Fraction(*map(int, text.split("/"))))
    else:
        number = (float(text), _decimals(text)) if _NUMBER.match(text) else None
    if number is None or not percent:
        return number
    return number[0] / 100, None if number[1] is None else number[1] + 2


def _decimals(text: str) -> int | None:
    """Decimals written in a number (``"6.1e-05"`` has 6); ``None`` for a long float that was computed, not typed."""
    from decimal import Decimal, InvalidOperation

    try:
        exponent = Decimal(text).as_tuple().exponent
    except InvalidOperation:
        return None
    digits = max(-exponent, 0) if isinstance(exponent, int) else 0
    return None if digits >= 10 else digits


def _scalar(value: Any) -> Any:
    """A numpy scalar as Python: a float32 as the 6 digits it holds for sure (``0.835821``), not its binary tail."""
    if getattr(value.dtype, "kind", "") == "f" and value.dtype.itemsize < 8:
        number = float(value)
        return float(str(value)) if abs(number) >= 1 or not math.isfinite(number) else float(f"{number:.6g}")
    return value.item()


def _frame_value(frame: Any) -> Any:
    spans = _frame_spans(frame)
    if spans is not None:
        return spans
    if frame.shape == (1, 1):
        return plain(frame.iat[0, 0])
    if len(frame.columns) == 1:
        return plain(frame.iloc[:, 0])
    return frame


def _is_frame(value: Any) -> bool:
    return hasattr(value, "columns") and hasattr(value, "iloc")


def _is_text_object(value: Any) -> bool:
    """A spaCy ``Token``/``Span``/``Doc`` or an article ``Part``, recognised without importing spaCy."""
    module = type(value).__module__
    return hasattr(value, "text") and (module.startswith("spacy.") or type(value).__name__ == "Part")


def _is_sequence(value: Any) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)) and hasattr(value, "__len__")
