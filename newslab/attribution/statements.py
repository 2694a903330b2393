"""Who said what: attributed statements (quotations and reported speech) of a parsed article.

:func:`quotes` finds every statement the article attributes to someone, from the dependency
parse and a cue lexicon learned from news (:mod:`newslab.attribution.cues`), with no knowledge
of any particular article. Each row says *why* it was attributed in its ``rule`` column; every
rule is one of these patterns (``+pronoun`` is added when the speaker is a pronoun resolved to
an earlier name):

=======================  ===================================================================
rule                     pattern
=======================  ===================================================================
``quote-speaker-verb``   ``"We will rebuild," Brandt said.`` (quote before the verb)
``quote-verb-speaker``   ``"We will rebuild," said Brandt.`` (inverted subject)
``speaker-verb-quote``   ``Brandt said that "the bridge is safe."`` (quote after the verb)
``colon``                ``Brandt said: "We will rebuild."``; ``More from Brandt: "..."``
``split-quote``          ``"We will," Brandt said, "rebuild."`` (one row per piece)
``continued-quote``      a quoted sentence right after an attributed quotation
``continued-paragraph``  a quoted paragraph, with no cue, after a paragraph ending with a quotation
``multi-paragraph``      a quotation whose paragraph ends unclosed and that re-opens
``reported-clause``      ``Brandt said that the bridge is safe.``
``reported-object``      ``Brandt criticized the delay in the tender.``
``reported-request``     ``Brandt urged residents to sign up for alerts.``
``reported-complement``  ``Brandt called the delay a disgrace.``
``reported-prep``        ``Brandt talked about the cost.``; ``Brandt called on the council to act.``
``reported-to``          ``Brandt vowed to rebuild the bridge.``
``call-for``             ``Brandt called for the council to act.``
``noun-clause``          ``Brandt's claim that the bridge is safe``
``noun-prep``            ``Brandt's criticism of the tender``
``parenthetical``        ``The bridge, Brandt said, is safe.`` (one row per piece); ``As Brandt noted, ...``
``according-to``         ``The bridge is safe, according to Brandt.``
``name-colon``           ``Brandt: the bridge is safe`` (a paragraph that opens with a name and a colon)
=======================  ===================================================================

``kind`` is ``direct`` (the content is a quotation), ``reported`` (no quotation marks) or
``mixed`` (reported speech that holds a partial quotation: ``Brandt said the plan was "a
disaster"``; the content is the whole clause). The modules behind it: quotation marks
(:mod:`~newslab.attribution.marks`), the cue lexicon (:mod:`~newslab.attribution.cues`),
reported speech (:mod:`~newslab.attribution.patterns`), direct quotations
(:mod:`~newslab.attribution.direct`) and speakers (:mod:`~newslab.attribution.speakers`, which
says how pronouns, roles and names are resolved to ``cluster_id`` and ``canonical``).

Unbalanced quotation marks never raise: a quotation left open runs to the end of its
paragraph. Only the body is searched: a headline summarises and a byline names the reporter.
The work is linear in the length of the text.

``content`` is the statement without its quotation marks (a mixed one keeps the marks of the
quotation inside it) or a leading "that"; ``sent_id`` is the sentence where the content starts
(as in :func:`newslab.sentences`).

Examples:
    >>> import newslab
    >>> doc = newslab.analyze('"We will rebuild the bridge," Mayor Lena Brandt said on Monday.')
    >>> quotes(doc)[["speaker", "cue", "content", "kind", "rule"]].values.tolist()
    [['Lena Brandt', 'say', 'We will rebuild the bridge', 'direct', 'quote-speaker-verb']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import columns as C
from ..edge import require_doc
from ..precomputed import lite_result
from ..tables.index import token_index
from ._base import Article, Statement
from .direct import direct
from .patterns import reported
from .speakers import resolve

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["quotes"]


@lite_result
def quotes(doc: Doc) -> pd.DataFrame:
    """One row per attributed statement: speaker, cue, content, kind and the rule that fired.

    A cue is a verb or noun of the lexicon (:data:`newslab.REPORTING_VERBS` are its verbs of
    a clause; :mod:`newslab.attribution.cues` has every frame) with a speaker, or "according
    to", or a name before a colon. The patterns and their ``rule`` names are listed in the
    module's documentation (``help(newslab.attribution.statements)``).

    Args:
        doc: A parsed article (:func:`newslab.analyze`), or any spaCy ``Doc`` with a parser.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Mayor Lena Brandt spoke on Monday. She stressed the need for repairs.")
        >>> quotes(doc)[["speaker", "canonical", "cue", "content", "rule"]].values.tolist()
        [['She', 'Lena Brandt', 'stress', 'the need for repairs', 'reported-object+pronoun']]
    """
    doc = require_doc(doc, "nl.quotes")
    found: list[Statement] = []
    if len(doc) and doc.has_annotation("DEP"):
        article = Article.read(doc)
        found = direct(article, reported(article))
        found = _outermost([s for s in found if s.content[1] > s.content[0]])
        resolve(doc, found)
    return _frame(doc, found)


def _outermost(found: list[Statement]) -> list[Statement]:
    """Drop the reported statements whose cue lies inside another statement's content: "She said he
    told her the dam holds" is one statement of hers, which holds his."""
    from bisect import bisect_right

    spans = sorted((s.content[0], s.content[1], s.cue[0]) for s in found)
    starts = [a for a, _, _ in spans]
    kept = []
    for s in found:
        at = s.cue[0]
        i = bisect_right(starts, at)
        inside = any(a <= at < b and cue != s.cue[0] for a, b, cue in spans[max(0, i - 50):i])
        if not (inside and s.kind != C.DIRECT):
            kept.append(s)
    return kept


def _frame(doc: Doc, found: list[Statement]) -> pd.DataFrame:
    import pandas as pd

    index = token_index(doc) if len(doc) else None
    text = doc.text
    rows = []
    for i, s in enumerate(found):
        span = doc.char_span(s.content[0], s.content[1], alignment_mode="expand")
        sent_id = index.sent_id(span.start) if index is not None and span is not None else 0
        rows.append((i, s.speaker.text, s.speaker.start_char, s.speaker.end_char, s.cluster[0], s.cluster[1],
                     s.cue[2], s.cue[0], s.cue[1], text[s.content[0]:s.content[1]], s.content[0],
                     s.content[1], s.kind, sent_id, s.rule))
    table = pd.DataFrame.from_records(rows, columns=list(C.QUOTE_COLUMNS))
    ints = (C.QUOTE_ID, C.SPEAKER_START, C.SPEAKER_END, C.CUE_START, C.CUE_END, C.CONTENT_START,
            C.CONTENT_END, C.SENT_ID)
    types = {**{col: "int64" for col in ints}, C.CLUSTER_ID: "Int64"}
    return table.astype({col: types.get(col, "object") for col in C.QUOTE_COLUMNS})
