"""brat standoff: the text in ``NAME.txt``, its entity annotations in ``NAME.ann``.

Each entity is one ``.ann`` line, ``T1<TAB>LABEL START END<TAB>covered text``, with
character offsets into the ``.txt`` file (end exclusive). Relations, events, attributes,
normalizations and notes (lines starting ``R``, ``E``, ``A``, ``M``, ``N``, ``*`` or ``#``)
are skipped: newslab only carries entity spans. Discontinuous entities
(``START END;START END``) are refused.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import AnnotationError
from ..labels import LABELS
from ._align import check_plain_label, records_and_docs
from .atomic import atomic_write_text
from .spans import AnnotatedText, SpanDict, validate_spans
from .text import read_text

if TYPE_CHECKING:
    from ..types import PathLike
    from .spans import Records

__all__ = ["read_brat", "write_brat"]

_ENTITY = re.compile(r"T\S*\t(\S+) (\d+) (\d+)\t(.*)")
_SKIPPED = tuple("REAMN*#")
_SAFE_NAME = re.compile(r"[\w.-]+")


def read_brat(path: PathLike, *, labels: Iterable[str] | None = LABELS) -> list[AnnotatedText]:
    """Read brat standoff annotations: one ``.txt``/``.ann`` pair, or every pair in a folder.

    Args:
        path: ``NAME.ann``, ``NAME.txt`` or ``NAME`` for one pair; a folder for all its pairs
            (sorted by name).
        labels: The allowed labels; ``None`` accepts any label.

    Returns:
        One annotated text per pair, with the file name (without extension) in ``meta["name"]``.

    Raises:
        AnnotationError: naming the ``.ann`` file and line of a malformed line, a
            discontinuous entity, a covered text that differs from the ``.txt`` file, an
            unknown label or overlapping spans.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = write_brat([("Rutte visited Kyiv.", [(14, 18, "GPE")])], folder)
        >>> sorted(p.name for p in folder.iterdir())
        ['doc-0001.ann', 'doc-0001.txt']
        >>> record = read_brat(folder / "doc-0001")[0]
        >>> record["spans"], record["meta"]
        ([{'start': 14, 'end': 18, 'label': 'GPE'}], {'name': 'doc-0001'})
    """
    path = Path(path)
    allowed = None if labels is None else tuple(labels)
    if path.is_dir():
        return [_read_pair(ann.with_suffix(""), allowed) for ann in sorted(path.glob("*.ann"))]
    return [_read_pair(path.with_suffix("") if path.suffix in (".ann", ".txt") else path, allowed)]


def write_brat(records: Records, path: PathLike) -> Path:
    """Write annotated texts (or Docs, or pairs) as brat ``.txt``/``.ann`` pairs, atomically.

    If ``path`` ends in ``.ann`` or ``.txt``, exactly one record is written, to that pair, and
    the ``.ann`` path is returned. Otherwise ``path`` is a folder (created if needed); each
    record goes to ``meta["name"]`` when that is a plain file name, else to ``doc-0001``,
    ``doc-0002``, ... by position, and the folder is returned. ``meta`` is not otherwise kept.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "rutte.ann"
        >>> write_brat(("Rutte visited Kyiv.", [(14, 18, "GPE")]), path).read_text().split()
        ['T1', 'GPE', '14', '18', 'Kyiv']
    """
    path = Path(path)
    pairs = [record for record, _ in records_and_docs(records)]
    if path.suffix in (".ann", ".txt"):
        if len(pairs) != 1:
            raise AnnotationError(f"{path.name} holds one text but {len(pairs)} were given; "
                                  "give a folder to write one pair per text")
        return _write_pair(pairs[0], path.with_suffix(""))
    names = [_name(record, number) for number, record in enumerate(pairs, start=1)]
    counts = Counter(names)
    for number, (record, name) in enumerate(zip(pairs, names), start=1):
        _write_pair(record, path / (name if counts[name] == 1 else f"doc-{number:04d}"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _name(record: AnnotatedText, number: int) -> str:
    name = str(record["meta"].get("name", ""))
    return name if _SAFE_NAME.fullmatch(name) and name not in (".", "..") else f"doc-{number:04d}"


def _write_pair(record: AnnotatedText, stem: Path) -> Path:
    text = record["text"]
    spans = validate_spans(text, record["spans"], labels=None)
    lines = [f"T{i}\t{check_plain_label(s['label'], format='brat')} {s['start']} {s['end']}\t{_covered(text, s)}\n"
             for i, s in enumerate(spans, start=1)]
    atomic_write_text(stem.with_name(stem.name + ".txt"), text)
    return atomic_write_text(stem.with_name(stem.name + ".ann"), "".join(lines))


def _covered(text: str, span: SpanDict) -> str:
    """The covered text as a ``.ann`` line can hold it: line breaks become spaces."""
    return re.sub(r"[\r\n]", " ", text[span["start"] : span["end"]])


def _read_pair(stem: Path, labels: tuple[str, ...] | None) -> AnnotatedText:
    txt, ann = stem.with_name(stem.name + ".txt"), stem.with_name(stem.name + ".ann")
    for part in (txt, ann):
        if not part.is_file():
            raise AnnotationError(f"brat needs both {txt.name} and {ann.name}; {part} is missing")
    text = read_text(txt, keep_bom=True)  # brat's offsets count a byte-order mark
    spans = [_entity(line, number, text, ann)
             for number, line in enumerate(read_text(ann).split("\n"), start=1)
             if line.strip() and not line.startswith(_SKIPPED)]
    for span, number in spans:
        validate_spans(text, [span], labels=labels, line=number, path=str(ann))
    ordered = sorted(spans, key=lambda item: (item[0]["start"], item[0]["end"]))
    for (a, _), (b, number) in pairwise(ordered):
        validate_spans(text, [a, b], labels=None, line=number, path=str(ann))
    return AnnotatedText(text=text, spans=[span for span, _ in ordered], meta={"name": stem.name})


def _entity(line: str, number: int, text: str, ann: Path) -> tuple[SpanDict, int]:
    """Parse one ``T`` line into a span, checking its covered text against the ``.txt`` file."""
    line = line.rstrip("\r")
    if re.match(r"T\S*\t\S+ \d+ \d+;", line):
        raise AnnotationError("discontinuous entity (START END;START END) is not supported; "
                              "split it into separate entities", line=number, path=str(ann))
    match = _ENTITY.fullmatch(line)
    if match is None:
        raise AnnotationError(f"expected 'T<id><TAB>LABEL START END<TAB>text', found {line!r}",
                              line=number, path=str(ann))
    label, start, end, covered = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
    span = SpanDict(start=start, end=end, label=label)
    if end <= len(text) and _covered(text, span) != covered:
        raise AnnotationError(f"entity text {covered!r} differs from {text[start:end]!r} at {start}-{end} "
                              "in the .txt file", line=number, path=str(ann))
    return span, number
