"""``load_article`` on articles as readers paste them from the web (issue 19, item 1).

Every ``tests/data/web/NAME.txt`` is constructed (its ``NAME.json`` says so and how): one per layout family
seen in real pasted copy (DW, Kyiv Independent, AP and Reuters copy on station and portal sites, aggregators,
Philippine and Ukrainian news sites, press releases, ...), with invented Riverton news or the seed's own
sentences. ``NAME.expected.json`` lists every line of the text in reading order with its kind, in the schema
of the truth files of ``bench/structure.py`` (which also runs on this folder).

Each fixture is checked on six aspects: headline, byline, dateline, paragraphs (count, where each starts, no
credit left inside), the lines that are not body (never a paragraph, never the headline, and the loader's own
kind where it has one: ``kicker``, ``date_line``, ``subhead``, ``caption``, ``credit``, ``dateline``), and
the warnings an uncertain reading must give. What the loader still gets wrong is in ``TODAY``, with the reason:
those cases are strict xfails, so each one turns into a failure (to be removed from ``TODAY``) as soon as the
loader reads it right. The control fixture, whose body lines start with words that open boilerplate elsewhere, must be read
as plain paragraphs with no warning at all.
"""

from __future__ import annotations

import json

import pytest

import newslab as nl
from newslab import columns as C
from tests.paths import DATA

WEB = DATA / "web"
NAMES = sorted(path.stem for path in WEB.glob("*.txt"))
ASPECTS = ("headline", "byline", "dateline", "paragraphs", "non_body", "warnings")
BODY = "paragraph"
_LEADERS = " \t•·*-–—"

#: What the loader still reads wrong, as strict xfails, and why (``bench/structure.py --verbose`` lists each
#: error; every one of them has a warning that quotes the line). Each fixture copies a layout of a real page that
#: the loader misreads; the rules that would read it right would also misread ordinary articles.
_DEK = ("a short first line under the headline reads like a first paragraph: taking it as a standfirst when an ad "
        "or a link follows would also take real one-sentence ledes; the loader warns instead")
TODAY: dict[str, dict[str, str]] = {
    "web-dek-before-ad": {"paragraphs": _DEK, "non_body": _DEK},
    "web-caps-link-dek": dict.fromkeys(("paragraphs", "non_body"), _DEK + "; and a link written in capitals reads "
                                       "like a heading of twelve words (headings are taken up to ten)"),
    "web-long-heading": dict.fromkeys(("paragraphs", "non_body"), "a heading of eleven words without a stop reads "
                                      "like a paragraph that lost its stop; taking longer headings would drop such "
                                      "paragraphs from the body, so the loader warns instead"),
    "web-label-only": dict.fromkeys(("headline", "non_body"), "a section label alone above the body "
                                    "is the only headline candidate; a one-word headline is warned about, not refused, "
                                    "since short real headlines exist"),
    "web-name-tag-end": dict.fromkeys(("paragraphs", "non_body"), "the name and title under a speaker in a video "
                                      "read like a last paragraph without a stop; the loader warns instead"),
}


def expected(name: str) -> dict:
    return json.loads((WEB / f"{name}.expected.json").read_text(encoding="utf-8"))


def applies(name: str, aspect: str) -> bool:
    """Every aspect applies, except warnings on a fixture that names none it must give (and is no control),
    and the non-body lines on a fixture that has none."""
    truth = expected(name)
    if aspect == "warnings":
        return bool(truth["expect_warnings"]) or truth["control"]
    if aspect == "non_body":
        return any(entry["kind"] not in (BODY, "headline", "byline") for entry in truth["lines"])
    return True


def cases():
    for name in NAMES:
        for aspect in ASPECTS:
            if applies(name, aspect):
                reason = TODAY.get(name, {}).get(aspect)
                marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
                yield pytest.param(name, aspect, marks=marks, id=f"{name}-{aspect}")


def locate(text: str, lines: list[dict]) -> list[int]:
    """Where each annotated line's text starts, in reading order (at the start of a line where it can be)."""
    found, cursor = [], 0
    for entry in lines:
        first = at = text.find(entry["text"], cursor)
        while at >= 0 and text[text.rfind("\n", 0, at) + 1 : at].strip(_LEADERS):
            at = text.find(entry["text"], at + 1)
        at = first if at < 0 else at
        assert at >= 0, f"{entry['text']!r} is not in the text after offset {cursor}"
        found.append(at)
        cursor = at + len(entry["text"])
    return found


def line_span(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def covering(article, at: int):
    return next((part for part in article.parts if part.start <= at < part.end), None)


def check_headline(article, truth):
    assert (article.headline and article.headline.text) == truth["headline"]


def check_byline(article, truth):
    assert (article.byline is None) == (truth["byline"] is None), article.byline
    assert article.author == truth["author"]


def check_dateline(article, truth):
    assert (article.dateline and article.dateline.text) == truth["dateline"]
    if truth["dateline_text"]:
        body = article.text.index(truth["dateline_text"]) + len(truth["dateline_text"])
        body += len(article.text[body:]) - len(article.text[body:].lstrip(" \t"))
        assert any(part.start == body for part in article.paragraphs), "the paragraph must start after the dateline"


def check_paragraphs(article, truth):
    text, lines = article.text, truth["lines"]
    starts = locate(text, lines)
    assert len(article.paragraphs) == truth["paragraph_count"]
    for entry, at in zip(lines, starts):
        line_start, line_end = line_span(text, at)
        mine = [part for part in article.paragraphs if line_start <= part.start < line_end]
        if entry["kind"] == BODY:
            assert len(mine) == 1, f"no paragraph starts on the line of {entry['text']!r}"
            words = entry["text"]
            if truth["dateline_text"] and words.startswith(truth["dateline_text"]):
                words = words[len(truth["dateline_text"]) :].lstrip()
            assert mine[0].text.startswith(words) and mine[0].end <= line_end
        elif entry["kind"] == "credit":
            assert not any(part.start <= at < part.end for part in article.paragraphs), entry["text"]


def check_non_body(article, truth):
    lines = truth["lines"]
    for entry, at in zip(lines, locate(article.text, lines)):
        kind = entry["kind"]
        if kind in (BODY, "headline", "byline"):
            continue
        part = covering(article, at)
        found = None if part is None else part.kind
        if kind in C.PART_KINDS:  # a kind the loader has: it must use it
            assert found == kind, f"{entry['text']!r}: {found}, expected {kind}"
        else:  # a kind the loader does not have yet: anything but body, headline or (save an author line) byline
            assert found not in {BODY, "headline"} | ({"byline"} if kind != "author" else set()), \
                f"{entry['text']!r} ({kind}) read as {found}"


def check_warnings(article, truth):
    said = " | ".join(article.warnings).lower()
    if truth["control"]:
        assert article.warnings == ()
    for word in truth["expect_warnings"]:
        assert word in said, f"no warning about the {word}: {article.warnings}"


CHECKS = {"headline": check_headline, "byline": check_byline, "dateline": check_dateline,
          "paragraphs": check_paragraphs, "non_body": check_non_body, "warnings": check_warnings}


@pytest.mark.parametrize(("name", "aspect"), list(cases()))
def test_web_article(name, aspect):
    CHECKS[aspect](nl.load_article(WEB / f"{name}.txt"), expected(name))


@pytest.mark.parametrize("name", NAMES)
def test_the_fixture_is_constructed_and_its_annotation_covers_every_line(name):
    note = json.loads((WEB / f"{name}.json").read_text(encoding="utf-8"))["note"]
    assert note.startswith("Constructed for newslab's tests:")
    text = (WEB / f"{name}.txt").read_text(encoding="utf-8")
    truth = expected(name)
    touched = {text.count("\n", 0, at) for at in locate(text, truth["lines"])}
    assert all(k in touched for k, line in enumerate(text.split("\n")) if line.strip())
    assert truth["paragraph_count"] == sum(entry["kind"] == BODY for entry in truth["lines"])


def test_every_layout_family_has_a_fixture_and_there_is_a_control():
    assert len(NAMES) >= 10
    assert [name for name in NAMES if expected(name)["control"]] == ["web-control-false-friends"]
