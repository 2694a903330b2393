"""The quote browser: an article's statements grouped by speaker; a click highlights one in the text.

The widget is a thin view on :class:`~newslab.widgets.quote_browser_model.QuoteModel`, whose traits it
inherits: the filters are linked to ``kind`` and ``speaker``, a click on a statement sets
``selected``, and the text shows ``highlight``.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from .. import columns as C
from ..render.quotes import BROWSER_CLASS, STATEMENT_CLASS, quote_text_html, statement_label, statements_html
from .quote_browser_model import QuoteModel

__all__ = ["QuoteBrowser"]


class QuoteBrowser(QuoteModel, widgets.VBox):
    """Who said what in an article: statements grouped by speaker, filters, and the text.

    Click a statement to see its speaker, cue and content highlighted in the text in three
    styles (the speaker bold on orange, the cue underlined on blue, the content on yellow).
    Filter by kind (direct, mixed or reported) and by speaker.

    Attributes:
        kind: ``"direct"``, ``"mixed"``, ``"reported"`` or ``""`` (all).
        speaker: A speaker's canonical name, or ``""`` (everyone).
        selected: The ``quote_id`` of the highlighted statement, or -1.

    Examples:
        >>> import newslab
        >>> browser = QuoteBrowser(newslab.analyze('"It is safe," Mayor Lena Brandt said.'))
        >>> browser.selected = 0
        >>> "newslab-quotes-cue" in browser.text_html
        True
    """

    def _build_view(self) -> None:
        self._kind = widgets.ToggleButtons(options=[("all", ""), *((kind, kind) for kind in C.QUOTE_KINDS)],
                                           description="Kind")
        self._speaker = widgets.Dropdown(options=[("everyone", "")], description="Speaker")
        self._list = widgets.VBox(layout=widgets.Layout(max_height="24em", overflow="auto", width="45%"))
        self._text = widgets.HTML(layout=widgets.Layout(max_height="24em", overflow="auto", width="55%"))
        self._buttons: dict[int, widgets.Button] = {}
        self.children = (widgets.HBox([self._kind, self._speaker]), widgets.HBox([self._list, self._text]))
        self.add_class(BROWSER_CLASS)
        self.observe(self._on_speakers, "speakers")
        self.observe(self._on_groups, "groups")
        self.observe(self._on_highlight, "highlight")
        self._on_speakers()
        self._on_groups()
        widgets.link((self._kind, "value"), (self, "kind"))
        widgets.link((self._speaker, "value"), (self, "speaker"))

    @property
    def text_html(self) -> str:
        """The article with the selected statement highlighted, as the browser shows it now."""
        return self._text.value

    def _on_speakers(self, change: dict[str, Any] | None = None) -> None:
        self._speaker.options = [("everyone", ""), *[(name, name) for name in self.speakers]]

    def _on_groups(self, change: dict[str, Any] | None = None) -> None:
        children: list[widgets.Widget] = []
        self._buttons = {}
        for group in self.groups:
            children.append(widgets.HTML(f"<b>{html.escape(str(group[C.SPEAKER]))}</b>"))
            for qid in group[C.QUOTE_IDS]:
                children.append(self._button(qid))
        self._list.children = tuple(children) or (widgets.HTML("No attributed statement."),)
        self._on_highlight()

    def _button(self, qid: int) -> widgets.Button:
        row = self.statement(qid) or {}
        button = widgets.Button(description=statement_label(row, width=60), tooltip=str(row.get(C.CONTENT, "")),
                                layout=widgets.Layout(width="auto", height="auto"))
        button.add_class(STATEMENT_CLASS)
        button.on_click(lambda _: setattr(self, "selected", qid))
        self._buttons[qid] = button
        return button

    def _on_highlight(self, change: dict[str, Any] | None = None) -> None:
        self._text.value = quote_text_html(self.doc.text, self.highlight)
        for qid, button in self._buttons.items():
            button.button_style = "info" if qid == self.selected else ""

    def static_html(self) -> str:
        """The browser as static HTML: the grouped statements and the highlighted text."""
        listing = statements_html(self.statements, self.groups, self.selected)
        return f'<div class="{BROWSER_CLASS}">{listing}{self.text_html}</div>'

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # the widget view for live kernels, static HTML for GitHub, nbviewer and exports
        data = super()._repr_mimebundle_(**kwargs) or {}
        data, metadata = data if isinstance(data, tuple) else (data, {})
        return {**data, "text/html": self.static_html()}, metadata
