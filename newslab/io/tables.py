"""Tables on disk: Parquet shards and JSON manifests of a processed corpus, CSV files, the lite bundle.

The lite bundle (``newslab lite build`` writes it with :func:`write_lite` into the site's newslab wheel; the
lite kernel reads it back with :func:`read_lite`) is one JSON file with the article and every result
precomputed from its parse. Tables keep their columns and dtypes, so a table read back equals the one the
full edition made; a bundle of another :data:`~newslab.columns.LITE_SCHEMA` version is refused.

Every writer here is atomic (:mod:`newslab.io.atomic`): a crash leaves the old file or the new
one, never half of either.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..columns import LITE_SCHEMA
from ..errors import NewslabError
from ..markup import HTML
from ..precomputed import LITE_ENV, LiteDoc
from .atomic import atomic_write_bytes, atomic_write_text
from .text import loads_json, read_text

if TYPE_CHECKING:
    import pandas as pd

    from ..types import PathLike

__all__ = ["write_parquet", "read_parquet", "read_json", "write_json", "read_csv", "write_csv", "write_lite", "read_lite", "lite_doc", "PACKAGED", "encode_table", "decode_table", "package_files", "write_wheel", "copy_tree", "remove_tree"]


def write_parquet(table: pd.DataFrame, path: PathLike) -> Path:
    """Write ``table`` as one Parquet file (without its index), atomically.

    Examples:
        >>> import tempfile, pathlib, pandas as pd
        >>> path = write_parquet(pd.DataFrame({"text": ["Kyiv"]}), pathlib.Path(tempfile.mkdtemp()) / "t.parquet")
        >>> read_parquet([path])["text"].tolist()
        ['Kyiv']
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), buffer)
    return atomic_write_bytes(path, buffer.getvalue())


def read_parquet(paths: Iterable[PathLike]) -> pd.DataFrame | None:
    """The Parquet files that exist among ``paths``, as one table in order; ``None`` if none does."""
    import pandas as pd

    frames = [pd.read_parquet(path) for path in paths if Path(path).is_file()]
    return pd.concat(frames, ignore_index=True) if frames else None


def read_json(path: PathLike) -> Any:
    """One JSON value from a UTF-8 file, read strictly (see :func:`newslab.io.text.loads_json`)."""
    return loads_json(read_text(path), path=path)


def write_json(value: Any, path: PathLike) -> Path:
    """Write ``value`` as indented JSON, atomically."""
    return atomic_write_text(path, json.dumps(value, indent=1, ensure_ascii=False))


def read_csv(path: PathLike) -> pd.DataFrame:
    """A CSV file as a table of strings (empty cells stay empty strings, nothing becomes NaN).

    Raises:
        OSError, ValueError: if the file cannot be read or parsed (callers say what it was for).
    """
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False)


def write_csv(table: pd.DataFrame, path: PathLike) -> Path:
    """Write ``table`` as CSV (without its index), atomically."""
    return atomic_write_text(path, table.to_csv(index=False))

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
    return table.astype({column: _dtype(name) for column, name in zip(data["columns"], data["dtypes"])})


def _dtype(name: str) -> str:
    """A dtype name this pandas can make: Pyodide's pandas has no pyarrow, so ``double[pyarrow]`` is ``float64``."""
    if not name.endswith("[pyarrow]"):
        return name
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        base = name.removesuffix("[pyarrow]")
        return {"double": "float64", "float": "float32", "bool": "bool", "string": "object"}.get(base, base)
    return name


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


def package_files(package: PathLike, seeds: PathLike) -> dict[str, bytes]:
    """The files of the installed ``newslab`` package (no caches, no bundle) and its seeds, by wheel path."""
    root, seed_root = Path(package), Path(seeds)
    found = {f"newslab/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and p.parts[-2:-1] != ("_lite",)
             and p.suffix not in (".pyc",) and "_seeds" not in p.relative_to(root).parts}
    found.update({f"newslab/_seeds/{p.relative_to(seed_root).as_posix()}": p.read_bytes()
                  for p in sorted(seed_root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts})
    return found


def write_wheel(folder: PathLike, *, name: str, version: str, files: dict[str, bytes], requires: list[str]) -> Path:
    """Write a pure-Python wheel of ``files`` that depends on ``requires`` only (for a lite site's index).

    Examples:
        >>> import tempfile, zipfile
        >>> path = write_wheel(tempfile.mkdtemp(), name="demo", version="1.0", files={"demo/__init__.py": b""},
        ...                    requires=["pandas"])
        >>> path.name, "Requires-Dist: pandas" in zipfile.ZipFile(path).read("demo-1.0.dist-info/METADATA").decode()
        ('demo-1.0-py3-none-any.whl', True)
    """
    import base64
    import hashlib
    import zipfile

    info = f"{name}-{version}.dist-info"
    meta = "".join([f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
                    *(f"Requires-Dist: {r}\n" for r in requires)])
    wheel = "Wheel-Version: 1.0\nGenerator: newslab lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    every = {**files, f"{info}/METADATA": meta.encode(), f"{info}/WHEEL": wheel.encode()}

    def digest(data: bytes) -> str:
        return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

    record = "".join(f"{p},sha256={digest(d)},{len(d)}\n" for p, d in every.items()) + f"{info}/RECORD,,\n"
    path = Path(folder) / f"{name}-{version}-py3-none-any.whl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in {**every, f"{info}/RECORD": record.encode()}.items():
            zf.writestr(arcname, data)
    return path


def copy_tree(source: PathLike, target: PathLike, *, keep: Callable[[Path], bool] | None = None) -> Path:
    """Copy the files of ``source`` into ``target`` (those ``keep`` accepts), making folders as needed."""
    import shutil

    src, dst = Path(source), Path(target)
    for path in sorted(src.rglob("*")):
        if path.is_file() and (keep is None or keep(path)):
            (dst / path.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dst / path.relative_to(src))
    return dst


def remove_tree(path: PathLike) -> None:
    """Remove a folder and everything in it, if it exists."""
    import shutil

    if Path(path).exists():
        shutil.rmtree(path)
