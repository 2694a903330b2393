"""Direct quotations (newslab.attribution.direct) on CONSTRUCTED text, with invented people and places."""

from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from newslab.attribution.statements import quotes


def _rows(text):
    return [tuple(r) for r in quotes(newslab.analyze(text))[[C.CANONICAL, C.CONTENT, C.KIND, C.RULE]].values.tolist()]


@pytest.mark.parametrize("text", ["''We will rebuild the bridge,'' Mayor Lena Brandt said on Monday.",
                                  "‘We will rebuild the bridge,’ Mayor Lena Brandt said on Monday."])
def test_two_apostrophes_and_single_curly_quotes_are_quotations(nlp, text):
    assert _rows(text) == [("Lena Brandt", "We will rebuild the bridge", C.DIRECT, "quote-speaker-verb")]


def test_an_exclamation_that_ends_the_sentence_keeps_its_cue(nlp):
    assert _rows('"Rebuild it now!" Mayor Lena Brandt said.') == [
        ("Lena Brandt", "Rebuild it now!", C.DIRECT, "quote-speaker-verb")]


def test_a_quoted_paragraph_with_no_cue_continues_the_speaker(nlp):
    text = ('Mayor Lena Brandt spoke at the dam on Monday. "We will rebuild the bridge," she said.\n'
            '"It will open in May and it will be safe."')
    assert _rows(text) == [
        ("Lena Brandt", "We will rebuild the bridge", C.DIRECT, "quote-speaker-verb+pronoun"),
        ("Lena Brandt", "It will open in May and it will be safe.", C.DIRECT, "continued-paragraph+pronoun")]


def test_a_quoted_paragraph_continues_a_long_attribution_that_ends_its_paragraph(nlp):
    text = ('"We will rebuild the bridge," Mayor Lena Brandt told the council, a body of nine members elected in May.\n'
            '"It will open in the spring."')
    assert _rows(text) == [
        ("Lena Brandt", "We will rebuild the bridge", C.DIRECT, "quote-speaker-verb"),
        ("Lena Brandt", "It will open in the spring.", C.DIRECT, "continued-paragraph")]


def test_a_quoted_paragraph_after_other_words_of_the_writer_does_not_continue(nlp):
    text = ('"We will rebuild the bridge," Mayor Lena Brandt told the council. The council met at noon.\n'
            '"It will open in the spring."')
    assert [row[3] for row in _rows(text)] == ["quote-speaker-verb"]


def test_a_name_after_a_dash_before_a_colon_speaks_the_quotation_after_it(nlp):
    text = "Turnout fell in the north - Lena Brandt: “The bridge will be rebuilt by May, and the council agrees.”"
    assert _rows(text) == [("Lena Brandt", "The bridge will be rebuilt by May, and the council agrees.", C.DIRECT, "colon")]


def test_a_paragraph_with_its_own_attribution_does_not_continue(nlp):
    text = ('"We will rebuild the bridge," Mayor Lena Brandt said.\n'
            '"The council disagrees," Councillor Tomas Herrera said.')
    assert [row[0] for row in _rows(text)] == ["Lena Brandt", "Councillor Tomas Herrera"]


def test_a_quotation_inside_the_cues_phrase_is_mixed(nlp):
    text = 'Mayor Lena Brandt called the delay "a disgrace for the whole town."'
    (row,) = _rows(text)
    assert row[2] == C.MIXED and row[1].startswith("the delay")


def test_a_title_in_quotation_marks_is_no_statement(nlp):
    assert _rows('The council read "Rivers and Bridges" aloud on Monday.') == []
