"""The lite site as built: the notebooks, newslab with its bundle, and nothing that sends the kernel elsewhere."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from newslab.errors import NewslabError
from newslab.lite.precompute import LITE_NOTEBOOKS
from newslab.lite.site import LITE_REQUIRES, build_site
from newslab.lite.site import fixtures_dir as cache


def test_the_site_has_the_lite_notebooks_and_never_falls_back_to_pypi(lite_site):
    assert [name[:2] for name in lite_site.notebooks] == list(LITE_NOTEBOOKS)
    assert all((lite_site.out / "files" / name).is_file() for name in lite_site.notebooks)
    config = json.loads((lite_site.out / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True and kernel["pyodideUrl"].startswith("./static/pyodide/")


def test_newslab_in_the_site_carries_the_bundle_and_needs_nothing_lite_lacks(lite_site):
    wheel = next((lite_site.out / "pypi").glob("newslab-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta = zf.read(next(n for n in names if n.endswith("dist-info/METADATA"))).decode()
    assert {"newslab/_lite/bundle.json", "newslab/precomputed.py", "newslab/_seeds/nato-rutte-kyiv-visit-2024-10-03.gold.jsonl"} <= names
    assert [line.split(": ")[1] for line in meta.splitlines() if line.startswith("Requires-Dist")] == LITE_REQUIRES
    assert not any("__pycache__" in n for n in names)


def test_every_pyodide_wheel_the_site_serves_has_the_official_hash(lite_site):
    """The served lock is the official one cut to what the site carries; each wheel matches the official hash."""
    official = json.loads((cache() / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]
    folder = lite_site.out / "static" / "pyodide"
    served = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]
    assert {"pandas", "numpy", "ipython", "micropip"} <= set(served) and "altair" not in served
    for name, entry in served.items():
        assert entry == official[name]
        if name != "openssl":  # kept in the lock, never loaded (see newslab.lite.site)
            assert hashlib.sha256((folder / entry["file_name"]).read_bytes()).hexdigest() == entry["sha256"], name


def test_a_build_without_fixtures_says_how_to_get_them(tmp_path):
    with pytest.raises(NewslabError, match="scripts/lite_fixtures.py"):
        build_site(tmp_path / "site", fixtures=tmp_path / "nothing")


def test_an_instructors_article_travels_in_the_wheel_and_is_the_article_lite_loads(tmp_path, monkeypatch):
    import newslab as nl
    from newslab.io.tables import read_lite
    from newslab.lite.site import _wheel
    from tests.paths import ARTICLES

    article = ARTICLES / "wire-reuters.txt"
    wheel = _wheel(tmp_path, article)
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("newslab/_lite/article.txt") == article.read_bytes()
        assert zf.read("newslab/_lite/article.json") == article.with_suffix(".json").read_bytes()
        zf.extractall(tmp_path / "installed")
    bundle = read_lite(tmp_path / "bundle.json")
    assert bundle.text == nl.load_article(article).text
    monkeypatch.setenv("NEWSLAB_LITE", str(tmp_path / "bundle.json"))
    assert nl.analyze().text == bundle.text and nl.hint("01-paragraph-count")
