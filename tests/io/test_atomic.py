"""Atomic writes under faults: kill -9, a full disk, a read-only folder, concurrent writers.

Tests run as root, for whom ``chmod`` does not make a folder read-only; the read-only case
runs its writer as the user ``nobody`` with ``setpriv`` (skipped where that is impossible),
and the other unwritable cases use a path whose parent is a regular file, or ``/proc``.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from newslab import io
from newslab.errors import FileChangedError, SaveError
from newslab.io import atomic as _atomic
from newslab.io.atomic import atomic_write_text, clean_stale_temps, fingerprint
from tests.paths import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_of_an_ordinary_write(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        written = atomic_write_text(tmp_path / "a.jsonl", "{}\n")
        (tmp_path / "plain.txt").write_text("{}\n")
    finally:
        os.umask(old)
    assert _mode(written) == _mode(tmp_path / "plain.txt") == mode


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("old\n")
    path.chmod(0o640)
    atomic_write_text(path, "new\n")
    assert _mode(path) == 0o640 and path.read_text() == "new\n"


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "store" / "gold.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "gold.jsonl"
    link.symlink_to(target)
    io.write_jsonl([("Mayor Ana Field visited Riverton.", [(6, 15, "PERSON")])], link)
    assert link.is_symlink() and io.read_jsonl(target)[0]["spans"][0]["label"] == "PERSON"


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    path.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_atomic.os, "fsync", full)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write_text(path, "new\n")
    assert path.read_text() == "old\n" and os.listdir(tmp_path) == ["a.jsonl"]


def test_a_path_under_proc_is_a_clean_save_error():
    with pytest.raises(SaveError, match="cannot save"):
        atomic_write_text("/proc/newslab-cannot-be-here/a.jsonl", "x")


def test_a_folder_that_is_a_file_is_a_clean_save_error(tmp_path):
    (tmp_path / "notes").write_text("x")
    with pytest.raises(SaveError, match="is a file, not a folder|not a folder"):
        atomic_write_text(tmp_path / "notes" / "a.jsonl", "x")


def test_a_read_only_folder_is_a_clean_error_for_the_annotation_model():
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run the writer as nobody")
    folder = Path(tempfile.mkdtemp(prefix="newslab-ro-"))
    folder.chmod(0o755)  # root's folder: nobody may read it but not write in it
    code = textwrap.dedent(f"""
        from newslab.widgets.annotator_model import AnnotationModel
        from newslab.errors import SaveError
        try:
            AnnotationModel("Ana Field", [(0, 3), (4, 9)], path={str(folder / "a.jsonl")!r})
        except SaveError as err:
            print("SaveError:", err)
    """)
    try:
        done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                               "-c", code], capture_output=True, text=True, env=ENV, cwd="/", timeout=120)
        if "ModuleNotFoundError" in done.stderr or "Permission denied" in done.stderr and not done.stdout:
            pytest.skip(f"nobody cannot run this checkout's Python: {done.stderr[-200:]}")
        assert done.returncode == 0, done.stderr
        assert "SaveError: cannot save" in done.stdout and "not writable" in done.stdout
        assert "Traceback" not in done.stderr and os.listdir(folder) == []
    finally:
        shutil.rmtree(folder)


def test_stale_temps_go_but_a_live_writers_stays(tmp_path):
    path = tmp_path / "a.jsonl"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".a.jsonl.{sleeper.pid}.x1.newslab-tmp"
        dead = tmp_path / ".a.jsonl.999999999.x2.newslab-tmp"
        old = tmp_path / ".a.jsonl.x3.newslab-tmp"  # a name without a process id
        for temp in (live, dead, old):
            temp.write_text("half a save")
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        assert sorted(clean_stale_temps(path)) == sorted([dead, old])
        assert live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert clean_stale_temps(path) == [live]


def test_expect_refuses_a_changed_file(tmp_path):
    path = tmp_path / "a.jsonl"
    atomic_write_text(path, "mine\n")
    stamp = fingerprint(path)
    path.write_text("theirs\n")
    with pytest.raises(FileChangedError):
        atomic_write_text(path, "mine again\n", expect=stamp)
    assert path.read_text() == "theirs\n"


# -- kill -9 during a save, and two processes saving to one file ---------------------------------

WORDS = [f"Riverton{i}" for i in range(400)]
TEXT = " ".join(WORDS)
STARTS = [sum(len(w) + 1 for w in WORDS[:i]) for i in range(len(WORDS))]
TOKENS = [(s, s + len(w)) for s, w in zip(STARTS, WORDS)]

SAVER = textwrap.dedent("""
    import sys
    from newslab.widgets.annotator_model import AnnotationModel
    words = [f"Riverton{i}" for i in range(400)]
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    tokens = [(s, s + len(w)) for s, w in zip(starts, words)]
    path = sys.argv[1]
    model = AnnotationModel(text, tokens, path=path, start="empty")
    print("ready", flush=True)
    while True:
        for a, b in tokens:
            model.add(a, b, "GPE")
        for a, b in tokens:
            model.delete(a, b)
""")


def test_kill_9_during_saves_never_leaves_a_broken_file(tmp_path):
    path = tmp_path / "a.jsonl"
    big = {"note": "Riverton " * 250_000}  # a 2 MB file, so that kills land inside a save
    path.write_text(json.dumps({"text": TEXT, "spans": [], "meta": big}) + "\n")
    for round_ in range(6):
        saver = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True,
                                 env=ENV)
        assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * round_)
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saved = io.read_jsonl(path, labels=None)  # always one whole, valid annotated text
        assert len(saved) == 1 and saved[0]["text"] == TEXT and saved[0]["meta"]["note"] == big["note"]
    from newslab.widgets.annotator_model import AnnotationModel

    AnnotationModel(TEXT, TOKENS, path=path)  # the next open removes what the killed savers left
    assert list(tmp_path.glob(".a.jsonl.*")) == []


WRITER = textwrap.dedent("""
    import json, sys
    from newslab.widgets.annotator_model import AnnotationModel
    words = [f"Riverton{i}" for i in range(120)]
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    tokens = [(s, s + len(w)) for s, w in zip(starts, words)]
    path, parity = sys.argv[1], int(sys.argv[2])
    mine = [t for i, t in enumerate(tokens) if i % 2 == parity]
    accepted, refused = [], 0
    model = AnnotationModel(text, tokens, path=path, start="empty")
    for a, b in mine:
        while not model.add(a, b, "GPE"):
            assert "changed by someone else" in model.message, model.message
            refused += 1
            model = AnnotationModel(text, tokens, path=path)  # reload, as the message says
        accepted.append([a, b])
    print(json.dumps({"accepted": accepted, "refused": refused}))
""")


def test_two_processes_saving_to_one_file_lose_nothing(tmp_path):
    path = tmp_path / "shared.jsonl"
    path.write_text("")
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(parity)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=ENV) for parity in (0, 1)]
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        results.append(json.loads(out))
    accepted = sorted(tuple(span) for result in results for span in result["accepted"])
    saved = sorted((s["start"], s["end"]) for s in json.loads(path.read_text())["spans"])
    assert saved == accepted and len(saved) == 120  # every accepted change is in the file


def test_expect_empty_never_replaces_a_file_that_appeared(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    monkeypatch.setattr(_atomic, "fingerprint", lambda target: "")  # the check ran before the other writer
    path.write_text("theirs\n")
    with pytest.raises(FileChangedError, match="created by someone else"):
        atomic_write_text(path, "mine\n", expect="")
    assert path.read_text() == "theirs\n" and os.listdir(tmp_path) == ["a.jsonl"]
    monkeypatch.undo()
    atomic_write_text(tmp_path / "b.jsonl", "new\n", expect="")
    assert (tmp_path / "b.jsonl").read_text() == "new\n"
