"""What a checker may look at: the article in use, its parse and its gold standard.

The context is cached per article *state* (the ``NEWSLAB_ARTICLE`` setting and the
modification times of the article and its gold file), not for the whole kernel: an
instructor who switches articles, or edits the gold file, gets fresh checks at once.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import NewslabError

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..evaluation.scores import Evaluation
    from ..io.spans import AnnotatedText
    from ..text.article import Article

__all__ = ["Context", "current_context", "context_for", "entity_names", "memoised"]

T = TypeVar("T")


class Context:
    """The article in use and what is computed from it, each computed once.

    Args:
        source: Anything :func:`newslab.load_article` accepts; ``None`` for the article in use.
    """

    def __init__(self, source: Any = None) -> None:
        self._source = source
        self._memo: dict[str, Any] = {}

    def memo(self, name: str, compute: Callable[[Context], Any]) -> Any:
        """``compute(self)``, computed once per context under ``name`` (for the exercises' own tables)."""
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]

    @functools.cached_property
    def article(self) -> Article:
        from ..text.article import load_article

        return load_article(self._source)

    @functools.cached_property
    def doc(self) -> Doc:
        from ..text.pipeline import analyze

        return analyze(self.article)

    @functools.cached_property
    def gold(self) -> AnnotatedText | None:
        """The gold annotations beside the article, or ``None`` when it has none."""
        from ..evaluation.gold import gold

        try:
            return gold(self.article)
        except NewslabError:
            return None

    @functools.cached_property
    def evaluation(self) -> Evaluation:
        from ..evaluation.scores import evaluate

        if self.gold is None:
            raise NewslabError("this article has no gold file: the exercise does not apply")
        return evaluate(self.doc, self.gold)

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        from ..tables.mentions import entities

        return entities(self.doc)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        from ..tables.parse import sentences

        return sentences(self.doc)

    @functools.cached_property
    def tokens(self) -> pd.DataFrame:
        from ..tables.parse import tokens

        return tokens(self.doc)

    @functools.cached_property
    def triples(self) -> pd.DataFrame:
        from ..tables.grammar import svo_triples

        return svo_triples(self.doc)


def memoised(compute: Callable[[Context], T]) -> Callable[[Context], T]:
    """Compute ``compute(ctx)`` once per context (the tables a check reads for every answer)."""
    name = f"{compute.__module__}.{compute.__qualname__}"

    @functools.wraps(compute)
    def once(ctx: Context) -> T:
        return ctx.memo(name, compute)

    return once


def entity_names(ctx: Context) -> dict[str, set[str]]:
    """Every way the article names each entity: comparison key (``text_key``) -> the canonical names it may mean.

    A name is its canonical name, each key and each mention text of its cluster, and a person's
    surname ("Rutte" for "Mark Rutte"). A key that maps to two canonical names is ambiguous.
    """
    return ctx.memo("entity_names", _entity_names)


def _entity_names(ctx: Context) -> dict[str, set[str]]:
    from .. import columns as C
    from ._normalize import text_key

    found: dict[str, set[str]] = {}
    table = ctx.entities
    for canonical, text, key, label in zip(table[C.CANONICAL], table[C.TEXT], table[C.KEY], table[C.LABEL]):
        names = {str(canonical), str(text), str(key)}
        if label == "PERSON" and " " in str(canonical):
            names.add(str(canonical).split()[-1])
        for name in names:
            found.setdefault(text_key(name), set()).add(str(canonical))
    return found


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _state() -> tuple[str, int, int]:
    """What the article in use depends on: its setting and its files' modification times."""
    setting = os.environ.get("NEWSLAB_ARTICLE", "")
    if not setting:
        return "", 0, 0
    path = Path(setting)
    return setting, _stamp(path), _stamp(path.with_suffix(".gold.jsonl"))


@functools.lru_cache(maxsize=4)
def _cached(state: tuple[str, int, int]) -> Context:
    return Context()


def current_context() -> Context:
    """The context of the article in use, rebuilt whenever that article or its gold file changes."""
    return _cached(_state())


def context_for(source: Any) -> Context:
    """A context for any article (an :class:`~newslab.text.article.Article`, a path or a text)."""
    return current_context() if source is None else Context(source)
