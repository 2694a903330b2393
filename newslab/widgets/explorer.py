"""The entity explorer widget: pick labels, search mentions, read one entity in context.

:class:`EntityExplorer` is a thin view. Its state and every table it shows live in the
traits of :class:`~newslab.widgets.explorer_model.ExplorerModel`, which it subclasses; the view only
builds the controls, links them to those traits and draws HTML from
:mod:`newslab.render`. Code can drive it (``explorer.labels = ["GPE"]``) as well as a
student clicking in the browser.
"""

from __future__ import annotations

import contextlib
import html
from typing import TYPE_CHECKING, Any, cast

import ipywidgets as w
import traitlets as t

from .. import columns as C
from ..ner.explore import label_summary
from ..render.html import entities_html, kwic_html
from ._traits import held, paused
from .explorer_model import ExplorerModel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EntityExplorer"]


class EntityExplorer(ExplorerModel, w.VBox):
    """Highlight an article's entities, filter them by label and text, and read one in context.

    It takes the arguments of :class:`~newslab.widgets.explorer_model.ExplorerModel` and has its
    traits: ``labels``, ``query`` and ``selected`` in; ``visible``, ``entity_list``, ``counts``
    and ``kwic`` out.

    Examples:
        >>> import newslab
        >>> explorer = EntityExplorer(newslab.analyze("Mark Rutte met Zelenskiy in Kyiv, Ukraine."))
        >>> explorer.labels = ["GPE"]
        >>> explorer.counts
        '2 of 4 mentions · 2 entities'
        >>> explorer.selected = "Kyiv"
        >>> explorer.kwic["text"].tolist()
        ['Kyiv']
    """

    _parts: tuple[w.DOMWidget, ...] = ()

    def _build_view(self) -> None:
        self._build_children()
        self.children = self._layout()
        self.add_class("newslab-explorer")
        t.link((self, "query"), (self._search, "value"))
        t.link((self, "labels"), (self._labels, "value"), transform=(self._pickable, list))
        self._entity_link = t.link((self, "selected"), (self._entities, "value"),
                                   transform=(lambda key: key or None, lambda value: value or ""))
        self.observe(self._on_visible, "visible")
        self.observe(self._on_counts, "counts")
        self.observe(self._on_entity_list, "entity_list")
        self.observe(self._on_kwic, "kwic")

    def _batch(self) -> contextlib.AbstractContextManager[Any]:
        return held(self, *self._parts)

    # -- building the view ---------------------------------------------------------------

    def _build_children(self) -> None:
        summary = label_summary(self._table)
        self._labels = w.SelectMultiple(
            options=[(f"{row[C.LABEL]} ({row[C.COUNT]})", row[C.LABEL]) for _, row in summary.iterrows()],
            rows=min(max(len(summary), 1), 8), description="Labels",
        )
        self._search = w.Text(placeholder="part of a name", description="Search", continuous_update=True)
        self._counts = w.HTML(html.escape(self.counts))
        self._entities = w.Select(options=self._entity_options(), value=self.selected or None, rows=8,
                                  description="Entities")
        self._text = w.HTML(self._text_html(), layout=w.Layout(max_height="420px", overflow="auto"))
        self._kwic = w.HTML(self._kwic_html(), layout=w.Layout(max_height="320px", overflow="auto"))
        self._parts = (self._labels, self._search, self._counts, self._entities, self._text, self._kwic)
        for child, name in zip(self._parts, ("labels", "search", "counts", "entities", "text", "kwic")):
            child.add_class(f"newslab-explorer-{name}")

    def _layout(self) -> list[w.Widget]:
        controls = w.VBox([self._search, self._labels, self._counts])
        return [w.HBox([controls, self._entities]), self._text, self._kwic]

    # -- from the traits to the controls -------------------------------------------------

    def _pickable(self, labels: list[str]) -> tuple[str, ...]:
        # the picker cannot show labels the article lacks; the trait keeps them anyway
        present = {value for _, value in self._labels.options}
        return tuple(label for label in labels if label in present)

    def _on_visible(self, change: Any) -> None:
        self._text.value = self._text_html()

    def _on_counts(self, change: Any) -> None:
        self._counts.value = html.escape(self.counts)

    def _on_entity_list(self, change: Any) -> None:
        with paused(self._entity_link):
            self._entities.options = self._entity_options()

    def _on_kwic(self, change: Any) -> None:
        self._kwic.value = self._kwic_html()

    def _text_html(self) -> str:
        return entities_html(self.doc, spans=_spans(self.visible))

    def _kwic_html(self) -> str:
        return kwic_html(self.kwic) if self.selected else ""

    def _entity_options(self) -> list[tuple[str, str]]:
        return [(f"{row[C.KEY]} · {row[C.LABEL]} ({row[C.COUNT]})", row[C.KEY])
                for _, row in self.entity_list.iterrows()]

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # where no widget manager runs (nbviewer, GitHub, a PDF) the highlighted text still shows
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/html"] = f"<p>{html.escape(self.counts)}</p>{self._text.value}"
        return data


def _spans(visible: pd.DataFrame) -> list[dict[str, Any]]:
    columns = {C.START_CHAR: "start", C.END_CHAR: "end", C.LABEL: "label"}
    # pandas-stubs type the record keys as Hashable; after the rename they are these strings
    return cast("list[dict[str, Any]]", visible[list(columns)].rename(columns=columns).to_dict("records"))
