"""The gold-standard annotations that ship with an article."""

from __future__ import annotations

from pathlib import Path

from ..errors import AnnotationError, NewslabError
from ..io.annotations import read_single
from ..io.spans import AnnotatedText
from ..text.article import ArticleSource, load_article

__all__ = ["gold", "gold_path", "beside_article"]


def gold_path(source: ArticleSource = None) -> Path:
    """Return the path of the gold file beside an article file: ``<name>.gold.jsonl``.

    Raises:
        NewslabError: if the article did not come from a file or has no gold file.
    """
    return beside_article(source, ".gold.jsonl", what="gold annotations")


def beside_article(source: ArticleSource, suffix: str, *, what: str) -> Path:
    """Return the file ``<name><suffix>`` beside an article file (its gold entities, its attributions ...).

    Raises:
        NewslabError: naming ``what`` is missing, if the article did not come from a file or the file is not there.

    Examples:
        >>> beside_article(None, ".gold.jsonl", what="gold annotations").name
        'nato-rutte-kyiv-visit-2024-10-03.gold.jsonl'
    """
    article = load_article(source)
    if "source" not in article.meta:
        raise NewslabError(f"this article was not loaded from a file, so it has no {what} beside it")
    path = Path(article.meta["source"]).with_suffix(suffix)
    if not path.is_file():
        raise NewslabError(f"no {what} for this article: expected {path}")
    return path


def gold(source: ArticleSource = None) -> AnnotatedText:
    """Return the hand-made gold annotations of an article (the bundled seed by default).

    Examples:
        >>> record = gold()
        >>> record["text"] == load_article().text
        True
    """
    path = gold_path(source)
    record = read_single(path)
    if record is None:
        raise AnnotationError("the gold file is empty; it should hold one annotated text", path=str(path))
    if record["text"] != load_article(source).text:
        raise AnnotationError("the gold text differs from the article text", path=str(path))
    return record
