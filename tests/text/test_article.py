from __future__ import annotations

import hashlib
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab
from newslab import columns as C
from newslab.errors import ArticleError, NewslabError
from newslab.text.article import is_title_case, parse_article
from tests.expected import SEED_N_PARAGRAPHS
from tests.paths import ARTICLES, ROOT, SEEDS, SHARED

SHARED_SEED = SHARED / "seeds" / "000_36491349d67fc4e2.txt"
SEED = SEEDS / "nato-rutte-kyiv-visit-2024-10-03.txt"


def test_seed_is_byte_identical_to_the_shared_copy():
    if not SHARED_SEED.exists():
        pytest.skip(f"the shared seed is not beside this checkout ({SHARED_SEED})")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_is_the_original_bytes():
    # sha256 of ../shared/seeds/000_36491349d67fc4e2.txt, so the check holds without shared/ too
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == (
        "c5dd51df73c2aea906fa09f8c1899aeebc49b653fec4f1513ccea9c791a06ec2")


def test_seed_metadata_matches_the_text(article):
    assert article.meta["date"] == "2024-10-03"
    assert article.meta["language"] == "en"
    assert article.meta["sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_parts_of_the_seed(article):
    assert article.headline.text == "New NATO Chief Rutte Reaffirms Support for Ukraine During Kyiv Visit"
    assert article.byline.text == "By Max Hunder"
    assert article.author == "Max Hunder"
    assert article.dateline.text == "KYIV"
    assert len(article.paragraphs) == SEED_N_PARAGRAPHS
    assert article.paragraphs[0].text.startswith("NATO’s new Secretary-General Mark Rutte")


def test_every_part_maps_back_to_the_raw_text(article):
    for part in article.parts:
        assert article.text[part.start : part.end] == part.text
    starts = [part.start for part in article.parts]
    assert starts == sorted(starts)


def test_segments_cover_the_text_exactly(article):
    segments = article.segments()
    assert "".join(article.text[a:b] for a, b in segments) == article.text
    assert all(b == c for (_, b), (c, _) in zip(segments, segments[1:]))


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\n\n"])
def test_empty_text_is_refused(text):
    with pytest.raises(ArticleError, match="empty"):
        newslab.load_article(text)


def test_undecodable_bytes_name_the_position(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 in Kyiv\nSecond line.".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"not UTF-8 .*position 3"):
        newslab.load_article(path)
    with pytest.raises(ArticleError, match="not UTF-8"):
        newslab.load_article(path.read_bytes())


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        newslab.load_article(tmp_path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="no such article file"):
        newslab.load_article(tmp_path / "missing.txt")
    with pytest.raises(NewslabError):
        newslab.load_article("no-such-article.txt")


def test_raw_text_and_bytes_and_paths_load_the_same_article(tmp_path, article):
    path = tmp_path / "copy.txt"
    path.write_bytes(SEED.read_bytes())
    assert newslab.load_article(path) == article
    assert newslab.load_article(str(path)) == article
    assert newslab.load_article(article.text) == article
    assert newslab.load_article(SEED.read_bytes()) == article
    assert newslab.load_article(article) is article


def test_a_utf8_bom_is_dropped():
    assert newslab.load_article("\ufeffHeadline Here\nBody text.".encode()).headline.text == "Headline Here"


def test_windows_newlines_keep_offsets():
    article = parse_article("Big News\r\nBy A. Writer\r\nPARIS - It happened.\r\nMore text.")
    assert [p.kind for p in article.parts] == ["headline", "byline", "dateline", "paragraph", "paragraph"]
    assert all(article.text[p.start : p.end] == p.text for p in article.parts)


def test_one_line_text_is_one_paragraph():
    article = parse_article("Rutte visited Kyiv.")
    assert [p.kind for p in article.parts] == ["paragraph"]


def test_instructors_swap_in_their_own_article(tmp_path, monkeypatch):
    path = tmp_path / "mine.txt"
    path.write_text("Local Council Approves Budget\nBy Jo Reporter\nLYON – The council voted on Monday.")
    monkeypatch.setenv("NEWSLAB_ARTICLE", str(path))
    article = newslab.load_article()
    assert article.headline.text == "Local Council Approves Budget"
    assert article.dateline.text == "LYON"


def test_html_in_text_is_kept_as_text():
    article = newslab.load_article("Title Here\n<script>alert(1)</script> happened.")
    assert article.paragraphs[0].text == "<script>alert(1)</script> happened."


def test_the_seed_ships_inside_the_wheel(tmp_path):
    """Build the wheel, install nothing: the seed must be inside it under newslab/_seeds."""
    import subprocess
    import sys

    root = ROOT
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(root)],
        capture_output=True, text=True,
    )
    if result.returncode != 0 and "hatchling" in result.stderr:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(root)],
            capture_output=True, text=True,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("newslab-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslab/_seeds/nato-rutte-kyiv-visit-2024-10-03.txt" in names
    assert "newslab/_seeds/nato-rutte-kyiv-visit-2024-10-03.json" in names
    assert "newslab/py.typed" in names
    assert zipfile.ZipFile(wheel).read("newslab/_seeds/nato-rutte-kyiv-visit-2024-10-03.txt") == SEED.read_bytes()


# --- real news shapes (issue 9) ------------------------------------------------------------
# Every text below is constructed for these tests: invented towns and people (Riverton,
# Northvale, Mayor Ana Field), in the shapes that wire services and web pages use.



def kinds(article):
    return [part.kind for part in article.parts]


@pytest.mark.parametrize(("line", "place", "agency", "date"), [
    ("RIVERTON, Oct 3 (Reuters) - The port reopened.", "RIVERTON", "Reuters", None),
    ("RIVERTON, Northvale (AP) — The port reopened.", "RIVERTON, Northvale", "AP", None),
    ("RIVERTON, October 3, 2031 — The port reopened.", "RIVERTON", None, "2031-10-03"),
    ("NEW RIVERTON, 3 Oct (Reuters) - The port reopened.", "NEW RIVERTON", "Reuters", None),
    ("RIVERTON (AFP) – The port reopened.", "RIVERTON", "AFP", None),
    ("RIVERTON -- The port reopened.", "RIVERTON", None, None),
])
def test_wire_datelines(line, place, agency, date):
    article = parse_article(f"Riverton Port Reopens\n{line}")
    assert article.dateline.text == place == article.meta["dateline"]
    assert article.meta.get("agency") == agency and article.meta.get("date") == date
    assert article.paragraphs[0].text == "The port reopened."
    assert kinds(article) == ["headline", "dateline", "paragraph"]


@pytest.mark.parametrize(("line", "author", "extra"), [
    ("BY ANA FIELD", "ANA FIELD", {}),
    ("By Ana Field and Tom Reed, Reuters", "Ana Field and Tom Reed", {"outlet": "Reuters"}),
    ("By Jo Reporter | The Riverton Times | 3 October 2031", "Jo Reporter",
     {"outlet": "The Riverton Times", "date": "2031-10-03"}),
    ("By Jo Reporter, October 3, 2031", "Jo Reporter", {"date": "2031-10-03"}),
])
def test_bylines_in_any_case_with_an_outlet_or_date(line, author, extra):
    article = parse_article(f"Riverton Port Reopens\n{line}\nThe port reopened on Thursday.")
    assert kinds(article) == ["headline", "byline", "paragraph"]
    assert article.author == author == article.meta["byline"]
    assert {key: article.meta[key] for key in extra} == extra


@pytest.mark.parametrize("line", ["By the end of the week the port had reopened.", "By the end of the week"])
def test_a_sentence_starting_with_by_is_not_a_byline(line):
    article = parse_article(f"Riverton Port Reopens\n{line}\nShips came.")
    assert article.byline is None and len(article.paragraphs) == 2


def test_a_lower_case_by_before_names_is_a_byline():
    assert parse_article("Riverton Port Reopens\nby Ana Field\nShips came.").author == "Ana Field"


@pytest.mark.parametrize(("line", "date"), [
    ("Published 14 May 2031", "2031-05-14"),
    ("Updated October 3, 2031 10:15 AM GMT", "2031-10-03"),
    ("Thu 3 Oct 2031 12.05 BST", "2031-10-03"),
    ("2031-10-03", "2031-10-03"),
    ("Last updated: Friday, 3 October 2031 at 09:00 GMT+3", "2031-10-03"),
])
def test_date_lines_are_parsed_into_the_metadata(line, date):
    article = parse_article(f"Riverton Port Reopens\n{line}\nThe port reopened on Thursday.")
    assert kinds(article) == ["headline", "date_line", "paragraph"]
    assert article.meta["date"] == date


def test_a_sentence_with_a_date_is_a_paragraph():
    article = parse_article("Riverton Port Reopens\nThe port reopened on 3 October 2031 after the storm.\nShips came.")
    assert kinds(article) == ["headline", "paragraph", "paragraph"] and "date" not in article.meta


@pytest.mark.parametrize("line", [
    "(Reporting by Ana Field; Editing by Tom Reed)",
    "Additional reporting by Tom Reed in Lakeside",
    "Associated Press writer Ana Field contributed to this report.",
    "© 2031 The Riverton Times",
])
def test_credit_trailers_are_not_paragraphs(line):
    article = parse_article(f"Riverton Port Reopens\nThe port reopened.\nShips came.\n{line}")
    assert kinds(article) == ["headline", "paragraph", "paragraph", "credit"]


@pytest.mark.parametrize("line", [
    "Photo: Ships queue outside Riverton harbour.",
    "Ships queue outside Riverton harbour. REUTERS/Ana Field",
    "The harbour at dawn. Photograph: Tom Reed/Riverton Times",
])
def test_captions_are_not_paragraphs(line):
    article = parse_article(f"Riverton Port Reopens\nThe port reopened.\n{line}\nShips came.")
    assert kinds(article) == ["headline", "paragraph", "caption", "paragraph"]


def test_a_kicker_above_the_headline():
    article = parse_article("Northvale\nRiverton Port Reopens After Storm\nThe port reopened.")
    assert kinds(article) == ["kicker", "headline", "paragraph"]
    assert article.meta["kicker"] == "Northvale" and article.headline.text == "Riverton Port Reopens After Storm"


def test_subheads_inside_the_body():
    article = parse_article("Riverton opens tram line\nThe line opened.\nWhat happens next\nMore trams come.")
    assert kinds(article) == ["headline", "paragraph", "subhead", "paragraph"]


def test_a_lede_ending_in_a_closing_quote_is_not_a_headline():
    lede = "Mayor Ana Field said on Friday in Riverton that the town would rebuild the old mill: “We will rebuild it”"
    article = parse_article(f"{lede}\nThe mill burned down on Thursday night.")
    assert article.headline is None and article.paragraphs[0].text == lede
    assert any("no headline" in warning for warning in article.warnings)


def test_warnings_name_dubious_structure():
    assert any("one-word headline" in w for w in parse_article("Riverton\nThe port reopened.").warnings)
    assert any("quotation mark" in w for w in parse_article("Field: “We will rebuild”\nThe mill burned.").warnings)
    assert any("no body" in w for w in parse_article("Riverton Port\n(Reporting by Ana Field)").warnings)
    assert parse_article("Riverton Port Reopens\nBy Ana Field\nThe port reopened.").warnings == ()


def test_title_case_is_told_from_sentence_case():
    assert is_title_case("Riverton Port Reopens After Storm, Mayor Says")
    assert not is_title_case("Riverton council approves tram line to Lakeside")
    assert not is_title_case("RIVERTON PORT REOPENS")
    assert not is_title_case("Riverton")


def test_the_wire_story(article_files):
    article = newslab.load_article(article_files["wire-reuters"])
    assert kinds(article) == ["kicker", "headline", "byline", "dateline", *["paragraph"] * 5, "credit"]
    assert article.meta["agency"] == "Reuters" and article.meta["outlet"] == "Reuters"
    assert article.meta["date"] == "2031-10-03"  # from the .json beside it: the dateline has no year
    assert not any("Reporting by" in part.text for part in article.paragraphs)


def test_the_web_story_with_subheads(article_files):
    article = newslab.load_article(article_files["web-subheads"])
    assert kinds(article) == ["headline", "date_line", "paragraph", "paragraph", "subhead", "paragraph",
                              "paragraph", "subhead", "paragraph", "caption"]
    assert article.byline is None and article.meta["date"] == "2031-05-14"
    assert not is_title_case(article.headline.text) and article.warnings == ()


def test_the_hard_wrapped_story_joins_lines_and_keeps_offsets(article_files):
    article = newslab.load_article(article_files["ap-wrapped"])
    assert kinds(article) == ["headline", "byline", "dateline", *["paragraph"] * 4, "credit"]
    assert article.dateline.text == "RIVERTON, Northvale" and article.meta["agency"] == "AP"
    assert article.author == "SAM EXAMPLE" and article.meta["outlet"] == "Associated Press"
    assert all(article.text[p.start : p.end] == p.text for p in article.parts)
    assert all("\n" in p.text for p in article.paragraphs)  # single line breaks stay inside a paragraph
    assert all(p.text.rstrip("”").endswith(".") for p in article.paragraphs)  # no sentence is cut in half
    assert any(w.startswith("lines joined") for w in article.warnings)


def test_hard_wrapped_text_without_blank_lines():
    import textwrap

    paragraphs = [
        "The town council of Riverton met on Monday evening and voted to close the old bridge over the "
        "river until the repairs that engineers asked for last winter are finished.",
        "Mayor Ana Field said the bridge would reopen in the spring, and that a ferry would carry people "
        "across the river in the meantime at no cost to anyone who lives in the town.",
    ]
    text = "Riverton closes old bridge\n" + "\n".join(textwrap.fill(p, width=60) for p in paragraphs)
    article = parse_article(text)
    assert [" ".join(p.text.split()) for p in article.paragraphs] == paragraphs


def test_every_shape_keeps_its_offsets(article_files):
    for path in article_files.values():
        article = newslab.load_article(path)
        assert all(article.text[p.start : p.end] == p.text for p in article.parts)
        assert set(kinds(article)) <= set(C.PART_KINDS)
        assert "".join(article.text[a:b] for a, b in article.segments()) == article.text


def test_html_goes_through_trafilatura(tmp_path):
    body = "".join(f"<p>{sentence}</p>" for sentence in [
        "The port of Riverton reopened on Thursday after a storm closed it for a week, Mayor Lena Brook said.",
        "Shipping firms said they expected delays of two or three days while the cargo was cleared.",
        "The Northvale regional council said it would pay for repairs to the lighthouse at Cape Mira.",
    ])
    page = (f"<!DOCTYPE html><html><head><title>Riverton Port Reopens After Storm</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Riverton Port Reopens After Storm</h1>{body}</article>"
            f"<footer>Subscribe to our newsletter</footer></body></html>")
    path = tmp_path / "port.html"
    path.write_text(page, encoding="utf-8")
    article = newslab.load_article(path)
    assert article.headline.text == "Riverton Port Reopens After Storm"
    assert len(article.paragraphs) == 3 and "<p>" not in article.text and "newsletter" not in article.text


def test_html_without_an_article_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text"):
        newslab.load_article(path)


@pytest.fixture(scope="module")
def article_files():
    return {path.stem: path for path in sorted(ARTICLES.glob("*.txt"))}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.sampled_from(["RIVERTON, Oct 3 (Reuters) - The port reopened.", "BY ANA FIELD", "Published 3 May 2031",
                     "(Reporting by Tom Reed)", "What happens next", "Photo: The harbour.", "", "  "]),
), min_size=1, max_size=12))
def test_any_text_keeps_its_offsets(lines):
    text = "\n".join(lines)
    if not text.strip():
        with pytest.raises(ArticleError):
            parse_article(text)
        return
    article = parse_article(text)
    assert all(text[p.start : p.end] == p.text and p.text.strip() == p.text for p in article.parts)
    assert all(a.end <= b.start and a.text for a, b in zip(article.parts, article.parts[1:]))
    assert "".join(text[a:b] for a, b in article.segments()) == text
    assert {p.kind for p in article.parts} <= set(C.PART_KINDS)


def test_a_missing_html_file_is_refused():
    with pytest.raises(ArticleError, match="no such article file"):
        newslab.load_article("no-such-page.html")


def test_html_text_is_read_from_a_string():
    page = ("<html><body><article><h1>Riverton Port Reopens</h1>"
            "<p>The port of Riverton reopened on Thursday after a storm closed it for a week, Mayor Lena Brook said.</p>"
            "<p>Shipping firms said they expected delays of two or three days while the cargo was cleared.</p>"
            "</article></body></html>")
    article = newslab.load_article(page)
    assert "<p>" not in article.text and any("Shipping firms" in p.text for p in article.paragraphs)
