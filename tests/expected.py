"""Model-dependent expectations, pinned in one place (en_core_web_sm 3.8.0 weights).

If the model changes, only this file needs updating; every other test asserts properties.
"""

SEED_N_PARAGRAPHS = 9
SEED_N_SENTENCES = 21

# (text, label) of the headline's entities when the headline is parsed as written ...
HEADLINE_ENTS_ORIGINAL = [("NATO", "ORG"), ("Rutte Reaffirms Support", "PERSON")]
# ... and when it is parsed in sentence case (newslab's default)
HEADLINE_ENTS_SENTENCE = [("NATO", "ORG"), ("Rutte", "PERSON"), ("Ukraine", "GPE")]

# the most mentioned entities of the seed, in order
TOP_ENTITIES = [("Ukraine", "GPE", 14), ("NATO", "ORG", 7)]

# who said what (newslab.quotes against seeds/*.quotes.jsonl), measured on the seed
SEED_N_QUOTES = 13
SEED_QUOTE_SPEAKER_ACCURACY = 1.0
SEED_QUOTE_EXACT_F1 = 0.963
SEED_QUOTE_PARTIAL_F1 = 0.963
# the seed's clusters that the surname rule builds
SEED_CLUSTERS = {"Mark Rutte": ["Rutte", "Mark Rutte"], "Volodymyr Zelenskiy": ["Volodymyr Zelenskiy", "Zelenskiy"]}

# one fictional text per attribution pattern: (text, [(canonical speaker, cue, content, kind, rule), ...])
QUOTE_PATTERNS = [
    ('"We will rebuild the bridge," Mayor Lena Brandt said on Monday.',
     [("Lena Brandt", "say", "We will rebuild the bridge", "direct", "quote-speaker-verb")]),
    ('"We will rebuild the bridge," said Mayor Lena Brandt.',
     [("Lena Brandt", "say", "We will rebuild the bridge", "direct", "quote-verb-speaker")]),
    ('Mayor Lena Brandt told reporters that “the bridge is safe.”',
     [("Lena Brandt", "tell", "the bridge is safe.", "direct", "speaker-verb-quote")]),
    ('Mayor Lena Brandt said: "We will rebuild the bridge."',
     [("Lena Brandt", "say", "We will rebuild the bridge.", "direct", "colon")]),
    ('“We will rebuild the bridge,” Mayor Lena Brandt said, “and it will open in May.”',
     [("Lena Brandt", "say", "We will rebuild the bridge", "direct", "split-quote"),
      ("Lena Brandt", "say", "and it will open in May.", "direct", "split-quote")]),
    ('"We will rebuild the bridge," said Mayor Lena Brandt. "It will open in May."',
     [("Lena Brandt", "say", "We will rebuild the bridge", "direct", "quote-verb-speaker"),
      ("Lena Brandt", "say", "It will open in May.", "direct", "continued-quote")]),
    ('Mayor Lena Brandt said: “We will rebuild the bridge.\n“It will open in May and it will be safe.”',
     [("Lena Brandt", "say", "We will rebuild the bridge.\n“It will open in May and it will be safe.", "direct",
       "multi-paragraph")]),
    ('Mayor Lena Brandt underscored the necessity of rebuilding the bridge.',
     [("Lena Brandt", "underscore", "the necessity of rebuilding the bridge", "reported", "reported-object")]),
    ('Mayor Lena Brandt stressed the need for repairs to keep the bridge open.',
     [("Lena Brandt", "stress", "the need for repairs to keep the bridge open", "reported", "reported-object")]),
    ('Mayor Lena Brandt visited Riverton on Monday. She stated that the bridge would open in May.',
     [("Lena Brandt", "state", "the bridge would open in May", "reported", "reported-clause+pronoun")]),
    ('The bridge will open in May, according to Mayor Lena Brandt.',
     [("Lena Brandt", "according to", "The bridge will open in May", "reported", "according-to")]),
    ('According to the ministry, the bridge will open in May.',
     [("the ministry", "according to", "the bridge will open in May", "reported", "according-to")]),
    ('The spokeswoman said the bridge would open in May.',
     [("The spokeswoman", "say", "the bridge would open in May", "reported", "reported-clause")]),
    ('The ministry warned that the river could flood again.',
     [("The ministry", "warn", "the river could flood again", "reported", "reported-clause")]),
    ('The ministry warned that the river could flood. It added that the dam was safe.',
     [("The ministry", "warn", "the river could flood", "reported", "reported-clause"),
      ("The ministry", "add", "the dam was safe", "reported", "reported-clause+pronoun")]),
    ('The spokeswoman for the water board, Ida Moreau, warned that another flood could come.',
     [("Ida Moreau", "warn", "another flood could come", "reported", "reported-clause")]),
    ('Mayor Lena Brandt urged residents to sign up for alerts.',
     [("Lena Brandt", "urge", "residents to sign up for alerts", "reported", "reported-request")]),
    ('Mayor Lena Brandt opened the bridge. Councillor Tomas Herrera arrived late. '
     '"Nobody has seen the report," he said.',
     [("Councillor Tomas Herrera", "say", "Nobody has seen the report", "direct", "quote-speaker-verb+pronoun")]),
    ('Mayor Lena Brandt called for the council to fund the repairs.',
     [("Lena Brandt", "call", "the council to fund the repairs", "reported", "call-for")]),
    ('Mayor Lena Brandt spoke to the council in Riverton.\n"We will rebuild the bridge.\n"It will open in May," she said.',
     [("Lena Brandt", "say", 'We will rebuild the bridge.\n"It will open in May', "direct",
       "multi-paragraph+pronoun")]),
]

# exact F1 of the seed against its gold standard, raw model and with newslab.text.rules.UKRAINIAN_PLACES
SEED_F1_RAW = 0.868
SEED_F1_UKRAINIAN_PLACES = 0.923
