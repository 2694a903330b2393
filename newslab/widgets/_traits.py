"""What every widget model and view shares: the model base, typed traits, a pausable link, held sync.

A newslab widget has one shape. Its model subclasses :class:`WidgetModel` (``HasTraits``, no
ipywidgets): ``__init__`` checks its input, sets the state, and then calls
:meth:`WidgetModel._build_view` once. Its view subclasses the model and a widget base
(``class EntityExplorer(ExplorerModel, ipywidgets.VBox)``), declares no trait of its own and
no ``__init__`` that builds: it builds its private controls in ``_build_view``, links them to
the model's traits with ``traitlets.link`` and registers its ``_on_<trait>`` observers there.
A test checks that no model trait shadows a trait of its widget base. Nothing here imports
ipywidgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import traitlets as t

from ..precomputed import is_lite

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc  # noqa: F401 (the string annotation of DocTrait)

__all__ = ["WidgetModel", "DocTrait", "Frame", "held", "paused"]


class WidgetModel(t.HasTraits):
    """The base of every widget model: state first, then the view's one building hook."""

    def _build_view(self) -> None:
        """Where a view subclass builds and links its controls, once the state is set."""

    def _batch(self) -> contextlib.AbstractContextManager[Any]:
        """Where a view sends one message per widget for a batch of changes; a model sends none."""
        return contextlib.nullcontext()


class DocTrait(t.Instance["Doc"]):
    """A parsed spaCy ``Doc`` (spaCy is imported only when a value is checked), or the lite edition's ``LiteDoc``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("spacy.tokens.Doc", **kwargs)

    def instance_init(self, obj: Any) -> None:
        """Resolve ``spacy.tokens.Doc`` when a value is checked, not when a widget is made (lite has no spaCy)."""

    def validate(self, obj: Any, value: Any) -> Any:
        if is_lite(value):  # the lite edition has no spaCy to import
            return value
        self._resolve_classes()
        return super().validate(obj, value)


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
