from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.errors import NewslabError
from newslab.teach.editions import apply_notebook_ids, release, solution_blocks, student_edition, write_student_editions
from tests.paths import ROOT


def notebook(*sources):
    nb = new_notebook(cells=[new_markdown_cell("# title"), *(new_code_cell(s) for s in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def test_student_edition_keeps_names_and_drops_solutions():
    nb = notebook("import newslab as nl",
                  "# BEGIN SOLUTION\ntable = nl.sentences(doc)\nanswer = len(table)\n# END SOLUTION\nnl.check('x', answer)")
    student = student_edition(nb)
    assert student.cells[2].source == "table = ...  # YOUR CODE HERE\nanswer = ...  # YOUR CODE HERE\nnl.check('x', answer)"
    assert nb.cells[2].source.startswith("# BEGIN SOLUTION"), "the solution notebook is not modified"


def test_indented_blocks_and_blocks_without_assignments():
    nb = notebook("def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION", "# BEGIN SOLUTION\nprint(1)\n# END SOLUTION")
    student = student_edition(nb)
    assert student.cells[1].source == "def f():\n    # YOUR CODE HERE"
    assert student.cells[2].source == "# YOUR CODE HERE"


def test_unbalanced_markers_are_an_error():
    with pytest.raises(NewslabError, match="unbalanced"):
        solution_blocks(notebook("# BEGIN SOLUTION\nx = 1"))


def test_write_student_editions(tmp_path):
    (tmp_path / "solutions").mkdir()
    nbformat.write(notebook("# BEGIN SOLUTION\nanswer = 1\n# END SOLUTION"), tmp_path / "solutions" / "01-x.ipynb")
    [written] = write_student_editions(tmp_path)
    assert nbformat.read(written, as_version=4).cells[1].source == "answer = ...  # YOUR CODE HERE"


def test_student_editions_and_solutions_carry_the_notebook_id(tmp_path):
    (tmp_path / "solutions").mkdir()
    source = tmp_path / "solutions" / "03-x.ipynb"
    nbformat.write(notebook("# BEGIN SOLUTION\nanswer = 1\n# END SOLUTION"), source)
    [written] = write_student_editions(tmp_path)
    assert nbformat.read(written, as_version=4).metadata["newslab"] == {"id": "03"}
    assert apply_notebook_ids(tmp_path) == [source]
    assert nbformat.read(source, as_version=4).metadata["newslab"] == {"id": "03"}
    assert apply_notebook_ids(tmp_path) == [], "an id is set once and then travels with the notebook"


def test_release_writes_a_class_repository_without_solutions(tmp_path):
    root = ROOT
    written = release(tmp_path / "class", root=root, package="newslab==0.1.0")
    names = sorted(str(path.relative_to(tmp_path / "class")) for path in written)
    editions = sorted(path.name for path in (root / "notebooks" / "solutions").glob("*.ipynb"))
    assert names == sorted([*editions, "README.md", "binder/requirements.txt", "binder/runtime.txt"])
    for name in editions:
        nb = nbformat.read(tmp_path / "class" / name, as_version=4)
        assert "BEGIN SOLUTION" not in str(nb) and nb.metadata["newslab"]["id"] == name[:2]
    assert not (tmp_path / "class" / "solutions").exists()
    assert (tmp_path / "class" / "binder" / "requirements.txt").read_text().endswith("newslab==0.1.0\n")
    readme = (tmp_path / "class" / "README.md").read_text()
    assert "nl.hint" in readme and f"]({editions[0]})" in readme


def test_release_refuses_a_solution_that_leaks(tmp_path):
    root = tmp_path / "repo"
    (root / "notebooks" / "solutions").mkdir(parents=True)
    (root / "binder").mkdir()
    for name in ("requirements.txt", "runtime.txt"):
        (root / "binder" / name).write_text("x\n")
    (root / "README.md").write_text("# x\n")
    nb = notebook("x = 1")
    nb.cells.append(new_markdown_cell("Markdown is copied as it is:\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    nbformat.write(nb, root / "notebooks" / "solutions" / "01-x.ipynb")
    with pytest.raises(NewslabError, match="solution marker"):
        release(tmp_path / "out", root=root)
