"""The package's shape holds: layers by folder, imports that only go down, one edge, one export list.

See CONTRIBUTING.md, "Layout". The layer of a module comes from its folder; the rules are
checked on every module found by glob, imports inside functions included, so a new module
is checked the day it is added.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

import newslab

PACKAGE = Path(newslab.__file__).parent
#: The subpackages from the bottom up: a module may import only from its own folder or one below it.
#: Modules at the top of the package (errors, types, columns, labels, ...) are the base, below all.
ORDER = ("io", "text", "tables", "ner", "evaluation", "attribution", "corpus",  # data
         "charts", "render",  # presentation
         "exercises", "widgets",  # interaction
         "teach", "lite", "cli")  # tools
DATA = ORDER[: ORDER.index("charts")]
#: Presentation and interaction libraries that the data layer must never load.
DISPLAY_LIBRARIES = ("altair", "ipywidgets", "IPython", "anywidget")
#: Calls that open, read, write or extract a file: only io/ and the one HTML reader make them.
FILE_METHODS = {"read_text", "read_bytes", "write_text", "write_bytes", "to_parquet", "open"}  # on any object
FILE_FUNCTIONS = {"open", "json.load", "json.dump", "pickle.load", "nbformat.read", "nbformat.write",
                  "pq.read_table", "pq.write_table"}  # and every pd.read_* and trafilatura.* call
FILE_MODULES = ("io", "text.html")


@dataclass(frozen=True)
class Import:
    source: str  # module that imports, "newslab.tables.parse"
    target: str  # module imported, "newslab.text.article"
    names: tuple[str, ...]
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """-1 for the base modules at the top of the package, the index in ORDER for a subpackage,
    and one above everything for the facade ``newslab/__init__``."""
    parts = module.split(".")
    if len(parts) == 1:
        return len(ORDER)
    return ORDER.index(parts[1]) if parts[1] in ORDER else -1


def imports(root: Path) -> list[Import]:
    """Every import of a newslab module in the package at ``root``, in functions too, without TYPE_CHECKING ones."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    found = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test) for node in ast.walk(block)}
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                for alias in node.names:  # "from . import parse" imports the module newslab.tables.parse
                    sub = f"{target}.{alias.name}"
                    found.append(Import(name, sub if sub in modules else target, (alias.name,), node.lineno))
            elif isinstance(node, ast.Import):
                found += [Import(name, alias.name, (), node.lineno) for alias in node.names]
    return [i for i in found if i.target.split(".")[0] == "newslab"]


def upward(found: Iterable[Import]) -> list[str]:
    """Imports of a module in a higher layer, or in another folder of the same layer."""
    bad = []
    for i in found:
        if i.source == "newslab":
            continue
        if i.target == "newslab":
            bad.append(f"{i.source}:{i.line} imports the package facade: import from the defining module")
        elif layer(i.target) > layer(i.source):
            bad.append(f"{i.source}:{i.line} imports {i.target}, a higher layer")
    return bad


def private(found: Iterable[Import]) -> list[str]:
    """Imports of another package's ``_private`` module or name."""
    bad = []
    for i in found:
        home, there = i.source.split(".")[:2], i.target.split(".")[:2]
        if i.source == "newslab" or home == there or len(there) < 2:
            continue
        hidden = [part for part in i.target.split(".")[2:] if part.startswith("_")]
        hidden += [name for name in i.names if name.startswith("_")]
        if hidden:
            bad.append(f"{i.source}:{i.line} imports {', '.join(hidden)} from {i.target}, private to {'.'.join(there)}")
    return bad


def cycles(found: Iterable[Import]) -> list[list[str]]:
    """Every strongly connected group of modules (Tarjan), the facade left out."""
    graph: dict[str, set[str]] = {}
    for i in found:
        if i.source != "newslab" and i.target != "newslab" and i.target != i.source:
            graph.setdefault(i.source, set()).add(i.target)
            graph.setdefault(i.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


FOUND = imports(PACKAGE)


def test_every_folder_has_a_layer():
    folders = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert set(folders) <= set(ORDER), f"give {sorted(set(folders) - set(ORDER))} a place in ORDER"


def test_imports_only_go_down_the_layers_counting_imports_inside_functions():
    assert upward(FOUND) == []


def test_there_is_no_import_cycle():
    assert cycles(FOUND) == []


def test_no_module_imports_another_packages_private_module_or_name():
    assert private(FOUND) == []


def _copy_package(tmp_path: Path) -> Path:
    root = tmp_path / "newslab"
    for path in PACKAGE.rglob("*.py"):
        copy = root / path.relative_to(PACKAGE)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_the_checks_catch_what_they_are_for(tmp_path):
    """A deliberate upward import inside a function, a private import and a cycle are all found."""
    root = _copy_package(tmp_path)
    (root / "tables" / "sneaky.py").write_text(
        "def shown(doc):\n    from ..widgets.explorer import EntityExplorer\n    return EntityExplorer(doc)\n\n"
        "def again():\n    from .parse import tokens\n    from ..corpus._run import pipeline\n", encoding="utf-8")
    found = imports(root)
    assert upward(found) == [
        "newslab.tables.sneaky:2 imports newslab.widgets.explorer, a higher layer",
        "newslab.tables.sneaky:7 imports newslab.corpus._run, a higher layer",
    ]
    assert private(found) == ["newslab.tables.sneaky:7 imports _run from newslab.corpus._run, private to newslab.corpus"]
    (root / "tables" / "sneaky.py").write_text("def again():\n    from .parse import tokens\n", encoding="utf-8")
    with (root / "tables" / "parse.py").open("a", encoding="utf-8") as handle:
        handle.write("\n\ndef _back():\n    from .sneaky import again\n")
    assert cycles(imports(root)) == [["newslab.tables.parse", "newslab.tables.sneaky"]]


def _file_calls(path: Path, root: Path = PACKAGE) -> list[str]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            writes_csv = method == "to_csv" and (node.args or any(k.arg == "path_or_buf" for k in node.keywords))
            if (called in FILE_FUNCTIONS or method in FILE_METHODS or writes_csv or called.startswith("trafilatura.")
                    or called.startswith(("pd.read_", "pandas.read_"))):
                calls.append(f"{path.relative_to(root)}:{node.lineno} {called}(...)")
    return calls


def test_only_io_and_the_html_reader_touch_files():
    outside = [p for p in PACKAGE.rglob("*.py")
               if not any(module_name(p, PACKAGE).startswith(f"newslab.{m}") for m in FILE_MODULES)]
    assert [call for path in outside for call in _file_calls(path)] == []


def test_the_file_check_catches_a_read(tmp_path):
    sneaky = tmp_path / "tables" / "sneaky.py"
    sneaky.parent.mkdir()
    sneaky.write_text("import json\n\ndef f(path):\n    return json.load(open(path)), path.read_text()\n",
                      encoding="utf-8")
    assert sorted(_file_calls(sneaky, tmp_path)) == ["tables/sneaky.py:4 json.load(...)", "tables/sneaky.py:4 open(...)",
                                                     "tables/sneaky.py:4 path.read_text(...)"]


def test_the_tree_stays_small_enough_to_read():
    assert len(list(PACKAGE.glob("*.py"))) <= 15
    for folder in PACKAGE.glob("*/"):
        assert len(list(folder.glob("*.py"))) <= 16, folder.name


def test_tests_mirror_the_packages():
    tests = Path(__file__).parent
    assert [p.parent.name for p in PACKAGE.glob("*/__init__.py") if not (tests / p.parent.name).is_dir()] == []


def test_no_subpackage_hides_a_public_name():
    """``import newslab.ner`` sets ``newslab.ner``: a folder named like a function would replace it."""
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders & set(newslab._EXPORTS) == set()
    for folder in folders:  # nor may a module replace a name its package re-exports
        package = importlib.import_module(f"newslab.{folder}")
        modules = {p.stem for p in (PACKAGE / folder).glob("*.py")}
        assert modules & set(getattr(package, "__all__", ())) == set(), folder


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {DISPLAY_LIBRARIES!r} if m in sys.modules]))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


DATA_MODULES = sorted(m for m in (module_name(p, PACKAGE) for p in PACKAGE.rglob("*.py"))
                      if m != "newslab" and layer(m) < len(DATA))


@pytest.mark.parametrize("module", DATA_MODULES)
def test_a_data_module_loads_no_display_library(module):
    assert _loaded_after(f"import {module}") == []


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
              chartdata.pos_mix(nl.tokens(doc)), chartdata.mentions(ents), nl.quotes(doc), nl.voices(doc),
              nl.entity_clusters(doc)):
    assert len(table.columns)
nl.evaluate(doc, nl.gold())
"""
    assert _loaded_after(code) == []


# --- one contract at the public edge -------------------------------------------------

#: Public callables that take a source (text, a path) and parse or read it, on purpose.
TAKES_SOURCES = {"analyze", "analyze_many", "load_article", "load_corpus", "process", "report_html", "write_report",
                 "teaching_corpus", "read_table", "summary", "teaching_folder", "local_cluster",
                 "reference", "course_note", "annotations_path", "gold", "gold_quotes"}


def _public_callables() -> list[tuple[str, object]]:
    found = [(name, getattr(newslab, name)) for name in newslab._EXPORTS]
    for space in ("charts", "chartdata", "compare"):
        module = getattr(newslab, space)
        found += [(f"{space}.{name}", getattr(module, name)) for name in module.__all__]
    return [(name, obj) for name, obj in found if callable(obj) and not isinstance(obj, type)
            or isinstance(obj, type) and hasattr(obj, "_build_view")]


def _takes_a_parse(obj: object) -> bool:
    """Whether the first parameter is a parsed Doc or one of its tables (by its annotation)."""
    try:
        first = next(iter(inspect.signature(obj).parameters.values()))
    except (StopIteration, ValueError, TypeError):
        return False
    return any(kind in str(first.annotation) for kind in ("Doc", "DataFrame", "Many", "Data"))


EDGE = sorted(name for name, obj in _public_callables()
              if name.split(".")[-1] not in TAKES_SOURCES and _takes_a_parse(obj))


def test_the_edge_is_found_by_signature_not_listed():
    assert {"entities", "sentences", "article_stats", "pos_counts", "kwic", "DependencyViewer", "entity_counts",
            "quotes", "voices", "entity_clusters", "article_parts", "EntityExplorer", "Dashboard", "QuoteBrowser",
            "Annotator", "charts.top_entities_chart", "linked_charts", "entities_html"} <= set(EDGE)


@pytest.mark.parametrize("name", EDGE)
def test_text_given_to_a_function_that_needs_a_parse_gets_the_one_error(name):
    obj = newslab
    for part in name.split("."):
        obj = getattr(obj, part)
    required = [p for p in list(inspect.signature(obj).parameters.values())[1:]
                if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    with pytest.raises(newslab.NotParsedError, match=r"parse (it|them) first with (doc = nl\.analyze|corpus = )"):
        obj("Mark Rutte visited Kyiv on Thursday.", *["Rutte"] * len(required))


# --- one export list -----------------------------------------------------------------


def _type_checking_names() -> set[str]:
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.asname or alias.name for node in ast.walk(block) if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def test_the_two_export_lists_agree():
    """``_EXPORTS`` (what ``__getattr__`` loads) and the TYPE_CHECKING imports (what IDEs see) list the same names."""
    assert _type_checking_names() == set(newslab._EXPORTS) | (set(newslab._SUBMODULES) & _type_checking_names())


@pytest.mark.parametrize("name", sorted(newslab._EXPORTS))
def test_every_export_is_defined_where_it_says(name):
    module = importlib.import_module(f"newslab.{newslab._EXPORTS[name]}")
    assert hasattr(module, name) and getattr(newslab, name) is getattr(module, name)


@pytest.mark.parametrize("name", sorted(newslab._SUBMODULES))
def test_every_public_submodule_resolves(name):
    assert getattr(newslab, name).__name__ == f"newslab.{newslab._SUBMODULES[name]}"


def test_every_exception_lives_in_errors_and_is_exported():
    from newslab import errors

    classes = {node.name for path in PACKAGE.rglob("*.py") for node in ast.walk(ast.parse(path.read_text("utf-8")))
               if isinstance(node, ast.ClassDef) and any("Error" in ast.unparse(b) or "Exception" in ast.unparse(b)
                                                         for b in node.bases)}
    assert classes == set(errors.__all__) and classes <= set(newslab._EXPORTS)
    for name in errors.__all__:
        error = getattr(errors, name)
        assert issubclass(error, errors.NewslabError)
        assert name == "NewslabError" or any(issubclass(error, base) for base in (ValueError, OSError, TypeError,
                                                                                  ImportError, RuntimeError))
