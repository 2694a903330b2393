"""The one check at the public edge: a function that works on a parsed article gets one.

Text, a path, bytes, ``None`` or an :class:`~newslab.text.article.Article` given where a parsed
``Doc`` is needed raise :class:`~newslab.errors.NotParsedError`, which says how to parse it.
Nothing below this edge parses anything it was not asked to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import NotParsedError
from ..types import is_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["require_doc", "require_article_or_doc", "not_parsed"]


def not_parsed(data: object, where: str, *, table: str | None = None) -> NotParsedError:
    """The error for ``data`` given to ``where`` in place of a parsed article (or its ``table``)."""
    name = type(data).__name__
    kind = "nothing (None)" if data is None else f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    alternative = f" or its {table} table (nl.{table}(doc))" if table else ""
    return NotParsedError(f"{where} needs a parsed article{alternative}, not {kind}: parse it first with "
                          f"doc = nl.analyze(...) and pass doc")


def require_doc(data: Any, where: str = "this function") -> Doc:
    """Return ``data`` if it is a parsed ``Doc`` (or a ``Span`` of one), else raise :class:`NotParsedError`.

    Examples:
        >>> require_doc("Rutte visited Kyiv.", "nl.entities")
        Traceback (most recent call last):
        ...
        newslab.errors.NotParsedError: nl.entities needs a parsed article, not a str: parse it first with doc = nl.analyze(...) and pass doc
    """
    if is_doc(data) or (hasattr(data, "doc") and is_doc(data.doc)):
        return data
    raise not_parsed(data, where)


def require_article_or_doc(data: Any, where: str = "this function") -> Any:
    """Return ``data`` if it is an ``Article`` or a parsed ``Doc``, else raise :class:`NotParsedError`.

    Examples:
        >>> import newslab
        >>> require_article_or_doc(newslab.load_article(), "nl.article_parts").headline.kind
        'headline'
    """
    from ..text.article import Article

    if isinstance(data, Article):
        return data
    return require_doc(data, where)
