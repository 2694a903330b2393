"""What every widget model and view shares: a DataFrame trait, a pausable link, held sync.

A newslab widget is a traits model (``HasTraits``, no ipywidgets) plus a thin view that
subclasses it and links controls to its traits with ``traitlets.link``. These helpers keep
that pattern small. Nothing here imports ipywidgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import traitlets as t

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Frame", "held", "paused"]


class Frame(t.Instance["pd.DataFrame"]):
    """A DataFrame trait whose readers get a shallow copy, so they cannot change the model.

    Observers still see every new table: a DataFrame never compares equal to another, so
    each assignment notifies.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("pandas.DataFrame", allow_none=True, **kwargs)  # type: ignore[call-overload]

    def get(self, obj: t.HasTraits, cls: type[Any] | None = None) -> pd.DataFrame | None:
        value = super().get(obj, cls)
        return None if value is None else value.copy(deep=False)


@contextlib.contextmanager
def paused(link: t.link) -> Iterator[None]:
    """Cut ``link`` while a control changes itself; relinking copies the model's value back.

    An ipywidgets ``Select`` picks its first option when its options change. Changing the
    options inside ``paused`` keeps that pick from reaching the model.
    """
    link.unlink()
    try:
        yield
    finally:
        link.link()


@contextlib.contextmanager
def held(*widgets: Any) -> Iterator[None]:
    """Hold the sync of every widget, so each sends one message for a batch of changes."""
    with contextlib.ExitStack() as stack:
        for widget in widgets:
            stack.enter_context(widget.hold_sync())
        yield
