"""The doors' links, badges and Colab's first cell (newslab.teach.doors).

The JupyterHub link is followed for real in tests/browser/test_hub.py, and a class repository's
devcontainer.json is checked in tests/test_devcontainer.py. Colab cannot be reached from here, so
these tests prove what can be proven without it: the Colab cell is valid IPython that installs a
requirement pip accepts and runs a real newslab command, and off Colab it does nothing.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from newslab.errors import DoorError
from newslab.teach import doors
from tests.paths import ROOT


def _query(link: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(link).query, strict_parsing=True).items()}


def test_nbgitpuller_link_names_the_repository_branch_and_page() -> None:
    link = doors.nbgitpuller_link("https://hub.example.edu/", "https://github.com/me/class",
                                  notebook="04-annotating.ipynb")
    assert link.startswith("https://hub.example.edu/hub/user-redirect/git-pull?")
    assert _query(link) == {"repo": "https://github.com/me/class", "branch": "main",
                            "urlpath": "lab/tree/class/04-annotating.ipynb"}


def test_nbgitpuller_link_folder_is_the_one_nbgitpuller_clones_into() -> None:
    # nbgitpuller names the folder after the last path component, ".git" included; its pull
    # handler does not strip a trailing slash (it would clone into ""), so the link drops it
    query = _query(doors.nbgitpuller_link("https://h", "https://git.example.edu/me/class.git/"))
    assert query["repo"] == "https://git.example.edu/me/class.git" and query["urlpath"] == "lab/tree/class.git"
    chosen = _query(doors.nbgitpuller_link("https://h", "https://github.com/me/class", targetpath="week-1",
                                           notebook="01-reading-the-article.ipynb", branch=None))
    assert chosen == {"repo": "https://github.com/me/class", "targetpath": "week-1",
                      "urlpath": "lab/tree/week-1/01-reading-the-article.ipynb"}


def test_nbgitpuller_link_for_notebook_7() -> None:
    assert _query(doors.nbgitpuller_link("https://h", "https://github.com/me/class", app="tree",
                                         notebook="01-reading-the-article.ipynb"))["urlpath"] == (
        "notebooks/class/01-reading-the-article.ipynb")
    assert _query(doors.nbgitpuller_link("https://h", "https://github.com/me/class", app="tree"))["urlpath"] == (
        "tree/class")


@pytest.mark.parametrize(("hub", "app"), [("https://h", "voila"), ("hub.example.edu", "lab"), ("file:///x", "lab")])
def test_nbgitpuller_link_refuses_an_unknown_app_or_a_hub_that_is_no_address(hub: str, app: str) -> None:
    with pytest.raises(DoorError, match="app must be|hub's address"):
        doors.nbgitpuller_link(hub, "https://github.com/me/class", app=app)


@pytest.mark.parametrize("repo", ["newslab", "a/b/c", "/b", "a/", "https://github.com/a/b", "a/b?x"])
def test_links_refuse_a_repository_that_is_not_owner_name(repo: str) -> None:
    for make in (lambda: doors.colab_url(repo, "01.ipynb"), lambda: doors.codespaces_url(repo),
                 lambda: doors.binder_url(repo)):
        with pytest.raises(DoorError, match="owner/name"):
            make()


def test_binder_url_opens_the_notebook_in_jupyterlab() -> None:
    assert doors.binder_url("me/class", branch="week 2", notebook="01-reading-the-article.ipynb") == (
        "https://mybinder.org/v2/gh/me/class/week%202?urlpath=lab/tree/01-reading-the-article.ipynb")
    assert doors.binder_url("me/class") == "https://mybinder.org/v2/gh/me/class/main"


def test_this_readme_binder_badge_is_the_one_binder_url_makes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    url = doors.binder_url("newslab-edu/newslab", notebook="notebooks/01-reading-the-article.ipynb")
    assert doors.badge("binder", url) in readme
    assert doors.badge("codespaces", doors.codespaces_url("newslab-edu/newslab")) in readme


def test_badge_knows_three_doors() -> None:
    assert doors.badge("codespaces", "https://x") == (
        "[![Open in GitHub Codespaces](https://github.com/codespaces/badge.svg)](https://x)")
    with pytest.raises(DoorError, match="binder, codespaces, colab"):
        doors.badge("lite", "https://x")


def test_colab_cell_is_ipython_that_installs_newslab_and_the_model() -> None:
    from IPython.core.inputtransformer2 import TransformerManager

    python = TransformerManager().transform_cell(doors.colab_cell())
    compile(python, "colab-cell", "exec")
    pip = next(line for line in python.splitlines() if "run_line_magic('pip'" in line)
    args = shlex.split(eval(pip.strip().removeprefix("get_ipython().run_line_magic('pip', ").removesuffix(")")))
    assert args[:2] == ["install", "--quiet"] and len(args) == 3
    assert Requirement(args[2]) == Requirement(doors.DEFAULT_PACKAGE)
    assert "get_ipython().system('newslab model install')" in python
    assert "output.enable_custom_widget_manager()" in python


def test_the_colab_cell_runs_a_real_newslab_command() -> None:
    newslab = Path(sys.executable).parent / "newslab"
    result = subprocess.run([str(newslab), "model", "install", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Usage" in result.stdout


def test_colab_cell_does_nothing_off_colab_and_is_valid_in_a_real_kernel() -> None:
    """The cell runs in an IPython kernel here: no output, nothing installed, no error."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(doors.colab_cell("no-such-package==0"))])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[0].outputs == []


def test_python_313_is_allowed() -> None:
    """Colab runs Python 3.13 (since 2026-08): newslab's own bound must admit it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert SpecifierSet(project["requires-python"]).contains("3.13")


def test_colab_edition_puts_the_cell_before_the_imports_once() -> None:
    nb = nbformat.read(ROOT / "notebooks" / "01-reading-the-article.ipynb", as_version=4)
    edition = doors.colab_edition(nb, package="newslab==0.1.0")
    code = [c for c in edition.cells if c.cell_type == "code"]
    assert code[0].id == doors.COLAB_CELL_ID and code[0].source == doors.colab_cell("newslab==0.1.0")
    assert code[1].source == "import newslab as nl\n%load_ext newslab"
    assert [c.source for c in edition.cells if c.id != doors.COLAB_CELL_ID] == [c.source for c in nb.cells]
    assert edition.metadata == nb.metadata  # the newslab id too: the grader grades a Colab download alike
    again = doors.colab_edition(edition)
    assert [c.id for c in again.cells].count(doors.COLAB_CELL_ID) == 1
    nbformat.validate(again)


def test_class_readme_has_every_door() -> None:
    text = doors.class_readme([("01-x.ipynb", "01 X"), ("02-y.ipynb", "02 Y")], for_students="Run it.",
                              repo="me/class", hub="https://hub.example.edu", branch="spring")
    assert doors.badge("binder", doors.binder_url("me/class", branch="spring", notebook="01-x.ipynb")) in text
    assert doors.badge("codespaces", doors.codespaces_url("me/class", branch="spring")) in text
    assert doors.badge("colab", doors.colab_url("me/class", "01-x.ipynb", branch="spring")) in text
    assert f"({doors.colab_url('me/class', '02-y.ipynb', branch='spring')})" in text
    link = doors.nbgitpuller_link("https://hub.example.edu", "https://github.com/me/class", branch="spring",
                                  notebook="01-x.ipynb")
    assert f"[open on the course hub]({link})" in text and "Run it." in text
    bare = doors.class_readme([("01-x.ipynb", "01 X")])
    assert "](https://" not in bare and "| [01 X](01-x.ipynb) |" in bare and "OWNER/NAME" in bare
