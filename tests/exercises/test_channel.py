"""The kernel's answers reach the grader as plain JSON and mean the same there."""

from __future__ import annotations

import json

import pytest

from newslab.exercises import Context, registry
from newslab.exercises.channel import CHANNEL_ENV, decode, send
from newslab.exercises.checks import judge, judge_value
from newslab.io.submissions import read_records


@pytest.fixture(scope="module")
def ctx():
    return Context()


@pytest.mark.parametrize("eid", sorted(registry()))
def test_every_right_answer_passes_after_the_trip_through_json(eid, ctx):
    item = registry()[eid]
    for right in item.answers(ctx) if item.answers else []:
        feedback, normalised = judge(item, right, ctx)
        assert feedback.passed, (eid, right)
        sent = json.loads(json.dumps(normalised))
        assert judge_value(item, decode(item.kind, sent), ctx).passed, (eid, sent)


def test_send_appends_only_when_graded_and_never_raises(tmp_path, monkeypatch):
    send("check", "01-paragraph-count", answer=9)  # not graded: nothing happens
    path = tmp_path / "answers.jsonl"
    monkeypatch.setenv(CHANNEL_ENV, str(path))
    send("check", "01-paragraph-count", answer=9)
    send("check", "01-dateline", answer=object())  # not JSON: its type is sent, not the value
    monkeypatch.setenv(CHANNEL_ENV, str(tmp_path / "gone" / "answers.jsonl"))
    send("hint", "01-dateline", step=1)  # the channel is gone: the check still works
    assert read_records(path)[0] == [{"event": "check", "id": "01-paragraph-count", "answer": 9},
                                     {"event": "check", "id": "01-dateline", "unsendable": {"answer": "object"}}]
