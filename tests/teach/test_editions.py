from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.errors import DoorError, NewslabError
from newslab.teach import doors
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


def test_a_written_answer_is_blanked_to_an_empty_string():
    nb = notebook('# BEGIN SOLUTION\nmy_answer = (\n    "The headline keeps "\n    "who and where."\n)\nn = 3\n# END SOLUTION\n'
                  'nl.respond("01-headline-vs-lede", my_answer)')
    student = student_edition(nb)
    assert student.cells[1].source == ('my_answer = ""  # YOUR CODE HERE\nn = ...  # YOUR CODE HERE\n'
                                       'nl.respond("01-headline-vs-lede", my_answer)')


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


CLASS_FILES = ["README.md", ".gitignore", ".devcontainer/devcontainer.json", "binder/requirements.txt",
               "binder/runtime.txt", "binder/overrides.json", "binder/postBuild"]


def test_release_writes_a_class_repository_without_solutions(tmp_path):
    root = ROOT
    written = release(tmp_path / "class", root=root, package="newslab==0.1.0")
    names = sorted(str(path.relative_to(tmp_path / "class")) for path in written)
    editions = sorted(path.name for path in (root / "notebooks" / "solutions").glob("*.ipynb"))
    assert names == sorted([*editions, *CLASS_FILES])
    for name in editions:
        nb = nbformat.read(tmp_path / "class" / name, as_version=4)
        assert "BEGIN SOLUTION" not in str(nb) and nb.metadata["newslab"]["id"] == name[:2]
    assert not (tmp_path / "class" / "solutions").exists()
    assert (tmp_path / "class" / "binder" / "requirements.txt").read_text().endswith("newslab==0.1.0\n")
    readme = (tmp_path / "class" / "README.md").read_text()
    assert "nl.hint" in readme and f"]({editions[0]})" in readme


def test_every_class_notebook_is_the_student_edition_with_colab_s_cell_first(tmp_path):
    """One notebook for every door: the student edition, with the install cell that acts only on Colab."""
    release(tmp_path / "class", root=ROOT, package="newslab==0.1.0")
    for student in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        released = nbformat.read(tmp_path / "class" / student.name, as_version=4)
        expected = doors.colab_edition(nbformat.read(student, as_version=4), package="newslab==0.1.0")
        assert [(c.cell_type, c.source) for c in released.cells] == [(c.cell_type, c.source) for c in expected.cells]
        code = [c for c in released.cells if c.cell_type == "code"]
        assert code[0].id == doors.COLAB_CELL_ID and "%pip install --quiet newslab==0.1.0" in code[0].source
        assert code[1].source == "import newslab as nl\n%load_ext newslab"


def test_release_writes_the_doors_into_the_readme(tmp_path):
    release(tmp_path / "class", root=ROOT, repo="me/news-class", hub="https://hub.example.edu", branch="spring")
    readme = (tmp_path / "class" / "README.md").read_text()
    first = "01-reading-the-article.ipynb"
    for door, url in [("binder", doors.binder_url("me/news-class", branch="spring", notebook=first)),
                      ("codespaces", doors.codespaces_url("me/news-class", branch="spring")),
                      ("colab", doors.colab_url("me/news-class", first, branch="spring"))]:
        assert doors.badge(door, url) in readme.splitlines()[2], door
    pull = doors.nbgitpuller_link("https://hub.example.edu", "https://github.com/me/news-class", branch="spring",
                                  notebook=first)
    assert f"[open on the course hub]({pull})" in readme
    for name in (p.name for p in (ROOT / "notebooks" / "solutions").glob("*.ipynb")):
        assert f"[open in Colab]({doors.colab_url('me/news-class', name, branch='spring')})" in readme


@pytest.mark.parametrize(("options", "message"), [({"repo": "news-class"}, "owner/name"),
                                                  ({"hub": "https://hub.example.edu"}, "needs the class repository"),
                                                  ({"repo": "me/c", "hub": "hub.example.edu"}, "hub's address")])
def test_release_refuses_a_bad_door_before_writing_anything(tmp_path, options, message):
    with pytest.raises(DoorError, match=message):
        release(tmp_path / "class", root=ROOT, **options)
    assert not (tmp_path / "class").exists()


def test_class_binder_installs_newslab_and_its_post_build_turns_the_news_off(tmp_path):
    """Binder's build of a class repository: repo2docker installs binder/requirements.txt and runs
    binder/postBuild; that postBuild (run here for real) installs overrides.json, the JupyterLab
    defaults with no news pop-up (tests/test_binder.py proves what the file does)."""
    import importlib.util
    import os
    import subprocess
    import sys

    out = release(tmp_path / "class", root=ROOT)[0].parent
    post_build = (out / "binder" / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash\n") and "pip install" not in post_build  # no package here to install
    env = {**os.environ, "NB_PYTHON_PREFIX": str(tmp_path / "prefix")}
    subprocess.run(["bash", "binder/postBuild"], cwd=out, env=env, check=True)
    installed = tmp_path / "prefix" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.read_bytes() == (ROOT / "binder" / "overrides.json").read_bytes()
    if importlib.util.find_spec("repo2docker") is None:
        pytest.skip("repo2docker is not importable: install the [test] extra to check the Binder build")
    result = subprocess.run([sys.executable, "-m", "repo2docker", "--no-build", "--debug", "."], cwd=out,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in result.stdout
    assert "RUN ./binder/postBuild" in result.stdout and "python=3.11" in result.stderr


@pytest.mark.notebooks
@pytest.mark.timeout(300)
def test_a_class_notebook_runs_off_colab_and_its_colab_cell_does_nothing(tmp_path):
    from nbclient import NotebookClient

    out = release(tmp_path / "class", root=ROOT)[0].parent
    nb = nbformat.read(out / "01-reading-the-article.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(out)}}).execute()
    install, imports = [c for c in nb.cells if c.cell_type == "code"][:2]
    assert install.id == doors.COLAB_CELL_ID and install.outputs == [] and imports.outputs == []
    assert [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"] == []


def test_release_refuses_a_solution_that_leaks(tmp_path):
    root = tmp_path / "repo"
    (root / "notebooks" / "solutions").mkdir(parents=True)
    (root / "binder").mkdir()
    for name in ("requirements.txt", "runtime.txt", "overrides.json"):
        (root / "binder" / name).write_text("x\n")
    (root / "README.md").write_text("# x\n")
    nb = notebook("x = 1")
    nb.cells.append(new_markdown_cell("Markdown is copied as it is:\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    nbformat.write(nb, root / "notebooks" / "solutions" / "01-x.ipynb")
    with pytest.raises(NewslabError, match="solution marker"):
        release(tmp_path / "out", root=root)
