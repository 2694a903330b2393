"""Instructor tools: student editions of the notebooks and grading.

The solution notebooks in ``notebooks/solutions/`` are the one place where solutions
live. A solution is marked in a code cell with ``# BEGIN SOLUTION`` and ``# END SOLUTION``
(the markers nbgrader and otter-grader understand). :func:`student_edition` replaces each
marked block with ``name = ...`` for every name the block assigns, so the student edition
still runs top to bottom and each check answers "not answered yet" with a hint.

:func:`grade` executes a notebook and collects the result of every ``nl.check`` call.
"""

from __future__ import annotations

import ast
import copy
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NewslabError

if TYPE_CHECKING:
    import nbformat
    import pandas as pd

__all__ = ["student_edition", "write_student_editions", "grade", "solution_blocks", "SOLUTIONS_DIR"]

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
PLACEHOLDER = "# YOUR CODE HERE"
SOLUTIONS_DIR = "solutions"
_BLOCK = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[^\n]*\n(.*?)^[ \t]*{re.escape(END)}[^\n]*(\n|$)", re.M | re.S)


@dataclass(frozen=True)
class SolutionBlock:
    """One solution block: the cell it is in and the names it assigns."""

    cell_index: int
    code: str
    names: tuple[str, ...]


def solution_blocks(nb: nbformat.NotebookNode) -> list[SolutionBlock]:
    """Return every solution block of a notebook, checking that markers are balanced."""
    blocks = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        source = cell.source
        if source.count(BEGIN) != source.count(END) or source.count(BEGIN) != len(_BLOCK.findall(source)):
            raise NewslabError(f"cell {index}: unbalanced {BEGIN!r} / {END!r} markers")
        blocks += [SolutionBlock(index, m.group(2), _assigned(m.group(2))) for m in _BLOCK.finditer(source)]
    return blocks


def _assigned(code: str) -> tuple[str, ...]:
    names: list[str] = []
    try:
        body = ast.parse(textwrap.dedent(code)).body
    except SyntaxError as err:
        raise NewslabError(f"a solution block is not valid Python on its own: {err}") from None
    for node in body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Name) and target.id not in names:
                names.append(target.id)
    return tuple(names)


def _replace(match: re.Match[str]) -> str:
    indent, code = match.group(1), match.group(2)
    lines = [f"{indent}{name} = ...  {PLACEHOLDER}" for name in _assigned(code)] or [f"{indent}{PLACEHOLDER}"]
    return "\n".join(lines) + match.group(3)


def student_edition(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a solution notebook with every solution replaced by placeholders.

    Examples:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> code = "# BEGIN SOLUTION\\nanswer = 9\\n# END SOLUTION\\nnl.check('x', answer)"
        >>> nb.cells.append(nbformat.v4.new_code_cell(code))
        >>> print(student_edition(nb).cells[0].source)
        answer = ...  # YOUR CODE HERE
        nl.check('x', answer)
    """
    solution_blocks(nb)  # validates the markers
    student = copy.deepcopy(nb)
    for cell in student.cells:
        if cell.cell_type == "code":
            cell.source = _BLOCK.sub(_replace, cell.source)
            cell.outputs, cell.execution_count = [], None
    student.metadata.pop("widgets", None)
    return student


def write_student_editions(notebooks_dir: str | Path = "notebooks") -> list[Path]:
    """Regenerate ``notebooks/NN-*.ipynb`` from ``notebooks/solutions/NN-*.ipynb``."""
    import nbformat

    folder = Path(notebooks_dir)
    written = []
    for source in sorted((folder / SOLUTIONS_DIR).glob("*.ipynb")):
        target = folder / source.name
        nbformat.write(student_edition(nbformat.read(source, as_version=4)), target)
        written.append(target)
    return written


def grade(path: str | Path, *, timeout: int = 600) -> pd.DataFrame:
    """Execute a notebook and return one row per check: exercise id, status and points.

    Exercises that the notebook never checks are listed as ``missing``.
    """
    import nbformat
    import pandas as pd
    from nbclient import NotebookClient

    from .exercises import FEEDBACK_MIME, registry

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, allow_errors=True, resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    found: dict[str, dict[str, Any]] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if FEEDBACK_MIME in output.get("data", {}):
                result = output["data"][FEEDBACK_MIME]
                found[result["id"]] = result
    prefix = Path(path).name[:2]
    expected = [eid for eid in registry() if eid.startswith(prefix)]
    rows = [(eid, *(lambda r: (r["status"], r["points"] if r["status"] == "passed" else 0))(found.get(eid, {"status": "missing", "points": 0})))
            for eid in sorted(set(expected) | set(found))]
    return pd.DataFrame(rows, columns=["exercise", "status", "points"])


if __name__ == "__main__":  # python -m newslab.teach [notebooks_dir]
    import sys

    for written in write_student_editions(*sys.argv[1:2]):
        print(f"wrote {written}")
