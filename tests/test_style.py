"""The code follows the project's lint rules (pyproject.toml, [tool.ruff])."""

from __future__ import annotations

import subprocess
import sys

from tests.paths import ROOT


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "newslab", "tests", "bench"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

