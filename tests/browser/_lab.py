"""Shared machinery for the real-browser tests: a Jupyter server, a page, and the checks.

JupyterLab and Notebook 7 are served by one `jupyter lab` server (the `notebook` package adds
`/tree` and `/notebooks/NAME.ipynb` to it), so both front ends share every check here.
See /work/shared/notes/browser-testing.md for the measured pitfalls these helpers avoid.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlparse

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = REPO / "notebooks"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS_DIR = REPO / "test-artifacts" / "browser"
# The JupyterLab defaults shipped for Binder and `make lab` (no Jupyter news pop-up).
LAB_OVERRIDES = REPO / "binder" / "overrides.json"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A 1280 px wide window, as a student's; tall, so a screenshot shows the notebook:
# JupyterLab scrolls internally (pitfall 4).
VIEWPORT = {"width": 1280, "height": 4000}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

# JupyterLab that asks the internet nothing: no news feed, no update check, no extension manager
# listing (the hub's single-user servers take the same).
QUIET_LAB_ARGS = (
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
)

RUN_TIMEOUT_S = 180
SETTLE_TIMEOUT_S = 10
KERNEL_READY_TIMEOUT_S = 90

Flavor = Literal["lab", "nb7"]

_NUMBERED = re.compile(r"\[\s*\d+\s*\]")
_RUNNING = re.compile(r"\[\s*\*\s*\]")
_TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|^\w*(Error|Exception)\b", re.MULTILINE
)
_WIDGET_TEXTS = ("Error displaying widget", "Loading widget...")
_NEWS_TEXT = "official Jupyter news"  # "Would you like to get notified about official Jupyter news?"


def notebook_paths() -> list[Path]:
    """Every top-level notebook, read at collection time so new notebooks are covered."""
    return sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def install_lab_overrides() -> Path:
    """Put the shipped overrides.json where this environment's JupyterLab reads its defaults.

    ``bash scripts/bootstrap.sh setup`` does the same; this covers a venv set up otherwise,
    so the browser tests check the shipped file and nothing of their own.
    """
    target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if not target.is_file() or target.read_bytes() != LAB_OVERRIDES.read_bytes():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LAB_OVERRIDES, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_answering(proc: subprocess.Popen, probe, timeout_s: float, name: str, log_tail) -> None:
    """Poll ``probe`` until it answers; fail with the server's log if it exits or stays silent."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited early:\n{log_tail()}")
        try:
            probe()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer in {timeout_s} s:\n{log_tail()}")


def strip_outputs(src: Path, dest: Path) -> None:
    """Copy a notebook without outputs, so prompts prove this run executed the cells."""
    nb = json.loads(src.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(nb, indent=1), encoding="utf-8")


class JupyterServer:
    """One `jupyter lab` on loopback with a fresh HOME, serving a copy of notebooks/."""

    def __init__(self, workdir: Path, *, lab_args: tuple[str, ...] = ()) -> None:
        self.lab_args = lab_args
        self.home = workdir / "home"
        self.root = workdir / "root"
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.log_path = workdir / "server.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        # A reused HOME restores old tabs and kernels (pitfall 3). The venv's kernelspec is
        # still found: it lives under sys.prefix/share/jupyter, which is always on the path.
        env.update(
            HOME=str(self.home),
            JUPYTER_CONFIG_DIR=str(self.home / ".jupyter"),
            JUPYTER_DATA_DIR=str(self.home / ".local/share/jupyter"),
            JUPYTER_RUNTIME_DIR=str(self.home / ".local/share/jupyter/runtime"),
            IPYTHONDIR=str(self.home / ".ipython"),
        )
        env.pop("JUPYTER_PATH", None)
        return env

    def start(self) -> None:
        self.home.mkdir(parents=True)
        self.root.mkdir(parents=True)
        for nb in notebook_paths():
            shutil.copy2(nb, self.root / nb.name)
        cmd = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            f"--port={self.port}",
            "--ServerApp.ip=127.0.0.1",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--allow-root",
            *QUIET_LAB_ARGS,
            *self.lab_args,
        ]  # fmt: skip
        log = self.log_path.open("wb")
        self._proc = subprocess.Popen(
            cmd, cwd=self.root, env=self.env(), stdout=log, stderr=subprocess.STDOUT
        )
        wait_answering(self._proc, lambda: self.api("GET", "/api/status"), 60, "jupyter lab", self.log_tail)

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        try:
            self.api("POST", "/api/shutdown")  # also shuts down every kernel
            self._proc.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def log_tail(self, n: int = 40) -> str:
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def api(self, method: str, path: str) -> object:
        req = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def stop_sessions(self) -> None:
        """Shut down every notebook's kernel, so the next page starts from nothing."""
        for session in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass

    def stage(self, src: Path) -> str:
        """Put a fresh, output-free copy of `src` in the served folder; return its path there."""
        rel = src.name if src.parent == NOTEBOOKS_DIR else f"harness/{src.name}"
        strip_outputs(src, self.root / rel)
        return rel

    def url(self, rel: str, flavor: Flavor) -> str:
        if flavor == "lab":
            # `reset` drops the saved workspace, or the previous test's tabs come back.
            return f"{self.base}/lab/tree/{rel}?reset&token={self.token}"
        return f"{self.base}/notebooks/{rel}?token={self.token}"


class KernelError(AssertionError):
    """A snippet run through `Kernel.run` raised in the notebook's kernel."""


class Kernel:
    """Runs a snippet in the page's kernel by typing it into a new cell at the end.

    Going through the page, not a separate client, proves the kernel sees what the page did.
    """

    def __init__(self, page: Page) -> None:
        self.page = page

    def run(self, code: str, *, timeout_s: float = 60) -> str:
        page = self.page
        cells = page.locator(".jp-Notebook .jp-Cell")
        cells.last.locator(".jp-InputPrompt").click()
        page.keyboard.press("Escape")
        before = cells.count()
        page.keyboard.press("b")
        _poll(lambda: cells.count() == before + 1, 10, "a new cell was not added")
        cell = cells.nth(before)
        page.keyboard.press("Enter")
        cell.locator(".cm-content").wait_for()
        # insert_text avoids the editor's auto-indent and bracket closing.
        page.keyboard.insert_text(code)
        page.keyboard.press("Control+Enter")  # run in place: Shift+Enter on the last cell adds one
        prompt = cell.locator(".jp-InputPrompt")
        _poll(lambda: _NUMBERED.search(prompt.inner_text() or ""), timeout_s, f"not run: {code!r}")
        wait_idle(page, timeout_s)
        outputs = cell.locator(".jp-OutputArea-output")
        text = "\n".join(outputs.nth(i).inner_text() for i in range(outputs.count()))
        if _TRACEBACK.search(text):
            raise KernelError(f"kernel snippet {code!r} raised:\n{text}")
        return text.strip()


@dataclass
class NotebookPage:
    """One browser page on one notebook, recording what it blocked and logged."""

    server: JupyterServer
    context: BrowserContext
    page: Page
    blocked: list[str] = field(default_factory=list)
    allowed: int = 0  # requests to loopback, let through
    console: list[str] = field(default_factory=list)
    notebook: str | None = None

    @classmethod
    def new(cls, browser, server: JupyterServer) -> NotebookPage:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        nbp = cls(server=server, context=context, page=page)
        context.route("**/*", nbp._route)
        page.on("console", lambda m: nbp.console.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: nbp.console.append(f"[pageerror] {e}"))
        return nbp

    def _route(self, route) -> None:
        if urlparse(route.request.url).hostname in LOOPBACK:
            self.allowed += 1
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    @property
    def kernel(self) -> Kernel:
        return Kernel(self.page)

    def close(self) -> None:
        self.context.close()
        self.server.stop_sessions()

    def save_artifacts(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(folder / "screenshot.png"))
        (folder / "console.log").write_text("\n".join(self.console) + "\n", encoding="utf-8")
        (folder / "blocked-urls.txt").write_text("\n".join(self.blocked) + "\n", encoding="utf-8")
        (folder / "server.log").write_text(self.server.log_tail(200) + "\n", encoding="utf-8")


def _poll(predicate, timeout_s: float, message: str, interval_s: float = 0.25):
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s: {message}")
        time.sleep(interval_s)


def _indicator_states(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-Notebook-ExecutionIndicator", "els => els.map(e => e.dataset.status)"
    )


def wait_idle(page: Page, timeout_s: float) -> None:
    def idle() -> bool:
        states = _indicator_states(page)
        return bool(states) and all(s == "idle" for s in states)

    _poll(idle, timeout_s, "kernel not idle")


def wait_kernel_ready(page: Page, timeout_s: float = KERNEL_READY_TIMEOUT_S) -> None:
    """Wait until the page is connected to an idle kernel (pitfall 2)."""

    def ready() -> bool:
        # A notebook without kernelspec metadata asks for one: take the default.
        accept = page.locator(".jp-Dialog .jp-mod-accept")
        if accept.count():
            accept.first.click()
        bug = page.locator('.jp-DebuggerBugButton[aria-disabled="false"]')
        states = _indicator_states(page)
        return bool(bug.count()) and bool(states) and all(s == "idle" for s in states)

    _poll(ready, timeout_s, "the notebook's kernel never became ready", interval_s=0.5)


def _prompts(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-Notebook .jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent)"
    )


def _has_error_output(page: Page) -> bool:
    texts = page.eval_on_selector_all(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
        "els => els.map(e => e.textContent)",
    )
    return any(_TRACEBACK.search(t) for t in texts)


def run_all(page: Page) -> None:
    """Run All from the Run menu, retried once if clicking too early ran nothing."""
    if not _prompts(page):
        return

    def started() -> bool:
        return any(_RUNNING.search(p) or _NUMBERED.search(p) for p in _prompts(page))

    for attempt in range(2):
        page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^\s*Run\s*$")).click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
        try:
            _poll(started, 15, "Run All started nothing")
            return
        except AssertionError:
            if attempt:
                raise
            page.keyboard.press("Escape")


def wait_run_finished(page: Page, timeout_s: float = RUN_TIMEOUT_S) -> None:
    """Wait until every code cell ran (or one raised, which stops Run All) and all is idle."""
    stable = {"n": 0}

    def finished() -> bool:
        prompts = _prompts(page)
        states = _indicator_states(page)
        done = (
            not any(_RUNNING.search(p) for p in prompts)
            and bool(states)
            and all(s == "idle" for s in states)
            and (all(_NUMBERED.search(p) for p in prompts) or _has_error_output(page))
        )
        stable["n"] = stable["n"] + 1 if done else 0
        return stable["n"] >= 3  # idle for three polls in a row, not between two cells

    _poll(finished, timeout_s, "Run All did not finish", interval_s=0.5)


def _widget_texts_left(page: Page) -> list[str]:
    body = page.locator("body").inner_text()
    return [t for t in _WIDGET_TEXTS if t in body]


def collect_failures(page: Page) -> list[str]:
    """Everything on the page that says the notebook did not work, as readable lines."""
    failures = []
    for i, prompt in enumerate(_prompts(page), start=1):
        if not _NUMBERED.search(prompt):
            failures.append(f"code cell {i} did not run (prompt {prompt.strip()!r})")
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(stderr.count()):
        text = stderr.nth(i).inner_text()
        if _TRACEBACK.search(text):
            failures.append("error output:\n" + _summarize_traceback(text))
    failures += [f"{t!r} is still on the page" for t in _widget_texts_left(page)]
    broken = page.locator(".jupyter-widgets-error-widget").count()
    if broken:
        failures.append(f"{broken} widget(s) failed to display (jupyter-widgets-error-widget)")
    embeds = page.locator(".vega-embed")
    for i in range(embeds.count()):
        if not embeds.nth(i).locator("svg, canvas").count():
            failures.append(f"chart {i + 1} (.vega-embed) has no svg or canvas")
    failures += _charts_wider_than_their_cell(page)
    if _news_on_page(page):
        failures.append(f"the Jupyter news pop-up ({_NEWS_TEXT!r}) covers the notebook")
    return failures


def _news_on_page(page: Page) -> bool:
    return _NEWS_TEXT in page.locator("body").inner_text()


def _charts_wider_than_their_cell(page: Page) -> list[str]:
    """A chart whose drawing ends right of its output cell is cut off there (titles included)."""
    overflows = page.eval_on_selector_all(
        ".vega-embed",
        """els => els.map((el, i) => {
            const chart = el.querySelector("svg, canvas");
            const cell = el.closest(".jp-OutputArea-output");
            if (!chart || !cell) return null;
            const right = chart.getBoundingClientRect().right, edge = cell.getBoundingClientRect().right;
            return right > edge + 1 ? [i + 1, Math.round(right - edge)] : null;
        }).filter(x => x)""",
    )
    return [f"chart {i} (.vega-embed) is {px} px wider than its output cell" for i, px in overflows]


def _summarize_traceback(text: str, keep: int = 12) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return "\n".join(lines if len(lines) <= keep else lines[:3] + ["..."] + lines[-keep + 3 :])


def check_notebook(nbp: NotebookPage, src: Path, *, flavor: Flavor = "lab") -> None:
    """Open `src`, Run All, assert nothing failed, then run its registered interactions."""
    from interactions import interactions_for

    page = nbp.page
    rel = nbp.server.stage(src)
    nbp.notebook = rel
    page.goto(nbp.server.url(rel, flavor))
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=60_000)
    wait_kernel_ready(page)
    run_all(page)
    wait_run_finished(page)
    try:  # widgets render after their cell finished: give them a moment
        _poll(lambda: not _widget_texts_left(page), SETTLE_TIMEOUT_S, "widgets still loading")
    except AssertionError:
        pass
    if nbp.blocked:
        print(f"{len(nbp.blocked)} non-loopback request(s) blocked:", *nbp.blocked, sep="\n  ")
    failures = collect_failures(page)
    assert not failures, _failure_message(nbp, f"{rel} ({flavor})", failures)
    for interact in interactions_for(src.stem):
        interact(page, nbp.kernel)
    failures = collect_failures(page)
    assert not failures, _failure_message(nbp, f"{rel} ({flavor}) after interactions", failures)


def _failure_message(nbp: NotebookPage, title: str, failures: list[str]) -> str:
    errors = [line for line in nbp.console if line.startswith(("[error]", "[pageerror]"))]
    message = f"{title}:\n- " + "\n- ".join(failures)
    if errors:
        message += "\nbrowser console errors:\n  " + "\n  ".join(e[:300] for e in errors[:5])
    return message
