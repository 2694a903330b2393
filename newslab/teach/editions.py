"""Instructor tools: student editions of the notebooks, notebook ids and the class release.

The solution notebooks in ``notebooks/solutions/`` are the one place where solutions
live. A solution is marked in a code cell with ``# BEGIN SOLUTION`` and ``# END SOLUTION``
(the markers nbgrader and otter-grader understand). :func:`student_edition` replaces each
marked block with ``name = ...`` for every name the block assigns (``name = ""`` for a written
answer, a block that sets a name to text), so the student edition still runs top to bottom and
each check answers "not answered yet" with a hint.

Each notebook carries its id in its metadata (``{"newslab": {"id": "02"}}``): the grader
(:mod:`newslab.teach.grading`) takes the exercise total from it, never from the file name.
:func:`release` writes what a class repository needs, without the solution notebooks, with every
door into it (:mod:`newslab.teach.doors`): Binder, a JupyterHub, Codespaces and Colab.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DoorError, NewslabError
from ..io.atomic import atomic_write_text
from ..io.notebooks import read_notebook, write_notebook
from ..io.text import read_text
from . import doors
from .doors import DEFAULT_PACKAGE
from .grading import METADATA_KEY

if TYPE_CHECKING:
    import nbformat

__all__ = ["student_edition", "write_student_editions", "solution_blocks", "apply_notebook_ids", "release",
           "SOLUTIONS_DIR"]

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


#: the student edition's blank for a written answer
BLANK_TEXT = '""'


def _written(code: str) -> set[str]:
    """Names a solution block sets to a text literal: a written answer, blank as ``""`` in the student edition."""
    body = ast.parse(textwrap.dedent(code)).body
    return {target.id for node in body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str) for target in node.targets if isinstance(target, ast.Name)}


def _replace(match: re.Match[str]) -> str:
    indent, code = match.group(1), match.group(2)
    texts = _written(code)
    lines = [f"{indent}{name} = {BLANK_TEXT if name in texts else '...'}  {PLACEHOLDER}" for name in _assigned(code)]
    return "\n".join(lines or [f"{indent}{PLACEHOLDER}"]) + match.group(3)


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

    folder = Path(notebooks_dir)
    written = []
    for source in sorted((folder / SOLUTIONS_DIR).glob("*.ipynb")):
        target = folder / source.name
        write_notebook(_with_id(student_edition(read_notebook(source)), source.name), target)
        written.append(target)
    return written


def _with_id(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """``nb`` with its newslab id set (from its file name's ``NN-`` prefix) unless it has one."""
    entry = dict(nb.metadata.get(METADATA_KEY, {}))
    if not entry.get("id"):
        match = re.match(r"(\d\d)-", name)
        if match is None:
            raise NewslabError(f"{name}: a course notebook's name starts with its number, such as 02-")
        entry["id"] = match.group(1)
    nb.metadata[METADATA_KEY] = entry
    return nb


def apply_notebook_ids(notebooks_dir: str | Path = "notebooks") -> list[Path]:
    """Give every solution notebook its id in its metadata (``{"newslab": {"id": "NN"}}``); return those changed.

    Run it once after adding a notebook; from then on the id travels with the notebook and its
    student edition, so a student who renames the file is still graded on the right exercises.
    """

    changed = []
    for path in sorted((Path(notebooks_dir) / SOLUTIONS_DIR).glob("*.ipynb")):
        nb = read_notebook(path)
        if not nb.metadata.get(METADATA_KEY, {}).get("id"):
            write_notebook(_with_id(nb, path.name), path)
            changed.append(path)
    return changed


_STUDENT_SECTION = re.compile(r"^## For students\n(.*?)(?=^## |\Z)", re.M | re.S)
#: What git leaves out of a class repository: the dev container's environment and Jupyter's own files.
CLASS_GITIGNORE = ".venv/\n.ipynb_checkpoints/\n__pycache__/\n"


def release(out: str | Path, *, root: str | Path = ".", package: str = DEFAULT_PACKAGE, repo: str | None = None,
            hub: str | None = None, branch: str = "main") -> list[Path]:
    """Write a class repository: the student editions, every door into them, a README; no solutions.

    The doors (see :mod:`newslab.teach.doors`):

    - ``binder/``: the pinned requirements with ``package`` added, the runtime, and a ``postBuild``
      that installs ``overrides.json`` (JupyterLab's defaults: no Jupyter news pop-up);
    - ``.devcontainer/devcontainer.json`` for Codespaces: the same requirements in ``.venv``, the
      same ``postBuild``, the first notebook opened;
    - Colab: each notebook's first code cell installs newslab and the model on Colab, and does
      nothing anywhere else, so one notebook serves Binder, a JupyterHub, Codespaces and Colab;
    - a JupyterHub: the README's nbgitpuller link (with ``hub``) or the recipe for it.

    Args:
        out: The folder to write (created; files there are overwritten).
        root: This repository (with ``notebooks/solutions/``, ``binder/`` and ``README.md``).
        package: How the class installs newslab on Binder, in a codespace and on Colab (a pinned
            tag is safest).
        repo: The class repository on GitHub (``owner/name``), for the README's badges and links.
        hub: The course's JupyterHub (``https://...``), for the README's one-click link; needs ``repo``.
        branch: The class repository's branch the links open.

    Raises:
        NewslabError: if a solution marker would reach the release.
        DoorError: if ``repo`` is not ``owner/name``, or ``hub`` is not an address or comes without ``repo``.
    """

    root, out = Path(root), Path(out)
    if repo is not None:
        doors.codespaces_url(repo)  # refuses a repository that is not owner/name before writing anything
    if hub is not None:
        if repo is None:
            raise DoorError("a hub link (--hub) needs the class repository (--repo owner/name) it pulls")
        doors.nbgitpuller_link(hub, f"https://github.com/{repo}")
    written = []
    for source in sorted((root / "notebooks" / SOLUTIONS_DIR).glob("*.ipynb")):
        nb = doors.colab_edition(_with_id(student_edition(read_notebook(source)), source.name), package=package)
        write_notebook(nb, out / source.name)
        written.append(out / source.name)
    notebooks = [p.name for p in written]
    written += _release_binder(root / "binder", out / "binder", package)
    if notebooks:
        devcontainer = json.dumps(doors.class_devcontainer(notebooks[0]), indent=2) + "\n"
        written.append(atomic_write_text(out / ".devcontainer" / "devcontainer.json", devcontainer))
    written.append(atomic_write_text(out / ".gitignore", CLASS_GITIGNORE))
    readme = doors.class_readme([(name, _title(out / name)) for name in notebooks],
                                for_students=_for_students(root), repo=repo, hub=hub, branch=branch)
    written.append(atomic_write_text(out / "README.md", readme))
    _refuse_solutions(written)
    return written


def _release_binder(source: Path, target: Path, package: str) -> list[Path]:
    requirements = read_text(source / "requirements.txt").rstrip("\n")
    return [
        atomic_write_text(target / "requirements.txt", f"{requirements}\n# newslab itself\n{package}\n"),
        atomic_write_text(target / "runtime.txt", read_text(source / "runtime.txt")),
        atomic_write_text(target / "overrides.json", read_text(source / "overrides.json")),
        atomic_write_text(target / "postBuild", doors.CLASS_POST_BUILD),
    ]


def _for_students(root: Path) -> str:
    section = _STUDENT_SECTION.search(read_text(root / "README.md"))
    return section.group(1).strip() if section else ""


def _title(path: Path) -> str:
    first = next((c.source for c in read_notebook(path).cells if c.cell_type == "markdown"), "")
    return first.splitlines()[0].lstrip("# ").strip() if first else path.stem


def _refuse_solutions(paths: list[Path]) -> None:
    for path in paths:
        if BEGIN in read_text(path):
            raise NewslabError(f"{path}: a solution marker reached the release; regenerate the student editions")
