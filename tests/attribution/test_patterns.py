"""Reported speech (newslab.attribution.patterns): one CONSTRUCTED text per pattern, with invented people and places."""

from __future__ import annotations

import pytest

import newslab
from newslab import columns as C
from newslab.attribution.statements import quotes

B = "Lena Brandt"
PATTERNS = [
    ("Mayor Lena Brandt was quoted as saying that the dam would hold.",
     [(B, "say", "the dam would hold", C.REPORTED, "reported-clause")]),
    ("Mayor Lena Brandt told reporters that the dam would hold.",
     [(B, "tell", "the dam would hold", C.REPORTED, "reported-clause")]),
    ("Mayor Lena Brandt said the dam was safe, adding that the council would inspect it in May.",
     [(B, "say", "the dam was safe", C.REPORTED, "reported-clause"),
      (B, "add", "the council would inspect it in May", C.REPORTED, "reported-clause")]),
    ("The dam will hold through the winter, according to Mayor Lena Brandt, and the council plans no repairs.",
     [(B, "according to", "The dam will hold through the winter", C.REPORTED, "according-to")]),
    ("Mayor Lena Brandt called on the council to fund the repairs.",
     [(B, "call", "the council to fund the repairs", C.REPORTED, "reported-prep")]),
    ("Mayor Lena Brandt called the delay a disgrace.",
     [(B, "call", "the delay a disgrace", C.REPORTED, "reported-complement")]),
    ("Mayor Lena Brandt criticized the council for its delay in the tender.",
     [(B, "criticize", "the council for its delay in the tender", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt praised the engineers for their work on the dam.",
     [(B, "praise", "the engineers for their work on the dam", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt described the repairs as urgent.",
     [(B, "describe", "the repairs as urgent", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt mentioned the flood of 1998.",
     [(B, "mention", "the flood of 1998", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt cited a report by the water board.",
     [(B, "cite", "a report by the water board", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt talked about the cost of the repairs.",
     [(B, "talk", "the cost of the repairs", C.REPORTED, "reported-prep")]),
    ("Mayor Lena Brandt commented on the delay.",
     [(B, "comment", "the delay", C.REPORTED, "reported-prep")]),
    ("Mayor Lena Brandt vowed to rebuild the bridge by May.",
     [(B, "vow", "to rebuild the bridge by May", C.REPORTED, "reported-to")]),
    ("Mayor Lena Brandt pledged to keep the library open.",
     [(B, "pledge", "to keep the library open", C.REPORTED, "reported-to")]),
    ("Councillor Tomas Herrera rejected Brandt's claim that the dam was safe.",
     [("Brandt", "claim", "the dam was safe", C.REPORTED, "noun-clause")]),
    ("Councillor Tomas Herrera toned down his criticism of the tender.",
     [("Councillor Tomas Herrera", "criticism", "the tender", C.REPORTED, "noun-prep+pronoun")]),
    ("The dam, Mayor Lena Brandt said, will hold through the winter.",
     [(B, "say", "The dam", C.REPORTED, "parenthetical"),
      (B, "say", "will hold through the winter", C.REPORTED, "parenthetical")]),
    ("As Mayor Lena Brandt noted, the dam has held for forty years.",
     [(B, "note", "the dam has held for forty years", C.REPORTED, "parenthetical")]),
    ("Riverton gets a new bridge.\nLena Brandt: The bridge will open in May.",
     [(B, ":", "The bridge will open in May", C.REPORTED, "name-colon")]),
    ('Mayor Lena Brandt said the delay was "a disgrace for the whole town."',
     [(B, "say", 'the delay was "a disgrace for the whole town."', C.MIXED, "reported-clause")]),
    # a clause with its own subject that the parser joins to the cue verb goes on with what she said
    ("Mayor Lena Brandt said the alert system worked, but residents were still waiting for the sirens.",
     [(B, "say", "the alert system worked, but residents were still waiting for the sirens", C.REPORTED,
       "reported-clause")]),
    ("Mayor Lena Brandt said the dam was safe, and left the meeting early.",
     [(B, "say", "the dam was safe", C.REPORTED, "reported-clause")]),
    # a clause that starts before its own cue holds neither the speaker nor the cue
    ("Mayor Lena Brandt backs the plan, which officials said will go into effect in May.",
     [("officials", "say", "which", C.REPORTED, "reported-clause"),
      ("officials", "say", "will go into effect in May", C.REPORTED, "reported-clause")]),
    # British spellings share the frames of the American ones; manner-of-speaking verbs are cues
    ("Mayor Lena Brandt criticised the council for its delay in the tender.",
     [(B, "criticise", "the council for its delay in the tender", C.REPORTED, "reported-object")]),
    ("Mayor Lena Brandt apologised for the delay.",
     [(B, "apologise", "the delay", C.REPORTED, "reported-prep")]),
    ('"Close the gate!" Mayor Lena Brandt shouted.',
     [(B, "shout", "Close the gate!", C.DIRECT, "quote-speaker-verb")]),
    ("Councillor Tomas Herrera branded the tender a waste of money.",
     [("Tomas Herrera", "brand", "the tender a waste of money", C.REPORTED, "reported-complement")]),
    # where a statement was made is no part of it
    ("Mayor Lena Brandt criticized the delay on her page.",
     [(B, "criticize", "the delay", C.REPORTED, "reported-object")]),
]


@pytest.mark.parametrize(("text", "rows"), PATTERNS, ids=[f"{rows[0][4]}-{i}" for i, (_, rows) in enumerate(PATTERNS)])
def test_every_reported_pattern(nlp, text, rows):
    table = quotes(newslab.analyze(text))
    assert [tuple(row) for row in table[[C.CANONICAL, C.CUE, C.CONTENT, C.KIND, C.RULE]].values.tolist()] == rows


def test_a_surname_before_a_colon_speaks_once_the_article_has_named_the_person(nlp):
    text = ("Bridge plan gets a vote\n\nThe mayor, Lena Brandt, spoke to the council on Monday about the dam.\n\n"
            "Brandt: Well, the dam is safe.\n\nThe council will vote in May.")
    rows = quotes(newslab.analyze(text))[[C.CANONICAL, C.CONTENT, C.RULE]].values.tolist()
    assert [B, "Well, the dam is safe", "name-colon"] in rows


def test_a_mixed_statement_holds_its_quotation_whole(nlp):
    text = 'Mayor Lena Brandt said the delay was "a disgrace for the whole town." The council met.'
    (row,) = quotes(newslab.analyze(text)).to_dict("records")
    assert row[C.KIND] == C.MIXED and row[C.CONTENT].count('"') == 2


def test_a_statement_inside_another_is_part_of_it(nlp):
    table = quotes(newslab.analyze("Mayor Lena Brandt said the engineers told her that the dam would hold."))
    assert table[C.CUE].tolist() == ["say"] and table[C.CONTENT].tolist() == ["the engineers told her that the dam would hold"]


def test_an_addressee_or_a_bare_pronoun_is_no_content(nlp):
    assert quotes(newslab.analyze("Mayor Lena Brandt told the crowd. Mayor Lena Brandt criticized him.")).empty
