"""Folders the tests read, defined once (test files sit at different depths)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DATA = TESTS / "data"
ARTICLES = DATA / "articles"
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
SHARED = ROOT.parent / "shared"
