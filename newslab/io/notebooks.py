"""Notebook files (``.ipynb``): read as nbformat version 4, written atomically.

The instructor tools (student editions, the release, the grader, the preflight) read and
write notebooks only through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import atomic_write_text
from .text import read_text

if TYPE_CHECKING:
    import nbformat

    from ..types import PathLike

__all__ = ["read_notebook", "write_notebook"]


def read_notebook(path: PathLike) -> nbformat.NotebookNode:
    """Read a notebook file as nbformat version 4.

    Raises:
        TextFileError: if the file is missing, not UTF-8, or not a notebook (a ``ValueError`` too).
    """
    import nbformat

    from ..errors import TextFileError

    try:
        return nbformat.reads(read_text(path), as_version=4)
    except (ValueError, KeyError, AttributeError) as err:  # nbformat's NotJSONError is a ValueError
        raise TextFileError(f"not a Jupyter notebook: {err}", path=str(path)) from None


def write_notebook(nb: nbformat.NotebookNode, path: PathLike) -> Path:
    """Write ``nb`` to ``path``, atomically (a crash never leaves half a notebook)."""
    import nbformat

    return atomic_write_text(path, nbformat.writes(nb))
