"""Whose words fill the article: the share of the body each speaker's statements take."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import columns as C
from ..edge import require_doc
from ..precomputed import is_lite, not_in_lite
from ..tables.index import token_index
from .statements import quotes

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["voices"]

_BODY = (None, C.PARAGRAPH)


def voices(doc: Doc, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose words fill the article: words of statements per speaker, and the reporter's own share.

    A word belongs to a speaker when it lies in the content of one of their statements
    (direct or reported); every other word of the body is the reporter's, shown as
    ``"(reporter)"``. ``share`` is a fraction of the body's words, so the shares add up to 1.

    Args:
        doc: The parsed article.
        table: Its :func:`quotes` table, if you already have it.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze('The bridge reopened. "It is safe," Mayor Lena Brandt said.')
        >>> voices(doc)[["speaker", "n_statements", "n_words"]].values.tolist()
        [['(reporter)', 0, 7], ['Lena Brandt', 1, 3]]
    """
    import pandas as pd

    if is_lite(doc):  # the lite edition: the shares of the full parse, for its own statements only
        if table is None or table.equals(doc.result("quotes")):
            return doc.result("voices")
        raise not_in_lite("nl.voices of a statements table other than nl.quotes(doc)")
    doc = require_doc(doc, "nl.voices")
    table = quotes(doc) if table is None else table
    index = token_index(doc) if len(doc) else None
    body = [index.locate(i)[2] in _BODY for i in range(len(doc))] if index is not None else []
    owner: dict[int, str] = {}
    for row in table.itertuples(index=False):
        name = getattr(row, C.CANONICAL) or getattr(row, C.SPEAKER)
        span = doc.char_span(getattr(row, C.CONTENT_START), getattr(row, C.CONTENT_END), alignment_mode="expand")
        for t in span if span is not None else ():
            owner.setdefault(t.i, name)
    words = [t for t in doc if body[t.i] and not (t.is_punct or t.is_space)]
    counts = pd.Series([owner.get(t.i, C.REPORTER) for t in words], dtype="object").value_counts()
    n_statements = table.groupby(table[C.CANONICAL].where(table[C.CANONICAL] != "", table[C.SPEAKER])).size()
    rows = [(name, int(n_statements.get(name, 0)), int(n), n / max(len(words), 1)) for name, n in counts.items()]
    result = pd.DataFrame(rows, columns=list(C.VOICE_COLUMNS))
    return result.sort_values([C.N_WORDS, C.SPEAKER], ascending=[False, True], kind="stable").reset_index(drop=True)
