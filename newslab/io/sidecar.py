"""The files that sit beside an article file: its metadata ``<name>.json``, gold files, notes.

One reader for the metadata sidecar, used by :func:`newslab.load_article` and by the corpus
readers alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArticleError, TextFileError
from .text import loads_json, read_text

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["read_sidecar", "sidecar_path"]


def sidecar_path(path: PathLike, suffix: str = ".json") -> Path:
    """The file beside ``path`` with the same name and ``suffix`` (``name.txt`` -> ``name.json``).

    Examples:
        >>> sidecar_path("articles/riverton.txt", ".gold.jsonl").as_posix()
        'articles/riverton.gold.jsonl'
    """
    return Path(path).with_suffix(suffix)


def read_sidecar(path: PathLike) -> dict[str, Any]:
    """The metadata in ``<name>.json`` beside an article file; ``{}`` when there is none.

    Raises:
        ArticleError: if the file is not valid UTF-8 JSON (a JSON value that is not an object is ignored).

    Examples:
        >>> from newslab.seeds import seed_path
        >>> read_sidecar(seed_path())["dateline"]
        'KYIV'
        >>> read_sidecar("no-such-article.txt")
        {}
    """
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    try:
        data = loads_json(read_text(sidecar), path=sidecar)
    except TextFileError as err:
        raise ArticleError(f"the metadata file {sidecar} is not valid JSON: {err.reason}") from None
    return data if isinstance(data, dict) else {}
