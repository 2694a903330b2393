from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

import newslab
from newslab.article import parse_article
from newslab.errors import ArticleError, NewslabError

from .expected import SEED_N_PARAGRAPHS

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_36491349d67fc4e2.txt"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "nato-rutte-kyiv-visit-2024-10-03.txt"


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

    root = Path(__file__).resolve().parents[1]
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
