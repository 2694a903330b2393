"""Column names of the tidy tables: defined once, used everywhere.

These names are part of the public API for researchers: a DataFrame returned by
``newslab.tokens``, ``newslab.entities`` and friends always uses them.
"""

from __future__ import annotations

from typing import Final

# identifiers
TOKEN_ID: Final = "token_id"
SENT_ID: Final = "sent_id"
PARAGRAPH_ID: Final = "paragraph_id"
ENT_ID: Final = "ent_id"
CHUNK_ID: Final = "chunk_id"
PART: Final = "part"

# text and offsets (character offsets into the raw article text, end exclusive)
TEXT: Final = "text"
START_CHAR: Final = "start_char"
END_CHAR: Final = "end_char"
START_TOKEN: Final = "start_token"
END_TOKEN: Final = "end_token"  # exclusive, like spaCy's Span.end

# token attributes
WHITESPACE: Final = "whitespace"
LEMMA: Final = "lemma"
POS: Final = "pos"
TAG: Final = "tag"
DEP: Final = "dep"
HEAD_ID: Final = "head_id"
ENT_IOB: Final = "ent_iob"
ENT_TYPE: Final = "ent_type"
IS_ALPHA: Final = "is_alpha"
IS_PUNCT: Final = "is_punct"
IS_STOP: Final = "is_stop"
IS_SPACE: Final = "is_space"

# entity and chunk attributes
LABEL: Final = "label"
KEY: Final = "key"  # normalised entity text used to group mentions
COUNT: Final = "count"
FIRST_SENT_ID: Final = "first_sent_id"
ROOT_TEXT: Final = "root_text"
ROOT_DEP: Final = "root_dep"
ROOT_HEAD: Final = "root_head"

# sentence attributes
N_TOKENS: Final = "n_tokens"
N_WORDS: Final = "n_words"

# article parts, in reading order
HEADLINE: Final = "headline"
BYLINE: Final = "byline"
DATELINE: Final = "dateline"
PARAGRAPH: Final = "paragraph"
PART_KINDS: Final = (HEADLINE, BYLINE, DATELINE, PARAGRAPH)

# name of the doc.spans group that records the article's parts
PARTS_KEY: Final = "newslab_parts"

TOKEN_COLUMNS: Final = (
    TOKEN_ID, TEXT, WHITESPACE, LEMMA, POS, TAG, DEP, HEAD_ID, ENT_IOB, ENT_TYPE,
    IS_ALPHA, IS_PUNCT, IS_STOP, IS_SPACE, START_CHAR, END_CHAR, SENT_ID, PARAGRAPH_ID, PART,
)
SENTENCE_COLUMNS: Final = (
    SENT_ID, TEXT, START_CHAR, END_CHAR, START_TOKEN, END_TOKEN, N_TOKENS, N_WORDS,
    PARAGRAPH_ID, PART,
)
ENTITY_COLUMNS: Final = (
    ENT_ID, TEXT, LABEL, KEY, START_CHAR, END_CHAR, START_TOKEN, END_TOKEN, SENT_ID,
    PARAGRAPH_ID, PART,
)
ENTITY_COUNT_COLUMNS: Final = (KEY, LABEL, TEXT, COUNT, FIRST_SENT_ID)
NOUN_CHUNK_COLUMNS: Final = (
    CHUNK_ID, TEXT, ROOT_TEXT, ROOT_DEP, ROOT_HEAD, START_CHAR, END_CHAR, START_TOKEN,
    END_TOKEN, SENT_ID, PARAGRAPH_ID, PART,
)
