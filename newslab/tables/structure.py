"""How an article is built: its parts and simple counts."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from .. import columns as C
from ..text.article import Article, ArticleSource, load_article
from .many import per_article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["article_parts", "article_stats"]

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


@per_article
def article_parts(source: ArticleSource | Doc = None) -> pd.DataFrame:
    """One row per part (headline, byline, dateline, paragraphs) with offsets and sizes.

    ``source`` is anything :func:`newslab.load_article` accepts, or a parsed ``Doc``.

    ``n_words`` counts runs of letters and digits (a hyphenated or apostrophed word counts once).

    Examples:
        >>> table = article_parts()
        >>> table["kind"].tolist()[:4]
        ['headline', 'byline', 'dateline', 'paragraph']
    """
    import pandas as pd

    if not (source is None or isinstance(source, (str, bytes, os.PathLike, Article))):
        source = source.text  # a parsed Doc
    article = load_article(source)
    rows = [(p.kind, p.index, p.text, p.start, p.end, len(p.text), len(_WORD.findall(p.text))) for p in article.parts]
    return pd.DataFrame.from_records(rows, columns=list(C.PART_COLUMNS))


@per_article
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
