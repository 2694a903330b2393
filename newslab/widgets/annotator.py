"""The annotation widget: mark entities with the mouse and the keyboard, saved as you go.

The widget is thin: it *is* an :class:`~newslab.widgets.annotator_model.AnnotationModel` (whose
``sync=True`` traits are declared there, once) that is also an ``anywidget.AnyWidget``. It
only adds what a view needs: the text and tokens of the parsed article, the front end's files, sending each change
in one message (:meth:`Annotator._batch`) and a static HTML copy. The front end
(``static/annotator.js``) never changes a span itself: it sends a request and draws whatever
``spans`` and ``message`` say afterwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget

from .. import columns as C
from ..edge import require_doc
from ..io.spans import spans_from_doc
from .annotator_model import AnnotationModel, Start

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from ..types import PathLike

__all__ = ["Annotator"]

_STATIC = Path(__file__).parent / "static"


class Annotator(AnnotationModel, anywidget.AnyWidget):
    """Annotate entities in an article: select text, press a label; every change is saved.

    Select words with the mouse and press a number key (or click a label); click a span to
    relabel or delete it; Ctrl+Z (or the Undo button) takes the last change back. The same
    changes can be made from Python with :meth:`add`, :meth:`relabel`, :meth:`delete` and
    :meth:`undo`. A change that would overlap a span, cut a word in two or use an unknown
    label is refused, and :attr:`message` says why.

    Args:
        doc: A parsed article (:func:`newslab.analyze`), or a ``Span`` of one to annotate on its own.
        labels: The labels to offer. Default: every OntoNotes label, this article's first (the
            labels the model predicted or the saved file holds, most used first). Keys 1-9 pick
            the first nine.
        path: A JSONL file that keeps the annotations. Every change is written there at once;
            if the file exists it is restored, whatever ``start`` says.
        start: Where a session without a saved file begins: ``"model"`` (the model's
            entities), ``"empty"``, or ``"file"`` (``path`` must exist).

    Raises:
        AnnotationError: if the file at ``path`` is malformed, holds another text or a span
            that cuts a word in two. The file is not touched, so saved work is never lost.
        SaveError: if ``path`` cannot be written (its folder is not writable, or is a file).

    Examples:
        >>> import newslab
        >>> annotator = Annotator(newslab.analyze("Mark Rutte visited Kyiv."), start="empty")
        >>> annotator.add(19, 23, "GPE")
        True
        >>> annotator.add(0, 6, "PERSON"), annotator.message
        (False, '“Mark R” at 0-6 cuts a word in two: spans start and end on whole tokens (try 0-10).')
        >>> annotator.spans
        [{'start': 19, 'end': 23, 'label': 'GPE'}]
    """

    _esm = _STATIC / "annotator.js"
    _css = _STATIC / "annotator.css"

    def __init__(
        self,
        doc: Doc,
        *,
        labels: Iterable[str] | None = None,
        path: PathLike | None = None,
        start: Start = "model",
        **kwargs: Any,
    ) -> None:
        doc = require_doc(doc, "nl.Annotator", lite=True)
        self._doc = doc.as_doc() if hasattr(doc, "as_doc") else doc  # a Span is annotated on its own
        super().__init__(
            self._doc.text,
            [(t.idx, t.idx + len(t)) for t in self._doc if not t.is_space],
            labels=labels,
            predicted=spans_from_doc(self._doc),
            path=path,
            start=start,
            **kwargs,
        )

    def _build_view(self) -> None:
        self.add_class("newslab-annotator")
        self.on_msg(self._on_msg)

    def _batch(self) -> contextlib.AbstractContextManager[Any]:
        stack = contextlib.ExitStack()
        stack.enter_context(self.hold_sync())
        stack.enter_context(self.hold_trait_notifications())
        return stack

    def _on_msg(self, widget: Any, content: dict[str, Any], buffers: list[Any]) -> None:
        self.handle(content)

    def to_frame(self) -> pd.DataFrame:
        """One row per span: ``start_char``, ``end_char``, ``label`` and ``text``."""
        import pandas as pd

        rows = [(s["start"], s["end"], s["label"], self.text[s["start"] : s["end"]]) for s in self.spans]
        table = pd.DataFrame.from_records(rows, columns=[C.START_CHAR, C.END_CHAR, C.LABEL, C.TEXT])
        return table.astype({C.START_CHAR: "int64", C.END_CHAR: "int64"})

    def html(self) -> str:
        """The text with the current spans highlighted, as static HTML."""
        from ..render.html import entities_html

        return str(entities_html(self._doc, spans=self.spans))

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict, dict] | None:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        # nbviewer and GitHub cannot run the widget: they show this static copy instead
        return {**data, "text/html": self.html()}, metadata

