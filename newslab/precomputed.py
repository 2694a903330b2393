"""The lite edition's parsed article: what spaCy gave, precomputed, so the notebooks run without spaCy.

spaCy does not run in the browser (Pyodide), so ``newslab lite build`` parses the article once with
the full edition and keeps every result the lite notebooks ask for: the tables (tokens, sentences,
entities, quotes, ...), the HTML views and each exercise's answers. In the lite kernel
:func:`newslab.analyze` returns a :class:`LiteDoc` that holds them, and the table, chart, widget and
exercise functions accept it in place of a ``Doc``: a function given a ``LiteDoc`` returns the
result it gave on the full parse, or computes it from one of those tables.

What lite cannot do raises :class:`~newslab.errors.NotInLiteError`, which says so (see
:func:`not_in_lite`). Nothing here imports spaCy or pandas; the bundle is read and written by
:mod:`newslab.io.tables`.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeGuard, TypeVar

from .columns import META_KEY, SENT_ID
from .errors import NotInLiteError

__all__ = ["LiteDoc", "LiteSentence", "LiteToken", "LITE_ENV", "in_lite", "is_lite", "call_key", "lite_result",
           "not_in_lite", "LITE_LIMITS"]

F = TypeVar("F", bound=Callable[..., Any])

#: Set this variable (to a bundle's path, or ``1`` for the packaged one) to run the lite edition on CPython.
LITE_ENV = "NEWSLAB_LITE"
#: What lite cannot do, one line each (the README and :func:`newslab.lite.notice` list them).
LITE_LIMITS = (
    "parse new text: nl.analyze() gives the article the site was built for, nothing else",
    "entity rules (nl.analyze(rules=...)) unless the site was built with them",
    "the corpus engine and Dask (notebook 07): many articles need the full edition",
    "export charts as PNG or SVG (nl.save_chart): right-click a chart to save it",
    "save files on your disk: your work lives in the browser's storage; download what you keep",
)


def in_lite() -> bool:
    """Whether newslab runs as the lite edition (in Pyodide, or with ``NEWSLAB_LITE`` set).

    Examples:
        >>> import os
        >>> in_lite() == bool(os.environ.get("NEWSLAB_LITE"))
        True
    """
    return sys.platform == "emscripten" or bool(os.environ.get(LITE_ENV))


def is_lite(obj: object) -> TypeGuard[Any]:  # Any: a LiteDoc stands in wherever a Doc is read
    """Whether ``obj`` is a :class:`LiteDoc` or one of its sentences (no import needed to ask).

    Examples:
        >>> is_lite("Rutte visited Kyiv.")
        False
    """
    return getattr(type(obj), "_newslab_lite", False) is True


def not_in_lite(what: str) -> NotInLiteError:
    """The error for something the lite edition cannot do, saying where to do it instead.

    Examples:
        >>> str(not_in_lite("parsing new text"))
        'The lite edition cannot do this: parsing new text. Open the full edition (JupyterLab, Binder or your hub) to do it.'
    """
    return NotInLiteError(f"The lite edition cannot do this: {what}. Open the full edition (JupyterLab, Binder or "
                          "your hub) to do it.")


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    raise TypeError(type(value).__name__)


def call_key(name: str, args: tuple[Any, ...] = (), kwargs: Mapping[str, Any] | None = None) -> str:
    """The key of one call in a bundle: the function's name, then its arguments as JSON if it has any.

    Examples:
        >>> call_key("entities")
        'entities'
        >>> call_key("entity_counts", (), {"n": 1})
        'entity_counts[[], {"n": 1}]'
    """
    if not args and not kwargs:
        return name
    try:
        return name + json.dumps([list(args), dict(sorted((kwargs or {}).items()))], default=_jsonable)
    except TypeError:
        raise not_in_lite(f"nl.{name} with these arguments (only what the site was built with)") from None


class LiteToken:
    """One token of a :class:`LiteSentence`, with the attributes of a spaCy ``Token`` the notebooks read."""

    def __init__(self, row: Mapping[str, Any]) -> None:
        self.i, self.idx = int(row["token_id"]), int(row["start_char"])
        self.text, self.lemma_, self.pos_ = str(row["text"]), str(row["lemma"]), str(row["pos"])
        self.tag_, self.dep_ = str(row["tag"]), str(row["dep"])
        self.is_alpha, self.is_punct = bool(row["is_alpha"]), bool(row["is_punct"])
        self.is_space, self.is_stop = bool(row["is_space"]), bool(row["is_stop"])

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text


class LiteSentence:
    """One sentence of a :class:`LiteDoc` (what :func:`newslab.sentence_span` gives in lite).

    Attributes:
        doc: The lite article.
        sent_id: The sentence's number.
        text: Its text.
        root: Its root token (``.text``, ``.lemma_``, ``.pos_``, ``.dep_``).
    """

    _newslab_lite = True

    def __init__(self, doc: LiteDoc, sent_id: int) -> None:
        tokens = doc.result("tokens")
        rows = tokens[tokens[SENT_ID] == sent_id]
        if rows.empty:
            raise IndexError(f"the article has no sentence {sent_id}")
        self.doc, self.sent_id = doc, int(sent_id)
        self.text = "".join(rows["text"] + rows["whitespace"]).strip()
        self.root = LiteToken(rows[rows["dep"] == "ROOT"].iloc[0])

    def result(self, name: str, args: tuple[Any, ...] = (), kwargs: Mapping[str, Any] | None = None) -> Any:
        """What ``nl.<name>`` gave on this sentence of the full parse (keyed by the sentence's number)."""
        return self.doc.result(name, (self.sent_id, *args), kwargs)

    def __repr__(self) -> str:
        return self.text


class LiteDoc:
    """A parsed article in the lite edition: its text, its metadata and the results precomputed from its parse.

    Args:
        text: The article's text (``doc.text`` of the full parse).
        meta: The article's metadata (``doc.user_data["newslab_meta"]``).
        results: Call key (:func:`call_key`) -> the result of that call on the full parse.
        facts: Anything else the lite edition needs (each exercise's answers, the article's source).

    Examples:
        >>> import pandas as pd
        >>> doc = LiteDoc("NATO met.", meta={}, results={"entities": pd.DataFrame({"text": ["NATO"]})})
        >>> doc.result("entities")["text"].tolist()
        ['NATO']
        >>> doc.result("quotes")
        Traceback (most recent call last):
        ...
        newslab.errors.NotInLiteError: The lite edition cannot do this: nl.quotes (it was not precomputed for this site). Open the full edition (JupyterLab, Binder or your hub) to do it.
    """

    _newslab_lite = True

    def __init__(self, text: str, *, meta: Mapping[str, Any], results: Mapping[str, Any],
                 facts: Mapping[str, Any] | None = None) -> None:
        self.text = text
        self.user_data = {META_KEY: dict(meta)}
        self.results = dict(results)
        self.facts = dict(facts or {})

    @property
    def meta(self) -> dict[str, Any]:
        """The article's metadata."""
        return self.user_data[META_KEY]

    def result(self, name: str, args: tuple[Any, ...] = (), kwargs: Mapping[str, Any] | None = None) -> Any:
        """What ``nl.<name>(doc, *args, **kwargs)`` gave on the full parse (a copy of a table)."""
        key = call_key(name, args, kwargs)
        if key not in self.results:
            shown = name if key == name else f"{name} with these arguments"
            raise not_in_lite(f"nl.{shown} (it was not precomputed for this site)")
        value = self.results[key]
        return value.copy() if hasattr(value, "copy") and not isinstance(value, str) else value

    def __len__(self) -> int:
        return len(self.result("tokens"))

    def __iter__(self) -> Iterator[LiteToken]:
        """The tokens, with the attributes of a spaCy ``Token`` the notebooks read (``text``, ``idx``, ``is_alpha``...)."""
        return (LiteToken(row) for row in self.result("tokens").to_dict("records"))

    def __repr__(self) -> str:
        return self.text


def lite_result(func: F) -> F:
    """Let a function of a parsed article take a :class:`LiteDoc`: it then returns the precomputed result.

    Examples:
        >>> @lite_result
        ... def shout(doc):
        ...     return doc.upper()
        >>> shout(LiteDoc("NATO met.", meta={}, results={"shout": "NATO MET."}))
        'NATO MET.'
    """

    @functools.wraps(func)
    def wrapper(data: Any = None, /, *args: Any, **kwargs: Any) -> Any:
        if is_lite(data):
            return data.result(func.__name__, args, kwargs)
        return func(data, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
