"""Plain spaCy-style JSONL: one ``{"text", "spans", "meta"}`` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AnnotationError
from ..labels import LABELS
from ._align import records_and_docs
from .atomic import atomic_write_text
from .spans import AnnotatedText, annotated_text, validate_spans
from .text import json_lines

if TYPE_CHECKING:
    from ..types import PathLike
    from .spans import Records

__all__ = ["read_jsonl", "read_single", "write_jsonl"]


def read_jsonl(path: PathLike, *, labels: Iterable[str] | None = LABELS) -> list[AnnotatedText]:
    """Read annotated texts from a JSONL file, one ``{"text", "spans", "meta"}`` per line.

    Args:
        path: The file to read. Blank lines are skipped.
        labels: The allowed labels; ``None`` accepts any label.

    Raises:
        AnnotationError: naming the file and line of bad JSON, a missing ``"text"``, offsets
            outside the text, an unknown label or overlapping spans.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
        >>> _ = write_jsonl([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> read_jsonl(path)[0]["spans"]
        [{'start': 14, 'end': 18, 'label': 'GPE'}]
    """
    return [record_at(obj, line, path, labels) for line, obj in json_lines(path)]


def read_single(path: PathLike, *, labels: Iterable[str] | None = LABELS) -> AnnotatedText | None:
    """Read a JSONL file that holds one annotated text (a gold file, a saved annotation session).

    Returns:
        The annotated text, or ``None`` when the file holds only blank lines.

    Raises:
        AnnotationError: naming the file and line, as :func:`read_jsonl` does, and for a
            second annotated text.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
        >>> _ = write_jsonl([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> read_single(path)["spans"]
        [{'start': 14, 'end': 18, 'label': 'GPE'}]
    """
    found = None
    for line, obj in json_lines(path):
        if found is not None:
            raise AnnotationError("expected one annotated text (one JSON line), found another one here",
                                  line=line, path=str(path))
        found = record_at(obj, line, path, labels)
    return found


def write_jsonl(records: Records, path: PathLike) -> Path:
    """Write annotated texts (or Docs, or ``(text, spans)`` pairs) as JSONL, atomically.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
        >>> write_jsonl([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path).read_text()[:30]
        '{"text": "Rutte visited Kyiv."'
    """
    lines = []
    for record, _ in records_and_docs(records):
        spans = validate_spans(record["text"], record["spans"], labels=None)
        lines.append(json.dumps({"text": record["text"], "spans": spans, "meta": record["meta"]},
                                ensure_ascii=False))
    return atomic_write_text(path, "".join(line + "\n" for line in lines))


def record_at(obj: dict[str, Any], line: int, path: PathLike,
              labels: Iterable[str] | None) -> AnnotatedText:
    """Coerce and validate one JSON object, naming its file and line on failure."""
    if not isinstance(obj.get("text"), str):
        raise AnnotationError('missing "text" field (or it is not a string)', line=line, path=str(path))
    if not isinstance(obj.get("spans") or [], list):
        raise AnnotationError('"spans" must be a list', line=line, path=str(path))
    try:
        record = annotated_text(obj)
    except AnnotationError as err:
        raise AnnotationError(str(err), line=line, path=str(path)) from None
    record["spans"] = validate_spans(record["text"], record["spans"], labels=labels,
                                     line=line, path=str(path))
    return record
