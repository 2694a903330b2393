"""Where each token of a parsed article sits: its sentence, paragraph and article part.

Every table and the attribution look tokens up here. :func:`token_index` builds the index of
a ``Doc`` once and shares it: the sentences and parts of a parsed article do not change.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from .. import columns as C

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["TokenIndex", "token_index", "trim"]

_CACHE: weakref.WeakKeyDictionary[Doc, tuple[tuple[int, int], TokenIndex]] = weakref.WeakKeyDictionary()


def token_index(doc: Doc) -> TokenIndex:
    """The :class:`TokenIndex` of ``doc``, built on first use and kept while the ``Doc`` lives.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Rutte came. He left.")
        >>> token_index(doc) is token_index(doc), token_index(doc).locate(3)
        (True, (1, 0, 'paragraph'))
    """
    parts = doc.spans[C.PARTS_KEY] if C.PARTS_KEY in doc.spans else ()
    stamp = (len(doc), len(parts))  # a Doc that was re-annotated in place gets a new index
    cached = _CACHE.get(doc)
    if cached is None or cached[0] != stamp:
        cached = (stamp, TokenIndex(doc))
        _CACHE[doc] = cached
    return cached[1]


class TokenIndex:
    """Map token positions to sentence ids, paragraph ids and article parts in O(1)."""

    def __init__(self, doc: Doc) -> None:
        self._sent = [0] * len(doc)
        sent_id = -1
        for span in doc.sents:
            if trim(span) is not None:
                sent_id += 1
            for i in range(span.start, span.end):
                self._sent[i] = max(sent_id, 0)
        self._part: list[tuple[str | None, int | None]] = [(None, None)] * len(doc)
        parts = doc.spans[C.PARTS_KEY] if C.PARTS_KEY in doc.spans else []
        paragraph = -1
        for span in parts:
            paragraph += span.label_ == C.PARAGRAPH
            value = (span.label_, paragraph if span.label_ == C.PARAGRAPH else None)
            for i in range(span.start, span.end):
                self._part[i] = value
        self._fill_gaps()

    def _fill_gaps(self) -> None:
        # separators (a newline, the dash after a dateline) belong to the part before them
        for i in range(1, len(self._part)):
            if self._part[i][0] is None:
                self._part[i] = self._part[i - 1]

    def sent_id(self, i: int) -> int:
        return self._sent[i]

    def locate(self, i: int) -> tuple[int, int | None, str | None]:
        part, paragraph = self._part[i]
        return self._sent[i], paragraph, part


def trim(span: Span) -> Span | None:
    """Drop leading and trailing whitespace tokens; ``None`` if nothing else is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None
