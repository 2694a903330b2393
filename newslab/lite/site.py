"""Build the lite site: JupyterLite with the Pyodide kernel, the lite notebooks and newslab with its bundle.

:func:`build_site` precomputes the article, writes the lite editions of notebooks 01 to 06, packs a
newslab wheel that carries the bundle (and the instructor's article, with ``article=``), and runs
``jupyter lite build`` (jupyterlite-core 0.5.1, jupyterlite-pyodide-kernel 0.5.2, which match Pyodide
0.27.7) on a clean folder every time: an incremental build once dropped the local Pyodide.

The Pyodide distribution and the pure wheels come from a folder (:func:`fixtures_dir`, filled by
``scripts/lite_fixtures.py``). Every file of the site is served from it: the kernel never falls back to
PyPI or a CDN (``disablePyPIFallback``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NewslabError
from ..io.atomic import atomic_write_text
from ..io.notebooks import read_notebook, write_notebook
from ..io.tables import copy_tree, package_files, remove_tree, write_lite, write_wheel
from ..io.text import read_bytes
from ..seeds import seed_dir
from .editions import lite_edition
from .precompute import LITE_NOTEBOOKS, precompute

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["build_site", "fixtures_dir", "Site", "LITE_REQUIRES"]

#: What the lite newslab wheel depends on (spaCy, JupyterLab and the corpus tools are not in lite).
LITE_REQUIRES = ["pandas", "altair", "ipywidgets", "anywidget", "traitlets", "vl-convert-python"]
_KERNEL = "@jupyterlite/pyodide-kernel-extension:kernel"
#: A dependency the site does not carry but keeps in the lock: the kernel always installs ``ssl``, whose
#: ``openssl`` library then fails to load (one 404 and one console message, as with the official lock) and is
#: never needed, since nothing in lite opens a network connection.
_SOFT = {"openssl"}
#: Extensions of the Python environment that JupyterLite's JupyterLab (4.3) cannot load.
_DISABLED = ["@jupyter-notebook/lab-extension"]


@dataclass(frozen=True)
class Site:
    """A built site: its folder, its notebooks, and its size with and without the Pyodide wheels it never loads."""

    out: Path
    notebooks: tuple[str, ...]
    bytes: int


def fixtures_dir() -> Path:
    """Where ``scripts/lite_fixtures.py`` keeps Pyodide and the wheels (outside the repository)."""
    if os.environ.get("NEWSLAB_LITE_CACHE"):
        return Path(os.environ["NEWSLAB_LITE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslab-lite"


def _notebooks(folder: Path, *, solutions: bool) -> list[Path]:
    source = folder / "solutions" if solutions else folder
    found = [p for p in sorted(source.glob("*.ipynb")) if p.name[:2] in LITE_NOTEBOOKS]
    if len(found) != len(LITE_NOTEBOOKS):
        raise NewslabError(f"{source} does not hold notebooks {', '.join(LITE_NOTEBOOKS)}")
    return found


def _wheel(work: Path, article: PathLike | None) -> Path:
    """newslab as a pure wheel for the site's index, with the precomputed bundle (and the article) inside."""
    from importlib.metadata import version

    bundle = write_lite(precompute(article), work / "bundle.json")
    files = package_files(Path(__file__).resolve().parent.parent, seed_dir())
    files["newslab/_lite/bundle.json"] = read_bytes(bundle)
    if article is not None:  # the instructor's article and what lies beside it (metadata, gold, notes)
        path = Path(article)
        for suffix in (".json", ".gold.jsonl", ".notes.md"):
            if path.with_suffix(suffix).is_file():
                files[f"newslab/_lite/article{suffix}"] = read_bytes(path.with_suffix(suffix))
        files["newslab/_lite/article.txt"] = read_bytes(path)
    return write_wheel(work / "pypi", name="newslab", version=version("newslab"), files=files, requires=LITE_REQUIRES)


def _only_what_is_here(lock_path: Path) -> None:
    """Keep in the served lock only the official entries whose wheels the site carries (and their dependencies).

    The kernel's package manager loads a package named in the lock from the Pyodide folder; one the site
    does not carry there (Altair, Jinja2...) must come from the site's own index instead.
    """
    lock = json.loads(read_bytes(lock_path))
    here = {name for name, entry in lock["packages"].items() if (lock_path.parent / entry["file_name"]).is_file()}
    def norm(name: str) -> str:  # the lock spells a dependency "prompt_toolkit", its entry "prompt-toolkit"
        return name.lower().replace("_", "-")

    while dropped := {n for n in here if not {norm(d) for d in lock["packages"][n].get("depends", ())}
                      <= {norm(h) for h in here} | _SOFT}:
        here -= dropped
    lock["packages"] = {name: entry for name, entry in lock["packages"].items() if name in here | _SOFT}
    atomic_write_text(lock_path, json.dumps(lock))


def build_site(out: PathLike, *, notebooks: PathLike = "notebooks", article: PathLike | None = None,
               solutions: bool = False, fixtures: PathLike | None = None) -> Site:
    """Build the lite site into ``out`` (replaced): see the module docstring.

    Args:
        out: The site's folder, ready for a static host (GitHub Pages).
        notebooks: The folder of the student editions (with ``solutions/`` in it).
        article: The instructor's article file; ``None`` for the course article.
        solutions: Put the solution notebooks in the site (for tests), not the student editions.
        fixtures: The folder with ``pyodide/`` and ``pypi/`` (default: :func:`fixtures_dir`).
    """
    out, source = Path(out).resolve(), Path(fixtures or fixtures_dir())
    if not (source / "pyodide" / "pyodide-lock.json").is_file() or not (source / "pypi").is_dir():
        raise NewslabError(f"no Pyodide or wheels in {source}: run python scripts/lite_fixtures.py first")
    work = out.with_name(f".{out.name}.build")
    remove_tree(work)
    remove_tree(out)
    names = []
    for path in _notebooks(Path(notebooks), solutions=solutions):
        write_notebook(lite_edition(read_notebook(path), path.name[:2]), work / "contents" / path.name)
        names.append(path.name)
    _wheel(work, article)
    copy_tree(source / "pypi", work / "pypi", keep=lambda p: p.suffix == ".whl")
    copy_tree(source / "pyodide", work / "static" / "pyodide", keep=lambda p: p.suffix != ".map")
    _only_what_is_here(work / "static" / "pyodide" / "pyodide-lock.json")
    config = {"jupyter-lite-schema-version": 0, "jupyter-config-data": {
        "appName": "newslab lite", "disabledExtensions": _DISABLED,
        "exposeAppInBrowser": True,  # window.jupyterapp: the browser test runs code in the page's own kernel
        "litePluginSettings": {_KERNEL: {"disablePyPIFallback": True}}}}
    atomic_write_text(work / "jupyter-lite.json", json.dumps(config, indent=2))
    result = subprocess.run([sys.executable, "-m", "jupyter", "lite", "build", "--lite-dir", str(work), "--contents",
                             str(work / "contents"), "--output-dir", str(out), "--no-sourcemaps", "--no-libarchive", "--apps", "lab"],
                            cwd=work, capture_output=True, text=True, check=False)
    if result.returncode:
        raise NewslabError(f"jupyter lite build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    remove_tree(work)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return Site(out, tuple(names), size)
