"""The doors into a class: links, badges, Colab's first cell, the dev container and Binder files.

Binder is one door; an instructor's own JupyterHub, GitHub Codespaces and Google Colab are
others. :func:`newslab.teach.editions.release` writes all of them into a class repository; this
module only builds their text (links, badges, a notebook cell, ``devcontainer.json``): it reads
and writes no file and reaches no network.

- :func:`nbgitpuller_link` opens a class repository on a JupyterHub in one click: the hub's
  nbgitpuller clones it into the student's home the first time and pulls new commits later,
  without overwriting the student's own changes.
- :func:`binder_url`, :func:`codespaces_url` and :func:`colab_url` open a GitHub repository on
  mybinder.org, in a codespace and in Colab; :func:`badge` makes the Markdown badge for each.
- :func:`colab_cell` is the cell a notebook needs first on Colab, which has neither newslab nor
  its spaCy model; off Colab it does nothing. :func:`colab_edition` puts it before a notebook's
  first code cell, so one notebook serves every door.
- :func:`class_devcontainer` is the ``.devcontainer/devcontainer.json`` of a class repository;
  :data:`CLASS_POST_BUILD` its ``binder/postBuild``, which the dev container runs too.
"""

from __future__ import annotations

import copy
import shlex
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urlparse

from ..errors import DoorError

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = ["DEFAULT_PACKAGE", "DEVCONTAINER_IMAGE", "CLASS_POST_BUILD", "COLAB_CELL_ID", "nbgitpuller_link",
           "binder_url", "codespaces_url", "colab_url", "badge", "colab_cell", "colab_edition", "class_devcontainer", "class_readme"]

#: How a door without a copy of this repository installs newslab (Binder, Codespaces and Colab of a class).
DEFAULT_PACKAGE = "newslab @ git+https://github.com/newslab-edu/newslab@main"
#: The dev container image: Debian 12 with the Python that Binder and CI run (binder/runtime.txt).
DEVCONTAINER_IMAGE = "mcr.microsoft.com/devcontainers/python:1-3.11-bookworm"
#: The port ``jupyter lab`` serves on, which the dev container forwards.
JUPYTER_PORT = 8888

BADGES = {
    "binder": ("Binder", "https://mybinder.org/badge_logo.svg"),
    "codespaces": ("Open in GitHub Codespaces", "https://github.com/codespaces/badge.svg"),
    "colab": ("Open In Colab", "https://colab.research.google.com/assets/colab-badge.svg"),
}


def nbgitpuller_link(hub_url: str, repo: str, *, branch: str | None = "main", notebook: str | None = None,
                     targetpath: str | None = None, app: str = "lab") -> str:
    """A link that makes a JupyterHub pull ``repo`` into the student's home and open it.

    The hub needs nbgitpuller in its single-user environment (``pip install nbgitpuller``).

    Args:
        hub_url: The hub's address, such as ``https://hub.example.edu``.
        repo: The class repository, as ``git clone`` takes it.
        branch: The branch to pull; ``None`` lets nbgitpuller use the repository's default.
        notebook: The file to open, relative to the repository's root; ``None`` opens its folder.
        targetpath: The folder in the student's home; by default the repository's last path
            component, exactly as nbgitpuller names it (``.../class.git`` gives ``class.git``).
        app: ``"lab"`` (JupyterLab) or ``"tree"`` (Notebook 7).

    Raises:
        DoorError: if ``hub_url`` is not an ``http(s)://`` address or ``app`` is neither.

    Examples:
        >>> nbgitpuller_link("https://hub.example.edu/", "https://github.com/me/class",
        ...                  notebook="01-reading-the-article.ipynb")
        'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fme%2Fclass&branch=main&urlpath=lab%2Ftree%2Fclass%2F01-reading-the-article.ipynb'
    """
    if app not in ("lab", "tree"):
        raise DoorError(f"app must be 'lab' (JupyterLab) or 'tree' (Notebook 7), not {app!r}")
    hub = urlparse(hub_url)
    if hub.scheme not in ("http", "https") or not hub.netloc:
        raise DoorError(f"give the hub's address as https://..., not {hub_url!r}")
    repo = repo.rstrip("/")  # nbgitpuller's pull names the folder after what follows the last "/"
    path = "/".join(p for p in (targetpath or repo.split("/")[-1], notebook) if p)
    if app == "lab":
        urlpath = f"lab/tree/{path}"
    else:  # Notebook 7 opens a notebook under /notebooks and lists a folder under /tree
        urlpath = f"notebooks/{path}" if path.endswith(".ipynb") else f"tree/{path}"
    params = {"repo": repo, "branch": branch, "targetpath": targetpath, "urlpath": urlpath}
    query = urlencode({k: v for k, v in params.items() if v}, quote_via=quote, safe="")
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_url(repo: str, *, branch: str = "main", notebook: str | None = None) -> str:
    """Where mybinder.org builds ``repo`` (``owner/name`` on GitHub) and opens ``notebook`` in JupyterLab.

    Examples:
        >>> binder_url("me/class", notebook="01-reading-the-article.ipynb")
        'https://mybinder.org/v2/gh/me/class/main?urlpath=lab/tree/01-reading-the-article.ipynb'
    """
    url = f"https://mybinder.org/v2/gh/{_owner_name(repo)}/{quote(branch, safe='')}"
    return f"{url}?urlpath={quote(f'lab/tree/{notebook}')}" if notebook else url


def codespaces_url(repo: str, *, branch: str | None = None) -> str:
    """Where GitHub creates a codespace of ``repo`` (``owner/name``) from its ``.devcontainer``.

    Examples:
        >>> codespaces_url("newslab-edu/newslab")
        'https://codespaces.new/newslab-edu/newslab?quickstart=1'
        >>> codespaces_url("me/class", branch="week-2")
        'https://codespaces.new/me/class/tree/week-2?quickstart=1'
    """
    tree = f"/tree/{quote(branch)}" if branch else ""
    return f"https://codespaces.new/{_owner_name(repo)}{tree}?quickstart=1"


def colab_url(repo: str, notebook: str, *, branch: str = "main") -> str:
    """Where Colab opens a notebook of a public GitHub repository (``owner/name``).

    Examples:
        >>> colab_url("me/class", "01-reading-the-article.ipynb")
        'https://colab.research.google.com/github/me/class/blob/main/01-reading-the-article.ipynb'
    """
    return f"https://colab.research.google.com/github/{_owner_name(repo)}/blob/{quote(branch)}/{quote(notebook)}"


def badge(door: str, link: str) -> str:
    """The Markdown badge of ``door`` (``"binder"``, ``"codespaces"`` or ``"colab"``) that opens ``link``.

    Examples:
        >>> badge("colab", colab_url("me/class", "01-reading-the-article.ipynb"))[:60]
        '[![Open In Colab](https://colab.research.google.com/assets/c'
    """
    try:
        alt, image = BADGES[door]
    except KeyError:
        raise DoorError(f"no badge for {door!r}: choose one of {', '.join(BADGES)}") from None
    return f"[![{alt}]({image})]({link})"


_COLAB_CELL = """\
# On Google Colab only: install newslab and its spaCy model (a minute or two).
# Anywhere else this cell does nothing.
import sys
if "google.colab" in sys.modules:
    %pip install --quiet {package}
    !newslab model install
    from google.colab import output
    output.enable_custom_widget_manager()  # newslab's widgets are third-party widgets to Colab"""
#: The id of the install cell (stable, so writing a release again changes nothing).
COLAB_CELL_ID = "newslab-colab-install"


def colab_cell(package: str = DEFAULT_PACKAGE) -> str:
    """The source of the cell that goes before a notebook's imports, for Colab.

    On Colab it installs ``package`` and the spaCy model (``%pip``, so Colab offers to restart
    the session if the install replaced a package it had loaded), then turns on Colab's widget
    manager for third-party widgets such as newslab's. Anywhere else it does nothing, so the same
    notebook runs on Binder, a JupyterHub, in a codespace and in the grader.

    Examples:
        >>> print(colab_cell("newslab==0.1.0").splitlines()[4])
            %pip install --quiet newslab==0.1.0
    """
    return _COLAB_CELL.format(package=shlex.quote(package))


def colab_edition(nb: NotebookNode, *, package: str = DEFAULT_PACKAGE) -> NotebookNode:
    """A copy of notebook ``nb`` with :func:`colab_cell` before its first code cell (once: a
    notebook that has the cell gets it anew, not twice).

    Examples:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01"),
        ...                                      nbformat.v4.new_code_cell("import newslab as nl")])
        >>> [cell.cell_type for cell in colab_edition(nb).cells]
        ['markdown', 'code', 'code']
        >>> colab_edition(colab_edition(nb)).cells[1].id
        'newslab-colab-install'
    """
    import nbformat

    edition = copy.deepcopy(nb)
    edition.cells = [cell for cell in edition.cells if cell.get("id") != COLAB_CELL_ID]
    first = next((i for i, cell in enumerate(edition.cells) if cell.cell_type == "code"), len(edition.cells))
    edition.cells.insert(first, nbformat.v4.new_code_cell(colab_cell(package), id=COLAB_CELL_ID))
    return edition


#: A class repository's ``binder/postBuild``. Binder has installed ``binder/requirements.txt``
#: (newslab among them); the dev container runs this too, with its ``.venv`` first on PATH.
CLASS_POST_BUILD = """\
#!/bin/bash
# newslab is installed from binder/requirements.txt. No "get notified about official Jupyter
# news?" pop-up over the notebook: JupyterLab's defaults come from overrides.json in the
# environment's settings folder.
set -euo pipefail
settings="${NB_PYTHON_PREFIX:-$(python -c 'import sys;print(sys.prefix)')}/share/jupyter/lab/settings"
mkdir -p "$settings"
cp binder/overrides.json "$settings/overrides.json"
"""

#: The dev container's set-up: newslab and the model into .venv from binder/requirements.txt,
#: then the same JupyterLab defaults as on Binder.
CLASS_POST_CREATE = ('python3 -m venv .venv && .venv/bin/pip install --quiet -r binder/requirements.txt'
                     ' && PATH="$PWD/.venv/bin:$PATH" bash binder/postBuild')


def class_devcontainer(first_notebook: str) -> dict[str, Any]:
    """The ``.devcontainer/devcontainer.json`` of a class repository, as a dict.

    The container installs what Binder installs (``binder/requirements.txt``, pinned) into
    ``.venv``, runs ``binder/postBuild``, and opens ``first_notebook`` with that ``.venv``'s
    kernel; ``.venv/bin/jupyter lab`` serves JupyterLab on the forwarded port.

    Examples:
        >>> class_devcontainer("01-reading-the-article.ipynb")["customizations"]["codespaces"]
        {'openFiles': ['01-reading-the-article.ipynb']}
    """
    return {
        "name": "newslab class",
        "image": DEVCONTAINER_IMAGE,
        "hostRequirements": {"cpus": 2, "memory": "4gb"},
        "postCreateCommand": CLASS_POST_CREATE,
        "waitFor": "postCreateCommand",
        "forwardPorts": [JUPYTER_PORT],
        "portsAttributes": {str(JUPYTER_PORT): {"label": "JupyterLab (.venv/bin/jupyter lab)",
                                                 "onAutoForward": "notify"}},
        "customizations": {
            "codespaces": {"openFiles": [first_notebook]},
            "vscode": {
                "extensions": ["ms-python.python", "ms-toolsai.jupyter"],
                "settings": {"python.defaultInterpreterPath": "${containerWorkspaceFolder}/.venv/bin/python"},
            },
        },
    }


def class_readme(notebooks: list[tuple[str, str]], *, for_students: str = "", repo: str | None = None,
                 hub: str | None = None, branch: str = "main") -> str:
    """The README of a class repository: how to open the notebooks through each door, and the notebooks.

    Args:
        notebooks: ``(file name, title)`` of each notebook, in order.
        for_students: How the exercises work (the "For students" section of newslab's README).
        repo: The class repository on GitHub, ``owner/name``: with it the README gets the Binder,
            Codespaces and Colab badges and a ready nbgitpuller link recipe; without, the doors are
            described but have no links.
        hub: The course's JupyterHub (``https://...``): the README then holds the one link that
            pulls this repository there and opens the first notebook.
        branch: The branch the links open.

    Examples:
        >>> text = class_readme([("01-x.ipynb", "01 X")], repo="me/class")
        >>> "https://codespaces.new/me/class/tree/main?quickstart=1" in text
        True
    """
    first = notebooks[0][0] if notebooks else None
    lines = ["# newslab: the notebooks", ""]
    if repo:
        lines += [" ".join([badge("binder", binder_url(repo, branch=branch, notebook=first)),
                            badge("codespaces", codespaces_url(repo, branch=branch)),
                            *([badge("colab", colab_url(repo, first, branch=branch))] if first else [])]), ""]
    clone = f"https://github.com/{repo}" if repo else None
    hub_line = ("follow the link your instructor gives you; it copies this repository into your home on the "
                "hub the first time and opens the first notebook. Later clicks bring your instructor's new "
                "commits and keep your own changes. Your annotations stay in your home on the hub.")
    if hub and clone:
        hub_line += f" The link: [open on the course hub]({nbgitpuller_link(hub, clone, branch=branch, notebook=first)})."
    lines += [
        "## Open the notebooks",
        "",
        "- **Binder** (nothing to install): a free, shared service; a session closes after about 10 idle "
        "minutes and takes your files with it, so download `my-annotations/` before you leave.",
        f"- **Your course's JupyterHub**: {hub_line}",
        "- **GitHub Codespaces** (*Code → Codespaces → Create codespace*): the container installs newslab and "
        "its model into `.venv` (a few minutes, once), then opens the first notebook; pick the `.venv` kernel "
        "if asked, or run `.venv/bin/jupyter lab` in the terminal for JupyterLab. Commit or download "
        "`my-annotations/` before you delete the codespace.",
        "- **Google Colab**: open a notebook with its Colab link, and run its first cell: on Colab it installs "
        "newslab and its model (a minute or two; if Colab offers to restart the session, restart and run from "
        "the top) and turns on Colab's widget manager; anywhere else it does nothing. Files vanish with the "
        "runtime: before you leave, download your annotations with "
        "`from google.colab import files; files.download(str(nl.annotations_path(article)))`. Where a widget "
        "does not show, `annotator.html()`, `nl.progress()` and a chart's saved copy "
        "(`nl.save_chart(chart, \"chart.png\")`) still work.",
        "",
    ]
    if for_students.strip():
        lines += ["## How the exercises work", "", for_students.strip(), ""]
    if repo:
        lines += ["| notebook | Colab |", "| --- | --- |"]
        lines += [f"| [{title}]({name}) | [open in Colab]({colab_url(repo, name, branch=branch)}) |"
                  for name, title in notebooks]
    else:
        lines += ["| notebook |", "| --- |", *(f"| [{title}]({name}) |" for name, title in notebooks)]
    target = clone or "https://github.com/OWNER/NAME"
    lines += [
        "",
        "## For the instructor: one link for your JupyterHub",
        "",
        "Your hub needs newslab, its model and nbgitpuller in each student's environment "
        "(`pip install -r binder/requirements.txt nbgitpuller`, then `bash binder/postBuild`). This makes the "
        "link that pulls this repository into a student's home and opens the first notebook"
        + ("" if clone else " (put your class repository's address in place of OWNER/NAME)") + ":",
        "",
        "```python",
        "from newslab.teach.doors import nbgitpuller_link",
        f'nbgitpuller_link("https://hub.example.edu", "{target}", branch="{branch}", notebook="{first}")',
        f"# {nbgitpuller_link('https://hub.example.edu', target, branch=branch, notebook=first)}",
        "```",
        "",
        "`newslab teach release --hub https://your.hub` writes your hub's own link into this README.",
        "",
    ]
    return "\n".join(lines)


def _owner_name(repo: str) -> str:
    parts = repo.strip("/").split("/")
    if len(parts) != 2 or not all(parts) or any(c in repo for c in " ?#:"):
        raise DoorError(f"give the GitHub repository as 'owner/name', not {repo!r}")
    return "/".join(quote(p) for p in parts)
