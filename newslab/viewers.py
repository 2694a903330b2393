"""Small viewer widgets for the first notebooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import traitlets

from . import _columns as C
from .render import dependencies_html
from .tables import sentence_span, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DependencyViewer"]


class DependencyViewer(widgets.VBox):
    """Browse the sentences of an article and see each one's dependency tree.

    ``sent_id`` is the public trait: set it from Python or move the slider.

    Examples:
        >>> import newslab
        >>> viewer = DependencyViewer(newslab.analyze("Rutte came. He left."))
        >>> viewer.sent_id = 1
        >>> "left" in viewer.sentence_text
        True
    """

    sent_id = traitlets.Int(0)
    sentence_text = traitlets.Unicode("", read_only=True)

    def __init__(self, doc: Doc, *, sent_id: int = 0, **kwargs: Any) -> None:
        self._doc = doc
        self._table = sentences(doc)
        self._slider = widgets.IntSlider(min=0, max=max(len(self._table) - 1, 0), description="sentence")
        self._slider.add_class("newslab-dependency-slider")
        self._text = widgets.HTML()
        self._tree = widgets.HTML()
        super().__init__(children=[self._slider, self._text, self._tree], **kwargs)
        self.add_class("newslab-dependency-viewer")
        widgets.link((self._slider, "value"), (self, "sent_id"))
        self.observe(self._on_sent_id, names="sent_id")
        self.sent_id = sent_id
        self._on_sent_id()

    @traitlets.validate("sent_id")
    def _valid_sent_id(self, proposal: dict[str, Any]) -> int:
        return min(max(int(proposal["value"]), 0), max(len(self._table) - 1, 0))

    def _on_sent_id(self, change: dict[str, Any] | None = None) -> None:
        row = self._table.iloc[self.sent_id]
        self.set_trait("sentence_text", str(row[C.TEXT]))
        with self.hold_sync():
            self._text.value = f"<b>Sentence {self.sent_id}</b> ({row[C.PART]}): " + _escape(row[C.TEXT])
            self._tree.value = dependencies_html(sentence_span(self._doc, self.sent_id))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
