"""Submission notebooks for the grader's tests, written as Jupyter saves a student's notebook."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def write_notebook(folder: Path, name: str, sources: Iterable[str], *, notebook_id: str | None = "01",
                   heading: str | None = None) -> Path:
    """``folder/name``: a heading cell if given, one code cell per source, a Python kernel and the newslab id."""
    cells = [new_markdown_cell(heading)] if heading else []
    nb = new_notebook(cells=[*cells, *(new_code_cell(source) for source in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if notebook_id:
        nb.metadata["newslab"] = {"id": notebook_id}
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)
    return folder / name
