"""The state of the dashboard, without any widget: the article, the selection and what it highlights.

:class:`DashboardModel` is a plain ``traitlets.HasTraits`` object: everything the dashboard
shows is derived from its traits, so it can be driven and tested without a browser.
:class:`newslab.Dashboard` is the view on top of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import traitlets

from ..edge import require_doc
from ..ner.chartdata import entity_spans, middle_sentence
from ..tables.coerce import name_column
from ..tables.mentions import entities
from ..tables.parse import sentences
from ._traits import DocTrait, WidgetModel

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["DashboardModel"]


class DashboardModel(WidgetModel):
    """The article on the dashboard, the entities selected in its charts, and the mentions to highlight.

    Attributes:
        doc: The parsed article.
        n: How many entities the charts show.
        selected: Names of the selected entities; empty selects every entity.
        mentions: The article's entity table (derived from ``doc``).
        middle: The sentence halfway through the article (derived from ``doc``).
        spans: The mentions of the selected entities, as ``{"start", "end", "label"}`` dicts
            (derived from ``mentions`` and ``selected``).

    Examples:
        >>> import newslab
        >>> model = DashboardModel(newslab.analyze("NATO met Ukraine. NATO left."))
        >>> model.selected = ["NATO"]
        >>> [span["start"] for span in model.spans]
        [0, 18]
    """

    doc = DocTrait()
    n = traitlets.Int(10, allow_none=True)
    selected = traitlets.List(traitlets.Unicode())
    mentions: traitlets.Instance[pd.DataFrame] = traitlets.Instance("pandas.DataFrame", read_only=True)
    middle = traitlets.Float(0.0, read_only=True)
    spans = traitlets.List(traitlets.Dict(), read_only=True)

    def __init__(self, doc: Doc, *, n: int | None = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.n = n
        self.doc = require_doc(doc, "nl.Dashboard", lite=True)
        self._build_view()

    @property
    def name(self) -> str:
        """The column of :attr:`mentions` that names an entity in the charts and in :attr:`selected`."""
        return name_column(self.mentions)

    @traitlets.observe("doc")
    def _on_doc(self, change: dict[str, Any]) -> None:
        with self.hold_trait_notifications():
            self.set_trait("mentions", entities(self.doc))
            self.set_trait("middle", middle_sentence(sentences(self.doc)))
            self.selected = []
        self._on_selected({})

    @traitlets.observe("selected")
    def _on_selected(self, change: dict[str, Any]) -> None:
        keys = list(self.selected) or None
        self.set_trait("spans", entity_spans(self.mentions, keys=keys, by=self.name))
