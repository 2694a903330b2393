"""Compare how outlets report one event: what they mention, what sets them apart, what they share.

Every function takes many parsed articles (a :class:`newslab.corpus.Corpus`, a list of docs)
or the table built from them, and groups by ``outlet`` (by ``article_id`` where an article
has no outlet). Entities are grouped by ``canonical`` when the entity table has that column
(entity clustering), else by ``key``. Mentions in bylines are left out: an outlet's own name
there says nothing about the event.

- :func:`entity_share`: each entity's share of an outlet's mentions;
- :func:`keyness`: the entities an outlet uses more (or less) than the others, by Dunning's
  log-likelihood G2 with Hardie's log ratio as the effect size, as corpus linguistics does;
- :func:`shared_sentences` and :func:`sentence_reach`: which sentences (facts) an outlet
  shares with the others, by the overlap of their content-word lemmas;
- :func:`reporting_verbs`: who is given a voice, through which reporting verbs;
- :func:`quoted_by_outlet`: who is quoted by each outlet, and how much (``newslab.quotes``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from .. import columns as C
from ..attribution.cues import REPORTING_VERBS  # the one list of reporting verbs, re-exported for notebook 07
from ..edge import require_many

if TYPE_CHECKING:
    import pandas as pd

    from ..tables.many import Many

__all__ = ["entity_share", "keyness", "shared_sentences", "sentence_reach", "reporting_verbs", "quoted_by_outlet",
           "REPORTING_VERBS", "CRITICAL_G2"]

#: G2 above 3.84 is significant at p < 0.05 (one degree of freedom); 6.63 at p < 0.01.
CRITICAL_G2 = 3.84


def _entity_table(data: Many | pd.DataFrame, where: str) -> pd.DataFrame:
    import pandas as pd

    from ..tables.mentions import entities

    table = data if isinstance(data, pd.DataFrame) else entities(require_many(data, where))
    if C.ARTICLE_ID not in table.columns:
        raise ValueError("compare needs many articles: give a Corpus, a list of docs, or a table built from one")
    table = table[table[C.PART] != C.BYLINE] if C.PART in table.columns else table
    return table.assign(**{C.OUTLET: table[C.OUTLET].fillna(table[C.ARTICLE_ID])})


def _group_key(table: pd.DataFrame) -> str:
    return C.CANONICAL if C.CANONICAL in table.columns else C.KEY


def entity_share(data: Many | pd.DataFrame, *, n: int | None = None) -> pd.DataFrame:
    """Each entity's share of every outlet's entity mentions, largest first within an outlet.

    Args:
        data: Many parsed articles, or their entity table (``newslab.entities(docs)``).
        n: Keep the ``n`` entities with most mentions overall (all when ``None``).

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> share = entity_share(teaching_corpus())
        >>> share.columns.tolist()
        ['outlet', 'key', 'label', 'count', 'total', 'share']
        >>> bool(share.groupby("outlet")["share"].sum().round(6).eq(1).all())
        True
    """
    table = _entity_table(data, "nl.compare.entity_share")
    key = _group_key(table)
    counts = table.groupby([C.OUTLET, key], sort=False).agg(
        **{C.LABEL: (C.LABEL, lambda s: s.mode().iloc[0]), C.COUNT: (C.LABEL, "size")}).reset_index()
    counts[C.TOTAL] = counts.groupby(C.OUTLET)[C.COUNT].transform("sum")
    counts[C.SHARE] = counts[C.COUNT] / counts[C.TOTAL]
    if n is not None:
        top = counts.groupby(key)[C.COUNT].sum().sort_values(ascending=False, kind="stable").index[:n]
        counts = counts[counts[key].isin(top)]
    counts = counts.rename(columns={key: C.KEY}).sort_values([C.OUTLET, C.COUNT], ascending=[True, False],
                                                             kind="stable")
    return counts[list(C.SHARE_COLUMNS)].reset_index(drop=True)


def keyness(data: Many | pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """The entities each outlet mentions more (or less) often than all the others together.

    For an entity with ``a`` mentions in the outlet (``c`` mentions in all) and ``b`` in
    the others (``d`` in all), ``g2`` is Dunning's log-likelihood
    ``2 * (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)``:
    how surprising the difference is (above :data:`CRITICAL_G2`, 3.84, at p < 0.05).
    ``log_ratio`` is Hardie's effect size, ``log2((a/c) / (b/d))`` with a zero count read as
    0.5: how big the difference is (1 means twice as frequent). ``overused`` says which way.
    There is one row per outlet and entity the outlet mentions.
    With a few short reports G2 is rarely significant: read it as a ranking.

    Args:
        data: Many parsed articles, or their entity table.
        min_count: Leave out entities with fewer mentions in all outlets together.

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> table = keyness(teaching_corpus())
        >>> table.columns.tolist()[-3:]
        ['g2', 'log_ratio', 'overused']
        >>> bool((table["g2"] >= 0).all())
        True
    """
    share = entity_share(data)
    totals = share.groupby(C.KEY)[C.COUNT].sum()
    all_mentions = share.drop_duplicates(C.OUTLET)[C.TOTAL].sum()
    rows = []
    for outlet, group in share.groupby(C.OUTLET, sort=True):
        c = int(group[C.TOTAL].iloc[0])
        found = dict(zip(group[C.KEY], group[C.COUNT]))
        labels = dict(zip(share[C.KEY], share[C.LABEL]))
        for key, both in totals.items():
            if both < min_count:
                continue
            a = int(found.get(key, 0))
            if a == 0:
                continue
            b, d = int(both) - a, int(all_mentions) - c
            rows.append((outlet, key, labels[key], a, c, b, d, _g2(a, b, c, d), _log_ratio(a, b, c, d),
                         a / c > b / max(d, 1)))
    return _keyness_frame(rows)


def _g2(a: int, b: int, c: int, d: int) -> float:
    expected_a, expected_b = c * (a + b) / (c + d), d * (a + b) / (c + d)
    terms = [o * math.log(o / e) for o, e in ((a, expected_a), (b, expected_b)) if o > 0]
    return 2 * sum(terms)


def _log_ratio(a: int, b: int, c: int, d: int) -> float:
    return math.log2((a / c) / ((b or 0.5) / max(d, 1)))


def _keyness_frame(rows: list[tuple]) -> pd.DataFrame:
    import pandas as pd

    table = pd.DataFrame(rows, columns=list(C.KEYNESS_COLUMNS))
    table = table.sort_values([C.OUTLET, C.G2], ascending=[True, False], kind="stable").reset_index(drop=True)
    return table.astype({C.G2: "float64", C.LOG_RATIO: "float64", C.OVER: "bool"})


def shared_sentences(docs: Many, *, threshold: float = 0.5) -> pd.DataFrame:
    """Pairs of body sentences from different outlets that say much the same thing.

    The similarity of two sentences is the Jaccard overlap of their content-word lemmas
    (spaCy's lemmas, without stop words, punctuation and numbers): the share of the words
    of either that both use. ``en_core_web_sm`` has no word vectors, so ``doc.similarity``
    would compare context tensors that spaCy itself warns are not meaningful for this; the
    overlap of lemmas is transparent and catches a sentence copied, shortened or re-ordered.

    Args:
        docs: Many parsed articles (a Corpus or a list of docs).
        threshold: The smallest similarity kept, between 0 and 1 (1 = the same lemmas).

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> pairs = shared_sentences(teaching_corpus())
        >>> bool((pairs["similarity"] >= 0.5).all()) and bool((pairs["outlet"] != pairs["other_outlet"]).all())
        True
    """
    import pandas as pd
    docs = require_many(docs, "nl.compare.shared_sentences")

    sentences = _body_sentences(docs)
    index: dict[str, set[int]] = defaultdict(set)
    for i, sentence in enumerate(sentences):
        for lemma in sentence[-1]:
            index[lemma].add(i)
    rows = []
    for outlet, article, sent_id, text, lemmas in sentences:
        for j in sorted(set().union(*(index[lemma] for lemma in lemmas)) if lemmas else ()):
            other = sentences[j]
            similarity = len(lemmas & other[-1]) / len(lemmas | other[-1])
            if other[0] != outlet and similarity >= threshold:
                rows.append((outlet, article, sent_id, text, other[0], other[1], other[2], other[3], similarity))
    return pd.DataFrame(rows, columns=list(C.SHARED_SENTENCE_COLUMNS))


def _body_sentences(docs: Many) -> list[tuple[str, str, int, str, frozenset[str]]]:
    from ..tables.many import article_fields
    from ..tables.parse import sentences

    found = []
    for position, doc in enumerate(docs):
        article_id, outlet = article_fields(doc, position)[:2]
        table = sentences(doc)
        for row in table[table[C.PART] == C.PARAGRAPH].itertuples(index=False):
            span = doc[getattr(row, C.START_TOKEN) : getattr(row, C.END_TOKEN)]
            lemmas = frozenset(t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop)
            if not any(t.is_alpha for t in span):  # a stray closing quote the parser left on its own
                continue
            found.append((outlet or article_id, article_id, getattr(row, C.SENT_ID), span.text, lemmas))
    return found


def sentence_reach(docs: Many, *, threshold: float = 0.5) -> pd.DataFrame:
    """Every body sentence of every outlet, with how many other outlets carry a similar one.

    ``n_outlets`` is 0 for a sentence only this outlet has (its own selection), and the
    number of other outlets otherwise (see :func:`shared_sentences` for the similarity).

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> reach = sentence_reach(teaching_corpus())
        >>> reach.columns.tolist()
        ['outlet', 'article_id', 'sent_id', 'text', 'n_outlets']
    """
    import pandas as pd
    docs = require_many(docs, "nl.compare.sentence_reach")

    pairs = shared_sentences(docs, threshold=threshold)
    ids = [C.OUTLET, C.ARTICLE_ID, C.SENT_ID]
    reach = pairs.groupby(ids)[C.OTHER_OUTLET].nunique().rename(C.N_OUTLETS)
    table = pd.DataFrame([s[:4] for s in _body_sentences(docs)], columns=[*ids, C.TEXT])
    table = table.join(reach, on=ids)
    return table.assign(**{C.N_OUTLETS: table[C.N_OUTLETS].fillna(0).astype("int64")})[list(C.SENTENCE_REACH_COLUMNS)]


def reporting_verbs(docs: Many) -> pd.DataFrame:
    """Who speaks in each outlet: the subjects of reporting verbs ("Rutte reiterated ...").

    One row per outlet, subject and verb lemma with its count; a pronoun subject ("He") is
    kept as written. The verbs are :data:`REPORTING_VERBS`.

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> table = reporting_verbs(teaching_corpus())
        >>> table.columns.tolist()
        ['outlet', 'subject', 'verb_lemma', 'count']
        >>> "reiterate" in set(table["verb_lemma"])
        True
    """
    from ..tables.grammar import svo_triples
    docs = require_many(docs, "nl.compare.reporting_verbs")

    triples = svo_triples(docs)
    triples = triples[triples[C.VERB_LEMMA].str.lower().isin(REPORTING_VERBS)]
    triples = triples.assign(**{C.OUTLET: triples[C.OUTLET].fillna(triples[C.ARTICLE_ID])})
    counts = triples.groupby(list(C.REPORTING_VERB_COLUMNS[:-1])).size().rename(C.COUNT).reset_index()
    return counts.sort_values([C.OUTLET, C.COUNT], ascending=[True, False], kind="stable").reset_index(drop=True)


def quoted_by_outlet(docs: Many) -> pd.DataFrame:
    """Who is quoted by each outlet, and how much: one row per outlet and speaker.

    The statements are those :func:`newslab.quotes` attributes (direct quotations and reported
    speech). A speaker is counted under ``canonical``, the name of its entity cluster (so "He"
    after "Mark Rutte" counts for Mark Rutte), where the quotes table has one, else as written.
    ``share`` is the speaker's part of the outlet's statements.

    Args:
        docs: Many parsed articles (a Corpus or a list of docs).

    Examples:
        >>> from newslab.corpus import teaching_corpus
        >>> table = quoted_by_outlet(teaching_corpus())
        >>> table.columns.tolist()
        ['outlet', 'speaker', 'count', 'share']
        >>> bool(table.groupby("outlet")["share"].sum().round(6).eq(1).all())
        True
    """
    import pandas as pd

    from ..attribution.statements import quotes
    from ..tables.many import article_fields, stack
    docs = require_many(docs, "nl.compare.quoted_by_outlet")

    table = stack([(quotes(doc), article_fields(doc, i)) for i, doc in enumerate(docs)])
    if table.empty:
        return pd.DataFrame({name: [] for name in C.QUOTE_COUNT_COLUMNS})
    speaker = table[C.SPEAKER]
    if C.CANONICAL in table.columns:
        named = table[C.CANONICAL].notna() & (table[C.CANONICAL].astype(str).str.strip() != "")
        speaker = table[C.CANONICAL].where(named, speaker)
    who = pd.DataFrame({C.OUTLET: table[C.OUTLET].fillna(table[C.ARTICLE_ID]), C.SPEAKER: speaker})
    counts = who.groupby([C.OUTLET, C.SPEAKER]).size().rename(C.COUNT).reset_index()
    counts[C.SHARE] = counts[C.COUNT] / counts.groupby(C.OUTLET)[C.COUNT].transform("sum")
    counts = counts.sort_values([C.OUTLET, C.COUNT], ascending=[True, False], kind="stable")
    return counts[list(C.QUOTE_COUNT_COLUMNS)].reset_index(drop=True)
