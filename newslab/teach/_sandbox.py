"""Run one submission's cells in a kernel of its own: an unprivileged user, a private folder, a time limit.

How a kernel is isolated (:func:`plan`), from the strongest to none:

- ``bwrap`` (root, with Debian's ``bubblewrap`` and util-linux's ``setpriv``): the kernel runs
  as a user id of its own that no account uses, in new PID, network, IPC and UTS
  namespaces, on a file system that holds only the system folders (``/usr``, ``/etc``...),
  Python and newslab read-only, the instructor's article read-only, and its own home, working
  folder (a copy of the student's folder) and answers channel. It sees neither the
  submissions, nor the grades, nor another student's files, and has no network. Its user id
  may run at most 512 processes and threads and write no file past 1 GB (``prlimit``). When
  its kernel ends, the namespace ends, and with it every process the student started;
- ``setpriv`` (root, no bubblewrap): the same user id of its own, a private working folder
  and home, but the whole file system as any unprivileged user sees it (world-readable files,
  the submissions too if they are world-readable) and the network;
- ``bwrap-user`` (not root, with bubblewrap): the namespaces and the narrow file system, but
  as the instructor's own user;
- ``none``: the instructor's own user, with only a private working folder and home.

Each kernel speaks to the grader over Unix sockets in its own folder, never TCP. A cell
that outlives the time limit gets SIGINT, then SIGTERM, then SIGKILL; whatever happens,
every process of the submission is killed (by its user id, its process group and, with
bubblewrap, its PID namespace) before its answers are read. Nothing a cell prints is kept:
only the exception line of a cell that raised (cut to a few hundred characters).
"""

from __future__ import annotations

import functools
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GradingError
from ..exercises.channel import CHANNEL_ENV
from ..io.submissions import claim, copy_folder, processes_of, read_records, release

__all__ = ["ISOLATIONS", "Sandbox", "Run", "plan", "run_cells", "free_uids", "give_back"]

#: The isolation levels :func:`plan` accepts (``auto``: the strongest this machine allows).
ISOLATIONS = ("auto", "bwrap", "setpriv", "bwrap-user", "none")
_FIRST_UID = 61100  # user ids for kernels: unused by any account (checked), below 65534 ("nobody")
_GRACE = 3.0  # seconds between SIGINT, SIGTERM and SIGKILL
_START = 90.0  # seconds a kernel may take to start
_LINE = 300  # characters kept of a cell's exception line
_PROCESSES, _FILE_BYTES = 512, 1 << 30  # per submission (its user id): processes and threads; one file's size


@dataclass(frozen=True)
class Sandbox:
    """How kernels are isolated on this machine, and what that leaves open (``warning``)."""

    mode: str
    warning: str = ""


@dataclass
class Run:
    """What a kernel run gives the grader: the channel's records and what went wrong, never any output."""

    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (cell index, source, line)
    problem: str = ""  # the run as a whole: the kernel died, did not start, was killed
    cut: bool = False  # the channel held more than the grader reads
    left_out: list[str] = field(default_factory=list)  # files of the student's folder not copied


@functools.lru_cache(maxsize=1)
def _bwrap_works() -> bool:
    if not shutil.which("bwrap"):
        return False
    probe = ["bwrap", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--unshare-pid", "--unshare-net",
             "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def plan(isolation: str = "auto") -> Sandbox:
    """The isolation to use: ``isolation`` if this machine allows it (else :class:`GradingError`)."""
    if isolation not in ISOLATIONS:
        raise GradingError(f"unknown isolation {isolation!r}: choose one of {', '.join(ISOLATIONS)}")
    root, bwrap, setpriv = os.geteuid() == 0, _bwrap_works(), bool(shutil.which("setpriv"))
    setpriv = setpriv and bool(shutil.which("prlimit"))  # both are util-linux
    setpriv_alone = setpriv and _reachable(Path(sys.prefix))  # without bubblewrap's view, it must pass the folders
    possible = {"bwrap": root and bwrap and setpriv, "setpriv": root and setpriv_alone, "bwrap-user": bwrap,
                "none": True}
    if isolation == "auto":
        isolation = next(mode for mode, ok in possible.items() if ok)
    elif not possible[isolation]:
        raise GradingError(f"isolation {isolation!r} is not possible here: it needs "
                           + {"bwrap": "root, bubblewrap and setpriv (apt-get install bubblewrap util-linux)",
                              "setpriv": "root, setpriv (apt-get install util-linux) and a Python environment "
                                         "that other users can reach",
                              "bwrap-user": "a working bubblewrap (apt-get install bubblewrap)"}[isolation])
    return Sandbox(isolation, _WARNINGS.get(isolation, ""))


def _reachable(folder: Path) -> bool:
    """Whether a user without rights of their own can pass through every folder above ``folder``."""
    return all(parent.stat().st_mode & 0o001 for parent in folder.resolve().parents)


_CONTAINER = "grade in a throw-away container (see the README)"
_WARNINGS = {
    "setpriv": "bubblewrap is not installed: each kernel runs as a user of its own, but it can read every "
               "world-readable file (the submissions too, if they are) and reach the network; "
               f"apt-get install bubblewrap, or {_CONTAINER}",
    "bwrap-user": "not root: each kernel runs in bubblewrap's namespaces with a narrow file system, but as your own "
                  f"user; grade as root with bubblewrap, or {_CONTAINER}",
    "none": "neither root nor bubblewrap: each kernel runs as your own user and can read and write whatever you "
            f"can; {_CONTAINER}",
}


def free_uids(count: int) -> list[int]:
    """``count`` user ids that no account has, no process runs as and no other grader has claimed.

    Each is claimed (a lock) until this process ends or :func:`give_back` returns it.
    """
    found: list[int] = []
    uid = _FIRST_UID
    while len(found) < count:
        try:
            pwd.getpwuid(uid)
        except KeyError:
            lock = claim(f"grade-uid-{uid}")
            if lock is not None and not processes_of(uid):
                _CLAIMS[uid] = lock
                found.append(uid)
            elif lock is not None:
                release(lock)
        uid += 1
    return found


def give_back(uids: list[int]) -> None:
    """Release the claims of :func:`free_uids` (every process of those users is dead)."""
    for uid in uids:
        if uid in _CLAIMS:
            release(_CLAIMS.pop(uid))


_CLAIMS: dict[int, int] = {}


def run_cells(cells: list[tuple[int, str]], *, sandbox: Sandbox, timeout: float, uid: int | None,
              folder: Path | None = None, article: Path | None = None) -> Run:
    """Execute ``(index, source)`` code cells in a fresh kernel; the channel's records once all is dead.

    Args:
        cells: The code cells to run, with their index in the notebook (for messages).
        sandbox: How to isolate the kernel (:func:`plan`).
        timeout: Seconds a cell may run before SIGINT (then SIGTERM, then SIGKILL).
        uid: The user id the kernel runs as (``bwrap`` and ``setpriv`` only).
        folder: The student's folder, copied as the kernel's working folder (``None``: an empty one).
        article: The instructor's article, shown read-only to the kernel (``None``: the seed).
    """
    base = Path(tempfile.mkdtemp(prefix="newslab-grade-"))
    try:
        return _Kernel(base, sandbox, uid if sandbox.mode in ("bwrap", "setpriv") else None).run(
            cells, timeout=timeout, folder=folder, article=article)
    finally:
        shutil.rmtree(base, ignore_errors=True)


class _Kernel:
    """One kernel process in its folder: start, execute, stop everything."""

    def __init__(self, base: Path, sandbox: Sandbox, uid: int | None) -> None:
        self.base, self.sandbox, self.uid = base, sandbox, uid
        self.work, self.home, self.runtime, self.channel = (base / n for n in ("work", "home", "runtime", "channel"))
        self.process: subprocess.Popen[bytes] | None = None

    def run(self, cells: list[tuple[int, str]], *, timeout: float, folder: Path | None,
            article: Path | None) -> Run:
        result = Run()
        result.left_out = self._lay_out(folder)
        try:
            client = self._start(article)
        except GradingError as err:
            self._kill_all()
            result.problem = str(err)
            return result
        try:
            self._execute(client, cells, timeout, result)
        finally:
            self._kill_all()
            client.stop_channels()
        result.records, result.cut = read_records(self.channel / "answers.jsonl")
        return result

    def _lay_out(self, folder: Path | None) -> list[str]:
        os.chmod(self.base, 0o711)  # the kernel's user may pass through, never list
        left_out = copy_folder(folder, self.work) if folder is not None else []
        for path in (self.work, self.home, self.runtime, self.channel, self.home / "tmp"):
            path.mkdir(exist_ok=True)
        answers = self.channel / "answers.jsonl"
        answers.touch()
        os.chmod(answers, 0o622)  # the kernel appends; it can neither read it back nor replace it
        if self.uid is not None:
            for path in (self.work, self.home, self.runtime, self.home / "tmp"):
                for inner in [path, *path.rglob("*")]:
                    os.chown(inner, self.uid, self.uid, follow_symlinks=False)
        return left_out

    def _environment(self, article: Path | None) -> dict[str, str]:
        env = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": str(self.home),
               "TMPDIR": str(self.home / "tmp"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONNOUSERSITE": "1",
               "PYTHONDONTWRITEBYTECODE": "1", "JUPYTER_RUNTIME_DIR": str(self.runtime),
               "IPYTHONDIR": str(self.home / ".ipython"), "MPLBACKEND": "agg", CHANNEL_ENV: str(
                   self.channel / "answers.jsonl")}
        if article is not None:
            env["NEWSLAB_ARTICLE"] = str(article)
        if os.environ.get("NEWSLAB_MODEL"):
            env["NEWSLAB_MODEL"] = os.environ["NEWSLAB_MODEL"]
        return env

    def _start(self, article: Path | None) -> Any:
        from jupyter_client import BlockingKernelClient
        from jupyter_client.connect import write_connection_file

        connection = self.runtime / "kernel.json"
        write_connection_file(str(connection), transport="ipc", ip=str(self.runtime / "kernel"),
                              key=secrets.token_hex(32).encode())
        if self.uid is not None:
            os.chown(connection, self.uid, self.uid)
        os.chmod(connection, 0o600)
        kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", str(connection),
                  "--HistoryManager.hist_file=:memory:"]
        stderr = _Head()
        self.process = subprocess.Popen(self._wrap(kernel, article), env=self._environment(article), cwd=self.work,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, start_new_session=True)
        stderr.follow(self.process)
        client = BlockingKernelClient()
        client.load_connection_file(str(connection))
        client.start_channels(iopub=False, stdin=False, hb=False)
        deadline = time.monotonic() + _START
        msg_id = client.kernel_info()
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                client.stop_channels()
                raise GradingError(f"the kernel did not start: {stderr.last_line() or 'it exited'}")
            if self._reply(client, msg_id, 0.25) is not None:
                return client
        client.stop_channels()
        raise GradingError(f"the kernel did not start within {_START:.0f} s")

    def _wrap(self, kernel: list[str], article: Path | None) -> list[str]:
        # its own user id makes a process limit per submission possible: no fork bomb; no file past 1 GB
        drop = ["prlimit", f"--nproc={_PROCESSES}", f"--fsize={_FILE_BYTES}", "setpriv", f"--reuid={self.uid}",
                f"--regid={self.uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "--no-new-privs"] if self.uid is not None else []
        if self.sandbox.mode not in ("bwrap", "bwrap-user"):
            return [*drop, *kernel]
        view = ["bwrap", "--die-with-parent", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup-try", "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
        if self.sandbox.mode == "bwrap-user":
            view.append("--unshare-user")
        for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
            view += ["--ro-bind-try", name, name]
        view += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"]
        binds = [*(("--ro-bind", p) for p in _python_roots()),
                 *(("--bind", p) for p in (self.work, self.home, self.runtime, self.channel)),
                 *(("--ro-bind", p) for p in _article_files(article))]
        made: set[Path] = set()
        for how, path in binds:
            for parent in reversed(path.parents[:-1]):  # bubblewrap would make them 0700: the user could not pass
                if parent not in made and not parent.is_relative_to("/usr") and parent != Path("/tmp"):
                    view += ["--perms", "0755", "--dir", str(parent)]
                    made.add(parent)
            view += [how, str(path), str(path)]
        return [*view, "--chdir", str(self.work), "--", *drop, *kernel]

    def _reply(self, client: Any, msg_id: str, wait: float) -> dict[str, Any] | None:
        import queue

        try:
            message = client.get_shell_msg(timeout=wait)
        except queue.Empty:
            return None
        return dict(message["content"]) if message.get("parent_header", {}).get("msg_id") == msg_id else None

    def _execute(self, client: Any, cells: list[tuple[int, str]], timeout: float, result: Run) -> None:
        for index, source in cells:
            msg_id = client.execute(source, allow_stdin=False, stop_on_error=False)
            reply, outcome = self._wait(client, msg_id, timeout)
            if outcome == "died":
                result.problem = f"the kernel died while running cell {index}"
                return
            if outcome == "killed":
                result.problem = (f"cell {index} ran longer than {timeout:g} s and ignored the interrupt: "
                                  "its kernel was stopped (SIGTERM, then SIGKILL)")
                return
            if outcome == "stopped":
                result.errors.append((index, source, f"cell {index}: stopped after {timeout:g} s (the time limit "
                                                     "per cell)"))
            elif reply is not None and reply.get("status") == "error":
                line = f"{reply.get('ename', 'Error')}: {reply.get('evalue', '')}"
                result.errors.append((index, source, f"cell {index}: {line[:_LINE]}"))

    def _wait(self, client: Any, msg_id: str, timeout: float) -> tuple[dict[str, Any] | None, str]:
        """The cell's reply and how it ended: ``ok``, ``stopped`` (by SIGINT), ``killed`` or ``died``."""
        assert self.process is not None
        deadline, interrupted = time.monotonic() + timeout, False
        while True:
            reply = self._reply(client, msg_id, 0.2)
            if reply is not None:
                return reply, "stopped" if interrupted else "ok"
            if self.process.poll() is not None:
                return None, "died"
            if time.monotonic() < deadline:
                continue
            if interrupted:
                self._kill_all()
                return None, "killed"
            self._signal(signal.SIGINT)
            interrupted, deadline = True, time.monotonic() + _GRACE

    def _signal(self, signum: int) -> None:
        """Send ``signum`` to every process of the submission."""
        pids = processes_of(self.uid) if self.uid is not None else []
        for pid in pids:
            _kill(pid, signum)
        if self.process is not None and not pids:
            _kill(-self.process.pid, signum)  # its process group

    def _kill_all(self) -> None:
        """SIGTERM, then SIGKILL, every process of the submission, and wait until none is left."""
        if self.process is None:
            return
        self._signal(signal.SIGTERM)
        for signum in (signal.SIGKILL, signal.SIGKILL):
            try:
                self.process.wait(timeout=_GRACE if signum is signal.SIGKILL else 0)
            except subprocess.TimeoutExpired:
                pass
            _kill(-self.process.pid, signum)
            self.process.kill()
            for pid in processes_of(self.uid) if self.uid is not None else []:
                _kill(pid, signum)
        self.process.wait()
        deadline = time.monotonic() + 10
        while self.uid is not None and processes_of(self.uid) and time.monotonic() < deadline:
            for pid in processes_of(self.uid):
                _kill(pid, signal.SIGKILL)
            time.sleep(0.05)


def _kill(pid: int, signum: int) -> None:
    try:
        if pid < 0:
            os.killpg(-pid, signum)
        else:
            os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


class _Head:
    """The first few kilobytes of a process's standard error (the rest is read and dropped)."""

    def __init__(self, limit: int = 4000) -> None:
        self.limit, self.data = limit, b""

    def follow(self, process: subprocess.Popen[bytes]) -> None:
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        for chunk in iter(lambda: process.stderr.read1(4096), b""):  # type: ignore[union-attr,attr-defined]
            if len(self.data) < self.limit:
                self.data += chunk[: self.limit - len(self.data)]

    def last_line(self) -> str:
        lines = [line for line in self.data.decode("utf-8", "replace").splitlines() if line.strip()]
        return lines[-1][:_LINE] if lines else ""


@functools.lru_cache(maxsize=1)
def _python_roots() -> tuple[Path, ...]:
    """What the kernel's Python needs, read-only: the interpreter, the environment, newslab and its seeds."""
    from ..seeds import seed_dir

    package = Path(__file__).resolve().parents[1]
    found = {Path(sys.executable).resolve().parents[1], Path(sys.prefix), Path(sys.base_prefix),
             Path(sys.exec_prefix), package, seed_dir().resolve()}
    # installed packages only: not a script's folder, not the repository an editable install points at
    found |= {Path(entry).resolve() for entry in sys.path if Path(entry).name in ("site-packages", "dist-packages")
              and Path(entry).is_dir()}
    roots = sorted(path for path in found if path.exists() and not path.is_relative_to("/usr"))
    return tuple(path for path in roots if not any(path != other and path.is_relative_to(other) for other in roots))


def _article_files(article: Path | None) -> list[Path]:
    """The article and the files beside it that belong to it (``name.gold.jsonl``, ``name.meta.json``...)."""
    if article is None:
        return []
    stem = article.name.split(".")[0]
    return sorted(p for p in article.parent.iterdir() if p.name.split(".")[0] == stem and p.is_file()
                  and not p.is_symlink())
