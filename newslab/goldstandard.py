"""The gold-standard annotations that ship with an article."""

from __future__ import annotations

import json
from pathlib import Path

from .article import ArticleSource, load_article
from .errors import AnnotationError, NewslabError
from .spans import AnnotatedText, annotated_text, validate_spans

__all__ = ["gold", "gold_path"]


def gold_path(source: ArticleSource = None) -> Path:
    """Return the path of the gold file beside an article file: ``<name>.gold.jsonl``.

    Raises:
        NewslabError: if the article did not come from a file or has no gold file.
    """
    article = load_article(source)
    if "source" not in article.meta:
        raise NewslabError("this article was not loaded from a file, so it has no gold annotations beside it")
    path = Path(article.meta["source"]).with_suffix(".gold.jsonl")
    if not path.is_file():
        raise NewslabError(f"no gold annotations for this article: expected {path}")
    return path


def gold(source: ArticleSource = None) -> AnnotatedText:
    """Return the hand-made gold annotations of an article (the bundled seed by default).

    Examples:
        >>> record = gold()
        >>> record["text"] == load_article().text
        True
    """
    path = gold_path(source)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(lines) != 1:
        raise AnnotationError(f"expected one annotated text, found {len(lines)}", path=str(path))
    try:
        record = annotated_text(json.loads(lines[0]))
    except ValueError as err:
        raise AnnotationError(f"invalid JSON: {err}", line=1, path=str(path)) from None
    record["spans"] = validate_spans(record["text"], record["spans"], line=1, path=str(path))
    if record["text"] != load_article(source).text:
        raise AnnotationError("the gold text differs from the article text", path=str(path))
    return record
