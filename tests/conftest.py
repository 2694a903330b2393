"""Session-scoped fixtures: the real pipeline and the parsed seed article, loaded once."""

from __future__ import annotations

import pytest

import newslab


@pytest.fixture(scope="session")
def nlp():
    return newslab.load_pipeline()


@pytest.fixture(scope="session")
def article():
    return newslab.load_article()


@pytest.fixture(scope="session")
def seed_doc(nlp, article):
    return newslab.analyze(article)
