"""How an article is built: its parts and simple counts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..edge import require_doc
from ..text.article import Article
from .many import per_article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["article_parts", "article_stats"]

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def _article_or_doc(data: Any, where: str) -> Any:
    """An ``Article`` (whose parts need no parse) or a parsed ``Doc``; anything else is refused."""
    return data if isinstance(data, Article) else require_doc(data, where)


@per_article(columns=C.PART_COLUMNS, accepts=_article_or_doc)
def article_parts(article: Article | Doc) -> pd.DataFrame:
    """One row per part (headline, byline, dateline, paragraphs, and the parts that are not body text).

    ``article`` is a loaded :class:`~newslab.Article` or a parsed ``Doc`` (whose parts
    :func:`newslab.analyze` recorded). ``n_words`` counts runs of letters and digits (a
    hyphenated or apostrophed word counts once).

    Examples:
        >>> import newslab
        >>> table = article_parts(newslab.load_article())
        >>> table["kind"].tolist()[:4]
        ['headline', 'byline', 'dateline', 'paragraph']
    """
    from .many import frame

    if isinstance(article, Article):
        parts = [(p.kind, p.index, p.text, p.start, p.end) for p in article.parts]
    else:
        seen: dict[str, int] = {}
        spans = article.spans[C.PARTS_KEY] if C.PARTS_KEY in article.spans else []
        text = article.text
        parts = []
        for span in spans:
            index = seen[span.label_] = seen.get(span.label_, -1) + 1
            parts.append((span.label_, index, text[span.start_char:span.end_char], span.start_char, span.end_char))
    rows = [(*part[:5], len(part[2]), len(_WORD.findall(part[2]))) for part in parts]
    return frame(rows, C.PART_COLUMNS)


@per_article(columns=C.STATS_COLUMNS)
def article_stats(doc: Doc) -> pd.DataFrame:
    """Simple counts of a parsed article: characters, paragraphs, sentences, tokens, words, entities.

    Examples:
        >>> import newslab
        >>> stats = article_stats(newslab.analyze("Rutte came. He left."))
        >>> dict(stats.values.tolist())["sentences"]
        2
    """
    import pandas as pd

    from .parse import sentences

    parts = doc.spans[C.PARTS_KEY] if C.PARTS_KEY in doc.spans else []
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    values = {
        "characters": len(doc.text),
        "paragraphs": sum(1 for span in parts if span.label_ == C.PARAGRAPH),
        "sentences": len(sentences(doc)),
        "tokens": sum(1 for t in doc if not t.is_space),
        "words": len(words),
        "distinct words": len({t.lower_ for t in words}),
        "entities": len(doc.ents),
    }
    return pd.DataFrame(list(values.items()), columns=list(C.STATS_COLUMNS))
