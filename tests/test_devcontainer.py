"""The Codespaces door: this repository's and a class repository's ``devcontainer.json`` are valid,
a broken one fails, and each points at what its repository has.

Two checks judge a ``devcontainer.json``:

- ``official_problems``: the official schema, ``schemas/devContainer.base.schema.json`` of the
  ``devcontainers/spec`` repository, pinned to a commit and checked by its SHA-256. No PyPI, npm or
  Debian package ships it (checked 2026-12-03: npm ``@devcontainers/cli`` 0.89.0 and
  ``@vscode/dev-container-cli`` 0.292.0 bundle no schema; PyPI ``devcontainer-rs`` 0.0.66 embeds
  none; ``apt-cache search devcontainer`` finds nothing), so a copy lives in ``tests/data/devcontainer/``
  with its licence notice (MIT / CC BY 4.0), and the official check runs in every run, CI's included.
- ``offline_problems``: this file's own rules for every key the two files use (known key names,
  an image, port numbers, ``waitFor``, memory sizes, command shapes), which always run, so a
  broken ``devcontainer.json`` fails every run, CI's included. Where the official schema is
  present, a test proves both checks give the same verdict on every case here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from newslab.teach import doors
from newslab.teach.editions import release
from tests.paths import ROOT

DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"
BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"

#: The last commit that changed the base schema (2024-01-17), and that file's SHA-256.
SPEC_COMMIT = "d424cc157e9a110f3bf67d311b46c7306d5a465d"
SCHEMA_SHA256 = "a0883c0405ff433db188849d458fb20b9c0d73e0ba1a6e44c1d83f3b485408dd"
SCHEMA_ENV = "NEWSLAB_DEVCONTAINER_SCHEMA"

# --- the offline rules ------------------------------------------------------------------

#: Every top-level property of the base schema (image, Dockerfile and Compose containers).
KNOWN_KEYS = frozenset({
    "$schema", "name", "image", "build", "dockerFile", "context", "dockerComposeFile", "service", "runServices",
    "workspaceFolder", "workspaceMount", "shutdownAction", "overrideCommand", "runArgs", "appPort",
    "forwardPorts", "portsAttributes", "otherPortsAttributes", "updateRemoteUserUID", "containerEnv",
    "containerUser", "mounts", "init", "privileged", "capAdd", "securityOpt", "remoteEnv", "remoteUser",
    "initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand",
    "postAttachCommand", "waitFor", "userEnvProbe", "features", "overrideFeatureInstallOrder",
    "hostRequirements", "customizations", "secrets",
})  # fmt: skip
COMMANDS = ("initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand",
            "postStartCommand", "postAttachCommand")
WAIT_FOR = COMMANDS[:5]  # not postAttachCommand: attaching comes after the UI
SIZE = re.compile(r"\d+([tgmk]b)?")
HOST_PORT = re.compile(r"[a-z0-9-]+:\d{1,5}")
AUTO_FORWARD = {"notify", "openBrowser", "openBrowserOnce", "openPreview", "silent", "ignore"}


def _is_command(value: object) -> bool:
    def strings(v: object) -> bool:
        return isinstance(v, list) and all(isinstance(s, str) for s in v)

    if isinstance(value, dict):
        return all(isinstance(v, str) or strings(v) for v in value.values())
    return isinstance(value, str) or strings(value)


def offline_problems(d: object) -> list[str]:
    """What is wrong with a devcontainer.json by this file's rules; ``[]`` when nothing is."""
    if not isinstance(d, dict):
        return ["(top): not an object"]
    problems = [f"{key}: not a devcontainer.json property" for key in sorted(set(d) - KNOWN_KEYS)]
    if not any(key in d for key in ("image", "build", "dockerFile", "dockerComposeFile")):
        problems.append("(top): no image, build, dockerFile or dockerComposeFile")
    if "image" in d and not isinstance(d["image"], str):
        problems.append("image: not a string")
    if "name" in d and not isinstance(d["name"], str):
        problems.append("name: not a string")
    for i, port in enumerate(d.get("forwardPorts", [])):
        if isinstance(port, bool) or not (isinstance(port, int) and 0 <= port <= 65535
                                          or isinstance(port, str) and HOST_PORT.fullmatch(port)):
            problems.append(f"forwardPorts/{i}: {port!r} is neither a port number nor host:port")
    for port, attributes in d.get("portsAttributes", {}).items():
        if not isinstance(attributes, dict) or attributes.get("onAutoForward", "notify") not in AUTO_FORWARD:
            problems.append(f"portsAttributes/{port}: onAutoForward must be one of {sorted(AUTO_FORWARD)}")
    if "waitFor" in d and d["waitFor"] not in WAIT_FOR:
        problems.append(f"waitFor: {d['waitFor']!r} is not one of {list(WAIT_FOR)}")
    problems += [f"{key}: not a string, a list of strings or an object of those" for key in COMMANDS
                 if key in d and not _is_command(d[key])]
    host = d.get("hostRequirements", {})
    if not isinstance(host, dict):
        problems.append("hostRequirements: not an object")
    else:
        if "cpus" in host and (isinstance(host["cpus"], bool) or not isinstance(host["cpus"], int)
                               or host["cpus"] < 1):
            problems.append("hostRequirements/cpus: not a whole number of at least 1")
        problems += [f"hostRequirements/{key}: {host[key]!r} is not a size such as 4gb" for key in ("memory", "storage")
                     if key in host and not (isinstance(host[key], str) and SIZE.fullmatch(host[key]))]
    if "customizations" in d and not isinstance(d["customizations"], dict):
        problems.append("customizations: not an object")
    return problems


# --- the official schema ----------------------------------------------------------------


def _schema_path() -> Path:
    """The copy in tests/data (or ``NEWSLAB_DEVCONTAINER_SCHEMA``, to try another commit's schema)."""
    if os.environ.get(SCHEMA_ENV):
        return Path(os.environ[SCHEMA_ENV])
    return Path(__file__).parent / "data" / "devcontainer" / "devContainer.base.schema.json"


@pytest.fixture(scope="module")
def official_problems() -> Callable[[object], list[str]]:
    import jsonschema

    path = _schema_path()
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SCHEMA_SHA256, f"{path} is not the pinned schema ({SPEC_COMMIT})"
    schema = json.loads(data)
    assert schema["$schema"] == "https://json-schema.org/draft/2019-09/schema"
    jsonschema.Draft201909Validator.check_schema(schema)
    validator = jsonschema.Draft201909Validator(schema)

    def problems(document: object) -> list[str]:
        """One line per error; for a ``oneOf`` that failed, the deepest error of its branches (the cause)."""

        def leaves(error):
            return [leaf for sub in error.context for leaf in leaves(sub)] if error.context else [error]

        lines = []
        for error in validator.iter_errors(document):
            leaf = max(leaves(error), key=lambda e: len(e.absolute_path))
            lines.append(f"{'/'.join(map(str, leaf.absolute_path)) or '(top)'}: {leaf.message[:200]}")
        return lines

    return problems


# --- the two files and their broken copies ----------------------------------------------


@pytest.fixture(scope="module")
def class_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("class") / "news-class"
    release(out, root=ROOT, package="newslab==0.1.0", repo="me/news-class")
    return out


def _read(path: Path) -> dict:
    # strict JSON, although the format allows comments: Python's json module can then read it
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def files(class_repo: Path) -> dict[str, dict]:
    return {"this repository": _read(DEVCONTAINER),
            "a class repository": _read(class_repo / ".devcontainer" / "devcontainer.json")}


def _misspelt_key(d: dict) -> None:
    d["postCreateComand"] = d.pop("postCreateCommand")


def _port_name(d: dict) -> None:
    d["forwardPorts"] = ["jupyter"]


def _port_too_high(d: dict) -> None:
    d["forwardPorts"] = [88888]


def _no_image(d: dict) -> None:
    del d["image"]


def _wait_for_attach(d: dict) -> None:
    d["waitFor"] = "postAttachCommand"


def _memory_with_space(d: dict) -> None:
    d["hostRequirements"]["memory"] = "4 GB"


def _command_not_text(d: dict) -> None:
    d["postCreateCommand"] = 1


def _no_cpus(d: dict) -> None:
    d["hostRequirements"]["cpus"] = 0


BREAKS = [_misspelt_key, _port_name, _port_too_high, _no_image, _wait_for_attach, _memory_with_space,
          _command_not_text, _no_cpus]
WHICH = ["this repository", "a class repository"]


def _broken(files: dict[str, dict], which: str, breaks: Callable[[dict], None]) -> dict:
    broken = copy.deepcopy(files[which])
    breaks(broken)
    return broken


@pytest.mark.parametrize("which", WHICH)
def test_devcontainer_passes_the_offline_rules(files: dict[str, dict], which: str) -> None:
    assert offline_problems(files[which]) == []


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("breaks", BREAKS, ids=lambda f: f.__name__.strip("_"))
def test_a_broken_copy_fails_the_offline_rules(files: dict[str, dict], which: str, breaks) -> None:
    assert offline_problems(_broken(files, which, breaks)), f"{breaks.__name__}: the rules accepted it"


@pytest.mark.parametrize("which", WHICH)
def test_devcontainer_is_valid_against_the_official_schema(official_problems, files: dict[str, dict],
                                                           which: str) -> None:
    assert official_problems(files[which]) == []


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("breaks", BREAKS, ids=lambda f: f.__name__.strip("_"))
def test_the_official_schema_refuses_each_broken_copy_too(official_problems, files: dict[str, dict], which: str,
                                                           breaks) -> None:
    """The offline rules are calibrated: each case they refuse, the official schema refuses."""
    assert official_problems(_broken(files, which, breaks)), f"{breaks.__name__}: the schema accepted it"


# --- what each file points at -----------------------------------------------------------


def test_the_image_runs_the_python_binder_and_ci_run(files: dict[str, dict]) -> None:
    assert files["this repository"]["image"] == files["a class repository"]["image"] == doors.DEVCONTAINER_IMAGE
    match = re.fullmatch(r"mcr\.microsoft\.com/devcontainers/python:\d+-(\d+\.\d+)-\w+", doors.DEVCONTAINER_IMAGE)
    assert match, f"not a versioned devcontainers Python image: {doors.DEVCONTAINER_IMAGE}"
    runtime = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{match.group(1)}"
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert requires == f">={match.group(1)}", "the container runs the oldest Python newslab supports"


def _venv_and_port(d: dict, script_venv: str) -> None:
    from jupyter_server.serverapp import DEFAULT_JUPYTER_SERVER_PORT

    assert d["waitFor"] == "postCreateCommand", "the notebook opens once newslab is installed"
    interpreter = d["customizations"]["vscode"]["settings"]["python.defaultInterpreterPath"]
    assert interpreter == f"${{containerWorkspaceFolder}}/{script_venv}/bin/python"
    assert d["forwardPorts"] == [DEFAULT_JUPYTER_SERVER_PORT]


def test_this_repository_sets_up_with_the_bootstrap_and_opens_notebook_01(files: dict[str, dict]) -> None:
    """postCreate runs `bootstrap.sh setup` (newslab, the model, JupyterLab's defaults from
    binder/overrides.json); the opened notebook exists; VS Code's kernel is that .venv; the
    forwarded port is the one `make lab` serves on."""
    d = files["this repository"]
    assert d["postCreateCommand"] == "bash scripts/bootstrap.sh setup"
    script = BOOTSTRAP.read_text(encoding="utf-8")
    assert re.search(r"^\s+setup\)\n\s+setup\n", script, re.M), "bootstrap.sh has no `setup` command"
    assert "newslab\" model install" in script and "binder/overrides.json" in script
    files_opened = d["customizations"]["codespaces"]["openFiles"]
    assert files_opened == ["notebooks/01-reading-the-article.ipynb"]
    assert all((ROOT / f).is_file() for f in files_opened)
    _venv_and_port(d, re.search(r"^VENV=(\S+)$", script, re.M).group(1))


def test_a_class_repository_sets_up_what_binder_installs(files: dict[str, dict], class_repo: Path,
                                                         tmp_path: Path) -> None:
    """The class container's postCreate, step by step, in a copy of the class repository: the venv
    is made, the pip step installs the class's binder/requirements.txt (newslab and the model among
    them; not run here, it needs GitHub), and binder/postBuild, with that venv first on PATH, puts
    JupyterLab's defaults (no news pop-up) into the venv."""
    import shutil

    from packaging.requirements import Requirement

    d = files["a class repository"]
    assert d["customizations"]["codespaces"]["openFiles"] == ["01-reading-the-article.ipynb"]
    assert (class_repo / "01-reading-the-article.ipynb").is_file()
    _venv_and_port(d, ".venv")
    make_venv, pip, post_build = d["postCreateCommand"].split(" && ")
    assert pip == ".venv/bin/pip install --quiet -r binder/requirements.txt"
    lines = (class_repo / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    wanted = {Requirement(line).name for line in lines if line and not line.startswith("#")}
    assert {"newslab", "en_core_web_sm", "spacy", "jupyterlab"} <= wanted
    work = tmp_path / "news-class"
    shutil.copytree(class_repo, work)
    env = {k: v for k, v in os.environ.items() if k not in ("NB_PYTHON_PREFIX", "VIRTUAL_ENV")}
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"  # python3: this one, as the image's
    for step in (make_venv.replace("-m venv", "-m venv --without-pip"), post_build):
        subprocess.run(["bash", "-euo", "pipefail", "-c", step], cwd=work, env=env, check=True, timeout=120)
    installed = work / ".venv" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.read_bytes() == (ROOT / "binder" / "overrides.json").read_bytes()
