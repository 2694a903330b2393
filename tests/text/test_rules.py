from __future__ import annotations

import pytest

import newslab
from newslab.errors import NewslabError, RuleError
from newslab.text.rules import RULER_NAME, UKRAINIAN_PLACES, canonical_rules, with_rules
from tests.expected import SEED_F1_RAW, SEED_F1_UKRAINIAN_PLACES

RIVERTON = [{"label": "GPE", "pattern": "Riverton"}]


def test_canonical_form_is_hashable_and_ignores_key_order():
    a = canonical_rules([{"label": "GPE", "pattern": "Kyiv"}])
    b = canonical_rules([{"pattern": "Kyiv", "label": "GPE"}])
    assert a == b and hash(a) == hash(b)
    assert canonical_rules(UKRAINIAN_PLACES) != canonical_rules(UKRAINIAN_PLACES[:1])


@pytest.mark.parametrize("patterns", [
    {"label": "GPE", "pattern": "Kyiv"},  # one dict, not a list
    [{"label": "GPE"}],
    [{"label": "", "pattern": "Kyiv"}],
    [{"label": "GPE", "pattern": ""}],
    [{"label": "GPE", "pattern": ["kyiv"]}],
    ["Kyiv"],
])
def test_malformed_patterns_say_what_a_pattern_looks_like(patterns):
    with pytest.raises(RuleError) as info:
        canonical_rules(patterns)
    assert isinstance(info.value, NewslabError) and ("pattern" in str(info.value))


def test_with_rules_returns_a_copy_and_leaves_the_model_alone(nlp):
    ruled = with_rules(nlp, RIVERTON)
    assert ruled is not nlp and RULER_NAME not in nlp.pipe_names
    assert ruled.pipe_names.index(RULER_NAME) == ruled.pipe_names.index("ner") + 1
    text = "Riverton said Riverton would rebuild."
    assert [e.label_ for e in ruled(text).ents if e.text == "Riverton"] == ["GPE", "GPE"]


def test_the_pipeline_cache_is_keyed_on_the_rules(nlp):
    ruled = newslab.load_pipeline(rules=RIVERTON)
    assert ruled is newslab.load_pipeline(rules=[{"pattern": "Riverton", "label": "GPE"}])
    assert ruled is not nlp and newslab.load_pipeline() is nlp
    assert newslab.load_pipeline(rules=[]) is nlp and newslab.load_pipeline(rules=None) is nlp


def test_rules_fix_the_seed_and_raise_f1(seed_doc):
    gold = newslab.gold()
    ruled = newslab.analyze(rules=UKRAINIAN_PLACES)
    assert ruled.text == seed_doc.text
    assert {e.label_ for e in ruled.ents if e.text == "Kyiv"} == {"GPE"}
    before, after = newslab.evaluate(seed_doc, gold).f1, newslab.evaluate(ruled, gold).f1
    assert (round(before, 3), round(after, 3)) == (SEED_F1_RAW, SEED_F1_UKRAINIAN_PLACES)


def test_analyze_without_rules_is_the_raw_model(seed_doc):
    assert {e.label_ for e in seed_doc.ents if e.text == "Kyiv"} != {"GPE"}  # what the notebooks teach


def test_trying_many_rule_sets_never_evicts_the_raw_model(nlp):
    for n in range(9):
        newslab.load_pipeline(rules=[{"label": "GPE", "pattern": f"Riverton{n}"}])
    assert newslab.load_pipeline() is nlp
