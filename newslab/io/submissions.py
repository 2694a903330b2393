"""A submission's files for the grader: read without following links, copied for its kernel, its answers.

The grader never follows a symbolic link out of a submission, so a link to a key file
cannot put that file in anyone's feedback. :func:`regular_file` says why a path is not a
plain file (a link, a folder, a device, too large); :func:`copy_folder` copies a student's
folder for their kernel, leaving out links and stopping at a size cap; the answers channel
is a file of JSON lines that the student's kernel appends to (:func:`append_record`) and the
grader reads, capped, once every process of that submission is dead (:func:`read_records`).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["regular_file", "copy_folder", "append_record", "read_records", "processes_of", "claim", "release",
           "MAX_NOTEBOOK_BYTES"]

#: The largest notebook the grader reads (a course notebook without outputs is well under 1 MB).
MAX_NOTEBOOK_BYTES = 20_000_000
_SKIPPED = (".ipynb_checkpoints", "__pycache__", ".git")


def regular_file(path: PathLike, *, max_bytes: int = MAX_NOTEBOOK_BYTES) -> str:
    """Why ``path`` is not a plain file of at most ``max_bytes`` (``""`` when it is one).

    Links are never followed, so the reason names only the path, never what it points at.

    Examples:
        >>> regular_file("/nonexistent/x.ipynb")
        'the file does not exist'
    """
    try:
        info = os.lstat(path)
    except OSError:
        return "the file does not exist"
    if stat.S_ISLNK(info.st_mode):
        return "the submission is a symbolic link; the grader never follows one (copy the file itself in)"
    if not stat.S_ISREG(info.st_mode):
        return "the submission is not a plain file"
    if info.st_size > max_bytes:
        return f"the file is larger than {max_bytes // 1_000_000} MB"
    return ""


def copy_folder(source: PathLike, target: PathLike, *, max_bytes: int = 50_000_000,
                max_files: int = 2000) -> list[str]:
    """Copy the plain files and folders of ``source`` into ``target``; what was left out, and why.

    Symbolic links (to files or folders), devices and pipes are left out, as are notebook
    checkpoints and caches; copying stops at ``max_bytes`` or ``max_files``.
    """
    left_out: list[str] = []
    budget = [max_bytes, max_files]
    _copy_tree(Path(source), Path(target), Path(source), left_out, budget)
    return left_out


def _copy_tree(folder: Path, target: Path, root: Path, left_out: list[str], budget: list[int]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = Path(entry.path).relative_to(root).as_posix()
        if entry.name in _SKIPPED:
            continue
        if entry.is_symlink():
            left_out.append(f"{name}: a symbolic link")
        elif entry.is_dir(follow_symlinks=False):
            _copy_tree(Path(entry.path), target / entry.name, root, left_out, budget)
        elif not entry.is_file(follow_symlinks=False):
            left_out.append(f"{name}: not a plain file")
        elif entry.stat(follow_symlinks=False).st_size > budget[0] or budget[1] <= 0:
            left_out.append(f"{name}: over the size limit of a submission")
        else:
            shutil.copyfile(entry.path, target / entry.name, follow_symlinks=False)
            budget[0] -= entry.stat(follow_symlinks=False).st_size
            budget[1] -= 1


def append_record(path: PathLike, record: dict[str, Any]) -> None:
    """Append one JSON line to the channel, flushed at once (a crash later loses nothing).

    Raises:
        TypeError: if ``record`` is not plain JSON (numbers, strings, lists, dicts).
    """
    line = json.dumps(record, ensure_ascii=False, allow_nan=True) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode("utf-8"))
    finally:
        os.close(descriptor)


def read_records(path: PathLike, *, max_bytes: int = 5_000_000) -> tuple[list[dict[str, Any]], bool]:
    """The JSON objects of the channel's lines (other lines skipped), and whether it was cut at ``max_bytes``.

    Examples:
        >>> read_records("/nonexistent/answers.jsonl")
        ([], False)
    """
    if regular_file(path, max_bytes=2**62):
        return [], False
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    cut = len(data) > max_bytes
    records = []
    for line in data[:max_bytes].split(b"\n"):
        try:
            value = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):
            continue  # half a line at the cut, or bytes that are not a record
        if isinstance(value, dict):
            records.append(value)
    return records, cut


def processes_of(uid: int) -> list[int]:
    """The ids of the running processes whose real user is ``uid`` (Linux ``/proc``; empty elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            with open(entry / "status", encoding="utf-8") as handle:
                real = next((line.split()[1] for line in handle if line.startswith("Uid:")), None)
        except (OSError, IndexError):
            continue  # it ended meanwhile
        if real == str(uid):
            found.append(int(entry.name))
    return found


def claim(name: str) -> int | None:
    """Hold an exclusive lock named ``name`` in the temporary folder (``None``: another process holds it).

    Two graders on one machine must never run kernels as the same user id: each kills every
    process of its user ids. The lock ends with :func:`release` or with the process.
    """
    import fcntl

    descriptor = os.open(Path(tempfile.gettempdir()) / f"newslab-{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def release(descriptor: int) -> None:
    """Give up a lock :func:`claim` returned."""
    os.close(descriptor)
