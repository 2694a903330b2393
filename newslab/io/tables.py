"""Tables on disk: Parquet shards and JSON manifests of a processed corpus, CSV files.

Every writer here is atomic (:mod:`newslab.io.atomic`): a crash leaves the old file or the new
one, never half of either.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import atomic_write_bytes, atomic_write_text
from .text import loads_json, read_text

if TYPE_CHECKING:
    import pandas as pd

    from ..types import PathLike

__all__ = ["write_parquet", "read_parquet", "read_json", "write_json", "read_csv", "write_csv"]


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
