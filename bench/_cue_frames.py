"""The cue lexicon's facts, counted from gold attributions: how each cue word's content hangs on it.

``bench/quotes.py --split train --frames FILE`` writes, for every speech attribution with a source
of the split, the cue's speech word (its lemma and part of speech) and the *frame* of its content
in the parse, in the names of :mod:`newslab.attribution.cues`:

- ``clause``: the content's root is a clausal complement (ccomp) of the cue, or a clause a noun
  cue governs ("the claim that ...");
- ``object``, ``object-to``, ``object-complement``: the root is the cue's direct object, with the
  cue's "to" clause or complement inside the content too;
- ``to``: the root is the cue's "to" clause (xcomp with "to");
- ``prep:<p>``: the root is the object of the cue's preposition ``p``.

Only lemmas, frames and counts are written: no text of the corpus.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import _attribution_metrics as M
import _polnear as P


def frame(content: M.Pieces, doc: Any, head: Any) -> str | None:
    """The frame by which a content hangs on its cue word ``head`` (a spaCy token), or None."""
    tokens = [t for s, e in content for t in (doc.char_span(s, e, alignment_mode="expand") or ())]
    tokens = [t for t in tokens if not (t.is_punct or t.is_space)]
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i == head.i and t.i != head.i:
            if t.dep_ == "ccomp" or t.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
                return "clause"
            if t.dep_ == "dobj":
                wider = [c for c in head.children if c.i in inside and c.dep_ in ("xcomp", "oprd", "ccomp")]
                if any(c.dep_ == "xcomp" and any(x.lower_ == "to" for x in c.lefts) for c in wider):
                    return "object-to"
                return "object-complement" if wider else "object"
            if t.dep_ == "xcomp":
                return "to" if any(x.lower_ == "to" for x in t.lefts) else None
            if t.dep_ == "prep":
                return "prep:" + t.lower_
        if t.head.head.i == head.i and t.head.dep_ in ("prep", "agent") and t.head.i not in inside:
            return "prep:" + t.head.lower_
    return None


def frame_counts(articles: list[P.Article], docs: list[Any]) -> Counter[tuple[str, str, str]]:
    """(lemma, "verb" or "noun", frame) -> how many speech attributions with a source use it."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        for a in article.attributions:
            if not a.content or not a.source:
                continue
            tokens = [t for s, e in a.cue for t in (doc.char_span(s, e, alignment_mode="expand") or ())]
            word, speech = P.cue_word(tokens)
            head = next((t for t in tokens if t.lemma_.lower() == word), None)
            if not speech or head is None or word in (":", "according to"):
                continue
            found = frame(a.content, doc, head)
            if found is not None:
                counts[word, "noun" if head.pos_ in ("NOUN", "PROPN") else "verb", found] += 1
    return counts
