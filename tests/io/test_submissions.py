"""A submission's files: links never followed, the folder copy capped, the channel read capped."""

from __future__ import annotations

from newslab.io.submissions import append_record, copy_folder, read_records, regular_file


def test_a_link_is_refused_without_being_read(tmp_path):
    secret = tmp_path / "key.pem"
    secret.write_text("TOPSECRET", encoding="utf-8")
    (tmp_path / "a.ipynb").symlink_to(secret)
    reason = regular_file(tmp_path / "a.ipynb")
    assert "symbolic link" in reason and "TOPSECRET" not in reason
    assert regular_file(secret) == "" and regular_file(tmp_path) == "the submission is not a plain file"
    assert regular_file(secret, max_bytes=3) == "the file is larger than 0 MB"


def test_the_copy_leaves_out_links_checkpoints_and_what_is_past_the_cap(tmp_path):
    source = tmp_path / "ann"
    (source / "my-annotations").mkdir(parents=True)
    (source / "my-annotations" / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (source / ".ipynb_checkpoints").mkdir()
    (source / "big.bin").write_bytes(b"x" * 100)
    (source / "out").symlink_to(tmp_path)
    left_out = copy_folder(source, tmp_path / "copy", max_bytes=50)
    assert left_out == ["big.bin: over the size limit of a submission", "out: a symbolic link"]
    assert sorted(p.relative_to(tmp_path / "copy").as_posix() for p in (tmp_path / "copy").rglob("*")) == [
        "my-annotations", "my-annotations/a.jsonl"]


def test_the_channel_keeps_every_line_and_is_read_capped(tmp_path):
    path = tmp_path / "answers.jsonl"
    for n in range(3):
        append_record(path, {"event": "check", "id": "01-paragraph-count", "answer": n})
    with path.open("a", encoding="utf-8") as handle:
        handle.write("not json\n[1]\n")
    records, cut = read_records(path)
    assert [r["answer"] for r in records] == [0, 1, 2] and not cut
    assert read_records(path, max_bytes=60) == ([records[0]], True)
    (tmp_path / "link.jsonl").symlink_to(path)
    assert read_records(tmp_path / "link.jsonl") == ([], False)
