"""The state of the quote browser, without any widget: statements, filters and the selection.

:class:`QuoteModel` is a plain ``traitlets.HasTraits`` object. Everything the browser shows
is derived from its traits, so it can be driven and tested without a browser;
:class:`newslab.QuoteBrowser` is the view on top of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import traitlets

from .. import columns as C
from ..edge import require_doc
from ._traits import DocTrait, WidgetModel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteModel", "KINDS"]

#: Values of the ``kind`` filter: every statement, or only one kind.
KINDS = ("", *C.QUOTE_KINDS)
_OFFSETS = {C.SPEAKER: (C.SPEAKER_START, C.SPEAKER_END), C.CUE: (C.CUE_START, C.CUE_END),
            C.CONTENT: (C.CONTENT_START, C.CONTENT_END)}


class QuoteModel(WidgetModel):
    """The statements of an article, filtered by kind and speaker, and the one selected.

    Attributes:
        doc: The parsed article.
        statements: Every statement, as the rows of :func:`newslab.quotes` (dicts); derived from ``doc``.
        speakers: The speakers' canonical names, in order of first statement; derived from ``doc``.
        kind: Show only ``"direct"``, ``"mixed"`` or ``"reported"`` statements; ``""`` shows all.
        speaker: Show only this speaker's statements; ``""`` shows everyone's.
        groups: The visible statements grouped by speaker: ``[{"speaker": name, "quote_ids": [...]}]``.
        selected: The ``quote_id`` of the selected statement, or -1. A statement hidden by a
            filter is unselected.
        highlight: ``{"speaker": [start, end], "cue": [...], "content": [...]}`` character
            offsets of the selected statement; empty when nothing is selected.

    Examples:
        >>> import newslab
        >>> model = QuoteModel(newslab.analyze('"It is safe," Mayor Lena Brandt said. The ministry warned that it was not.'))
        >>> [group["speaker"] for group in model.groups]
        ['Lena Brandt', 'The ministry']
        >>> model.kind = "reported"
        >>> model.selected = 1
        >>> model.highlight["cue"]
        [51, 57]
    """

    doc = DocTrait()
    statements = traitlets.List(traitlets.Dict(), read_only=True)
    speakers = traitlets.List(traitlets.Unicode(), read_only=True)
    kind = traitlets.Unicode("")
    speaker = traitlets.Unicode("")
    groups = traitlets.List(traitlets.Dict(), read_only=True)
    selected = traitlets.Int(-1)
    highlight = traitlets.Dict(read_only=True)

    def __init__(self, doc: Doc, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.doc = require_doc(doc, "nl.QuoteBrowser", lite=True)
        self._build_view()

    @traitlets.validate("kind")
    def _valid_kind(self, proposal: dict[str, Any]) -> str:
        if proposal["value"] not in KINDS:
            raise traitlets.TraitError(f"kind must be one of {KINDS}, not {proposal['value']!r}")
        return str(proposal["value"])

    @traitlets.validate("speaker")
    def _valid_speaker(self, proposal: dict[str, Any]) -> str:
        if proposal["value"] and proposal["value"] not in self.speakers:
            raise traitlets.TraitError(f"{proposal['value']!r} says nothing here; choose one of {self.speakers}")
        return str(proposal["value"])

    @traitlets.validate("selected")
    def _valid_selected(self, proposal: dict[str, Any]) -> int:
        value = int(proposal["value"])
        return value if value in self._visible_ids() else -1

    @traitlets.observe("doc")
    def _on_doc(self, change: dict[str, Any]) -> None:
        from ..attribution.statements import quotes

        table = quotes(self.doc)
        rows = table.astype(object).where(table.notna(), None).to_dict("records")
        with self.hold_trait_notifications():
            self.set_trait("statements", rows)
            self.set_trait("speakers", list(dict.fromkeys(str(row[C.CANONICAL]) for row in rows)))
            self.kind, self.speaker, self.selected = "", "", -1
        self._on_filter({})

    def _visible_ids(self) -> list[int]:
        return [int(row[C.QUOTE_ID]) for row in self.statements
                if (not self.kind or row[C.KIND] == self.kind) and (not self.speaker or row[C.CANONICAL] == self.speaker)]

    @traitlets.observe("kind", "speaker")
    def _on_filter(self, change: dict[str, Any]) -> None:
        visible = set(self._visible_ids())
        groups: dict[str, list[int]] = {}
        for row in self.statements:
            if int(row[C.QUOTE_ID]) in visible:
                groups.setdefault(str(row[C.CANONICAL]), []).append(int(row[C.QUOTE_ID]))
        self.set_trait("groups", [{C.SPEAKER: name, C.QUOTE_IDS: ids} for name, ids in groups.items()])
        if self.selected not in visible:
            self.selected = -1

    @traitlets.observe("selected")
    def _on_selected(self, change: dict[str, Any]) -> None:
        row = self.statement(self.selected)
        spans = {} if row is None else {part: [int(row[start]), int(row[end])]
                                        for part, (start, end) in _OFFSETS.items()}
        self.set_trait("highlight", spans)

    def statement(self, quote_id: int) -> dict[str, Any] | None:
        """The statement with this ``quote_id``, or ``None``."""
        return next((row for row in self.statements if int(row[C.QUOTE_ID]) == quote_id), None)
