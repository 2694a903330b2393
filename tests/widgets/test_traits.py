"""newslab.widgets._traits: the DataFrame trait, the pausable link and held sync shared by every widget view."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import traitlets as t

from newslab.widgets._traits import Frame, held, paused


class Picked(t.HasTraits):
    key = t.Unicode("")
    table = Frame()


def test_a_select_changing_its_options_under_pause_keeps_the_model_value():
    model = Picked(key="b")
    select = w.Select(options=["a", "b"])
    link = t.link((model, "key"), (select, "value"))
    select.options = ["c", "b"]  # unpaused, the Select's own pick of "c" reaches the model
    assert model.key == "c"
    model.key = "b"
    with paused(link):
        select.options = ["d", "b"]
    assert model.key == "b" and select.value == "b"
    select.value = "d"  # relinked: a click still reaches the model
    assert model.key == "d"


def test_frame_readers_get_copies_and_every_assignment_notifies():
    model = Picked()
    seen = []
    model.observe(lambda change: seen.append(change.new), "table")
    frame = pd.DataFrame({"x": [1, 2]})
    model.table = frame
    model.table = frame.copy()
    assert len(seen) == 2
    read = model.table
    read.loc[0, "x"] = 99
    assert model.table.loc[0, "x"] == 1


def test_held_sends_one_state_per_widget(monkeypatch):
    first, second = w.HTML(), w.HTML()
    sent: list[str] = []
    monkeypatch.setattr(first, "send_state", lambda key=None: sent.append("first"))
    monkeypatch.setattr(second, "send_state", lambda key=None: sent.append("second"))
    with held(first, second):  # without it: three sends
        first.value, second.value, first.value = "a", "b", "c"
    assert sorted(sent) == ["first", "second"]
