"""Atomic file writes: a reader sees the old file or the new one, never half of either.

A write goes to a temporary file ``.NAME.<pid>.<random>.newslab-tmp`` beside the target,
is flushed and fsynced, then renamed over the target. On the way it:

- writes through a symbolic link to the file it points at, so the link stays a link;
- gives a new file the mode an ordinary ``open(path, "w")`` would (``0o666`` less the
  umask) and an existing file its own mode, instead of ``mkstemp``'s ``0o600``;
- removes temporary files of the same target left by a writer that was killed;
- with ``expect=``, refuses to replace a file that changed since it was last read or
  written (:class:`~newslab.errors.FileChangedError`), so two writers never silently
  overwrite each other;
- turns every failure (a folder that is not writable or is a file, a full disk, text that
  UTF-8 cannot store) into :class:`~newslab.errors.SaveError`, leaving the old file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the fingerprint check alone guards the file
    fcntl = None  # type: ignore[assignment]

from ..errors import FileChangedError, SaveError

if TYPE_CHECKING:
    from ..types import PathLike

_SUFFIX = ".newslab-tmp"
_ORPHAN_AGE = 60.0  # seconds: a temp file without a live writer is stale after this long


def atomic_write_text(path: PathLike, text: str, *, encoding: str = "utf-8",
                      expect: str | None = None) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    The data is flushed and fsynced before the rename, so a crash or a kernel restart
    leaves either the previous content or the new one. ``expect`` is the
    :func:`fingerprint` the file had when last read or written (see
    :func:`atomic_write_bytes`).

    Raises:
        SaveError: if the text holds a character ``encoding`` cannot store (such as a lone
            surrogate), or the file cannot be written.
    """
    problem = unencodable(text, encoding=encoding)
    if problem:
        raise SaveError(f"cannot save {path}: {problem}")
    data = text.encode(encoding)
    return atomic_write_bytes(path, data, expect=expect)


def unencodable(text: str, *, encoding: str = "utf-8") -> str | None:
    """Say where ``text`` holds a character ``encoding`` cannot store; ``None`` if it has none.

    Examples:
        >>> unencodable("Riverton") is None
        True
        >>> unencodable("Ana " + chr(0xDCFF))[:38]
        'the text holds U+DCFF at position 4 (…'
    """
    try:
        text.encode(encoding)
    except UnicodeEncodeError as err:
        return (f"the text holds U+{ord(text[err.start]):04X} at position {err.start} "
                f"(…{text[max(0, err.start - 20):err.start]}…), which {encoding} cannot store. A lone "
                "surrogate usually comes from decoding bytes with errors='surrogateescape'; re-read the "
                "source as UTF-8, or replace it: text.encode('utf-8', 'replace').decode('utf-8')")
    return None


def atomic_write_bytes(path: PathLike, data: bytes, *, expect: str | None = None) -> Path:
    """Like :func:`atomic_write_text`, for bytes.

    Args:
        path: The file to write; a symbolic link is written through to its target.
        data: The new content.
        expect: If given, the :func:`fingerprint` the file must still have (``""``: the file
            must not exist); otherwise nothing is written.

    Raises:
        FileChangedError: if the file's fingerprint is not ``expect``.
        SaveError: if the folder cannot be created or written, or the disk is full.
    """
    target = resolve(path)
    _make_folder(target)
    clean_stale_temps(target)
    with _locked(target if expect is not None else None):
        if expect is not None and fingerprint(target) != expect:
            raise FileChangedError(f"{target} changed on disk since it was last read or written here "
                                   "(another notebook or kernel saved to it)")
        _replace(target, data, exclusive=expect == "")
    return Path(path)


def _replace(target: Path, data: bytes, *, exclusive: bool = False) -> None:
    if sys.platform == "emscripten":
        return _write_in_browser(target, data, exclusive=exclusive)
    mode = _mode_for(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_SUFFIX, dir=target.parent)
    except OSError as err:
        raise SaveError(_why(target, err)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if not (exclusive and _link_new(tmp, target)):
            os.replace(tmp, target)
    except FileChangedError:
        Path(tmp).unlink(missing_ok=True)
        raise
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise SaveError(_why(target, err)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_browser(target: Path, data: bytes, *, exclusive: bool) -> None:
    """The lite edition's write, into JupyterLite's drive (the browser's storage), which renames and modes of
    temporary files do not survive: the file is written in place. Only the page's one kernel writes there."""
    if exclusive and target.exists():
        raise FileChangedError(f"{target} was created by someone else (another notebook or kernel) "
                               "while this one was about to create it")
    try:
        if target.exists():  # rewriting a file of the drive in place can hang; a new file does not
            os.unlink(target)
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as err:
        raise SaveError(_why(target, err)) from None


def _link_new(tmp: str, target: Path) -> bool:
    """Create ``target`` from ``tmp`` only if it does not exist yet (a hard link never replaces).

    Returns ``False`` where hard links are not supported, for the caller to rename instead.
    """
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise FileChangedError(f"{target} was created by someone else (another notebook or kernel) "
                               "while this one was about to create it") from None
    except (OSError, AttributeError):  # Pyodide's os has no link at all
        return False
    os.unlink(tmp)
    return True


@contextlib.contextmanager
def _locked(target: Path | None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the file now at ``target`` (none if it does not exist).

    Two writers that check a fingerprint and then rename would otherwise race between the
    check and the rename. The lock is on the file's inode, so after waiting for it the
    writer checks that ``target`` still is that inode (the other writer may have renamed a
    new file over it) and locks again if not.
    """
    if target is None or fcntl is None or not hasattr(fcntl, "flock"):  # Pyodide's fcntl has no flock
        yield
        return
    while True:
        try:
            fd = os.open(target, os.O_RDONLY)
        except OSError:
            yield  # no file yet: nothing to lock, the fingerprint check still applies
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.fstat(fd).st_ino == os.stat(target).st_ino
        except OSError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        os.close(fd)


def fingerprint(path: PathLike) -> str:
    """The SHA-256 of a file's bytes, ``""`` when there is no file.

    Examples:
        >>> fingerprint("no-such-file.jsonl")
        ''
    """
    try:
        return hashlib.sha256(resolve(path).read_bytes()).hexdigest()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def resolve(path: PathLike) -> Path:
    """The file a write to ``path`` should replace: the final target of a symbolic link.

    Examples:
        >>> resolve("notes.jsonl").name
        'notes.jsonl'
    """
    source = Path(path)
    return Path(os.path.realpath(source)) if source.is_symlink() else source


def clean_stale_temps(path: PathLike) -> list[Path]:
    """Remove temporary files of ``path`` left by a writer that died (``kill -9``, power loss).

    A temporary file is stale when the process named in it is gone, or, for a name without a
    process id, when it is older than a minute. Returns the files removed.

    Examples:
        >>> clean_stale_temps("no-such-folder/notes.jsonl")
        []
    """
    target = resolve(path)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)\.)?[^/]*{re.escape(_SUFFIX)}")
    removed = []
    try:
        candidates = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    for candidate in candidates:
        match = pattern.fullmatch(candidate.name)
        if match is not None and _stale(candidate, match.group(1)):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def _stale(candidate: Path, pid: str | None) -> bool:
    if pid is not None and int(pid) != os.getpid():
        return not _alive(int(pid))
    try:
        return time.time() - candidate.stat().st_mtime > _ORPHAN_AGE
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


def _make_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SaveError(_why(target, err)) from None
    if not target.parent.is_dir():
        raise SaveError(f"cannot save {target}: {target.parent} is not a folder; choose another path")


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)  # no /proc: read it the portable way, and put it back at once
    os.umask(current)
    return current


def _why(target: Path, err: OSError) -> str:
    if err.errno == errno.ENOSPC or err.errno == errno.EDQUOT:
        return f"cannot save {target}: the disk is full (or your quota is used up); free some space and try again"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"cannot save {target}: the folder {target.parent} is not writable "
                f"({err.strerror}); choose a path in a folder you can write to")
    if err.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"cannot save {target}: part of {target.parent} is a file, not a folder; choose another path"
    return f"cannot save {target}: {err.strerror or err}"
