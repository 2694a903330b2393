"""The JupyterHub door: a local hub pulls the class repository through an nbgitpuller link, and the
notebooks run under /user/<name>/lab as they do in a plain JupyterLab.

What a class on an instructor's hub does, on 127.0.0.1: the instructor writes the class repository
(`newslab teach release`) and hands out one link (`newslab.teach.doors.nbgitpuller_link`); a student
follows it, signs in, the hub starts their JupyterLab, nbgitpuller clones the repository into
their home and opens the notebook. The page may reach 127.0.0.1 only; any other request is
blocked and fails the test.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from _hub import (
    CLASS_DIR,
    CLASS_REPO,
    SPAWN_TIMEOUT_S,
    LocalHub,
    chp_prefix,
    finish_class_release,
    proxy_command,
    start_class_release,
)
from _lab import (
    ARTIFACTS_DIR,
    NOTEBOOKS_DIR,
    REPO,
    NotebookPage,
    check_notebook,
    collect_failures,
    install_lab_overrides,
)
from interactions import _annotator_select_and_label, _assert_charts_drawn

import newslab as nl
from newslab.teach.doors import nbgitpuller_link

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

HUB_ARTIFACTS = ARTIFACTS_DIR / "hub"
NB01 = "01-reading-the-article.ipynb"
NB05 = "05-visualizing.ipynb"
BOOTSTRAP = REPO / "scripts" / "bootstrap.sh"


@pytest.fixture(scope="module")
def timings() -> Iterator[dict[str, float]]:
    """Seconds each step took, and the page's requests; written to test-artifacts/browser/hub/timings.json."""
    measured: dict[str, float] = {}
    started = time.monotonic()
    yield measured
    measured["total_s"] = round(time.monotonic() - started, 1)
    HUB_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (HUB_ARTIFACTS / "timings.json").write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hub(chromium: str, tmp_path_factory: pytest.TempPathFactory, timings: dict[str, float]) -> Iterator[LocalHub]:
    """The hub, started while `newslab teach release` writes the class repository (`hub.class_repo`)."""
    install_lab_overrides()
    started = time.monotonic()
    local = LocalHub(tmp_path_factory.mktemp("hub"), proxy_command())
    class_repo = tmp_path_factory.mktemp("instructor") / CLASS_DIR
    release = start_class_release(class_repo, local.base)
    try:
        local.start()
        local.class_repo = finish_class_release(release, class_repo)
        timings["hub_ready_and_class_released_s"] = round(time.monotonic() - started, 1)
        yield local
    finally:
        release.kill()
        local.stop()


@pytest.fixture(scope="module")
def class_repo(hub: LocalHub) -> Path:
    return hub.class_repo


@pytest.fixture
def notebook_page(browser, hub: LocalHub) -> Iterator[NotebookPage]:
    """This module's page is on the hub (the name lets conftest save artifacts when a test fails)."""
    nbp = NotebookPage.new(browser, hub)
    try:
        yield nbp
    finally:
        nbp.close()


def _open_through_nbgitpuller(nbp: NotebookPage, hub: LocalHub, repo: Path, notebook: str) -> float:
    """Follow the class link as a student: sign in, wait for the server, the pull and the notebook."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page = nbp.page
    started = time.monotonic()
    page.goto(nbgitpuller_link(hub.base, repo.as_uri(), notebook=notebook))
    assert urlparse(page.url).path == "/hub/login", f"the link did not ask to sign in: {page.url}"
    hub.fill_login(page)
    landing = f"/user/{hub.user}/lab/tree/{CLASS_DIR}/{notebook}"
    try:  # the spawn, then nbgitpuller's page, which redirects when the pull is done
        page.wait_for_url(lambda url: urlparse(url).path == landing, timeout=(SPAWN_TIMEOUT_S + 30) * 1000)
    except PlaywrightTimeoutError:
        raise AssertionError(
            f"the link did not open {landing} (the page is at {page.url});\n"
            f"the hub's log says:\n{hub.log_problems()}"
        ) from None
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=60_000)
    assert (hub.home() / CLASS_DIR / ".git").is_dir(), "nbgitpuller did not clone the class repository"
    return round(time.monotonic() - started, 1)


@pytest.mark.browser
def test_hub_pulls_the_class_and_runs_notebook_01(
    notebook_page: NotebookPage, hub: LocalHub, class_repo: Path, timings: dict[str, float]
) -> None:
    """Notebook 01 runs on the hub; a widget answers the mouse and saves into the student's home."""
    nbp, page = notebook_page, notebook_page.page
    readme = (class_repo / "README.md").read_text(encoding="utf-8")
    hub_link = nbgitpuller_link(hub.base, f"https://github.com/{CLASS_REPO}", notebook=NB01)
    assert f"[open on the course hub]({hub_link})" in readme, "teach release --hub wrote no link to this hub"
    timings["link_to_notebook_01_s"] = _open_through_nbgitpuller(nbp, hub, class_repo, NB01)

    started = time.monotonic()
    check_notebook(nbp, NOTEBOOKS_DIR / NB01)
    timings["notebook_01_run_all_s"] = round(time.monotonic() - started, 1)

    started = time.monotonic()
    kernel = nbp.kernel
    home = hub.home()
    assert kernel.run("import os; print(os.environ['HOME'])") == str(home)
    kernel.run("annotator = nl.Annotator(doc, path=nl.annotations_path(article))\nannotator")
    _annotator_select_and_label(page, kernel)  # a mouse drag and a key press; the kernel sees the span
    added = page.evaluate("() => window.__newslabAdded")
    saved = Path(kernel.run("print(nl.annotations_path(article).resolve())"))
    assert saved.is_relative_to(home / CLASS_DIR), f"the annotator saved outside {hub.user}'s home: {saved}"
    (record,) = nl.io.read(saved)
    spans = [{k: s[k] for k in ("start", "end", "label")} for s in record["spans"]]
    assert added in spans, f"{saved} does not hold the span added in the browser, {added}"
    assert sorted(p.name for p in hub.homes.iterdir()) == [hub.user]

    kernel.run("nl.charts.top_entities_chart(doc, n=5)")
    _assert_charts_drawn(page)
    failures = collect_failures(page)
    assert not failures, failures
    timings["notebook_01_widget_and_chart_s"] = round(time.monotonic() - started, 1)

    HUB_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(HUB_ARTIFACTS / "01-reading-the-article.png"))
    timings["notebook_01_requests_to_127.0.0.1"] = nbp.allowed
    timings["notebook_01_requests_blocked"] = len(nbp.blocked)
    assert nbp.blocked == [], f"requests outside 127.0.0.1: {nbp.blocked}"


@pytest.mark.browser
def test_hub_runs_notebook_05_charts_and_dashboard(
    notebook_page: NotebookPage, hub: LocalHub, class_repo: Path, timings: dict[str, float]
) -> None:
    """Notebook 05's offline charts draw on the hub and the dashboard answers a click (kernel included)."""
    nbp = notebook_page
    pulled = hub.home() / CLASS_DIR
    if pulled.is_dir():  # after notebook 01: the student has work there, and the instructor pushes a change
        (pulled / "my-notes.md").write_text("constructed student note\n", encoding="utf-8")
        with (class_repo / "README.md").open("a", encoding="utf-8") as readme:
            readme.write("\nWeek 2: notebook 05.\n")
        git = ["git", "-C", str(class_repo), "-c", "user.name=t", "-c", "user.email=t@newslab.invalid"]
        subprocess.run([*git, "commit", "--quiet", "--all", "--message", "week 2"], check=True)
    timings["link_to_notebook_05_s"] = _open_through_nbgitpuller(nbp, hub, class_repo, NB05)
    if (pulled / "my-notes.md").exists():  # the second click pulled the new commit and kept the student's file
        assert "Week 2: notebook 05." in (pulled / "README.md").read_text(encoding="utf-8")
        assert (pulled / "my-notes.md").read_text(encoding="utf-8") == "constructed student note\n"
    started = time.monotonic()
    check_notebook(nbp, NOTEBOOKS_DIR / NB05)  # with its interactions: every chart drawn, a bar clicked
    timings["notebook_05_run_all_and_interactions_s"] = round(time.monotonic() - started, 1)
    HUB_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbp.page.screenshot(path=str(HUB_ARTIFACTS / "05-visualizing-end.png"))
    # JupyterLab scrolls inside the notebook: the first charts are above the window now
    nbp.page.locator(".jp-NotebookPanel:visible .jp-WindowedPanel-outer").evaluate("el => el.scrollTo(0, 0)")
    nbp.page.wait_for_timeout(500)
    nbp.page.screenshot(path=str(HUB_ARTIFACTS / "05-visualizing-start.png"))
    timings["notebook_05_requests_to_127.0.0.1"] = nbp.allowed
    timings["notebook_05_requests_blocked"] = len(nbp.blocked)
    assert nbp.blocked == [], f"requests outside 127.0.0.1: {nbp.blocked}"


@pytest.mark.parametrize("env", [{}, {"XDG_CACHE_HOME": "/x/cache"}, {"NEWSLAB_CACHE": "/y/newslab"}], ids=str)
def test_bootstrap_installs_the_proxy_where_this_test_looks(env: dict[str, str], monkeypatch) -> None:
    """scripts/bootstrap.sh and _hub.py agree on the proxy's version and folder, whatever the environment."""
    for name in ("NEWSLAB_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/student")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = subprocess.run(
        # the script up to its `case`: its settings and functions, run nothing
        ["bash", "-c", 'eval "$(sed "/^case/,\\$d" "$1")"; echo "$CHP_PREFIX"', "bash", str(BOOTSTRAP)],
        cwd=REPO / "scripts", capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(settings.stdout.strip()) == chp_prefix()
