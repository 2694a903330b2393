from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.errors import NewslabError
from newslab.teach import grade, solution_blocks, student_edition, write_student_editions


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


@pytest.mark.timeout(300)
def test_grade_scores_a_students_notebook(tmp_path):
    nb = notebook("import newslab as nl", "nl.check('01-paragraph-count', 9)", "nl.check('01-dateline', 'PARIS')")
    path = tmp_path / "01-student.ipynb"
    nbformat.write(nb, path)
    scores = grade(path).set_index("exercise")
    assert scores.loc["01-paragraph-count", "status"] == "passed"
    assert scores.loc["01-dateline", "status"] == "failed"
    assert scores.loc["01-longest-sentence", "status"] == "missing"
    assert scores["points"].sum() == 1
