"""The state of an annotation session: spans, refusals, undo and the file that keeps them.

:class:`AnnotationModel` is a plain ``traitlets.HasTraits`` object with no ipywidgets, in the
way the jupyter-widgets tutorial keeps its model apart from its view. Every change goes
through :meth:`~AnnotationModel.add`, :meth:`~AnnotationModel.relabel`,
:meth:`~AnnotationModel.delete` or :meth:`~AnnotationModel.undo`; each returns ``True`` when
it changed something and ``False`` when it refused, and sets :attr:`~AnnotationModel.message`
either way. A refusal never changes ``spans``.

When the model has a ``path``, every change is written there at once, atomically (a
temporary file and a rename), as one JSON line in the annotated-text shape of
:mod:`newslab.io.spans`, read and written through :mod:`newslab.io`. A change that cannot be
saved is not applied, so what the file holds and what the screen shows never differ. The
file's ``meta`` keys are all kept. If the file changed on disk since this model last read or
wrote it (a second notebook on the same path), the change is refused rather than silently
overwriting that work.

The traits tagged ``sync=True`` are the ones a view shares with its front end; a view
(:class:`newslab.widgets.annotator.Annotator`) subclasses the model, so they are declared only here,
and overrides :meth:`AnnotationModel._batch` to send each change in one message.

Front ends talk to the model with small dicts (see :meth:`AnnotationModel.handle`)::

    {"type": "add", "start": 138, "end": 142, "label": "GPE"}
    {"type": "relabel", "start": 138, "end": 142, "label": "PERSON"}
    {"type": "delete", "start": 138, "end": 142}
    {"type": "undo"}
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import traitlets

from ..errors import AnnotationError, FileChangedError, SaveError
from ..io.annotations import read_saved
from ..io.atomic import atomic_write_text, clean_stale_temps, fingerprint, unencodable
from ..io.spans import AnnotatedText, SpanDict, validate_spans
from ..labels import LABELS, label_color
from ..precomputed import in_lite
from ._traits import WidgetModel

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["AnnotationModel", "Start", "snap"]

Start = Literal["model", "file", "empty"]
_STARTS = ("model", "file", "empty")


class AnnotationModel(WidgetModel):
    """Spans on one text, changed only through methods that check every change.

    Args:
        text: The text being annotated.
        tokens: ``(start, end)`` character offsets of its tokens; spans must start and end on
            them. Whitespace tokens should be left out.
        labels: The labels a new span may get. Default: every OntoNotes label, those of this
            text first (the labels of the saved file and of ``predicted``, most used first).
        predicted: The model's spans, used when ``start="model"``.
        path: A file to restore from and to save every change to.
        start: ``"model"`` (the predictions), ``"empty"`` or ``"file"`` (``path`` must exist).
            An existing file at ``path`` always wins, so reopening restores the saved work.

    Raises:
        AnnotationError: if the file at ``path`` is malformed, holds another text or a span
            that does not start and end on ``tokens``. The file is left untouched.
        SaveError: if ``path`` cannot be written (a folder that is not writable or is a file).

    Examples:
        >>> model = AnnotationModel("Rutte visited Kyiv.", [(0, 5), (6, 13), (14, 18), (18, 19)])
        >>> model.add(14, 18, "GPE")
        True
        >>> model.add(15, 18, "GPE")  # overlaps the span just added
        False
        >>> model.undo(), model.spans
        (True, [])
    """

    text = traitlets.Unicode(read_only=True).tag(sync=True)
    tokens: traitlets.List[list[int]] = traitlets.List(read_only=True).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)
    colors = traitlets.Dict(read_only=True).tag(sync=True)
    spans: traitlets.List[SpanDict] = traitlets.List(read_only=True).tag(sync=True)
    message = traitlets.Unicode("", read_only=True).tag(sync=True)
    can_undo = traitlets.Bool(False, read_only=True).tag(sync=True)
    #: The name the "Download my annotations" button gives the file (the saved file's name).
    download_name = traitlets.Unicode("annotations.jsonl", read_only=True).tag(sync=True)
    path = traitlets.Unicode("", read_only=True)

    def __init__(
        self,
        text: str,
        tokens: Iterable[Sequence[int]],
        *,
        labels: Iterable[str] | None = None,
        predicted: Iterable[Mapping[str, Any]] = (),
        path: PathLike | None = None,
        start: Start = "model",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if start not in _STARTS:
            raise ValueError(f"start must be one of {', '.join(map(repr, _STARTS))}, not {start!r}")
        self._predicted = validate_spans(text, predicted, labels=None)
        self._history: list[list[SpanDict]] = []
        self._stamp = ""  # fingerprint of the file as last read or written here
        self._meta: dict[str, Any] = {}  # the saved file's meta, every key kept
        sorted_tokens = sorted([int(a), int(b)] for a, b in tokens)
        self._starts = {a for a, _ in sorted_tokens}
        self._ends = {b for _, b in sorted_tokens}
        where = "" if path is None else os.fspath(path)
        for attempt in range(3):
            if self._begin(text, sorted_tokens, labels, start, where) or not where:
                break
            try:  # the file mirrors what the widget shows from the start, even before the first change
                self._save(list(self.spans), expect=self._stamp)
                break
            except FileChangedError:  # another session created it meanwhile: open what that one saved
                if attempt == 2:
                    raise
        self._build_view()

    def _begin(self, text: str, tokens: list[list[int]], labels: Iterable[str] | None, start: Start,
               path: str) -> bool:
        """Set the starting state from the saved file, or else from ``start``; ``True`` if restored."""
        saved = self._open(path, text, tokens) if path else None
        chosen = _offered(labels, [*(saved["spans"] if saved else []), *self._predicted])
        spans, message = self._initial(start, saved, path)
        with self._batch():
            for name, value in (("text", text), ("tokens", tokens), ("labels", chosen), ("path", path),
                                ("download_name", os.path.basename(path) or "annotations.jsonl"),
                                ("spans", spans), ("colors", _colors(chosen, spans)), ("message", message)):
                self.set_trait(name, value)
        return saved is not None

    def _open(self, path: str, text: str, tokens: list[list[int]]) -> AnnotatedText | None:
        clean_stale_temps(path)
        self._stamp = fingerprint(path)
        saved = read_saved(path, text=text)
        if saved is not None:
            self._check_tokens(saved["spans"], tokens, path)
            self._meta = dict(saved["meta"])
        return saved

    def _check_tokens(self, spans: Iterable[SpanDict], tokens: list[list[int]], path: str) -> None:
        for span in spans:
            if span["start"] not in self._starts or span["end"] not in self._ends:
                snapped = snap(tokens, span["start"], span["end"])
                hint = "" if snapped is None else f" (its whole tokens are {snapped[0]}-{snapped[1]})"
                raise AnnotationError(
                    f"the saved span {span['start']}-{span['end']} ({span['label']}) cuts a word in two{hint}; "
                    "the annotator only keeps spans on whole tokens. Fix or delete it in the file "
                    "(it was not changed), or pass another path", line=1, path=path)

    def _initial(self, start: Start, saved: AnnotatedText | None, path: str) -> tuple[list[SpanDict], str]:
        if saved is not None:
            return saved["spans"], f"Restored {_count(saved['spans'])} from {path}."
        if start == "file":
            raise AnnotationError("start='file' needs a saved file, but there is none", path=path or None)
        if start == "empty":
            return [], "Nothing annotated yet: select some text, then press a label."
        return list(self._predicted), f"Started from the model's {_count(self._predicted, 'prediction')}."

    def _batch(self) -> contextlib.AbstractContextManager[Any]:
        """Group the trait changes of one step; a view overrides this to send them in one message."""
        return self.hold_trait_notifications()

    # -- queries ---------------------------------------------------------------------------

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Widen ``start``-``end`` to whole tokens, dropping whitespace at either end."""
        return snap(self.tokens, start, end)

    def record(self) -> AnnotatedText:
        """Return the text and its spans as an annotated-text dict (see :mod:`newslab.io.spans`).

        ``meta`` holds every key of the saved file, plus ``annotator`` and ``labels`` where the
        file has none.
        """
        meta = {"annotator": "newslab", "labels": list(self.labels), **self._meta}
        return AnnotatedText(text=self.text, spans=[SpanDict(**s) for s in self.spans], meta=meta)

    # -- changes ---------------------------------------------------------------------------

    def add(self, start: int, end: int, label: str, *, snap: bool = False) -> bool:
        """Add a span. ``snap=True`` first widens the offsets to whole tokens."""
        start, end = int(start), int(end)
        if snap:
            snapped = self.snap(start, end)
            if snapped is None:
                return self._refuse("Nothing selected: select a word or more before choosing a label.")
            start, end = snapped
        problem = self._problem(start, end, label)
        if problem:
            return self._refuse(problem)
        new = SpanDict(start=start, end=end, label=label)
        return self._commit([*self.spans, new], f"Added {label} {self._quote(new)}.")

    def relabel(self, start: int, end: int, label: str) -> bool:
        """Give the span at exactly ``start``-``end`` another label."""
        found = self._find(int(start), int(end))
        if found is None:
            return self._refuse(f"There is no span at {start}-{end} to relabel.")
        if label not in self.labels:
            return self._refuse(self._unknown(label))
        if found["label"] == label:
            return self._refuse(f"{self._quote(found)} is already {label}.")
        changed = [SpanDict(start=s["start"], end=s["end"], label=label) if s is found else s for s in self.spans]
        return self._commit(changed, f"Relabelled {self._quote(found)}: {found['label']} → {label}.")

    def delete(self, start: int, end: int) -> bool:
        """Remove the span at exactly ``start``-``end``."""
        found = self._find(int(start), int(end))
        if found is None:
            return self._refuse(f"There is no span at {start}-{end} to delete.")
        kept = [s for s in self.spans if s is not found]
        return self._commit(kept, f"Deleted {found['label']} {self._quote(found)}.")

    def undo(self) -> bool:
        """Take back the last change (saved like any other change)."""
        if not self._history:
            return self._refuse("Nothing to undo.")
        with self._batch():
            if not self._commit(self._history[-1], "Undone.", remember=False):
                return False
            self._history.pop()
            self.set_trait("can_undo", bool(self._history))
        return True

    def reset(self, start: Literal["model", "empty"] = "model") -> bool:
        """Replace every span by the model's predictions or by nothing (undoable)."""
        if start not in ("model", "empty"):
            raise ValueError(f"reset() starts from 'model' or 'empty', not {start!r}")
        spans = list(self._predicted) if start == "model" else []
        return self._commit(spans, f"Reset to {'the model' if start == 'model' else 'nothing'}.")

    def handle(self, request: Mapping[str, Any]) -> bool:
        """Apply a request from a front end: a dict with ``type`` and its arguments."""
        kind = request.get("type") if isinstance(request, Mapping) else None
        try:
            if kind == "add":
                return self.add(request["start"], request["end"], str(request["label"]), snap=True)
            if kind == "relabel":
                return self.relabel(request["start"], request["end"], str(request["label"]))
            if kind == "delete":
                return self.delete(request["start"], request["end"])
            if kind == "undo":
                return self.undo()
        except (KeyError, TypeError, ValueError):
            pass
        return self._refuse(f"Ignored a request the annotator does not understand: {request!r}")

    # -- internals -------------------------------------------------------------------------

    def _problem(self, start: int, end: int, label: str) -> str | None:
        if label not in self.labels:
            return self._unknown(label)
        if start >= end:
            return "Nothing selected: select a word or more before choosing a label."
        if start < 0 or end > len(self.text):
            return f"{start}-{end} lies outside the text of {len(self.text)} characters."
        if start not in self._starts or end not in self._ends:
            return (f"“{self.text[start:end]}” at {start}-{end} cuts a word in two: "
                    f"spans start and end on whole tokens (try {self._suggest(start, end)}).")
        for other in self.spans:
            if other["start"] < end and start < other["end"]:
                return (f"“{self.text[start:end]}” overlaps {other['label']} {self._quote(other)}: "
                        "delete or change that span first.")
        return None

    def _suggest(self, start: int, end: int) -> str:
        snapped = self.snap(start, end)
        return "a wider selection" if snapped is None else f"{snapped[0]}-{snapped[1]}"

    def _unknown(self, label: str) -> str:
        return f"Unknown label {label!r}: use one of {', '.join(self.labels)}."

    def _find(self, start: int, end: int) -> SpanDict | None:
        return next((s for s in self.spans if s["start"] == start and s["end"] == end), None)

    def _quote(self, span: Mapping[str, Any]) -> str:
        return f"“{self.text[span['start']:span['end']]}”"

    def _refuse(self, message: str) -> bool:
        self.set_trait("message", message)
        return False

    def _save(self, spans: list[SpanDict], *, expect: str) -> None:
        problem = unencodable(self.text)
        if problem:
            raise SaveError(f"cannot save {self.path}: {problem}")
        record = {"text": self.text, "spans": spans, "meta": self.record()["meta"]}
        data = json.dumps(record, ensure_ascii=False) + "\n"
        # JupyterLite's drive (the lite edition) does not give back the bytes written, so the check that no other
        # kernel changed the file cannot work there: lite writes without it (one tab, one annotator per file)
        atomic_write_text(self.path, data, expect=None if in_lite() else expect)
        self._stamp = digest(data)

    def _commit(self, spans: list[SpanDict], message: str, *, remember: bool = True) -> bool:
        ordered = sorted((SpanDict(**s) for s in spans), key=lambda s: (s["start"], s["end"]))
        if self.path:
            try:
                self._save(ordered, expect=self._stamp)
            except FileChangedError:
                return self._refuse(
                    f"Not saved: {self.path} was changed by someone else (another notebook or kernel) since "
                    "this annotator opened it. Nothing was changed here and nothing there was overwritten. "
                    "To go on from that work, run the cell that makes this annotator again (it reloads the "
                    "file); to keep this session apart, make a new annotator with another path=.")
            except OSError as err:
                return self._refuse(f"Could not save to {self.path} ({err}); nothing was changed.")
        with self._batch():
            if remember:
                self._history.append(list(self.spans))
            colors = _colors(self.colors, ordered)
            if colors != self.colors:
                self.set_trait("colors", colors)
            self.set_trait("spans", ordered)
            self.set_trait("can_undo", bool(self._history))
            self.set_trait("message", message)
        return True


def snap(tokens: Sequence[Sequence[int]], start: int, end: int) -> tuple[int, int] | None:
    """Widen ``start``-``end`` to the tokens it touches; ``None`` if it touches none.

    A selection that begins or ends in whitespace shrinks to the nearest token instead.

    Examples:
        >>> snap([(0, 5), (6, 13), (14, 18)], 2, 9)
        (0, 13)
        >>> snap([(0, 5), (6, 13), (14, 18)], 5, 6) is None
        True
    """
    first = next((a for a, b in tokens if b > start), None)
    last = next((b for a, b in reversed(tokens) if a < end), None)
    if first is None or last is None or first >= last:
        return None
    return first, last




def digest(data: str) -> str:
    """The :func:`~newslab.io.atomic.fingerprint` a file gets when ``data`` is written to it.

    Examples:
        >>> len(digest("Riverton"))
        64
    """
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _offered(labels: Iterable[str] | None, spans: Iterable[Mapping[str, Any]]) -> list[str]:
    """The labels to offer: those given, else this text's labels (most used first), then the rest."""
    chosen = list(labels) if labels is not None else []
    if labels is None:
        counts = Counter(span["label"] for span in spans)
        rank = {label: i for i, label in enumerate(LABELS)}
        chosen = sorted(counts, key=lambda label: (-counts[label], rank.get(label, len(rank)), label))
        chosen += [label for label in LABELS if label not in counts]
    if not chosen or not all(isinstance(label, str) and label for label in chosen):
        raise AnnotationError("labels must be a non-empty list of label names")
    return chosen


def _colors(labels: Iterable[str], spans: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    names = dict.fromkeys([*labels, *sorted({s["label"] for s in spans})])
    return {name: label_color(name) for name in names}


def _count(spans: Sequence[Any], noun: str = "span") -> str:
    return f"{len(spans)} {noun}{'' if len(spans) == 1 else 's'}"
