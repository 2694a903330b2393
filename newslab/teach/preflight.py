"""Preflight for an instructor's own article: what the loader found and what the notebooks will do.

``newslab teach check-article PATH`` prints :func:`preflight` and exits non-zero when a student
notebook would fail on the article.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import columns as C
from ..errors import NewslabError
from ..io.notebooks import read_notebook
from ..text.article import ARTICLE_ENV, Article, load_article

if TYPE_CHECKING:
    import pandas as pd

    from ..types import PathLike

__all__ = ["preflight", "Preflight", "PartLine", "run_notebooks"]

#: Kinds that are the article's own text; every other kind is page furniture pasted with it.
_ARTICLE_KINDS = frozenset({C.HEADLINE, C.BYLINE, C.DATELINE, C.PARAGRAPH, C.KICKER, C.DATE_LINE, C.SUBHEAD,
                            C.STANDFIRST, C.CAPTION, C.CREDIT})


@dataclass(frozen=True)
class PartLine:
    """One part as ``check-article`` lists it.

    Attributes:
        line: The line of the file it starts on (1 is the first line).
        kind: What the loader read it as (``"paragraph 3"`` for the fourth body paragraph).
        body: Whether it counts as body text (what ``article.paragraphs`` holds).
        doubtful: Whether a warning is about it (the warning quotes its first words).
        text: Its text.
    """

    line: int
    kind: str
    body: bool
    doubtful: bool
    text: str


@dataclass(frozen=True, eq=False)
class Preflight:
    """What :func:`preflight` found about one article.

    Attributes:
        path: The article file.
        parts: One row per part (see :func:`newslab.article_parts`).
        warnings: The loader's warnings about the article's structure.
        gold: ``"found"``, ``"missing"`` or what is wrong with the gold file.
        metadata: The ``.json`` metadata file beside the article, or ``None``.
        applicability: ``exercise, applies, reason`` for every exercise (``None`` when the
            installed exercises cannot tell).
        problems: Why a student notebook would fail; empty when none would.
    """

    path: Path
    parts: pd.DataFrame = field(repr=False)
    warnings: tuple[str, ...]
    gold: str
    metadata: Path | None
    applicability: pd.DataFrame | None = field(repr=False)
    problems: tuple[str, ...]
    article: Article | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when no student notebook would fail."""
        return not self.problems

    @property
    def corrections(self) -> dict:
        """The corrections the loader applied (``headline=``, ``skip=``, ...; from the ``.json`` file or given)."""
        return dict((self.article.meta if self.article is not None else {}).get("corrections") or {})

    def listing(self) -> list[PartLine]:
        """Every part in reading order, with the line it starts on, its kind and whether a warning is about it.

        Examples:
            >>> from newslab.seeds import seed_path
            >>> rows = preflight(seed_path()).listing()
            >>> [(row.line, row.kind, row.body) for row in rows[:4]]
            [(1, 'headline', False), (2, 'byline', False), (3, 'dateline', False), (3, 'paragraph 0', True)]
        """
        if self.article is None:
            return []
        said = [" ".join(warning.split()) for warning in self.warnings]
        rows = []
        for part in self.article.parts:
            opening = " ".join(part.text.split()[:4])
            rows.append(PartLine(self.article.text.count("\n", 0, part.start) + 1,
                                 f"{part.kind} {part.index}" if part.kind == C.PARAGRAPH else part.kind,
                                 part.kind == C.PARAGRAPH, bool(opening) and any(opening in w for w in said),
                                 part.text))
        return rows

    @property
    def furniture(self) -> int:
        """How many parts are page furniture (promo, related, ad, ... lines), not the article's text."""
        return 0 if self.article is None else sum(p.kind not in _ARTICLE_KINDS for p in self.article.parts)


def preflight(path: PathLike) -> Preflight:
    """Check an article file the way the notebooks will read it.

    Raises:
        ArticleError: if the article (or its ``.json`` metadata) cannot be read at all.

    Examples:
        >>> from newslab.seeds import seed_path
        >>> report = preflight(seed_path())
        >>> report.ok, report.gold, report.warnings
        (True, 'found', ())
    """
    from ..tables.structure import article_parts

    source = Path(path)
    article = load_article(source)
    gold, problems = _gold_status(source)
    if not article.paragraphs:
        problems.append("no body paragraph was found: every notebook reads the body")
    sidecar = source.with_suffix(".json")
    return Preflight(source, article_parts(article), article.warnings, gold,
                     sidecar if sidecar.is_file() else None, _applicability(article), tuple(problems), article)


def _gold_status(path: Path) -> tuple[str, list[str]]:
    from ..evaluation.gold import gold

    if not path.with_suffix(".gold.jsonl").is_file():
        return "missing", []
    try:
        gold(path)
    except NewslabError as err:
        return f"invalid: {err}", [f"the gold file cannot be used ({err}): notebooks 03 and 04 would fail"]
    return "found", []


def _applicability(article: object) -> pd.DataFrame | None:
    from .. import exercises

    applicability = getattr(exercises, "applicability", None)
    return None if applicability is None else applicability(article)


def run_notebooks(path: PathLike, folder: PathLike, *, workdir: PathLike,
                  timeout: int = 600) -> list[str]:
    """Execute every student notebook in ``folder`` on the article; return the errors, one line each.

    Each notebook runs in ``workdir`` with ``NEWSLAB_ARTICLE`` set to the article.
    """
    import shutil

    from nbclient import NotebookClient

    errors = []
    previous = os.environ.get(ARTICLE_ENV)
    os.environ[ARTICLE_ENV] = str(Path(path).resolve())
    try:
        for notebook in sorted(Path(folder).glob("*.ipynb")):
            copy = Path(workdir) / notebook.name
            shutil.copy(notebook, copy)
            nb = read_notebook(copy)
            NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                           resources={"metadata": {"path": str(workdir)}}).execute()
            errors += [f"{notebook.name}, cell {i}: {out.ename}: {out.evalue}"
                       for i, cell in enumerate(nb.cells) for out in cell.get("outputs", [])
                       if out.output_type == "error"]
    finally:
        if previous is None:
            os.environ.pop(ARTICLE_ENV, None)
        else:
            os.environ[ARTICLE_ENV] = previous
    return errors
