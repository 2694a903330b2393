"""Quotation marks (newslab.attribution.marks) on CONSTRUCTED strings: every kind of mark, and random input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.attribution.marks import quotations


def _contents(text):
    return [text[q.content_start:q.content_end] for q in quotations(text)]


def test_every_double_mark_opens_and_closes():
    text = '"one" “two” «three» „four“ \'\'five\'\''
    assert _contents(text) == ["one", "two", "three", "four", "five"]


def test_curly_single_quotes_are_read_but_apostrophes_never_close_them():
    text = "‘We don’t rebuild,’ the mayor’s aide said. Brandt’s plan is ‘final’."
    assert _contents(text) == ["We don’t rebuild,", "final"]


def test_a_single_quote_inside_a_double_one_is_part_of_it():
    assert _contents("“She called it ‘a disgrace’ twice,” he said.") == ["She called it ‘a disgrace’ twice,"]


def test_an_opening_mark_typed_where_a_closing_one_belongs_closes():
    assert _contents("Brandt asked for an “expedited review“ of the dam.") == ["expedited review"]
    assert _contents("“We will rebuild. “\n“It opens in May,” she said.") == ["We will rebuild. ", "It opens in May,"]
    assert _contents("“We will rebuild. “Soon,” she said.") == ["Soon,"]  # an opening mark before a word opens


def test_an_open_quotation_runs_on_into_the_paragraph_that_reopens_it():
    text = "“We will rebuild.\n“It opens in May,” she said."
    (quote,) = quotations(text)
    assert quote.multi_paragraph and text[quote.content_start:quote.content_end] == "We will rebuild.\n“It opens in May,"


def test_unbalanced_marks_give_quotations_inside_the_text():
    for text in ['"', "“Open and never closed", "”Closed first,” she said.", "‘", "it’s ’ ‘", "''"]:
        for q in quotations(text):
            assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "«", "»", "„", "‘", "’", "''", "'", " a", "b ", "\n", ",", "."]),
                max_size=40))
def test_quotations_never_raise_and_stay_in_order(pieces):
    text = "".join(pieces)
    found = quotations(text)
    assert all(0 <= q.start < q.end <= len(text) for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
