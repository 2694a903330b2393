"""The lite site: its size, what a first visit downloads, and how long notebook 01 takes in headless Chromium.

Builds the site with the solution notebooks (``build_site``, the fixtures of ``scripts/lite_fixtures.py``),
serves it on 127.0.0.1 and opens notebook 01 in a fresh browser context (empty cache and storage), timing
from opening the page to the last cell; then a second context on the same notebook. Figures are printed
against the targets of issue 20 (first visit <= 40 MB, notebook 01 <= 30 s), never asserted.

    python bench/lite.py [--runs 2] [--site PATH]   # --site: an already built site
"""

from __future__ import annotations

import argparse
import functools
import socketserver
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))  # the browser test's page driver

DOWNLOAD_TARGET_MB = 40
RUN_TARGET_S = 30


def serve(site: Path) -> tuple[socketserver.TCPServer, str]:
    from test_lite import _Quiet

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from test_lite import LitePage

    from newslab.lite.site import build_site

    site = args.site
    if site is None:
        started = time.perf_counter()
        site = build_site(Path(tempfile.mkdtemp()) / "site", notebooks=REPO / "notebooks", solutions=True).out
        print(f"build: {time.perf_counter() - started:.1f} s")
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    maps = sum(p.stat().st_size for p in files if p.suffix == ".map")
    print(f"site: {total / 1e6:.1f} MB in {len(files)} files ({maps / 1e6:.1f} MB of source maps)")
    server, base = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            for run in range(args.runs):
                page = LitePage(browser, base)
                seconds = page.run("01-reading-the-article.ipynb")
                mb = page.downloaded / 1e6
                print(f"run {run + 1}: notebook 01 {seconds:.1f} s ({seconds / RUN_TARGET_S:.2f} of the "
                      f"{RUN_TARGET_S} s target), first visit {mb:.1f} MB ({mb / DOWNLOAD_TARGET_MB:.2f} of "
                      f"{DOWNLOAD_TARGET_MB} MB), {len(page.blocked)} requests outside 127.0.0.1, "
                      f"{len(page.failures())} failures")
                page.context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
