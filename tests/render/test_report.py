"""The HTML report: self-contained, offline and escaped."""

from __future__ import annotations

import multiprocessing
import os
import re

import pytest

from newslab.errors import NewslabError
from newslab.render._chart_process import ChartProcess
from newslab.render.report import report_html, write_report

HOSTILE = ("Rutte Warns NATO <script>alert(1)</script>\n"
           "KYIV – Mark Rutte met Volodymyr Zelenskiy in Kyiv. <img src=x onerror=alert(1)> NATO agreed.\n")


@pytest.fixture(scope="module")
def seed_page(seed_doc):
    return report_html(seed_doc)


def _references(page: str) -> list[str]:
    return re.findall(r"<(?:script|link|img)\b[^>]*(?:src|href)\s*=\s*['\"]?([^'\" >]+)", page, re.I)


def test_report_has_every_part(seed_page):
    assert seed_page.startswith("<!DOCTYPE html>")
    assert "<title>New NATO Chief Rutte" in seed_page
    assert "newslab-entities" in seed_page and "newslab-entity-table" in seed_page
    assert seed_page.count("<svg") >= 7
    assert "Max Hunder" in seed_page


def test_report_is_offline(seed_page):
    assert not [ref for ref in _references(seed_page) if ref.startswith(("http:", "https:", "//"))]
    assert "<script" not in seed_page.lower()


def test_article_text_is_escaped():
    page = report_html(HOSTILE)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert _references(page) == []


def test_write_report(tmp_path, seed_doc):
    path = write_report(seed_doc, tmp_path / "out" / "report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


# -- the command line draws the charts in a helper process (bench/report.py) -----------------------------------


def _numbered_alike(page: str) -> str:
    """vl-convert numbers SVG gradients per process (gradient_1, gradient_2, ...): compare pages without that."""
    names = iter(range(10**6))
    found: dict[str, str] = {}
    return re.sub(r"gradient_\d+", lambda m: found.setdefault(m.group(), f"gradient_n{next(names)}"), page)


def test_a_helper_process_draws_the_same_page(seed_doc, seed_page):
    assert _numbered_alike(report_html(seed_doc, helper_process=True)) == _numbered_alike(seed_page)


def _double_unless_in_a_helper(value: int) -> int:
    if multiprocessing.parent_process() is not None:
        os._exit(1)  # the helper dies, as when it runs out of memory
    return 2 * value


def _refuse(value: int) -> int:
    raise NewslabError(f"no chart for {value}")


def test_work_moves_to_the_caller_when_the_helper_dies():
    with ChartProcess() as helper:
        assert helper.run(os.getpid) != os.getpid()
        assert helper.run(_double_unless_in_a_helper, 21) == 42
        assert helper.run(os.getpid) == os.getpid()  # and stays here


def test_an_error_in_the_helper_reaches_the_caller():
    with ChartProcess() as helper, pytest.raises(NewslabError, match="no chart for 7"):
        helper.run(_refuse, 7)
