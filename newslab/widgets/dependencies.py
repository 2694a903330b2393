"""The dependency viewer: a slider over the sentences of an article, and each one's dependency tree."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import traitlets as t

from ..render.html import dependencies_html
from ..tables.parse import sentence_span
from ._traits import held
from .dependencies_model import DependencyModel

__all__ = ["DependencyViewer"]


class DependencyViewer(DependencyModel, w.VBox):
    """Browse the sentences of an article and see each one's dependency tree.

    The traits are those of :class:`~newslab.widgets.dependencies_model.DependencyModel`: set
    ``sent_id`` from Python or move the slider; ``sentence_text`` follows.

    Examples:
        >>> import newslab
        >>> viewer = DependencyViewer(newslab.analyze("Rutte came. He left."))
        >>> viewer.sent_id = 1
        >>> "left" in viewer.sentence_text
        True
    """

    def _build_view(self) -> None:
        self._slider = w.IntSlider(min=0, max=max(self.n_sentences - 1, 0), description="sentence")
        self._slider.add_class("newslab-dependency-slider")
        self._text = w.HTML()
        self._tree = w.HTML()
        self.children = [self._slider, self._text, self._tree]
        self.add_class("newslab-dependency-viewer")
        t.link((self, "sent_id"), (self._slider, "value"))
        self.observe(self._on_sentence, "sent_id")  # after the model has set sentence_text
        self._on_sentence()

    def _on_sentence(self, change: Any = None) -> None:
        with held(self._text, self._tree):
            self._text.value = f"<b>Sentence {self.sent_id}</b> ({html.escape(self.part)}): " + html.escape(
                self.sentence_text)
            self._tree.value = dependencies_html(sentence_span(self.doc, self.sent_id))
