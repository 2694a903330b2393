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

# name of the doc.spans group that records the article's parts
PARTS_KEY: Final = "newslab_parts"
# key of ``doc.user_data`` that holds the article's metadata (title, byline, date, ...)
META_KEY: Final = "newslab_meta"

TOKEN_COLUMNS: Final = (
    TOKEN_ID, TEXT, WHITESPACE, LEMMA, POS, TAG, DEP, HEAD_ID, ENT_IOB, ENT_TYPE,
    IS_ALPHA, IS_PUNCT, IS_STOP, IS_SPACE, START_CHAR, END_CHAR, SENT_ID, PARAGRAPH_ID, PART,
)
SENTENCE_COLUMNS: Final = (
    SENT_ID, TEXT, START_CHAR, END_CHAR, START_TOKEN, END_TOKEN, N_TOKENS, N_WORDS,
    PARAGRAPH_ID, PART,
)
# ENTITY_COLUMNS is defined at the end, after the cluster columns it includes
ENTITY_COUNT_COLUMNS: Final = (KEY, LABEL, TEXT, COUNT, FIRST_SENT_ID)
NOUN_CHUNK_COLUMNS: Final = (
    CHUNK_ID, TEXT, ROOT_TEXT, ROOT_DEP, ROOT_HEAD, START_CHAR, END_CHAR, START_TOKEN,
    END_TOKEN, SENT_ID, PARAGRAPH_ID, PART,
)

# charts
KEY_A: Final = "key_a"  # first entity of a co-occurring pair (the smaller key)
KEY_B: Final = "key_b"
SHARE: Final = "share"  # a count divided by its group's total, between 0 and 1
X: Final = "x"  # layout coordinates of a network node
Y: Final = "y"
X_B: Final = "x_b"  # coordinates of an edge's second end
Y_B: Final = "y_b"
COOCCURRENCE_COLUMNS: Final = (KEY_A, KEY_B, COUNT)
NODE_COLUMNS: Final = (KEY, LABEL, COUNT, X, Y)
EDGE_COLUMNS: Final = (KEY_A, KEY_B, COUNT, X, Y, X_B, Y_B)
POS_MIX_COLUMNS: Final = (PARAGRAPH_ID, POS, COUNT, SHARE)

# evaluation (newslab.evaluate and newslab.agreement)
KIND: Final = "kind"  # a disagreement (false_positive, wrong_label, ...) or an article part (headline, ...)
PREDICTED_TEXT: Final = "predicted_text"
PREDICTED_LABEL: Final = "predicted_label"
GOLD_TEXT: Final = "gold_text"
GOLD_LABEL: Final = "gold_label"
SENTENCE: Final = "sentence"  # text of the sentence a disagreement starts in
DOC_ID: Final = "doc_id"  # position of the text in the lists given to newslab.agreement
TP: Final = "tp"
FP: Final = "fp"
FN: Final = "fn"
PRECISION: Final = "precision"
RECALL: Final = "recall"
F1: Final = "f1"
SUPPORT: Final = "support"  # number of gold spans
SUPPORT_A: Final = "support_a"  # number of spans annotator a marked
SUPPORT_B: Final = "support_b"
KAPPA: Final = "kappa"

SCORE_COLUMNS: Final = (PRECISION, RECALL, F1, TP, FP, FN)
PER_LABEL_COLUMNS: Final = (LABEL, TP, FP, FN, PRECISION, RECALL, F1, SUPPORT)
DISAGREEMENT_COLUMNS: Final = (
    KIND, PREDICTED_TEXT, PREDICTED_LABEL, GOLD_TEXT, GOLD_LABEL, START_CHAR, END_CHAR,
    SENTENCE, SENT_ID,
)
AGREEMENT_PER_LABEL_COLUMNS: Final = (LABEL, PRECISION, RECALL, F1, KAPPA, SUPPORT_A, SUPPORT_B)
AGREEMENT_DISAGREEMENT_COLUMNS: Final = (DOC_ID, *DISAGREEMENT_COLUMNS)

# article structure and grammar
INDEX: Final = "index"
N_CHARS: Final = "n_chars"
MEASURE: Final = "measure"
VALUE: Final = "value"
SUBJECT: Final = "subject"
VERB: Final = "verb"
VERB_LEMMA: Final = "verb_lemma"
OBJECT: Final = "object"
NEGATED: Final = "negated"
PART_COLUMNS: Final = (KIND, INDEX, TEXT, START_CHAR, END_CHAR, N_CHARS, N_WORDS)
STATS_COLUMNS: Final = (MEASURE, VALUE)
SVO_COLUMNS: Final = (SENT_ID, SUBJECT, VERB, VERB_LEMMA, OBJECT, NEGATED, START_CHAR, END_CHAR)
POS_COUNT_COLUMNS: Final = (POS, COUNT, SHARE)

# explorer (newslab.ner.explore)
LEFT: Final = "left"  # text before a mention, whitespace collapsed (keyword in context)
RIGHT: Final = "right"  # text after a mention
DESCRIPTION: Final = "description"  # one-line meaning of a label
N_ENTITIES: Final = "n_entities"  # number of distinct entity keys
KWIC_COLUMNS: Final = (ENT_ID, KEY, LABEL, LEFT, TEXT, RIGHT, SENTENCE, SENT_ID, START_CHAR, END_CHAR)
LABEL_SUMMARY_COLUMNS: Final = (LABEL, DESCRIPTION, COUNT, N_ENTITIES)

# --- who said what (newslab.ner.clusters, newslab.quotes): added by the "quote" helper ---
CLUSTER_ID: Final = "cluster_id"  # one real-world entity within an article (newslab.entity_clusters)
CANONICAL: Final = "canonical"  # the cluster's name: its earliest longest mention
FORMS: Final = "forms"  # the distinct spellings of a cluster's mentions
DISAGREEING: Final = "disagreeing"  # mentions whose label is not the cluster's majority label, "text (LABEL)"
AMBIGUOUS: Final = "ambiguous"  # a bare surname joined to nobody: the full names it could be
ALIAS: Final = "alias"  # a spelling to replace (alias table, newslab.aliases)
QUOTE_ID: Final = "quote_id"
QUOTE_IDS: Final = "quote_ids"  # the statements of one speaker in the quote browser's groups
SPEAKER: Final = "speaker"  # the speaker as written ("He", "the spokeswoman", "Mark Rutte")
SPEAKER_START: Final = "speaker_start"
SPEAKER_END: Final = "speaker_end"
CUE: Final = "cue"  # a reporting verb's lemma, or "according to"
CUE_START: Final = "cue_start"
CUE_END: Final = "cue_end"
CONTENT: Final = "content"  # what was said, without the quotation marks
CONTENT_START: Final = "content_start"
CONTENT_END: Final = "content_end"
RULE: Final = "rule"  # which attribution pattern fired
DIRECT: Final = "direct"  # quote kinds: the content is a quotation ...
REPORTED: Final = "reported"  # ... reported speech, with no quotation ...
MIXED: Final = "mixed"  # ... or reported speech holding a partial quotation (said the plan was "a disaster")
QUOTE_KINDS: Final = (DIRECT, MIXED, REPORTED)
REPORTER: Final = "(reporter)"  # the reporter's own voice in newslab.voices
N_STATEMENTS: Final = "n_statements"
SPEAKER_ACCURACY: Final = "speaker_accuracy"
MATCH: Final = "match"  # exact or partial (newslab.evaluate_quotes)
ENTITY_BASE_COLUMNS: Final = (  # a mention before clustering (newslab.ner.clusters.add_clusters adds the rest)
    ENT_ID, TEXT, LABEL, KEY, START_CHAR, END_CHAR, START_TOKEN, END_TOKEN, SENT_ID,
    PARAGRAPH_ID, PART,
)
ENTITY_COLUMNS: Final = (*ENTITY_BASE_COLUMNS, CLUSTER_ID, CANONICAL)
CLUSTER_COLUMNS: Final = (CLUSTER_ID, CANONICAL, LABEL, COUNT, FORMS, DISAGREEING, FIRST_SENT_ID, AMBIGUOUS)
ALIAS_COLUMNS: Final = (ALIAS, CANONICAL)
QUOTE_COLUMNS: Final = (
    QUOTE_ID, SPEAKER, SPEAKER_START, SPEAKER_END, CLUSTER_ID, CANONICAL, CUE, CUE_START, CUE_END,
    CONTENT, CONTENT_START, CONTENT_END, KIND, SENT_ID, RULE,
)
VOICE_COLUMNS: Final = (SPEAKER, N_STATEMENTS, N_WORDS, SHARE)
QUOTE_SCORE_COLUMNS: Final = (MATCH, PRECISION, RECALL, F1, TP, FP, FN)

# --- article shapes (issue 9, helper "art") -------------------------------------------
# parts of real news texts that are not body paragraphs
KICKER: Final = "kicker"  # a section label or kicker above the headline ("Ukraine")
DATE_LINE: Final = "date_line"  # a line that only holds a date ("Published 3 October 2024")
SUBHEAD: Final = "subhead"  # a short heading inside the body
CAPTION: Final = "caption"  # a photo caption or photo credit
CREDIT: Final = "credit"  # "(Reporting by ...; Editing by ...)", "(end)", an editor's initials
# what readers paste from web pages around an article (issue 19): never body text
STANDFIRST: Final = "standfirst"  # the summary between the headline and the body
REPEATED_HEADLINE: Final = "repeated_headline"  # the headline again (the page title, a second copy)
PROMO: Final = "promo"  # a site's tagline or appeal ("become a member", "JOIN US ON TELEGRAM")
RELATED: Final = "related"  # "Read more:", "RELATED STORIES" and the titles under them
AD: Final = "ad"  # "ADVERTISEMENT", "Article continues after this advertisement"
NEWSLETTER: Final = "newsletter"  # "Sign up for our newsletter"
EDITOR_NOTE: Final = "editor_note"  # "Editor's note: ...", "More to come..."
AUDIO: Final = "audio"  # "Listen to this article", "This audio is auto-generated"
#: "Source: NATO", a syndicator's tag: a part named by the same word as the ``source`` metadata key
SOURCE_LINE: Final = "source"
AUTHOR: Final = "author"  # a line about the author that is not the byline (a role, the byline again)
BOILERPLATE: Final = "boilerplate"  # navigation, share buttons, broken widgets, tracking ids
SKIPPED: Final = "skipped"  # a line an instructor named in skip=[...]
#: Every kind of part, the body first; all but paragraphs (and the dateline inside one) are not body text.
PART_KINDS: Final = (HEADLINE, BYLINE, DATELINE, PARAGRAPH, KICKER, DATE_LINE, SUBHEAD, CAPTION, CREDIT,
                     STANDFIRST, REPEATED_HEADLINE, PROMO, RELATED, AD, NEWSLETTER, EDITOR_NOTE, AUDIO,
                     SOURCE_LINE, AUTHOR, BOILERPLATE, SKIPPED)
# findings (newslab.findings): the error-analysis cases of an article
HEADLINE_CASE: Final = "headline_case"  # "original" (as written) or "sentence" (as newslab parses it)
ENTITIES: Final = "entities"  # the entities found, as "text (LABEL)" strings
SENT_IDS: Final = "sent_ids"  # the sentences a name is found in with this label
NO_ENTITY: Final = "(none)"  # the confusion table's row and column for "no span"
HEADLINE_FINDING_COLUMNS: Final = (HEADLINE_CASE, TEXT, ENTITIES)
INCONSISTENT_COLUMNS: Final = (KEY, LABEL, COUNT, SENT_IDS)
PIPELINE: Final = "pipeline"  # the name of one of the parses newslab.evaluate_many scores

# --- corpus and comparison (newslab.corpus, newslab.corpus.compare; added by the corpus work) ---
ARTICLE_ID: Final = "article_id"  # the article's id: "id" in its metadata, else its file name, else its position
OUTLET: Final = "outlet"
DATE: Final = "date"
TITLE: Final = "title"
ARTICLE_COLUMNS: Final = (ARTICLE_ID, OUTLET, DATE, TITLE)  # first columns of every table of many articles
META_ID: Final = "id"  # metadata keys read from doc.user_data["newslab_meta"] (and a .json beside a file)
SOURCE: Final = SOURCE_LINE  # "source": where an article came from (a source line among its parts is the same word)
REASON: Final = "reason"  # why an input went into the errors table
SHARD: Final = "shard"
N_SENTENCES: Final = "n_sentences"
N_ENTITIES_FOUND: Final = "n_entity_mentions"
CORPUS_ARTICLE_COLUMNS: Final = (*ARTICLE_COLUMNS, SOURCE, N_CHARS, N_SENTENCES, N_ENTITIES_FOUND)
ERROR_COLUMNS: Final = (ARTICLE_ID, SOURCE, REASON)
TOTAL: Final = "total"  # mentions of every entity in the group
OTHER_COUNT: Final = "other_count"  # mentions of the entity in every other outlet
OTHER_TOTAL: Final = "other_total"
G2: Final = "g2"  # Dunning's log-likelihood
LOG_RATIO: Final = "log_ratio"  # Hardie's log ratio: binary log of the ratio of relative frequencies
OVER: Final = "overused"  # True when the outlet uses the entity more often than the others
SHARE_COLUMNS: Final = (OUTLET, KEY, LABEL, COUNT, TOTAL, SHARE)
KEYNESS_COLUMNS: Final = (OUTLET, KEY, LABEL, COUNT, TOTAL, OTHER_COUNT, OTHER_TOTAL, G2, LOG_RATIO, OVER)
OTHER_OUTLET: Final = "other_outlet"
OTHER_TEXT: Final = "other_text"
OTHER_SENT_ID: Final = "other_sent_id"
SIMILARITY: Final = "similarity"
N_OUTLETS: Final = "n_outlets"  # how many other outlets carry a similar sentence
OTHER_ARTICLE_ID: Final = "other_article_id"
SHARED_SENTENCE_COLUMNS: Final = (
    OUTLET, ARTICLE_ID, SENT_ID, TEXT, OTHER_OUTLET, OTHER_ARTICLE_ID, OTHER_SENT_ID, OTHER_TEXT, SIMILARITY,
)
SENTENCE_REACH_COLUMNS: Final = (OUTLET, ARTICLE_ID, SENT_ID, TEXT, N_OUTLETS)
REPORTING_VERB_COLUMNS: Final = (OUTLET, SUBJECT, VERB_LEMMA, COUNT)
QUOTE_COUNT_COLUMNS: Final = (OUTLET, SPEAKER, COUNT, SHARE)
# --- end of corpus and comparison ---

# --- lite edition -------------------------------------------------------------------
#: The version of the lite bundle (``newslab.io.tables``): a bundle of another version is refused.
LITE_SCHEMA: Final = 1
#: The tables a lite bundle holds, each the table function's result on the full parse.
LITE_TABLES: Final = ("tokens", "sentences", "lede", "noun_chunks", "entities", "article_parts", "article_stats",
                      "pos_counts", "svo_triples", "quotes", "voices")
# --- end of lite edition ---

# --- dtypes -------------------------------------------------------------------------
#: The dtype of every column that is not a plain Python object (text, labels, lists): the tables
#: built from row tuples use these, and an empty table has them too.
DTYPES: Final[dict[str, str]] = {
    **dict.fromkeys(ARTICLE_COLUMNS, "string"),
    PART: "string",
    PARAGRAPH_ID: "Int64",  # missing outside the body
    **dict.fromkeys((TOKEN_ID, SENT_ID, HEAD_ID, ENT_ID, CHUNK_ID, START_CHAR, END_CHAR, START_TOKEN, END_TOKEN,
                     N_TOKENS, N_WORDS, COUNT, FIRST_SENT_ID, CLUSTER_ID, INDEX, N_CHARS), "int64"),
    **dict.fromkeys((IS_ALPHA, IS_PUNCT, IS_STOP, IS_SPACE, NEGATED), "bool"),
    SHARE: "float64",
}
