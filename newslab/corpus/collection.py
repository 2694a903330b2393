"""Many articles in memory: a :class:`Corpus` of parsed docs that every table function accepts.

:func:`load_corpus` parses a handful of articles (``nl.entities(corpus)`` then has
``article_id``, ``outlet``, ``date`` and ``title`` as its first columns);
:func:`teaching_corpus` is the course's own: short reports of one event, constructed from
the seed article. For thousands of articles, see :func:`newslab.corpus.process`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

from .. import columns as C
from ..errors import ArticleError
from ..seeds import seed_dir
from ..tables.many import article_fields
from ._inputs import MAX_BYTES, error_row, plan, read
from ._run import error_frame

__all__ = ["Corpus", "load_corpus", "teaching_corpus", "teaching_folder"]

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..types import CorpusSource, PathLike


class Corpus(Sequence["Doc"]):
    """Parsed articles in memory, in order; every table function accepts one.

    Attributes:
        errors: The inputs that could not be read (``article_id``, ``source``, ``reason``).

    Examples:
        >>> from newslab import analyze_many
        >>> corpus = Corpus(analyze_many(["Rutte came.", "NATO met."]))
        >>> len(corpus), corpus.ids
        (2, ['0', '1'])
    """

    _newslab_many = True  # tells the table functions to stack one table per doc

    def __init__(self, docs: Iterable[Doc], *, errors: pd.DataFrame | None = None) -> None:
        self._docs = list(docs)
        self.errors = errors if errors is not None else error_frame([])

    @overload
    def __getitem__(self, index: int) -> Doc: ...
    @overload
    def __getitem__(self, index: slice) -> Corpus: ...
    def __getitem__(self, index: int | slice) -> Doc | Corpus:
        return Corpus(self._docs[index]) if isinstance(index, slice) else self._docs[index]

    def __len__(self) -> int:
        return len(self._docs)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} articles: {', '.join(self.ids[:5])}{', ...' if len(self) > 5 else ''}>"

    @property
    def ids(self) -> list[str]:
        """The ``article_id`` of each doc."""
        return [article_fields(doc, i)[0] for i, doc in enumerate(self._docs)]

    def articles(self) -> pd.DataFrame:
        """One row per article: ``article_id``, ``outlet``, ``date``, ``title``.

        Examples:
            >>> teaching_corpus().articles().columns.tolist()
            ['article_id', 'outlet', 'date', 'title']
        """
        import pandas as pd

        rows = [article_fields(doc, i) for i, doc in enumerate(self._docs)]
        return pd.DataFrame(rows, columns=list(C.ARTICLE_COLUMNS), dtype="string")


def load_corpus(source: CorpusSource, *, model: PathLike | None = None, max_bytes: int = MAX_BYTES) -> Corpus:
    """Read and parse a small collection of articles into a :class:`Corpus`, in memory.

    Inputs that cannot be read (empty, undecodable, too large, a duplicate id) are left out
    and listed in ``corpus.errors``. For thousands of articles use :func:`process`.

    Args:
        source: A folder of ``.txt``/``.html`` files, a JSONL file or a pandas column (see the module docstring).
        model: The pipeline to use (see :func:`newslab.load_pipeline`).
        max_bytes: Larger inputs go to the errors.

    Examples:
        >>> import pandas as pd
        >>> corpus = load_corpus(pd.Series(["Rutte visited Kyiv.", "  "], index=["a", "b"]))
        >>> corpus.ids, corpus.errors["reason"].str.contains("empty").tolist()
        (['a'], [True])
    """
    from ..text.pipeline import analyze_many as parse

    items, refused = plan(source, max_bytes=max_bytes)
    articles, errors = [], [error_row(item) for item in refused]
    for item in items:
        try:
            articles.append(read(item))
        except ArticleError as err:
            errors.append((item[C.META_ID], item[C.SOURCE], str(err)))
    return Corpus(parse(articles, model=model), errors=error_frame(errors))


def teaching_folder() -> Path:
    """The folder of the course's constructed reports: a ``.txt`` and a ``.json`` per report.

    Examples:
        >>> sorted(p.suffix for p in teaching_folder().iterdir())[:2]
        ['.json', '.json']
    """
    return seed_dir() / "corpus"


@functools.cache
def teaching_corpus() -> Corpus:
    """The course's constructed reports of one event (the Rutte visit), one per invented outlet.

    They were written for the course from the seed article: every sentence that names a person
    or attributes anything to anyone is copied word for word from the seed; the reports differ
    by headline, selection and order. Their metadata says ``"constructed": true``.

    Examples:
        >>> corpus = teaching_corpus()
        >>> len(corpus) >= 5
        True
        >>> corpus.articles()["outlet"].is_unique
        True
    """
    return load_corpus(teaching_folder())
