"""Check that everything the notebooks need is installed, and say how to fix what is not.

:func:`checks` only inspects the environment and returns the results; ``newslab doctor``
prints them.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Check", "checks"]

WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"


@dataclass(frozen=True)
class Check:
    """The result of one check.

    Attributes:
        name: What was checked (``"spaCy"``).
        ok: Whether it passed.
        detail: What was found (``"3.8.7"``, ``"not installed"``).
        fix: The command or step that fixes a failure; empty when it passed.
        required: A failed required check makes ``newslab doctor`` exit with code 1.
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


def checks() -> list[Check]:
    """Run every check and return the results, in a fixed order.

    Examples:
        >>> [check.name for check in checks()][:2]
        ['Python', 'spaCy']
        >>> all(check.ok or check.fix for check in checks())
        True
    """
    return [run() for run in _CHECKS]


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("Python", sys.version_info >= (3, 11), version, "install Python 3.11 or newer")


def _spacy() -> Check:
    return _version_check("spaCy", "spacy", ">=3.8,<3.9", 'python -m pip install "spacy>=3.8,<3.9"')


def _model() -> Check:
    from ..errors import NewslabError
    from ..text.pipeline import load_pipeline, resolve_model

    try:
        name = resolve_model()
        nlp = load_pipeline(name)
    except NewslabError as err:
        return Check("spaCy model", False, str(err).splitlines()[0], "newslab model install")
    return Check("spaCy model", True, f"{name} {nlp.meta.get('version', '')} loads".replace("  ", " "))


def _widgets() -> Check:
    found = _version_check("ipywidgets", "ipywidgets", ">=8", 'python -m pip install "ipywidgets>=8.1,<9"')
    if not found.ok:
        return found
    if not _labextension_installed(WIDGETS_EXTENSION):
        return Check("ipywidgets", False, f"{found.detail}, but the JupyterLab extension "
                     f"{WIDGETS_EXTENSION} is missing", "python -m pip install --force-reinstall jupyterlab_widgets")
    return Check("ipywidgets", True, f"{found.detail} with the JupyterLab extension")


def _anywidget() -> Check:
    return _import_check("anywidget", "anywidget", "python -m pip install anywidget")


def _altair() -> Check:
    return _import_check("Altair", "altair", "python -m pip install altair")


def _vl_convert() -> Check:
    found = _import_check("vl-convert", "vl_convert", "python -m pip install vl-convert-python")
    return Check(found.name, found.ok, f"{found.detail} (renders charts offline)" if found.ok else found.detail, found.fix)


def _jupyterlab() -> Check:
    return _version_check("JupyterLab", "jupyterlab", ">=4", 'python -m pip install "jupyterlab>=4.2,<5"')


def _version_check(name: str, dist: str, spec: str, fix: str) -> Check:
    from packaging.specifiers import SpecifierSet

    try:
        version = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return Check(name, False, "not installed", fix)
    ok = SpecifierSet(spec).contains(version, prereleases=True)
    return Check(name, ok, version if ok else f"{version}, need {spec}", "" if ok else fix)


def _import_check(name: str, module: str, fix: str) -> Check:
    try:
        imported = importlib.import_module(module)
    except Exception as err:  # noqa: BLE001 - a broken install can raise anything on import
        return Check(name, False, f"cannot be imported: {err}", fix)
    return Check(name, True, str(getattr(imported, "__version__", "importable")))


def _labextension_installed(name: str) -> bool:
    try:
        from jupyter_core.paths import jupyter_path

        roots = [Path(p) for p in jupyter_path("labextensions")]
    except ImportError:
        roots = [Path(sys.prefix, "share", "jupyter", "labextensions")]
    return any((root / name / "package.json").is_file() for root in roots)


_CHECKS: tuple[Callable[[], Check], ...] = (
    _python, _spacy, _model, _widgets, _anywidget, _altair, _vl_convert, _jupyterlab,
)
