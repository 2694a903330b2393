"""``nl.progress()``: a small widget showing which of a notebook's exercises passed.

The state lives in :class:`~newslab.widgets.progress_model.ProgressModel` (traits, no widgets);
this view shows it and updates as checks run. Where widgets do not show, its text is the
fallback.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .progress_model import ProgressModel, progress_html, progress_text

__all__ = ["Progress", "progress"]


class Progress(ProgressModel, widgets.VBox):
    """The progress widget (CSS class ``newslab-progress``) over the traits of :class:`ProgressModel`."""

    def _build_view(self) -> None:
        self._table = widgets.HTML()
        self.children = (self._table,)
        self.add_class("newslab-progress")
        self.observe(self._on_rows, "rows")
        self._on_rows()

    def _on_rows(self, change: dict[str, Any] | None = None) -> None:
        self._table.value = progress_html(self)

    def __repr__(self) -> str:
        return progress_text(self)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):  # the text fallback where widgets do not show
            bundle["text/plain"] = progress_text(self)
        return bundle


def progress(notebook: str = "") -> Progress:
    """Show which exercises passed since the kernel started.

    Args:
        notebook: A notebook number such as ``"02"``; by default every notebook checked in this kernel.

    Examples:
        >>> import newslab as nl
        >>> _ = nl.check("01-paragraph-count", 9)
        >>> print(nl.progress("01"))  # doctest: +ELLIPSIS
        Exercises solved: ... of 3
        ...✔ 01-paragraph-count: passed...
    """
    return Progress(notebook)
