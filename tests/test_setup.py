"""The README's first command: `make lab` sets up and opens JupyterLab on the first notebook.

(`make test` is what runs this suite, in CI too.) The setup step is fast here because the
environment is already installed; the test proves the command starts a real JupyterLab whose
link opens notebook 01.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.paths import ROOT

FIRST = "notebooks/01-reading-the-article.ipynb"


def test_the_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make lab", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (ROOT / FIRST).is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.timeout(180)
def test_make_lab_opens_the_first_notebook(tmp_path):
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() or shutil.which("make") is None:
        pytest.skip("run inside the project's .venv (make test does) with make installed")
    port = _free_port()
    env = {**os.environ, "JUPYTER_PORT": str(port), "BROWSER": "true", "HOME": str(tmp_path),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    log = tmp_path / "lab.log"
    with log.open("w") as out:
        process = subprocess.Popen(["make", "lab"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        url = None
        for _ in range(240):
            found = re.search(rf"http://127\.0\.0\.1:{port}/\S+", log.read_text())
            if found:
                url = found.group()
                break
            assert process.poll() is None, log.read_text()[-3000:]
            time.sleep(0.5)
        assert url, log.read_text()[-3000:]
        assert f"/lab/tree/{FIRST}" in url
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200 and "JupyterLab" in response.read().decode()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
