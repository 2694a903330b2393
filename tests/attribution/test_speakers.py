"""Speakers (newslab.attribution.speakers) on CONSTRUCTED text: roles, adjectives, things, relatives, owners.

Every person, organisation and place here is invented.
"""

from __future__ import annotations

import newslab
from newslab import columns as C
from newslab.attribution.statements import quotes


def _speakers(text):
    return quotes(newslab.analyze(text))[[C.SPEAKER, C.CANONICAL]].values.tolist()


def test_a_role_is_the_person_the_article_names_in_it_not_the_organisation(nlp):
    text = ("Riverton Alliance Secretary-General Ida Moreau visited Millbrook on Monday. "
            "The Riverton Alliance secretary general said the bridge would stay open.")
    assert _speakers(text) == [["The Riverton Alliance secretary general", "Ida Moreau"]]


def test_a_role_stated_by_apposition(nlp):
    text = "Tomas Herrera, the council treasurer, objected. The treasurer said the budget was short."
    assert _speakers(text)[-1] == ["The treasurer", "Tomas Herrera"]


def test_a_nationality_adjective_is_never_the_speaker(nlp):
    assert _speakers("Dutch farmers said the dyke would hold.") == [["Dutch farmers", "Dutch farmers"]]


def test_things_and_events_do_not_speak(nlp):
    text = "Air raid sirens warned residents to take shelter. The visit underscores the council's support for the dam."
    assert _speakers(text) == []


def test_a_relative_pronoun_speaks_for_its_noun(nlp):
    assert _speakers("Mayor Lena Brandt, who said the dam was safe, left early.") == [["Lena Brandt", "Lena Brandt"]]


def test_a_statement_speaks_for_whoever_made_it(nlp):
    assert _speakers("Mayor Lena Brandt's statement said the dam was safe.") == [["Lena Brandt", "Lena Brandt"]]


def test_a_dateline_is_no_speaker(nlp):
    text = "MILLBROOK — Mayor Lena Brandt told reporters that the dam was safe."
    assert [name for name, _ in _speakers(text)] == ["Lena Brandt"]


def test_a_possessive_pronoun_is_resolved_like_a_pronoun(nlp):
    text = "Councillor Tomas Herrera toned down his criticism of the tender."
    assert _speakers(text) == [["his", "Councillor Tomas Herrera"]]


def test_a_contracted_auxiliary_is_never_the_speaker(nlp):
    """CONSTRUCTED: the parser takes "’ve" of "who’ve" for the subject of "said"."""
    table = quotes(newslab.analyze("Brandt must convince the superdelegates who’ve already said they support Moser "
                                   "to switch."))
    assert set(table[C.SPEAKER]) == {"the superdelegates"}


def test_of_two_subjects_the_parser_gave_the_cue_the_nearer_speaks(nlp):
    """CONSTRUCTED: the parser makes both the place of the dateline-like opening and the mayor subjects of "said"."""
    text = "In Berea, OH, after winning Ohio, Gov. Lena Brandt (R-OH), said, “We will rebuild the bridge.”"
    assert quotes(newslab.analyze(text))[C.CANONICAL].tolist() == ["Lena Brandt"]
