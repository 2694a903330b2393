"""The inputs of a corpus: a folder of files, a JSONL file or a pandas column, as a list of items.

An item is a small picklable dict that says where one article is (a file, a line of a JSONL
file, or the text itself) and what its id and metadata are. Planning never reads a whole
article: it only looks at sizes, ``.json`` files beside the texts and JSONL lines, so a plan of
millions of articles is cheap, and a Dask worker reads each article itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..errors import ArticleError, NewslabError
from ..io.sidecar import read_sidecar
from ..io.text import raw_line_at, raw_lines
from ..text.article import Article, load_article

if TYPE_CHECKING:
    import pandas as pd

    from ..types import CorpusSource

Item = dict[str, Any]
TEXT_SUFFIXES = (".txt", ".html", ".htm")
TEXT_FIELD = "text"  # the article text in a JSONL line or a DataFrame column
MAX_BYTES = 10_000_000  # larger inputs go to the errors table: nlp.pipe would take minutes on one article


def plan(source: CorpusSource, *, max_bytes: int = MAX_BYTES) -> tuple[list[Item], list[Item]]:
    """Return the articles to process and the inputs refused before parsing (with a reason)."""
    items: list[Item] = []
    errors: list[Item] = []
    seen: set[str] = set()
    for item in _items(source, max_bytes=max_bytes):
        if C.REASON not in item and item[C.META_ID] in seen:
            item = {**item, C.REASON: f"duplicate id {item[C.META_ID]!r}: an earlier input has the same id"}
        (errors if C.REASON in item else items).append(item)
        seen.add(item[C.META_ID])
    return items, errors


def _items(source: CorpusSource, *, max_bytes: int) -> Iterator[Item]:
    import pandas as pd

    if isinstance(source, pd.Series):
        source = source.rename(TEXT_FIELD).to_frame()
    if isinstance(source, pd.DataFrame):
        yield from _frame_items(source, max_bytes=max_bytes)
        return
    path = Path(source)
    if path.is_dir():
        yield from _folder_items(path, max_bytes=max_bytes)
    elif path.is_file() and path.suffix.lower() == ".jsonl":
        yield from _jsonl_items(path, max_bytes=max_bytes)
    elif path.is_file():
        raise NewslabError(f"{path} is neither a folder nor a .jsonl file: give a folder of .txt/.html files, "
                           "a JSONL file with one {\"id\": ..., \"text\": ...} object per line, or a pandas column")
    else:
        raise NewslabError(f"no such folder or file: {path}")


def _folder_items(folder: Path, *, max_bytes: int) -> Iterator[Item]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    for path in files:
        item: Item = {"kind": "file", C.SOURCE: str(path), C.META_ID: path.relative_to(folder).with_suffix("").as_posix()}
        try:
            meta = read_sidecar(path)
        except ArticleError as err:
            yield {**item, C.REASON: str(err)}
            continue
        item = {**item, C.META_ID: str(meta.get(C.META_ID) or item[C.META_ID]), "meta": meta}
        yield _sized(item, path.stat().st_size, max_bytes)


def _jsonl_items(path: Path, *, max_bytes: int) -> Iterator[Item]:
    for number, offset, line in raw_lines(path):
        item: Item = {"kind": "jsonl", C.SOURCE: f"{path}:{number}", "path": str(path), "offset": offset,
                      C.META_ID: str(number)}
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield _sized(item, len(line), max_bytes)
            continue
        try:
            record = json.loads(line)
            meta = {k: v for k, v in record.items() if k != TEXT_FIELD}
        except (ValueError, UnicodeDecodeError, AttributeError) as err:
            yield {**item, C.REASON: f"line {number} is not a JSON object with a \"text\": {err}"}
            continue
        yield {**item, C.META_ID: str(meta.get(C.META_ID) or number), "meta": meta}


def _frame_items(frame: pd.DataFrame, *, max_bytes: int) -> Iterator[Item]:
    if TEXT_FIELD not in frame.columns:
        raise NewslabError(f"the table has no {TEXT_FIELD!r} column: name the column that holds the articles "
                           f"{TEXT_FIELD!r}, or give that column (a Series) alone")
    for index, record in zip(frame.index, frame.to_dict("records")):
        text = record.pop(TEXT_FIELD)
        meta = {k: v for k, v in record.items() if v is not None and v == v}  # v == v drops NaN
        item: Item = {"kind": "text", C.SOURCE: f"row {index}", C.META_ID: str(meta.get(C.META_ID) or index),
                      "text": text, "meta": meta}
        yield _sized(item, len(str(text).encode("utf-8", "replace")), max_bytes)


def _sized(item: Item, size: int, max_bytes: int) -> Item:
    if size <= max_bytes:
        return item
    return {**item, C.REASON: f"{size:,} bytes is over the limit of {max_bytes:,} bytes (max_bytes): "
                              "split the file, or raise max_bytes"}


def error_row(item: Item) -> tuple[str, str, str]:
    """The ``errors`` table row of a refused input: ``article_id``, ``source``, ``reason``."""
    return (item[C.META_ID], item[C.SOURCE], item[C.REASON])


def read(item: Item) -> Article:
    """Load the article an item points to.

    Raises:
        ArticleError: if it is empty, undecodable or not a JSON object with a text.
    """
    meta = {**item.get("meta", {}), C.META_ID: item[C.META_ID], C.SOURCE: item[C.SOURCE]}
    if item["kind"] == "text":
        text = item["text"]
        if not isinstance(text, str):
            raise ArticleError(f"{item[C.SOURCE]} is not text but {type(text).__name__}")
        return load_article(text, meta=meta)
    if item["kind"] == "jsonl":
        return load_article(_jsonl_text(item), meta=meta)
    return load_article(Path(item[C.SOURCE]), meta=meta)  # .txt and .html alike, through the one reader


def _jsonl_text(item: Item) -> str:
    record = json.loads(raw_line_at(item["path"], item["offset"]))
    text = record.get(TEXT_FIELD)
    if not isinstance(text, str):
        raise ArticleError(f"{item[C.SOURCE]} has no \"{TEXT_FIELD}\" string")
    return text


