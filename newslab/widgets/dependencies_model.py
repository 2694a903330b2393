"""The state of the dependency viewer, without any widget: which sentence is shown.

:class:`DependencyModel` is a ``HasTraits``: set ``sent_id`` and ``sentence_text`` and
``part`` follow. :class:`newslab.DependencyViewer` is the view that links a slider to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import traitlets as t

from .. import columns as C
from ..edge import require_doc
from ._traits import DocTrait, WidgetModel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DependencyModel"]


class DependencyModel(WidgetModel):
    """One sentence of a parsed article at a time, chosen by its number.

    Traits:
        doc: The parsed article (read only).
        sent_id: The sentence shown, as numbered by :func:`newslab.sentences`; a number out
            of range is moved to the nearest sentence.
        n_sentences: How many sentences the article has (read only).
        sentence_text: The text of sentence ``sent_id`` (read only).
        part: The article part it belongs to: headline, byline, dateline or paragraph (read only).

    Examples:
        >>> import newslab
        >>> model = DependencyModel(newslab.analyze("Rutte came. He left."))
        >>> model.sent_id = 1
        >>> model.sentence_text, model.n_sentences
        ('He left.', 2)
        >>> model.sent_id = 99
        >>> model.sent_id
        1
    """

    doc = DocTrait(read_only=True, help="The parsed article.")
    sent_id = t.Int(0, help="The sentence shown.")
    n_sentences = t.Int(0, read_only=True, help="How many sentences the article has.")
    sentence_text = t.Unicode("", read_only=True, help="The text of the sentence shown.")
    part = t.Unicode("", read_only=True, help="The article part of the sentence shown.")

    def __init__(self, doc: Doc, *, sent_id: int = 0, **kwargs: Any) -> None:
        from ..tables.parse import sentences

        self._table = sentences(require_doc(doc, "nl.DependencyViewer", lite=True))
        super().__init__(**kwargs)
        self.set_trait("doc", doc)
        self.set_trait("n_sentences", len(self._table))
        self.sent_id = sent_id
        self._on_sent_id()
        self._build_view()

    @t.validate("sent_id")
    def _validate_sent_id(self, proposal: Any) -> int:
        return min(max(int(proposal.value), 0), max(self.n_sentences - 1, 0))

    @t.observe("sent_id")
    def _on_sent_id(self, change: Any = None) -> None:
        row = self._table.iloc[self.sent_id]
        self.set_trait("part", str(row[C.PART]))
        self.set_trait("sentence_text", str(row[C.TEXT]))
