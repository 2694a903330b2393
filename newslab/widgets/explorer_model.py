"""The state of the entity explorer, without any widget: labels, query and selection in,
the mentions shown, their counts and the keyword-in-context rows out.

:class:`ExplorerModel` is a ``HasTraits``: set ``labels``, ``query`` or ``selected`` and the
derived traits (``visible``, ``entity_list``, ``counts``, ``kwic``) follow at once, and can
be observed. :class:`newslab.EntityExplorer` is the view that links controls to it. The
tables come from :mod:`newslab.ner.explore` and :func:`newslab.entity_counts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import traitlets as t

from .. import columns as C
from ..edge import require_doc
from ..errors import NewslabError
from ..labels import check_labels
from ..ner.explore import filter_entities, known_labels, kwic
from ._traits import DocTrait, Frame, WidgetModel

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["ExplorerModel"]


class ExplorerModel(WidgetModel):
    """Filter an article's entities by label and text, and pick one to read in context.

    Traits:
        doc: The parsed article (read only).
        labels: The labels shown; empty shows every label.
        query: Show only mentions whose text contains this, ignoring case.
        selected: The ``key`` of the entity shown in context, or ``""``.
        visible: The mentions shown: the entity table filtered by ``labels`` and ``query``
            (read only; each read is a copy).
        entity_list: The entities shown, one row per ``key``, most mentioned first (read only).
        counts: A one-line summary of what is shown (read only).
        kwic: Every mention of ``selected`` in context; no rows when none is (read only).

    Examples:
        >>> import newslab
        >>> model = ExplorerModel(newslab.analyze("Mark Rutte met Zelenskiy in Kyiv, Ukraine."))
        >>> seen = []
        >>> model.observe(lambda change: seen.append(len(change.new)), "visible")
        >>> model.labels = ["GPE"]
        >>> model.counts, seen
        ('2 of 4 mentions · 2 entities', [2])
        >>> model.selected = "Kyiv"
        >>> model.kwic["text"].tolist()
        ['Kyiv']
    """

    doc = DocTrait(read_only=True, help="The parsed article.")
    labels = t.List(t.Unicode(), help="Labels shown; empty shows every label.")
    query = t.Unicode("", help="Show only mentions containing this text (any case).")
    selected = t.Unicode("", help="Key of the entity shown in context, or ''.")
    visible = Frame(read_only=True, help="The mentions shown.")
    entity_list = Frame(read_only=True, help="The entities shown, most mentioned first.")
    counts = t.Unicode("", read_only=True, help="What is shown, in words.")
    kwic = Frame(read_only=True, help="Every mention of the selected entity in context.")

    def __init__(
        self,
        doc: Doc,
        *,
        labels: list[str] | None = None,
        query: str = "",
        selected: str = "",
        width: int = 40,
        **kwargs: Any,
    ) -> None:
        from ..tables.mentions import entities

        doc = require_doc(doc, "nl.EntityExplorer", lite=True)
        self._table = entities(doc)
        self._width = width
        self._keys: tuple[str, ...] = ()
        super().__init__(**kwargs)
        self.set_trait("doc", doc)
        with self.hold_trait_notifications():
            self.labels, self.query = list(labels or []), query
        self._refresh()
        self.selected = selected
        self._on_selected()
        self._build_view()

    @t.validate("labels")
    def _validate_labels(self, proposal: Any) -> list[str]:
        return list(dict.fromkeys(check_labels(proposal.value, allowed=known_labels(self._table))))

    @t.validate("selected")
    def _validate_selected(self, proposal: Any) -> str:
        key = proposal.value
        if key and key not in self._keys:
            raise NewslabError(f"no entity {key!r} among the mentions shown; choose one of: "
                               f"{', '.join(self._keys) or '(none: widen the filter)'}")
        return key

    @t.observe("labels", "query")
    def _on_filter(self, change: Any) -> None:
        self._refresh()

    @t.observe("selected")
    def _on_selected(self, change: Any = None) -> None:
        self.set_trait("kwic", kwic(self.doc, self.selected, width=self._width, mentions=self._table))

    def _refresh(self) -> None:
        """Recompute what is shown from ``labels`` and ``query``; the selection goes if filtered away."""
        from ..ner.counts import entity_counts

        visible = filter_entities(self._table, labels=self.labels, query=self.query)
        ranked = entity_counts(visible, by=C.KEY)
        with self._batch():
            self._keys = tuple(ranked[C.KEY])
            if self.selected not in self._keys:
                self.selected = ""
            self.set_trait("counts", _counts_text(len(visible), len(self._table), len(ranked)))
            self.set_trait("entity_list", ranked)
            self.set_trait("visible", visible)


def _counts_text(shown: int, total: int, n_entities: int) -> str:
    return f"{shown} of {total} mention{'' if total == 1 else 's'} · {n_entities} entit{'y' if n_entities == 1 else 'ies'}"
