"""Annotated texts in the spaCy/Prodigy span shape, and their validation.

An *annotated text* is a plain dict, the shape spaCy's and Prodigy's JSONL use::

    {"text": "Rutte visited Kyiv.", "spans": [{"start": 14, "end": 18, "label": "GPE"}], "meta": {}}

``start`` and ``end`` are character offsets into ``text``, end exclusive. Every reader in
:mod:`newslab.io` returns this shape, every writer accepts it, and :func:`evaluate`,
:func:`agreement` and the annotator speak it too.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, Union

from ..edge import require_doc
from ..errors import AnnotationError
from ..labels import LABELS
from ..precomputed import is_lite
from ..types import is_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SpanDict", "AnnotatedText", "Annotated", "Records", "annotated_text", "spans_from_doc", "validate_spans"]


class SpanDict(TypedDict):
    """One labelled span: character offsets (end exclusive) and a label."""

    start: int
    end: int
    label: str


class AnnotatedText(TypedDict, total=False):
    """A text with its spans and free-form metadata."""

    text: str
    spans: list[SpanDict]
    meta: dict[str, Any]


#: One annotated text in any shape newslab reads: the dict itself, a parsed ``Doc`` (its
#: entities), or a ``(text, spans)`` pair whose spans are dicts or ``(start, end, label)`` tuples.
Annotated: TypeAlias = Union[Mapping[str, Any], "Doc", tuple[str, Sequence[Any]]]
#: What the writers take: one annotated text, or an iterable of them.
Records: TypeAlias = Annotated | Iterable[Annotated]


def spans_from_doc(doc: Doc, *, key: str | None = None) -> list[SpanDict]:
    """Return ``doc.ents`` (or the span group ``key``) as span dicts, sorted by offset.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Mark Rutte visited Ukraine on Thursday.")
        >>> [s["label"] for s in spans_from_doc(doc)]
        ['PERSON', 'GPE', 'DATE']
    """
    if is_lite(doc) and key is None:  # the lite edition: the mentions of the entity table
        table = doc.result("entities")
        found = [SpanDict(start=int(a), end=int(b), label=str(label))
                 for a, b, label in zip(table["start_char"], table["end_char"], table["label"])]
        return sorted(found, key=lambda s: (s["start"], s["end"]))
    doc = require_doc(doc, "nl.spans_from_doc")
    spans = doc.ents if key is None else doc.spans[key]
    found = [SpanDict(start=s.start_char, end=s.end_char, label=s.label_) for s in spans]
    return sorted(found, key=lambda s: (s["start"], s["end"]))


def annotated_text(obj: Annotated, *, key: str | None = None) -> AnnotatedText:
    """Coerce a ``Doc``, an annotated-text dict or a ``(text, spans)`` pair to an annotated text.

    Spans may be dicts with ``start``/``end``/``label`` or ``(start, end, label)`` tuples.

    Examples:
        >>> annotated_text(("Rutte visited Kyiv.", [(14, 18, "GPE")]))["spans"]
        [{'start': 14, 'end': 18, 'label': 'GPE'}]
    """
    if is_doc(obj) or is_lite(obj):
        return AnnotatedText(text=obj.text, spans=spans_from_doc(obj, key=key), meta={})
    if isinstance(obj, Mapping):
        if "text" not in obj:
            raise AnnotationError('an annotated text needs a "text" field')
        spans = [_span(item) for item in obj.get("spans") or []]
        meta = obj.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise AnnotationError(f'"meta" must be an object ({{"key": value, ...}}), not {type(meta).__name__}')
        return AnnotatedText(text=obj["text"], spans=spans, meta=dict(meta))
    if isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], str):
        return AnnotatedText(text=obj[0], spans=[_span(item) for item in obj[1]], meta={})
    raise AnnotationError(f"cannot read spans from {type(obj).__name__}; give a Doc, a dict or (text, spans)")


def _span(item: Any) -> SpanDict:
    if isinstance(item, Mapping):
        missing = next((key for key in ("start", "end", "label") if key not in item), None)
        if missing is not None:
            raise AnnotationError(f"span {dict(item)!r} has no {missing!r}")
        return SpanDict(start=_offset(item["start"], item), end=_offset(item["end"], item), label=str(item["label"]))
    if isinstance(item, (tuple, list)) and len(item) == 3:
        return SpanDict(start=_offset(item[0], item), end=_offset(item[1], item), label=str(item[2]))
    if hasattr(item, "start_char") and hasattr(item, "label_"):
        return SpanDict(start=item.start_char, end=item.end_char, label=item.label_)
    raise AnnotationError(f"cannot read a span from {item!r}")


def _offset(value: Any, span: Any) -> int:
    """A character offset: a whole number, never a float, a bool, a string or null."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        shown = dict(span) if isinstance(span, Mapping) else span
        raise AnnotationError(f"span {shown!r} has offsets that are not integers ({value!r}); "
                              "offsets count characters from 0, for example 14")
    return operator.index(value)


def validate_spans(
    text: str,
    spans: Iterable[Mapping[str, Any]],
    *,
    labels: Iterable[str] | None = LABELS,
    allow_overlap: bool = False,
    line: int | None = None,
    path: str | None = None,
) -> list[SpanDict]:
    """Check spans against their text and return them sorted.

    Raises:
        AnnotationError: for offsets outside the text, empty or reversed spans, labels not in
            ``labels`` (pass ``None`` to accept any label) and, unless ``allow_overlap``,
            overlapping spans. The message quotes the span's text and position.

    Examples:
        >>> validate_spans("Rutte visited Kyiv.", [{"start": 14, "end": 18, "label": "GPE"}])
        [{'start': 14, 'end': 18, 'label': 'GPE'}]
    """
    allowed = None if labels is None else set(labels)
    ordered = sorted((_span(s) for s in spans), key=lambda s: (s["start"], s["end"]))
    for span in ordered:
        start, end, label = span["start"], span["end"], span["label"]
        if not 0 <= start < end <= len(text):
            raise AnnotationError(
                f"span {start}-{end} ({label}) lies outside the text of {len(text)} characters "
                "or is empty", line=line, path=path)
        if allowed is not None and label not in allowed:
            raise AnnotationError(
                f"unknown label {label!r} on {text[start:end]!r} at {start}-{end}; "
                f"expected one of {', '.join(sorted(allowed))}", line=line, path=path)
    if not allow_overlap:
        for a, b in zip(ordered, ordered[1:]):
            if b["start"] < a["end"]:
                raise AnnotationError(
                    f"spans overlap: {text[a['start']:a['end']]!r} at {a['start']}-{a['end']} "
                    f"and {text[b['start']:b['end']]!r} at {b['start']}-{b['end']}", line=line, path=path)
    return ordered
