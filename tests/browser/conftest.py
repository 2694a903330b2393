"""Session fixtures for the browser tests: one Jupyter server, one Chromium, a page per test."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _lab import ARTIFACTS_DIR, CHROMIUM, CHROMIUM_FLAGS, JupyterServer, NotebookPage, install_lab_overrides

SKIP_ENV = "NEWSLAB_SKIP_BROWSER"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; missing is a failure, never a silent skip, unless opted out."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1 and {CHROMIUM} is missing")
    pytest.fail(
        f"{CHROMIUM} is missing: run `apt-get install -y chromium` "
        f"(or set {SKIP_ENV}=1 to skip the browser tests)",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def jupyter_server(
    chromium: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[JupyterServer]:
    install_lab_overrides()
    server = JupyterServer(tmp_path_factory.mktemp("jupyter"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def notebook_page(browser, jupyter_server: JupyterServer) -> Iterator[NotebookPage]:
    """A fresh context and page that can reach loopback only; kernels are stopped after."""
    nbp = NotebookPage.new(browser, jupyter_server)
    try:
        yield nbp
    finally:
        nbp.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failed browser test, save a screenshot and the console log, and say where."""
    report = yield
    nbp = getattr(item, "funcargs", {}).get("notebook_page")
    if report.when == "call" and report.failed and isinstance(nbp, NotebookPage):
        from playwright.sync_api import Error as PlaywrightError

        folder = ARTIFACTS_DIR / re.sub(r"[^\w.-]+", "_", item.nodeid).strip("_")
        try:
            nbp.save_artifacts(folder)
            note = f"screenshot, console log and server log saved in {folder}"
        except (PlaywrightError, OSError) as exc:  # still report the test's own failure
            note = f"could not save browser artifacts to {folder}: {exc!r}"
        if hasattr(report.longrepr, "addsection"):
            report.longrepr.addsection("browser artifacts", note)
        else:
            report.sections.append(("browser artifacts", note))
    return report
