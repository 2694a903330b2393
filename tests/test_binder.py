"""Binder: pinned requirements that agree with pyproject.toml, the official model by hash, postBuild."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.paths import ROOT

BINDER = ROOT / "binder"
MODEL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.8.0/"
    "en_core_web_sm-3.8.0-py3-none-any.whl#sha256=1932429db727d4bff3deed6b34cfc05df17794f4a52eeb26cf8928f7c1a0fb85"
)


def _requirements() -> list[Requirement]:
    lines = (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in (raw.split(" #")[0].strip() for raw in lines) if line and not line.startswith("#")]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _specifiers() -> dict[str, Requirement]:
    project = _pyproject()
    declared = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    return {canonicalize_name(req.name): req for req in map(Requirement, declared)}


def _pins() -> dict[str, str]:
    pins = {}
    for req in _requirements():
        if req.url is None:
            (spec,) = req.specifier
            assert spec.operator == "==", f"{req} must be pinned with =="
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def test_every_pin_satisfies_pyproject():
    declared = _specifiers()
    for name, version in _pins().items():
        assert name in declared, f"binder pins {name}, which pyproject.toml does not declare"
        assert declared[name].specifier.contains(version, prereleases=True), (
            f"binder pins {name}=={version}, outside pyproject's {declared[name].specifier}"
        )


def test_every_runtime_dependency_is_pinned():
    runtime = {canonicalize_name(Requirement(dep).name) for dep in _pyproject()["dependencies"]}
    assert runtime - set(_pins()) == set()


def test_model_is_the_official_wheel_with_its_hash():
    (model,) = [req for req in _requirements() if req.url is not None]
    assert model.name == "en_core_web_sm"
    assert model.url == MODEL_URL


def test_runtime_is_python_311():
    assert (BINDER / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"


def test_postbuild_installs_the_repository():
    post_build = BINDER / "postBuild"
    lines = post_build.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/bin/bash"
    assert "set -euo pipefail" in lines
    assert "pip install --no-deps -e ." in lines
    assert os.access(post_build, os.X_OK)


NEWS = "@jupyterlab/apputils-extension:notification"


def _lab_defaults(settings: Path, tmp_path: Path) -> dict:
    """The notification defaults JupyterLab's own settings loader gives with ``settings`` as app settings."""
    from jupyterlab.commands import get_app_dir
    from jupyterlab_server.settings_utils import get_settings

    found, _ = get_settings(str(settings), str(Path(get_app_dir()) / "schemas"), str(tmp_path / "user"),
                            schema_name=NEWS)
    return {name: prop.get("default") for name, prop in found["schema"]["properties"].items()}


def test_overrides_turn_jupyter_news_off(tmp_path):
    assert _lab_defaults(tmp_path / "none", tmp_path)["fetchNews"] == "none"  # JupyterLab asks: the pop-up
    (tmp_path / "settings").mkdir()
    shutil.copy2(BINDER / "overrides.json", tmp_path / "settings" / "overrides.json")
    defaults = _lab_defaults(tmp_path / "settings", tmp_path)
    assert (defaults["fetchNews"], defaults["checkForUpdates"]) == ("false", False)


def test_postbuild_installs_the_overrides_into_the_environment(tmp_path):
    lines = (BINDER / "postBuild").read_text(encoding="utf-8").splitlines()
    after_pip = lines[lines.index("pip install --no-deps -e .") + 1 :]  # pip itself is not run here
    env = {**os.environ, "NB_PYTHON_PREFIX": str(tmp_path)}
    subprocess.run(["bash", "-euo", "pipefail", "-c", "\n".join(after_pip)], cwd=ROOT, env=env, check=True)
    installed = tmp_path / "share/jupyter/lab/settings/overrides.json"
    assert installed.read_bytes() == (BINDER / "overrides.json").read_bytes()


def test_make_lab_installs_the_same_overrides_and_starts_without_news():
    script = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    assert 'cp binder/overrides.json "$VENV/share/jupyter/lab/settings/overrides.json"' in script
    assert "--LabApp.news_url=None" in script


def test_repo2docker_dockerfile_installs_requirements_and_runs_postbuild(tmp_path):
    if importlib.util.find_spec("repo2docker") is None:
        pytest.skip("repo2docker is not importable: install the [test] extra to check the Binder build")
    # A copy holds only what repo2docker reads, so .venv and test artifacts are not scanned.
    shutil.copytree(BINDER, tmp_path / "binder")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    command = [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "."]
    result = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    dockerfile = result.stdout
    assert "python=3.11" in result.stderr
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in dockerfile
    assert "RUN ./binder/postBuild" in dockerfile
