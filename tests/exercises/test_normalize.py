"""Property tests of the answer normaliser (newslab/exercises/_normalize.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from newslab.exercises._normalize import as_int, as_pair, as_ratio, as_spans, as_text, as_texts, plain, same_ratio

words = st.text(alphabet=st.characters(categories=("L", "N"), max_codepoint=0x17F), min_size=1, max_size=12)
phrases = st.lists(words, min_size=1, max_size=4).map(" ".join)
shares = st.floats(min_value=0, max_value=1, allow_nan=False)


def wrappers(value):
    """The containers a notebook's code may put one value in."""
    return [value, [value], (value,), pd.Series([value]), pd.Index([value]), pd.DataFrame({"x": [value]}),
            np.array([value])]


@given(st.integers(min_value=-10**6, max_value=10**6))
def test_a_whole_number_in_any_wrapper_is_that_number(n):
    for form in [*wrappers(n), np.int64(n), np.int32(n), f"  {n} ", float(n), np.float64(n)]:
        assert as_int(form) == n and type(as_int(form)) is int


@given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not float(x).is_integer()))
def test_a_fraction_is_not_a_whole_number(x):
    assert as_int(x) is None


@given(st.booleans())
def test_a_boolean_is_not_a_number(b):
    assert as_int(b) is None and as_int(np.bool_(b)) is None and as_ratio(b) is None


@given(phrases, st.sampled_from(["", " ", "  ", "\n", "\t"]))
def test_text_is_stripped_and_its_spacing_collapsed(text, pad):
    for form in [*wrappers(pad + text + pad)[:5], np.str_(text)]:
        assert as_text(form) == " ".join(text.split())


@given(st.lists(phrases, min_size=2, max_size=5))
def test_a_longer_series_or_index_becomes_a_list(items):
    for form in (pd.Series(items), pd.Index(items), np.array(items), tuple(items)):
        assert plain(form) == [item.strip() for item in items]
        assert as_texts(form) == [" ".join(item.split()) for item in items]


@given(shares)
def test_a_share_is_accepted_exactly_or_rounded_as_shown(x):
    assert same_ratio(as_ratio(x), x)
    assert same_ratio(as_ratio(np.float64(x)), x) and same_ratio(as_ratio(pd.Series([x])), x)
    for decimals in (3, 4, 6):
        assert same_ratio(as_ratio(round(x, decimals)), x)
        assert same_ratio(as_ratio(f"{round(x, decimals)}"), x)
    assert same_ratio(as_ratio(f"{100 * x:.1f}%"), x)


@given(shares, shares)
def test_a_rounded_share_is_never_further_than_its_rounding(x, y):
    given_ = as_ratio(y)
    if same_ratio(given_, x):
        decimals = given_[1]
        slack = 0.5 * 10 ** -max(decimals, 3) if decimals is not None else 1e-9
        assert math.isclose(x, y, abs_tol=slack + 1e-9)


@given(shares.filter(lambda x: round(x, 2) != round(x, 3)))
def test_two_decimals_are_not_enough(x):
    assert not same_ratio(as_ratio(round(x, 2)), x)


@given(phrases, phrases)
def test_a_pair_in_any_shape(a, b):
    row = pd.DataFrame({"key_a": [a], "key_b": [b], "count": [2]})
    expected = (" ".join(a.split()), " ".join(b.split()))
    for form in ((a, b), [a, b], pd.Series([a, b]), np.array([a, b]), row, row.iloc[0]):
        assert as_pair(form) == expected


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 50), st.sampled_from(["GPE", "PERSON", "ORG"])),
                max_size=6))
def test_spans_in_any_shape(raw):
    spans = [{"start": s, "end": s + n, "label": label} for s, n, label in raw]
    frame = pd.DataFrame({"start_char": [s["start"] for s in spans], "end_char": [s["end"] for s in spans],
                          "label": [s["label"] for s in spans], "text": ["x"] * len(spans)})
    for form in (spans, [(s["start"], s["end"], s["label"]) for s in spans], {"text": "", "spans": spans}, frame):
        assert as_spans(form) == spans


def test_spacy_tokens_spans_and_article_parts_become_text(seed_doc, article):
    assert plain(seed_doc[0]) == seed_doc[0].text
    assert plain(seed_doc[0:3]) == seed_doc[0:3].text.strip()
    assert plain(article.dateline) == "KYIV" and as_text([article.dateline]) == "KYIV"
    assert plain(list(seed_doc.ents)[:1]) == list(seed_doc.ents)[0].text
