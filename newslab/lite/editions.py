"""The lite editions of the notebooks: the same cells, less what the browser cannot run.

:func:`lite_edition` takes a notebook (the student edition, or the solution for tests) and
- puts first a cell that installs newslab from the site itself (``piplite``; it does nothing outside Pyodide),
- puts after the imports a note that lists what lite cannot do (:data:`~newslab.precomputed.LITE_LIMITS`),
- replaces each cell that lite cannot run (:data:`LITE_CUTS`) by a note that says why.

A cut names its cell by a line of its code. A cut that finds no cell is an error, so a
notebook edited under a cut stops the build instead of silently keeping a cell that fails.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import NewslabError
from ..precomputed import LITE_LIMITS

if TYPE_CHECKING:
    import nbformat

__all__ = ["lite_edition", "LITE_CUTS", "Cut", "INSTALL_CELL", "notice"]

#: The lite kernel's first cell: install newslab from the site's own wheels (no request leaves the site).
INSTALL_CELL = ('import sys\n\nif sys.platform == "emscripten":  # the lite edition: install newslab from this site\n'
                '    import piplite\n\n    await piplite.install("newslab")')


@dataclass(frozen=True)
class Cut:
    """A cell the lite edition leaves out: a line of its code, and why lite cannot run it."""

    line: str
    why: str


_FINDINGS = "the findings parse the headline again with spaCy, which lite does not have"
_RULES = "the entity rules run spaCy, which lite does not have"
_SVG = "exporting a chart as a PNG file needs vl-convert, which has no browser build: right-click a chart to save it"
_FILES = "the lite edition keeps your files in the browser; use the annotator's Download button"
#: Notebook number -> the cells its lite edition leaves out.
LITE_CUTS: dict[str, tuple[Cut, ...]] = {
    "03": (*(Cut(line, _FINDINGS) for line in ("found = nl.findings(doc, reference)", "found.title_case",
                                                "found.headline", "found.person_as_place[[", "found.inconsistent",
                                                "nl.kwic(doc, found.person_as_place", "found.boundaries[[",
                                                "found.confusion")),
           Cut("ruled = nl.analyze(rules=patterns)", _RULES),
           Cut('nl.evaluate_many({"model": doc, "model + rules": ruled}, reference)', _RULES)),
    "04": (Cut("nl.io.export(record, path)", _FILES),
           Cut('nl.io.read(path.with_suffix(".spacy"))', _FILES)),
    "05": (Cut("nl.save_chart(", _SVG),),
}


def notice() -> str:
    """The note a lite notebook shows after its imports: what lite is, and what it cannot do.

    Examples:
        >>> notice().splitlines()[0]
        '**This is the lite edition**: it runs in your browser, on the article parsed in advance.'
    """
    lines = "\n".join(f"- {limit}" for limit in LITE_LIMITS)
    return ("**This is the lite edition**: it runs in your browser, on the article parsed in advance.\n"
            f"It cannot:\n{lines}\n\nEverything else works as in the full edition (JupyterLab, Binder, your hub).")


def lite_edition(nb: nbformat.NotebookNode, number: str) -> nbformat.NotebookNode:
    """The lite edition of notebook ``number`` (``"01"``): see the module docstring.

    Raises:
        NewslabError: if a cut of :data:`LITE_CUTS` finds no cell, or the notebook has no code cell.
    """
    import nbformat

    lite = copy.deepcopy(nb)
    cuts = LITE_CUTS.get(number, ())
    found = set()
    for index, cell in enumerate(lite.cells):
        cut = next((c for c in cuts if cell.cell_type == "code" and c.line in cell.source), None)
        if cut is not None:
            found.add(cut)
            lite.cells[index] = nbformat.v4.new_markdown_cell(f"*Not in the lite edition*: {cut.why}.\n\n"
                                                              f"```python\n{cell.source}\n```")
    if missing := [c.line for c in cuts if c not in found]:
        raise NewslabError(f"notebook {number}: no cell has {missing[0]!r}; update newslab.lite.editions.LITE_CUTS")
    first = next((i for i, c in enumerate(lite.cells) if c.cell_type == "code"), None)
    if first is None:
        raise NewslabError(f"notebook {number} has no code cell")
    lite.cells.insert(first + 1, nbformat.v4.new_markdown_cell(notice()))
    lite.cells.insert(first, nbformat.v4.new_code_cell(INSTALL_CELL))
    return lite
