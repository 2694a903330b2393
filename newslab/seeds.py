"""Where the bundled seed article lives, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

SEED_ID = "nato-rutte-kyiv-visit-2024-10-03"


def seed_dir() -> Path:
    """Return the folder that holds the seed article and its annotations.

    A wheel carries the repository's ``seeds/`` folder as ``newslab/_seeds``; an editable
    install reads the repository's folder directly.
    """
    packaged = Path(__file__).with_name("_seeds")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def lite_article() -> Path | None:
    """The instructor's article a lite site was built for (``newslab lite build --article``), in lite only."""
    from .precomputed import in_lite

    packaged = Path(__file__).with_name("_lite") / "article.txt"
    return packaged if in_lite() and packaged.is_file() else None


def seed_path(suffix: str = ".txt") -> Path:
    """Return the path of a seed file: the text (``.txt``), its metadata (``.json``) or gold (``.gold.jsonl``)."""
    return seed_dir() / f"{SEED_ID}{suffix}"
