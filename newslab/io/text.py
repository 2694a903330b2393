"""Text in: the one place newslab reads a file's bytes, decodes them and parses JSON.

Every reader of :mod:`newslab.io`, the gold loader, the annotation model and
:func:`newslab.load_article` go through here, so a file that is missing, a folder, not
UTF-8, not JSON, or JSON nested absurdly deep always gives the same
:class:`~newslab.errors.TextFileError`, naming the file and line and saying what to do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..errors import TextFileError

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["MAX_JSON_DEPTH", "decode", "json_lines", "loads_json", "read_bytes", "read_text"]

MAX_JSON_DEPTH: Final = 64  # annotated texts nest 3 deep; deeper JSON is a mistake or an attack
_RESAVE = "Re-save it as UTF-8 (for example: iconv -f latin1 -t utf-8 in.txt > out.txt)."


def read_text(path: PathLike, *, keep_bom: bool = False) -> str:
    """Read a UTF-8 text file; a leading byte-order mark is dropped unless ``keep_bom``.

    ``keep_bom`` is for files whose character offsets count the mark (brat ``.txt``).

    Raises:
        TextFileError: for a missing file, a folder, an unreadable file or bytes that are
            not UTF-8 (naming the line and the byte).

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
        >>> _ = path.write_bytes("Caf\\xe9".encode("latin-1"))
        >>> read_text(path)
        Traceback (most recent call last):
        ...
        newslab.errors.TextFileError: ...note.txt:1: not UTF-8 text: byte 0xe9 at position 3 ...
    """
    data = read_bytes(path)
    return decode(data, path=str(path), keep_bom=keep_bom)


def read_bytes(path: PathLike) -> bytes:
    """Read a file's bytes; a missing file, a folder or an unreadable file is a clean error.

    Examples:
        >>> read_bytes("no-such-file.spacy")
        Traceback (most recent call last):
        ...
        newslab.errors.TextFileError: no such file: no-such-file.spacy
    """
    source = Path(path)
    if source.is_dir():
        raise TextFileError(f"{source} is a folder; give the path of a file inside it")
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise TextFileError(f"no such file: {source}") from None
    except OSError as err:
        raise TextFileError(f"cannot read {source}: {err.strerror or err}") from None


def decode(data: bytes, *, path: str | None = None, keep_bom: bool = False) -> str:
    """Decode UTF-8 bytes, naming the line and byte that are not UTF-8.

    Examples:
        >>> decode("\\ufeffKyiv".encode("utf-8"))
        'Kyiv'
    """
    try:
        return data.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        where = "" if path is not None else "these bytes are "
        raise TextFileError(f"{where}not UTF-8 text: byte 0x{data[err.start]:02x} at position {err.start} "
                            f"cannot be decoded. {_RESAVE}", line=line if path else None, path=path) from None


def loads_json(raw: str, *, line: int | None = None, path: PathLike | None = None) -> Any:
    """Parse one JSON value strictly: no ``NaN``/``Infinity``, no nesting deeper than
    :data:`MAX_JSON_DEPTH`.

    Examples:
        >>> loads_json('{"start": 14}')
        {'start': 14}
        >>> loads_json('{"start": Infinity}', line=3)
        Traceback (most recent call last):
        ...
        newslab.errors.TextFileError: line 3: not valid JSON: Infinity is not a JSON number ...
    """
    where = None if path is None else str(path)
    try:
        value = json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        value = None
        deep = True
    except ValueError as err:
        raise TextFileError(f"not valid JSON: {err}", line=line, path=where) from None
    else:
        deep = not _within_depth(value, MAX_JSON_DEPTH)
    if deep:
        raise TextFileError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels; annotated texts need 3. "
                            "Flatten the \"meta\" of this line", line=line, path=where)
    return value


def json_lines(path: PathLike) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSONL file.

    Raises:
        TextFileError: naming the file and line of bad JSON or of a value that is not an object.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
        >>> _ = path.write_text('{"text": "Riverton"}\\n\\n{"text": "Ana"}\\n')
        >>> list(json_lines(path))
        [(1, {'text': 'Riverton'}), (3, {'text': 'Ana'})]
    """
    text = read_text(path)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        obj = loads_json(line, line=number, path=path)
        if not isinstance(obj, dict):
            raise TextFileError(f"expected a JSON object, found {type(obj).__name__}", line=number, path=str(path))
        yield number, obj


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number (offsets and counts must be whole numbers)")


def _within_depth(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


def raw_lines(path: PathLike) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(line number, byte offset, raw line)`` for each line of a file, without decoding it.

    For files too large to hold at once (a corpus as JSONL): read one line again later with
    :func:`raw_line_at`.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
        >>> _ = path.write_bytes(b'{"text": "a"}\\n{"text": "b"}\\n')
        >>> [(number, offset) for number, offset, _ in raw_lines(path)]
        [(1, 0), (2, 14)]
    """
    offset = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, offset, line
            offset += len(line)


def raw_line_at(path: PathLike, offset: int) -> bytes:
    """The raw line of ``path`` that starts at byte ``offset`` (see :func:`raw_lines`)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.readline()
