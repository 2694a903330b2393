"""The lite bundle of the course article, precomputed once per session."""

from __future__ import annotations

import pytest

from newslab.io.tables import write_lite
from newslab.lite.precompute import precompute


@pytest.fixture(scope="session")
def lite_full():
    """The full edition's precomputed lite article (in memory)."""
    return precompute()


@pytest.fixture(scope="session")
def bundle(lite_full, tmp_path_factory):
    """The lite article written to disk, as ``newslab lite build`` writes it."""
    return write_lite(lite_full, tmp_path_factory.mktemp("lite") / "bundle.json")
