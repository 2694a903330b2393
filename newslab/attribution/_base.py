"""What the attribution modules share: a found statement, and the parsed article they read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from .. import columns as C
from ..tables.index import token_index
from .marks import Quote, quotations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_BODY: Final = (None, C.PARAGRAPH)


@dataclass
class Statement:
    """One row of :func:`newslab.quotes` while it is being built (character offsets)."""

    speaker: Span
    cue: tuple[int, int, str]  # start_char, end_char, lemma (or "according to", ":")
    content: tuple[int, int]
    kind: str
    rule: str
    cluster: tuple[int | None, str] = (None, "")
    person: bool = True
    quote_end: int = -1  # end of the last closing quotation mark, for direct quotations
    resolved: bool = False  # the speaker's cluster is set and must not be looked up again


@dataclass
class Article:
    """A parsed article as the patterns read it: its text, quotations and which tokens they cover."""

    doc: Doc
    text: str
    marks: list[Quote]
    quoted: list[bool]  # per token: inside a quotation (the marks included)
    body: list[bool]  # per token: in the body (a paragraph), not a headline or byline
    quote_of: list[int]  # per token: the index in ``marks`` of its quotation, or -1
    used_quotes: set[int] = field(default_factory=set)
    used_cues: set[int] = field(default_factory=set)

    @classmethod
    def read(cls, doc: Doc) -> Article:
        text = doc.text  # spaCy rebuilds doc.text on every access: read it once
        marks = quotations(text)
        index = token_index(doc)
        body = [index.locate(i)[2] in _BODY for i in range(len(doc))]
        quote_of = [-1] * len(doc)
        for n, quote in enumerate(marks):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                quote_of[i] = n
        return cls(doc, text, marks, [q >= 0 for q in quote_of], body, quote_of)

    def quotes_in(self, start: int, end: int) -> list[int]:
        """Indices of the quotations with a token in ``doc[start:end]``."""
        return sorted({q for q in self.quote_of[start:end] if q >= 0})


def words(span: Span) -> list[Token]:
    """The tokens of a span that are neither punctuation nor space."""
    return [t for t in span if not (t.is_punct or t.is_space)]


def trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """``doc[start:end]`` without punctuation or space at its edges (quotation marks included)."""
    while start < end and (doc[start].is_punct or doc[start].is_space) and doc[start].text not in "$#%":
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in "%":
        end -= 1
    return doc[start:end] if end > start else None
