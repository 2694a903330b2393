"""Attribution gold files (``<name>.quotes.jsonl``): one attributed statement per line.

Each line has the fields of a :func:`newslab.quotes` row: ``speaker`` (as written, e.g. "He"),
``canonical`` (who that is), ``speaker_start``/``speaker_end``, ``cue``, ``cue_start``/``cue_end``,
``content``, ``content_start``/``content_end`` (character offsets into the article, end
exclusive) and ``kind``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..errors import AnnotationError
from .text import json_lines

if TYPE_CHECKING:
    import pandas as pd

    from ..types import PathLike

__all__ = ["read_quotes", "QUOTE_KINDS"]

#: The kinds a gold statement may have.
QUOTE_KINDS = C.QUOTE_KINDS
_GOLD_FIELDS = (C.SPEAKER, C.SPEAKER_START, C.SPEAKER_END, C.CANONICAL, C.CUE, C.CUE_START, C.CUE_END,
                C.CONTENT, C.CONTENT_START, C.CONTENT_END, C.KIND)
_OFFSETS = (C.SPEAKER_START, C.SPEAKER_END, C.CUE_START, C.CUE_END, C.CONTENT_START, C.CONTENT_END)

def read_quotes(path: PathLike, *, text: str | None = None) -> pd.DataFrame:
    """Read an attribution gold file (JSONL) into a table with the columns of :func:`newslab.quotes`.

    Args:
        path: The ``.quotes.jsonl`` file.
        text: The article text; when given, every ``speaker``, ``cue`` offset and ``content``
            must match it.

    Raises:
        AnnotationError: naming the file and line of a missing field, a bad offset or a
            ``content`` that differs from the text at its offsets.

    Examples:
        >>> from newslab.seeds import seed_path
        >>> table = read_quotes(seed_path(".quotes.jsonl"), text=seed_path().read_text(encoding="utf-8"))
        >>> table.loc[0, ["speaker", "cue", "kind"]].tolist()
        ['Mark Rutte', 'reassure', 'direct']
    """
    import pandas as pd

    rows = [_gold_row(obj, line, path, text) for line, obj in json_lines(path)]
    table = pd.DataFrame(rows, columns=list(_GOLD_FIELDS))
    table.insert(0, C.QUOTE_ID, range(len(table)))
    table = table.sort_values([C.CONTENT_START, C.CUE_START], kind="stable").reset_index(drop=True)
    return table.astype({col: "int64" for col in (*_OFFSETS, C.QUOTE_ID)})

def _gold_row(obj: dict[str, Any], line: int, path: PathLike, text: str | None) -> tuple:
    missing = [name for name in _GOLD_FIELDS if name not in obj]
    if missing:
        raise AnnotationError(f"missing field(s) {missing}", line=line, path=str(path))
    if any(not isinstance(obj[name], int) or obj[name] < 0 for name in _OFFSETS):
        raise AnnotationError("offsets must be whole numbers >= 0", line=line, path=str(path))
    if obj[C.KIND] not in QUOTE_KINDS:
        raise AnnotationError(f'"kind" must be one of {", ".join(QUOTE_KINDS)}, not {obj[C.KIND]!r}', line=line,
                              path=str(path))
    if text is not None:
        for name, start, end in ((C.SPEAKER, C.SPEAKER_START, C.SPEAKER_END),
                                 (C.CONTENT, C.CONTENT_START, C.CONTENT_END)):
            if text[obj[start]:obj[end]] != obj[name]:
                raise AnnotationError(f"{name} {obj[name]!r} differs from the text at {obj[start]}-{obj[end]} "
                                      f"({text[obj[start]:obj[end]]!r}); fix the offsets", line=line, path=str(path))
    return tuple(obj[name] for name in _GOLD_FIELDS)
