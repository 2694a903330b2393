"""The package's shape holds at runtime: layers, one public edge, and one export list.

See CONTRIBUTING.md, "Where does new code go".
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newslab

PACKAGE = Path(newslab.__file__).parent
#: The data layer: takes a Doc, an Article or a DataFrame and returns a DataFrame or a dict.
DATA_MODULES = [
    "text.article", "text.pipeline", "tables", "tables.structure", "tables.grammar", "io.spans", "evaluation",
    "evaluation.agreement", "ner.explore", "evaluation.gold", "types", "ner.chartdata", "labels", "errors", "io",
    "widgets.annotator_model", "widgets.dashboard_model", "widgets.explorer_model", "widgets.dependencies_model",
    "ner.clusters", "attribution.attribution", "attribution.evaluation", "widgets.quote_browser_model",
    "evaluation.findings", "text.rules", "evaluation.reference", "teach.preflight", "corpus.compare", "corpus",
]
#: Presentation and interaction libraries that the data layer must never load.
DISPLAY_LIBRARIES = ("altair", "ipywidgets", "IPython", "anywidget")


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {DISPLAY_LIBRARIES!r} if m in sys.modules]))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", DATA_MODULES)
def test_a_data_module_loads_no_display_library(module):
    assert _loaded_after(f"import newslab.{module}") == []


def test_a_researchers_workflow_loads_no_display_library():
    """Not only the imports: using the data functions keeps Altair, widgets and IPython out too."""
    code = """
import newslab as nl
from newslab.ner import chartdata
doc = nl.analyze()
ents = nl.entities(doc)
for table in (nl.tokens(doc), nl.sentences(doc), ents, nl.noun_chunks(doc), nl.entity_counts(doc),
              nl.label_counts(ents), nl.label_summary(ents), nl.kwic(doc, "NATO"), nl.article_parts(doc),
              nl.svo_triples(doc), chartdata.cooccurrence(ents), chartdata.network_edges(ents),
              chartdata.pos_mix(nl.tokens(doc)), chartdata.mentions(ents)):
    assert len(table.columns)
nl.evaluate(doc, nl.gold())
"""
    assert _loaded_after(code) == []


def _imports_of_the_package_itself(path: Path) -> list[str]:
    """Imports in ``path`` that load newslab/__init__ for its lazy public names."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name == "newslab"]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if target == "newslab":
                found += [f"from {'.' * node.level}{node.module or ''} import {alias.name}" for alias in node.names
                          if not _is_submodule(alias.name)]
    return found


def _is_submodule(name: str) -> bool:
    return (PACKAGE / f"{name}.py").is_file() or (PACKAGE / name / "__init__.py").is_file()


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_the_package_for_its_public_names(path):
    assert _imports_of_the_package_itself(path) == [], "import from the module that defines the name"


def _type_checking_names() -> set[str]:
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.asname or alias.name for node in ast.walk(block) if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def test_the_two_export_lists_agree():
    """``_EXPORTS`` (what ``__getattr__`` loads) and the TYPE_CHECKING imports (what IDEs see) list the same names."""
    assert _type_checking_names() == set(newslab._EXPORTS) | (set(newslab._SUBMODULES) & _type_checking_names())
    assert set(newslab._EXPORTS) <= _type_checking_names()


@pytest.mark.parametrize("name", sorted(newslab._EXPORTS))
def test_every_export_is_defined_where_it_says(name):
    module = importlib.import_module(f"newslab.{newslab._EXPORTS[name]}")
    assert hasattr(module, name) and getattr(newslab, name) is getattr(module, name)
