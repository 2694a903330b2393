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


# sentence 0: NATO, Ukraine; sentence 1: NATO, Ukraine, Russia; sentence 2: Rutte, NATO (twice)
TOY_MENTIONS = [
    (0, "NATO", "ORG", 0, 0), (1, "Ukraine", "GPE", 9, 0), (2, "NATO", "ORG", 20, 1), (3, "Ukraine", "GPE", 29, 1),
    (4, "Russia", "GPE", 40, 1), (5, "Rutte", "PERSON", 50, 2), (6, "NATO", "ORG", 60, 2), (7, "NATO’s", "ORG", 70, 2),
]


@pytest.fixture()
def toy_entities():
    """A small hand-made entity table (with its clusters), for tests that check counts by hand."""
    import pandas as pd

    from newslab import columns as C
    from newslab.tables.clustering import add_clusters
    from newslab.tables.mentions import entity_key

    rows = [(i, text, label, entity_key(text), start, start + len(text), 0, 1, sent, sent, "paragraph")
            for i, text, label, start, sent in TOY_MENTIONS]
    return add_clusters(pd.DataFrame(rows, columns=list(C.ENTITY_BASE_COLUMNS)))


@pytest.fixture(scope="session", autouse=True)
def newslab_home(tmp_path_factory):
    """Whatever newslab writes to its own folder (processed corpora) goes to a temporary one, kernels included."""
    import os

    folder = tmp_path_factory.mktemp("newslab-home")
    previous = os.environ.get("NEWSLAB_HOME")
    os.environ["NEWSLAB_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("NEWSLAB_HOME", None)
    else:
        os.environ["NEWSLAB_HOME"] = previous


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory):
    """The lite site with the solution notebooks, built once per session (tests/lite and tests/browser share it).

    Its Pyodide and wheels come from the fixture cache that ``scripts/lite_fixtures.py`` fills (``make test``
    runs it); a missing cache is a failure that says so, never a skip.
    """
    from newslab.lite.site import build_site, fixtures_dir
    from tests.paths import NOTEBOOKS

    if not (fixtures_dir() / "pyodide" / "pyodide-lock.json").is_file():
        pytest.fail(f"no lite fixtures in {fixtures_dir()}: run python scripts/lite_fixtures.py", pytrace=False)
    return build_site(tmp_path_factory.mktemp("lite-site") / "site", notebooks=NOTEBOOKS, solutions=True)


def _slow_module(item: pytest.Item) -> bool:
    marks = getattr(item.module, "pytestmark", [])
    return any(mark.name == "slow" for mark in (marks if isinstance(marks, list) else [marks]))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules marked ``slow`` (as a whole) run first, in their order: ``make test`` runs one file per worker
    (pytest-xdist, ``--dist loadfile``), and a long file that started last would leave the other workers idle."""
    items.sort(key=lambda item: not _slow_module(item))
