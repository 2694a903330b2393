"""Prodigy JSONL, in the shape Prodigy's ``ner.manual`` recipe saves.

One task per line::

    {"text": "Rutte visited Kyiv.", "_input_hash": ..., "_task_hash": ...,
     "tokens": [{"text": "Rutte", "start": 0, "end": 5, "id": 0, "ws": true}, ...],
     "spans": [{"start": 14, "end": 18, "token_start": 2, "token_end": 2, "label": "GPE"}],
     "_view_id": "ner_manual", "answer": "accept"}

Character ``end`` is exclusive, ``token_end`` is *inclusive*: a one-token span has
``token_start == token_end``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AnnotationError
from ..labels import LABELS
from ._align import records_and_docs, to_doc, token_spans
from ._jsonl import record_at
from .atomic import atomic_write_text
from .spans import AnnotatedText, validate_spans
from .text import json_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import PathLike
    from .spans import Records

__all__ = ["input_hash", "read_prodigy", "task_hash", "write_prodigy"]

VIEW_ID = "ner_manual"
# Prodigy task keys that newslab keeps in ``meta`` so a read -> write round trip keeps them
_TASK_KEYS = ("answer", "_annotator_id", "_session_id", "_timestamp")


def read_prodigy(
    path: PathLike,
    *,
    answers: Iterable[str] | None = ("accept",),
    labels: Iterable[str] | None = LABELS,
) -> list[AnnotatedText]:
    """Read Prodigy ``ner.manual`` annotations (``prodigy db-out`` output).

    The task's ``answer``, ``_annotator_id``, ``_session_id`` and ``_timestamp`` go into
    ``meta`` next to the task's own ``meta``. When a span has token indices, they are checked
    against ``tokens`` (``token_end`` is inclusive).

    Args:
        path: The JSONL file.
        answers: Keep only tasks with these answers; ``None`` keeps all. A task without an
            ``answer`` counts as ``"accept"``.
        labels: The allowed labels; ``None`` accepts any label.

    Raises:
        AnnotationError: naming the file and line of any malformed task.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "prodigy.jsonl"
        >>> _ = write_prodigy([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> record = read_prodigy(path)[0]
        >>> record["spans"], record["meta"]
        ([{'start': 14, 'end': 18, 'label': 'GPE'}], {'answer': 'accept'})
    """
    keep = None if answers is None else set(answers)
    records = []
    for line, task in json_lines(path):
        answer = task.get("answer", "accept")
        if not isinstance(answer, str):
            raise AnnotationError(f'"answer" must be a string such as "accept", "reject" or "ignore", '
                                  f"not {answer!r}", line=line, path=str(path))
        if keep is None or answer in keep:
            _check_tokens(task, line, path)
            record = record_at(task, line, path, labels)
            record["meta"].update({k: task[k] for k in _TASK_KEYS if k in task})
            records.append(record)
    return records


def write_prodigy(records: Records, path: PathLike, *, nlp: Language | None = None) -> Path:
    """Write annotated texts (or Docs, or pairs) as Prodigy ``ner.manual`` tasks, atomically.

    Tokens are those of a given ``Doc``, else ``nlp``'s tokenizer (default
    :func:`newslab.load_pipeline`). ``meta["answer"]`` becomes the task's answer
    (``"accept"`` when absent). ``_input_hash`` and ``_task_hash`` are newslab's own stable
    hashes (:func:`input_hash`, :func:`task_hash`), not Prodigy's: the same text and spans
    always give the same numbers.

    Raises:
        AnnotationError: if a span does not fall on token boundaries.

    Examples:
        >>> import tempfile, pathlib, json
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "prodigy.jsonl"
        >>> _ = write_prodigy([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> json.loads(path.read_text())["spans"]
        [{'start': 14, 'end': 18, 'token_start': 2, 'token_end': 2, 'label': 'GPE'}]
    """
    tasks = (_task(record, doc, nlp) for record, doc in records_and_docs(records))
    lines = [json.dumps(task, ensure_ascii=False) for task in tasks]
    return atomic_write_text(path, "".join(line + "\n" for line in lines))


def input_hash(text: str) -> int:
    """newslab's stable ``_input_hash``: a signed 32-bit int from the text's SHA-1.

    Examples:
        >>> input_hash("Rutte visited Kyiv.") == input_hash("Rutte visited Kyiv.")
        True
    """
    return _hash32(text)


def task_hash(text: str, spans: list[dict[str, Any]]) -> int:
    """newslab's stable ``_task_hash``: the input hash, the view id and the spans, hashed.

    Examples:
        >>> task_hash("Rutte visited Kyiv.", []) != task_hash("Rutte visited Kyiv.", [{"start": 0}])
        True
    """
    return _hash32(json.dumps([input_hash(text), VIEW_ID, spans], sort_keys=True))


def _hash32(value: str) -> int:
    return int.from_bytes(hashlib.sha1(value.encode("utf-8")).digest()[:4], "big", signed=True)


def _task(record: AnnotatedText, doc: Doc | None, nlp: Language | None) -> dict[str, Any]:
    meta = dict(record["meta"])
    extras = {k: meta.pop(k) for k in _TASK_KEYS if k in meta}
    spans = validate_spans(record["text"], record["spans"], labels=None)
    doc = to_doc(record, nlp=nlp) if doc is None else doc
    tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i, "ws": bool(t.whitespace_)}
              for t in doc]
    task_spans = [{"start": s.start_char, "end": s.end_char, "token_start": s.start,
                   "token_end": s.end - 1, "label": s.label_} for s in token_spans(doc, spans)]
    task = {"text": record["text"], "_input_hash": input_hash(record["text"]),
            "_task_hash": task_hash(record["text"], task_spans), "tokens": tokens, "spans": task_spans,
            "_view_id": VIEW_ID, "answer": "accept"}
    task.update(extras)
    return {**task, "meta": meta} if meta else task


def _check_tokens(task: dict[str, Any], line: int, path: PathLike) -> None:
    """Check that each span's token indices (``token_end`` inclusive) match its characters."""
    tokens = task.get("tokens")
    if not isinstance(tokens, list):
        return
    if not all(isinstance(token, dict) for token in tokens):
        raise AnnotationError('"tokens" must be a list of objects', line=line, path=str(path))
    for span in task.get("spans") or []:
        if not isinstance(span, dict) or "token_start" not in span or "token_end" not in span:
            continue
        first, last = span["token_start"], span["token_end"]
        if not (isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens)):
            raise AnnotationError(f"span {span!r} has token indices outside the {len(tokens)} tokens",
                                  line=line, path=str(path))
        if (tokens[first].get("start"), tokens[last].get("end")) != (span.get("start"), span.get("end")):
            raise AnnotationError(
                f"span {span.get('start')}-{span.get('end')} ({span.get('label')}) does not match its "
                f"tokens {first}..{last} (token_end is inclusive), which cover "
                f"{tokens[first].get('start')}-{tokens[last].get('end')}", line=line, path=str(path))
