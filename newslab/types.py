"""Type aliases of the public API, and :func:`is_doc`, the type guard for a parsed article.

Nothing here imports spaCy or pandas. The coercion of inputs at the public edge is
:mod:`newslab.tables.coerce` (a ``Doc`` or its table) and :mod:`newslab.tables.guard`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal, TypeAlias, Union

if TYPE_CHECKING:
    from typing import TypeGuard

    import pandas as pd
    from spacy.tokens import Doc

    from .text.article import Article

__all__ = ["PathLike", "ArticleSource", "DocLike", "CorpusSource", "TableKind", "is_doc"]

#: A file path, as a string or a path object.
PathLike: TypeAlias = Union[str, "os.PathLike[str]"]
#: What :func:`newslab.load_article` reads: ``None`` (the article in use), a path, text, bytes or an Article.
ArticleSource: TypeAlias = Union[str, "os.PathLike[str]", bytes, "Article", None]
#: What :func:`newslab.analyze` reads: an article source, or a parsed ``Doc``.
DocLike: TypeAlias = Union["Doc", ArticleSource]
#: What the corpus readers read: a folder of ``.txt``/``.html`` files, a JSONL file, or a pandas column
#: of texts (or a DataFrame with a ``text`` column).
CorpusSource: TypeAlias = Union[str, "os.PathLike[str]", "pd.Series", "pd.DataFrame"]
#: The tidy tables a ``Doc`` can be turned into.
TableKind = Literal["tokens", "sentences", "entities"]


def is_doc(obj: object) -> TypeGuard[Doc]:
    """Whether ``obj`` is a parsed spaCy ``Doc`` (checked without importing spaCy).

    Examples:
        >>> is_doc("Rutte visited Kyiv.")
        False
    """
    return hasattr(obj, "vocab") and hasattr(obj, "ents") and hasattr(obj, "user_data")
