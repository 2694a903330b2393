"""A local JupyterHub for the browser tests, served like an instructor's hub, on 127.0.0.1 only.

JupyterHub (PyPI) runs with configurable-http-proxy (npm), the dummy authenticator and the simple
local-process spawner: each user's home is a folder under the test's temporary directory, and
each user's JupyterLab is a `jupyterhub-singleuser` process from this environment (so it has
newslab, the model and nbgitpuller). `LocalHub` offers what `_lab.JupyterServer` offers
(`stage`, `url`, `stop_sessions`, `log_tail`), so `_lab.check_notebook` and `NotebookPage` drive
a notebook on the hub exactly as they drive one in a plain JupyterLab.

Measured pitfalls (see /work/shared/notes/lite-and-hub.md):
- the proxy's API port must be set explicitly: its default collided;
- as root, the single-user server exits unless given `--allow-root`.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

from _lab import QUIET_LAB_ARGS, REPO, Flavor, free_port, strip_outputs, wait_answering

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: The configurable-http-proxy the tests install from npm when none is found: the newest release
#: whose dependencies all run on Node.js 18 (Debian 12's) and 20 (5.2.0 takes commander 14, which
#: wants 20; 5.3.0 commander 15, which wants 22.12). scripts/bootstrap.sh installs the same one
#: into the same folder (test_hub.py checks that they agree).
CHP_VERSION = "5.1.0"
CHP_ENV = "NEWSLAB_CHP"  # a configurable-http-proxy to use instead
#: The class repository's folder in a student's home: nbgitpuller names it after the repository.
CLASS_DIR = "newslab-class"
READY_TIMEOUT_S = 60
#: A spawn takes about 9 s here; the hub gives up on a server that has not answered after this.
SPAWN_TIMEOUT_S = 60


def cache_dir() -> Path:
    """Where tests keep what they install outside the repository (`NEWSLAB_CACHE` overrides it)."""
    if os.environ.get("NEWSLAB_CACHE"):
        return Path(os.environ["NEWSLAB_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslab"


def chp_prefix() -> Path:
    """The npm prefix that holds the pinned configurable-http-proxy (bootstrap.sh uses it too)."""
    return cache_dir() / f"configurable-http-proxy-{CHP_VERSION}"


def proxy_command() -> Path:
    """configurable-http-proxy: `NEWSLAB_CHP`, else the pinned copy in the cache (installed from
    npm the first time), else one on PATH."""
    if os.environ.get(CHP_ENV):
        return Path(os.environ[CHP_ENV])
    pinned = chp_prefix() / "node_modules" / ".bin" / "configurable-http-proxy"
    if pinned.exists():
        return pinned
    npm = shutil.which("npm")
    if npm:
        subprocess.run(
            [npm, "install", "--prefix", str(chp_prefix()), "--no-audit", "--no-fund", "--no-save",
             f"configurable-http-proxy@{CHP_VERSION}"],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        return pinned
    on_path = shutil.which("configurable-http-proxy")
    if on_path:
        return Path(on_path)
    raise RuntimeError(
        "configurable-http-proxy is missing and npm is not installed: install Node.js and npm "
        f"(apt-get install -y nodejs npm), or set {CHP_ENV} to a configurable-http-proxy"
    )


#: The GitHub repository the class README's links name (the test clones a local copy instead).
CLASS_REPO = "newslab-edu/newslab-class"


def start_class_release(dest: Path, hub_url: str) -> subprocess.Popen[bytes]:
    """Begin writing a class repository as an instructor does (`newslab teach release`, with the
    hub's link for the README); it runs while the hub starts."""
    newslab = Path(sys.executable).parent / "newslab"
    return subprocess.Popen(
        [str(newslab), "teach", "release", "--out", str(dest), "--root", str(REPO), "--repo", CLASS_REPO,
         "--hub", hub_url],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def finish_class_release(release: subprocess.Popen[bytes], dest: Path) -> Path:
    """Wait for the release and commit it on `main`, as the instructor pushes it."""
    output, _ = release.communicate(timeout=120)
    if release.returncode:
        raise RuntimeError(f"newslab teach release failed:\n{output.decode(errors='replace')}")
    git = ["git", "-C", str(dest), "-c", "user.name=newslab tests", "-c", "user.email=tests@newslab.invalid"]
    subprocess.run([*git, "init", "--quiet", "--initial-branch=main"], check=True)
    subprocess.run([*git, "add", "--all"], check=True)
    subprocess.run([*git, "commit", "--quiet", "--message", "class release"], check=True)
    return dest


class LocalHub:
    """One JupyterHub on 127.0.0.1 with its own proxy, database and users' homes in `workdir`."""

    def __init__(self, workdir: Path, proxy: Path, *, user: str = "alice") -> None:
        self.workdir = workdir
        self.proxy = proxy
        self.user = user
        self.password = secrets.token_hex(8)
        self.homes = workdir / "homes"
        self.port, self.proxy_api_port, self.hub_port = free_port(), free_port(), free_port()
        self._service_token = secrets.token_hex(24)  # lets the tests call the user's server API
        self.log_path = workdir / "jupyterhub.log"
        self.class_repo: Path | None = None  # the class repository the test pulls, once released
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def home(self, user: str | None = None) -> Path:
        return self.homes / (user or self.user)

    def config(self) -> str:
        """The `jupyterhub_config.py` an instructor would write for one machine, on loopback."""
        args = [*(["--allow-root"] if os.geteuid() == 0 else []), *QUIET_LAB_ARGS]
        singleuser = Path(sys.executable).parent / "jupyterhub-singleuser"
        settings = {
            "JupyterHub.bind_url": f"http://127.0.0.1:{self.port}",
            "JupyterHub.hub_bind_url": f"http://127.0.0.1:{self.hub_port}",
            "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{self.proxy_api_port}",
            "ConfigurableHTTPProxy.command": [str(self.proxy)],
            "JupyterHub.authenticator_class": "dummy",
            "DummyAuthenticator.password": self.password,
            "Authenticator.allowed_users": {self.user},
            "JupyterHub.spawner_class": "simple",
            "SimpleLocalProcessSpawner.home_dir_template": str(self.homes / "{username}"),
            "Spawner.cmd": [str(singleuser)],
            "Spawner.args": args,
            "Spawner.default_url": "/lab",
            "Spawner.start_timeout": SPAWN_TIMEOUT_S,
            "Spawner.http_timeout": SPAWN_TIMEOUT_S,
            "JupyterHub.db_url": f"sqlite:///{self.workdir / 'jupyterhub.sqlite'}",
            "JupyterHub.cookie_secret_file": str(self.workdir / "jupyterhub_cookie_secret"),
            "JupyterHub.pid_file": str(self.workdir / "jupyterhub.pid"),
            "JupyterHub.services": [{"name": "newslab-tests", "api_token": self._service_token}],
            "JupyterHub.load_roles": [{
                "name": "newslab-tests", "services": ["newslab-tests"],
                "scopes": ["admin:users", "admin:servers", "access:servers"],
            }],
        }  # fmt: skip
        return "".join(f"c.{key} = {value!r}\n" for key, value in settings.items())

    def start(self) -> None:
        self.homes.mkdir(parents=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(self.config(), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
        log = self.log_path.open("wb")
        self._proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
            cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_answering(self._proc, lambda: self.api("GET", "/hub/api/"), READY_TIMEOUT_S, "jupyterhub", self.log_tail)

    def stop(self) -> None:
        """SIGTERM: the hub stops the users' servers and its proxy before it exits."""
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.send_signal(signal.SIGTERM)
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def log_tail(self, n: int = 40) -> str:
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def log_problems(self, n: int = 8) -> str:
        """The last critical and error lines of the hub's log (the users' servers log there too)."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join([ln[:300] for ln in lines if ln.startswith(("[C ", "[E "))][-n:])

    def api(self, method: str, path: str) -> object:
        req = urllib.request.Request(
            f"{self.base}{path}", method=method, headers={"Authorization": f"token {self._service_token}"}
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def login(self, page: Page, *, next_url: str | None = None) -> None:
        """Sign in through the hub's login form, as a student does."""
        page.goto(f"{self.base}/hub/login" + (f"?next={next_url}" if next_url else ""))
        self.fill_login(page)

    def fill_login(self, page: Page) -> None:
        page.locator("#username_input").fill(self.user)
        page.locator("#password_input").fill(self.password)
        page.locator("#login_submit").click()

    # --- what _lab.check_notebook and NotebookPage ask of a server --------------------------

    def stage(self, src: Path) -> str:
        """The class repository's copy of `src` in the user's home, its outputs cleared; its path there."""
        rel = f"{CLASS_DIR}/{src.name}"
        pulled = self.home() / rel
        if not pulled.is_file():
            raise AssertionError(f"{pulled} is missing: open the class repository through nbgitpuller first")
        strip_outputs(pulled, pulled)
        return rel

    def url(self, rel: str, flavor: Flavor) -> str:
        if flavor == "lab":  # `reset`: no tabs restored from an earlier page
            return f"{self.base}/user/{self.user}/lab/tree/{rel}?reset"
        return f"{self.base}/user/{self.user}/notebooks/{rel}"

    def stop_sessions(self) -> None:
        """Shut down every kernel of the user's server, so the next page starts from nothing."""
        try:
            sessions = self.api("GET", f"/user/{self.user}/api/sessions") or []
        except (urllib.error.HTTPError, ValueError):  # no server running (yet): the hub answers a page
            return
        for session in sessions:
            try:
                self.api("DELETE", f"/user/{self.user}/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass
