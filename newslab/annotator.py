"""The annotation widget: mark entities with the mouse and the keyboard, saved as you go.

The widget is thin. Its state lives in an :class:`~newslab.annotation_model.AnnotationModel`;
the widget mirrors that state into synced traits and forwards the front end's requests to it.
The front end (``static/annotator.js``) never changes a span itself: it sends a request and
draws whatever ``spans`` and ``message`` say afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import anywidget
import traitlets

from . import _columns as C
from .annotation_model import AnnotationModel, Start
from .spans import AnnotatedText, SpanDict, spans_from_doc

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["Annotator"]

_STATIC = Path(__file__).parent / "static"
_MIRRORED = ("text", "tokens", "labels", "colors", "spans", "message", "can_undo", "path")


class Annotator(anywidget.AnyWidget):
    """Annotate entities in an article: select text, press a label; every change is saved.

    Select words with the mouse and press a number key (or click a label); click a span to
    relabel or delete it; Ctrl+Z (or the Undo button) takes the last change back. The same
    changes can be made from Python with :meth:`add`, :meth:`relabel`, :meth:`delete` and
    :meth:`undo`. A change that would overlap a span, cut a word in two or use an unknown
    label is refused, and :attr:`message` says why.

    Args:
        source: A parsed ``Doc``, an ``Article``, or anything :func:`newslab.analyze` reads.
        labels: The labels to offer (default: every OntoNotes label). Keys 1-9 pick the first
            nine.
        path: A JSONL file that keeps the annotations. Every change is written there at once;
            if the file exists it is restored, whatever ``start`` says.
        start: Where a session without a saved file begins: ``"model"`` (the model's
            entities), ``"empty"``, or ``"file"`` (``path`` must exist).

    Raises:
        AnnotationError: if the file at ``path`` is malformed or holds another text. The file
            is not touched, so saved work is never lost.

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

    text = traitlets.Unicode(read_only=True).tag(sync=True)
    tokens: traitlets.List[list[int]] = traitlets.List(read_only=True).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)
    colors = traitlets.Dict(read_only=True).tag(sync=True)
    spans: traitlets.List[SpanDict] = traitlets.List(read_only=True).tag(sync=True)
    message = traitlets.Unicode("", read_only=True).tag(sync=True)
    can_undo = traitlets.Bool(False, read_only=True).tag(sync=True)
    path = traitlets.Unicode("", read_only=True)

    def __init__(
        self,
        source: Any = None,
        *,
        labels: Iterable[str] | None = None,
        path: str | os.PathLike | None = None,
        start: Start = "model",
        **kwargs: Any,
    ) -> None:
        from .pipeline import analyze

        self._doc = _as_doc(source, analyze)
        self._state = AnnotationModel(
            self._doc.text,
            [(t.idx, t.idx + len(t)) for t in self._doc if not t.is_space],
            labels=labels,
            predicted=spans_from_doc(self._doc),
            path=path,
            start=start,
        )
        super().__init__(**kwargs)
        self.add_class("newslab-annotator")
        for name in _MIRRORED:
            self.set_trait(name, getattr(self._state, name))
        self._state.observe(self._on_state, names=list(_MIRRORED))
        self.on_msg(self._on_msg)

    def _on_state(self, change: dict[str, Any]) -> None:
        self.set_trait(change["name"], change["new"])

    def _on_msg(self, widget: Any, content: dict[str, Any], buffers: list[Any]) -> None:
        with self.hold_sync():
            self._state.handle(content)

    def add(self, start: int, end: int, label: str) -> bool:
        """Add a span; ``False`` (and a :attr:`message`) if it is refused."""
        with self.hold_sync():
            return self._state.add(start, end, label)

    def relabel(self, start: int, end: int, label: str) -> bool:
        """Give the span at exactly ``start``-``end`` another label."""
        with self.hold_sync():
            return self._state.relabel(start, end, label)

    def delete(self, start: int, end: int) -> bool:
        """Remove the span at exactly ``start``-``end``."""
        with self.hold_sync():
            return self._state.delete(start, end)

    def undo(self) -> bool:
        """Take back the last change."""
        with self.hold_sync():
            return self._state.undo()

    def reset(self, start: Literal["model", "empty"] = "model") -> bool:
        """Start again from the model's entities or from nothing (Undo brings the work back)."""
        with self.hold_sync():
            return self._state.reset(start)

    def record(self) -> AnnotatedText:
        """Return the annotations as an annotated-text dict, ready for ``newslab.io`` or ``evaluate``."""
        return self._state.record()

    def to_frame(self) -> pd.DataFrame:
        """One row per span: ``start_char``, ``end_char``, ``label`` and ``text``."""
        import pandas as pd

        rows = [(s["start"], s["end"], s["label"], self.text[s["start"] : s["end"]]) for s in self.spans]
        table = pd.DataFrame.from_records(rows, columns=[C.START_CHAR, C.END_CHAR, C.LABEL, C.TEXT])
        return table.astype({C.START_CHAR: "int64", C.END_CHAR: "int64"})

    def html(self) -> str:
        """The text with the current spans highlighted, as static HTML."""
        from .render import entities_html

        return str(entities_html(self._doc, spans=self.spans))

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict, dict] | None:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        # nbviewer and GitHub cannot run the widget: they show this static copy instead
        return {**data, "text/html": self.html()}, metadata


def _as_doc(source: Any, analyze: Any) -> Doc:
    if hasattr(source, "as_doc") and hasattr(source, "doc"):  # a Span: annotate it on its own
        return source.as_doc()
    return analyze(source)
