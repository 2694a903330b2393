"""The one check at the public edge: a function that works on a parsed article is given one.

Text, a path, bytes, ``None`` or an :class:`~newslab.text.article.Article` given where a parsed
``Doc``, its table or many docs are needed raise :class:`~newslab.errors.NotParsedError`, which
says how to parse it. Only :func:`newslab.analyze`, :func:`newslab.load_article`, the corpus
readers and the report accept sources; nothing else parses what it was not asked to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import NotParsedError
from .precomputed import is_lite
from .types import is_doc

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["require_doc", "require_table", "require_many", "not_parsed"]


def not_parsed(data: object, where: str, *, table: str | None = None) -> NotParsedError:
    """The error for ``data`` given to ``where`` in place of a parsed article (or its ``table``)."""
    name = type(data).__name__
    kind = "nothing (None)" if data is None else f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    alternative = f" or its {table} table (nl.{table}(doc))" if table else ""
    return NotParsedError(f"{where} needs a parsed article{alternative}, not {kind}: parse it first with "
                          f"doc = nl.analyze(...) and pass doc")


def require_doc(data: Any, where: str = "this function", *, lite: bool = False) -> Doc:
    """Return ``data`` if it is a parsed ``Doc`` (or a ``Span`` of one), else raise :class:`NotParsedError`.

    ``lite=True`` accepts the lite edition's :class:`~newslab.precomputed.LiteDoc` too: the caller
    then reads it only through the table functions.

    Examples:
        >>> require_doc("Rutte visited Kyiv.", "nl.entities")
        Traceback (most recent call last):
        ...
        newslab.errors.NotParsedError: nl.entities needs a parsed article, not a str: parse it first with doc = nl.analyze(...) and pass doc
    """
    if is_doc(data) or (hasattr(data, "doc") and is_doc(data.doc)) or (lite and is_lite(data)):
        return data
    raise not_parsed(data, where)



def require_table(data: Any, where: str = "this function", *, made_by: str = "nl.entities(doc)") -> pd.DataFrame:
    """Return ``data`` if it is a DataFrame, else raise :class:`NotParsedError` saying which table it should be.

    Examples:
        >>> require_table("Rutte visited Kyiv.", "nl.filter_entities", made_by="nl.entities(doc)")
        Traceback (most recent call last):
        ...
        newslab.errors.NotParsedError: nl.filter_entities needs the table of nl.entities(doc), not a str: parse it first with doc = nl.analyze(...)
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    name = type(data).__name__
    kind = "nothing (None)" if data is None else f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    first = ("corpus = nl.corpus.load_corpus(...)" if "(corpus)" in made_by else "doc = nl.analyze(...)")
    raise NotParsedError(f"{where} needs the table of {made_by}, not {kind}: parse it first with {first}")


def require_many(data: Any, where: str = "this function") -> Any:
    """Return ``data`` if it holds many parsed articles (a ``Corpus``, a list of docs), else raise.

    Examples:
        >>> require_many("Rutte visited Kyiv.", "nl.compare.reporting_verbs")
        Traceback (most recent call last):
        ...
        newslab.errors.NotParsedError: nl.compare.reporting_verbs needs many parsed articles (a Corpus or a list of docs), not a str: parse them first with corpus = nl.corpus.load_corpus(...)
    """
    if isinstance(data, (list, tuple)) or getattr(data, "_newslab_many", False):
        return data
    name = type(data).__name__
    kind = "nothing (None)" if data is None else f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    raise NotParsedError(f"{where} needs many parsed articles (a Corpus or a list of docs), not {kind}: "
                         "parse them first with corpus = nl.corpus.load_corpus(...)")
