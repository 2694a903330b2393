"""The lite bundle on disk: one JSON file with the article and every result precomputed from its parse.

``newslab lite build`` writes it (:func:`write_lite`) into the site's newslab wheel; the lite kernel
reads it back (:func:`read_lite`) as a :class:`~newslab.precomputed.LiteDoc`. Tables keep their
columns and dtypes (those of :data:`newslab.columns.DTYPES` and every other one), so a table read
back equals the one the full edition made. A bundle of another :data:`~newslab.columns.LITE_SCHEMA`
version is refused: rebuild the site.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..columns import LITE_SCHEMA
from ..errors import NewslabError
from ..markup import HTML
from ..precomputed import LITE_ENV, LiteDoc
from .atomic import atomic_write_text
from .text import read_text

if TYPE_CHECKING:
    import pandas as pd

    from ..types import PathLike

__all__ = ["write_lite", "read_lite", "lite_doc", "PACKAGED", "encode_table", "decode_table"]

#: Where the site's wheel carries the bundle, inside the installed package.
PACKAGED = Path(__file__).resolve().parent.parent / "_lite" / "bundle.json"


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot keep a {type(value).__name__} in the lite bundle")


def encode_table(table: pd.DataFrame) -> dict[str, Any]:
    """A table as JSON-ready data: its columns, their dtypes and its rows (missing values as ``null``).

    Examples:
        >>> import pandas as pd
        >>> encode_table(pd.DataFrame({"n": [1, 2]}))
        {'columns': ['n'], 'dtypes': ['int64'], 'rows': [[1], [2]]}
    """
    cells = table.astype(object).where(table.notna(), None)
    return {"columns": [str(c) for c in table.columns], "dtypes": [str(t) for t in table.dtypes],
            "rows": cells.values.tolist()}


def decode_table(data: dict[str, Any]) -> pd.DataFrame:
    """The table :func:`encode_table` encoded, with the same columns and dtypes.

    Examples:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"n": [1, 2], "text": pd.array(["a", None], dtype="string")})
        >>> decode_table(encode_table(table)).equals(table)
        True
    """
    import pandas as pd

    table = pd.DataFrame(data["rows"] or None, columns=data["columns"], dtype=object)
    if not data["rows"]:
        table = pd.DataFrame({c: pd.Series([], dtype=object) for c in data["columns"]})
    return table.astype(dict(zip(data["columns"], data["dtypes"])))


def _encode(value: Any) -> dict[str, Any]:
    if hasattr(value, "to_dict") and hasattr(value, "dtypes"):
        return {"table": encode_table(value)}
    if isinstance(value, str) and hasattr(value, "_repr_html_"):
        return {"html": str(value)}
    return {"value": value}


def _decode(data: dict[str, Any]) -> Any:
    if "table" in data:
        return decode_table(data["table"])
    if "html" in data:
        return HTML(data["html"])
    return data["value"]


def write_lite(doc: LiteDoc, path: PathLike) -> Path:
    """Write a lite article (its text, metadata, results and facts) as one JSON file, atomically.

    Examples:
        >>> import tempfile, pathlib, pandas as pd
        >>> doc = LiteDoc("NATO met.", meta={"title": "T"}, results={"entities": pd.DataFrame({"text": ["NATO"]})})
        >>> path = write_lite(doc, pathlib.Path(tempfile.mkdtemp()) / "bundle.json")
        >>> read_lite(path).result("entities")["text"].tolist()
        ['NATO']
    """
    data = {"schema": LITE_SCHEMA, "text": doc.text, "meta": doc.meta, "facts": doc.facts,
            "results": {key: _encode(value) for key, value in doc.results.items()}}
    return atomic_write_text(path, json.dumps(data, default=_plain, ensure_ascii=False))


def read_lite(path: PathLike) -> LiteDoc:
    """Read a lite bundle written by :func:`write_lite`.

    Raises:
        NewslabError: if the bundle is of another schema version than this newslab's.
    """
    data = json.loads(read_text(path))
    if data.get("schema") != LITE_SCHEMA:
        raise NewslabError(f"{path} is a lite bundle of schema {data.get('schema')!r}, but this newslab reads "
                           f"schema {LITE_SCHEMA}: rebuild the site with newslab lite build")
    results = {key: _decode(value) for key, value in data["results"].items()}
    return LiteDoc(data["text"], meta=data["meta"], results=results, facts=data["facts"])


def lite_doc() -> LiteDoc:
    """The lite article in use: the bundle ``NEWSLAB_LITE`` names, else the one the site's wheel carries."""
    setting = os.environ.get(LITE_ENV, "")
    path = Path(setting) if setting and setting != "1" else PACKAGED
    if not path.is_file():
        raise NewslabError(f"no lite bundle at {path}: build the site with newslab lite build, or set {LITE_ENV} "
                           "to a bundle's path")
    return _cached(str(path), path.stat().st_mtime_ns)


_CACHE: dict[tuple[str, int], LiteDoc] = {}


def _cached(path: str, stamp: int) -> LiteDoc:
    if (path, stamp) not in _CACHE:
        _CACHE.clear()
        _CACHE[(path, stamp)] = read_lite(path)
    return _CACHE[(path, stamp)]
