"""Annotation formats in and out: Prodigy JSONL, spaCy JSONL, DocBin, CoNLL IOB2, brat.

Every reader returns a list of annotated texts (:mod:`newslab.io.spans`); every writer takes
annotated texts, spaCy ``Doc`` objects or ``(text, spans)`` pairs, writes atomically and
returns the path written. Malformed input raises :class:`newslab.errors.AnnotationError`
naming the file and line. spaCy is imported only when a function needs a tokenizer.

Examples:
    >>> import tempfile, pathlib
    >>> from newslab import io
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> io.read(io.write([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path))[0]["spans"]
    [{'start': 14, 'end': 18, 'label': 'GPE'}]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..errors import AnnotationError, TextFileError
from ._align import _is_single, check_alignment, to_doc
from ._brat import read_brat, write_brat
from ._conll import read_conll, write_conll
from ._docbin import read_docbin, read_docbin_docs, write_docbin
from ._jsonl import read_jsonl, write_jsonl
from ._prodigy import read_prodigy, write_prodigy
from .spans import AnnotatedText
from .text import decode, loads_json

if TYPE_CHECKING:
    from ..types import PathLike
    from .spans import Annotated, Records

__all__ = [
    "FORMATS",
    "EXPORT_NAMES",
    "export",
    "check_alignment",
    "read",
    "read_brat",
    "read_conll",
    "read_docbin",
    "read_docbin_docs",
    "read_jsonl",
    "read_prodigy",
    "to_doc",
    "write",
    "write_brat",
    "write_conll",
    "write_docbin",
    "write_jsonl",
    "write_prodigy",
]

Format = Literal["jsonl", "prodigy", "docbin", "conll", "brat"]
FORMATS: dict[str, tuple[Callable[..., list[AnnotatedText]], Callable[..., Path]]] = {
    "jsonl": (read_jsonl, write_jsonl),
    "prodigy": (read_prodigy, write_prodigy),
    "docbin": (read_docbin, write_docbin),
    "conll": (read_conll, write_conll),
    "brat": (read_brat, write_brat),
}
_SUFFIXES = {".jsonl": "jsonl", ".spacy": "docbin", ".conll": "conll", ".iob": "conll", ".ann": "brat"}


def read(path: PathLike, *, format: Format | None = None, **options: Any) -> list[AnnotatedText]:
    """Read annotated texts, choosing the reader from ``format`` or the file's extension.

    ``.jsonl`` is read as Prodigy when its first task has ``_view_id`` or ``_input_hash``,
    else as plain JSONL; ``.spacy`` is a DocBin; ``.conll`` and ``.iob`` are CoNLL; ``.ann``,
    a ``.txt`` with an ``.ann`` beside it, or a folder are brat. ``options`` go to the reader.

    Raises:
        AnnotationError: for an extension newslab cannot guess, or malformed content.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.spacy"
        >>> _ = write([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> read(path)[0]["text"]
        'Rutte visited Kyiv.'
    """
    return FORMATS[_checked(format) or _guess(Path(path))][0](path, **options)


def write(records: Records, path: PathLike, *, format: Format | None = None, **options: Any) -> Path:
    """Write annotated texts, choosing the writer from ``format`` or the file's extension.

    ``.jsonl`` is written as plain JSONL unless ``format="prodigy"``; a path without an
    extension is a brat folder. ``options`` go to the writer.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "tasks.jsonl"
        >>> _ = write([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path, format="prodigy")
        >>> read(path)[0]["meta"]
        {'answer': 'accept'}
    """
    path = Path(path)
    chosen = _checked(format) or ("brat" if not path.suffix or path.suffix == ".txt" else _guess(path, writing=True))
    return FORMATS[chosen][1](records, path, **options)


#: The file each format is exported to, beside the annotations file ``<stem>.jsonl`` (see :func:`export`).
EXPORT_NAMES: dict[str, str] = {
    "prodigy": "{stem}-prodigy.jsonl", "docbin": "{stem}.spacy", "conll": "{stem}.conll", "brat": "{stem}-brat",
    "jsonl": "{stem}-spacy.jsonl",
}


def export(records: Records, path: PathLike, *, formats: Iterable[Format] = ("prodigy", "docbin", "conll"),
           **options: Any) -> dict[str, Path]:
    """Write annotated texts in several formats at once, each file named after ``path``.

    Beside ``my-annotations/name-1a2b3c4d.jsonl`` (the annotator's own file, which is kept as
    it is) this writes ``name-1a2b3c4d-prodigy.jsonl``, ``.spacy`` and ``.conll`` (and, when
    asked, a brat folder ``-brat`` and spaCy JSONL ``-spacy.jsonl``).

    Returns:
        Each format and the path written.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "riverton.jsonl"
        >>> written = export([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> sorted(p.name for p in written.values())
        ['riverton-prodigy.jsonl', 'riverton.conll', 'riverton.spacy']
    """
    path = Path(path)
    chosen = [_checked(name) for name in formats]
    records = [cast("Annotated", records)] if _is_single(records) else list(cast("Iterable[Annotated]", records))
    return {name: write(records, path.with_name(EXPORT_NAMES[name].format(stem=path.stem)), format=name, **options)
            for name in chosen if name is not None}


def _checked(format: str | None) -> Format | None:
    if format is not None and format not in FORMATS:
        raise AnnotationError(f"unknown format {format!r}: newslab reads and writes {', '.join(FORMATS)}. "
                              "For a table of entities, use newslab.entities(...).to_csv(path)")
    return format  # type: ignore[return-value]


def _guess(path: Path, *, writing: bool = False) -> Format:
    if path.is_dir() or (path.suffix == ".txt" and path.with_suffix(".ann").is_file()):
        return "brat"
    if path.suffix not in _SUFFIXES:
        raise AnnotationError(f"cannot tell the format of {path.name!r} from its extension; use one of "
                              f"{', '.join(_SUFFIXES)} or pass format= ({', '.join(FORMATS)})")
    kind = _SUFFIXES[path.suffix]
    if kind == "jsonl" and not writing and _looks_prodigy(path):
        return "prodigy"
    return kind  # type: ignore[return-value]


def _looks_prodigy(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            first = next((line for line in handle if line.strip()), b"")
        task = loads_json(decode(first))
    except (OSError, TextFileError):
        return False  # the reader reports the problem with its file and line
    return isinstance(task, dict) and ("_view_id" in task or "_input_hash" in task)
