"""Who said what (newslab.attribution.statements): every attribution pattern on short fictional texts, the seed, and random input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslab
from newslab import columns as C
from newslab.attribution.cues import frames
from newslab.attribution.statements import quotes
from tests import expected


@pytest.mark.parametrize(("text", "statements"), expected.QUOTE_PATTERNS,
                         ids=[rows[0][4] for _, rows in expected.QUOTE_PATTERNS])
def test_every_pattern(nlp, text, statements):
    table = quotes(newslab.analyze(text))
    found = table[[C.CANONICAL, C.CUE, C.CONTENT, C.KIND, C.RULE]].values.tolist()
    assert [tuple(row) for row in found] == statements


#: Every rule the module documents (its table), and nothing else.
RULES = {"quote-speaker-verb", "quote-verb-speaker", "speaker-verb-quote", "colon", "split-quote", "continued-quote",
         "continued-paragraph", "multi-paragraph", "reported-clause", "reported-object", "reported-request",
         "reported-complement", "reported-prep", "reported-to", "call-for", "noun-clause", "noun-prep", "parenthetical",
         "according-to", "name-colon"}


def test_the_module_documents_every_rule():
    import newslab.attribution.statements as module

    table = module.__doc__.split("=======================  ")[2]  # the rows between the table's rules
    documented = {line.split("``")[1] for line in table.splitlines() if line.startswith("``")}
    assert documented == RULES


def test_offsets_point_into_the_text(seed_doc):
    table = quotes(seed_doc)
    text = seed_doc.text
    assert list(table.columns) == list(C.QUOTE_COLUMNS)
    for row in table.itertuples(index=False):
        assert text[row.speaker_start:row.speaker_end] == row.speaker
        assert text[row.content_start:row.content_end] == row.content
        assert row.cue in ("according to", ":") or frames(row.cue) or frames(row.cue, noun=True)
        assert row.kind in C.QUOTE_KINDS
        assert row.rule.removesuffix("+pronoun") in RULES


def test_seed_statements_carry_clusters(seed_doc):
    table = quotes(seed_doc)
    assert len(table) == expected.SEED_N_QUOTES
    entities = newslab.entities(seed_doc)
    named = table.dropna(subset=[C.CLUSTER_ID])
    assert set(named[C.CANONICAL]) <= set(entities[C.CANONICAL])
    pronouns = table[table[C.RULE].str.endswith("+pronoun")]
    assert len(pronouns) and set(pronouns[C.SPEAKER].str.lower()) <= {"he", "she", "they", "it"}


def test_the_headline_is_not_searched(seed_doc):
    table = quotes(seed_doc)
    headline_end = seed_doc.text.index("\n")
    assert (table[C.CONTENT_START] > headline_end).all()


def test_straight_and_curly_marks_give_the_same_statement(nlp):
    straight = quotes(newslab.analyze('"The dam holds," Mayor Lena Brandt said.'))
    curly = quotes(newslab.analyze('“The dam holds,” Mayor Lena Brandt said.'))
    assert straight[C.CONTENT].tolist() == curly[C.CONTENT].tolist() == ["The dam holds"]


def test_unbalanced_and_empty_give_a_table(nlp):
    for text in ['"', '“Open and never closed, Mayor Lena Brandt said.', '" " "', "”Closed first,” she said."]:
        assert list(quotes(nlp(text)).columns) == list(C.QUOTE_COLUMNS)
    assert quotes(nlp("")).empty


_PIECES = st.sampled_from(['"', "“", "”", "«", "»", "„", "‘", "’", "''", " said ", " Lena Brandt", " she", ", ", ".",
                           ":", "\n", " the bridge is safe", " according to ", " stated that ", " ", ", adding that ",
                           " called on ", " criticized ", " his claim that ", "Lena Brandt: ", " vowed to ", " who "])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30))
def test_quotes_never_raise(nlp, pieces):
    text = "".join(pieces)
    table = quotes(nlp(text))
    assert list(table.columns) == list(C.QUOTE_COLUMNS)
    for row in table.itertuples(index=False):
        assert 0 <= row.content_start <= row.content_end <= len(text)


def test_text_is_refused_not_parsed_behind_the_callers_back(nlp):
    with pytest.raises(newslab.NotParsedError, match="nl.quotes"):
        quotes("The spokeswoman said the bridge would open.")
    assert quotes(newslab.analyze("The spokeswoman said the bridge would open."))[C.CUE].tolist() == ["say"]


def test_a_very_long_text(nlp):
    text = ('"We will rebuild the bridge," Mayor Lena Brandt said. ' * 300) + '"Unclosed'
    table = quotes(nlp(text))
    assert len(table) >= 290
