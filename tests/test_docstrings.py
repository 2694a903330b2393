"""Run the ``Examples:`` section of every public module's docstrings."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newslab

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(newslab.__path__, prefix="newslab.")
    if not info.name.rsplit(".", 1)[-1].startswith("__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_every_public_function_has_examples():
    missing = []
    for name in newslab.__all__:
        obj = getattr(newslab, name)
        if callable(obj) and not isinstance(obj, type) and "Examples:" not in (obj.__doc__ or ""):
            missing.append(name)
    assert missing == []


def test_public_names_resolve():
    for name in newslab.__all__:
        assert getattr(newslab, name) is not None
    assert set(newslab.__all__) <= set(dir(newslab))


def test_import_is_lazy():
    import subprocess
    import sys

    code = ("import sys, newslab; heavy = {'spacy', 'pandas', 'altair', 'ipywidgets', 'IPython'} & set(sys.modules);"
            "print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
