"""Files that hold one annotated text: a gold file, and the file an annotator saves its session in.

The annotator (:class:`newslab.Annotator`) writes here and :func:`newslab.reference` reads
the student's work back, both through :func:`read_saved`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import AnnotationError
from ._jsonl import read_single
from .spans import AnnotatedText

if TYPE_CHECKING:
    from ..types import PathLike

__all__ = ["read_saved", "read_single"]

def read_saved(path: PathLike, *, text: str) -> AnnotatedText | None:
    """Read the annotated text saved at ``path``; ``None`` if there is no file or it is empty.

    Raises:
        AnnotationError: naming the file and the line, if the file is not one valid annotated
            text of exactly ``text``.

    Examples:
        >>> read_saved("no-such-file.jsonl", text="Rutte came.") is None
        True
    """
    if not os.path.exists(path):
        return None
    try:
        saved = read_single(path, labels=None)
    except AnnotationError as err:
        raise AnnotationError(f"{err.reason}; the file was not changed", line=err.line, path=str(path)) from None
    if saved is not None and saved["text"] != text:
        raise AnnotationError("the saved annotations are of another text than the one being annotated; "
                              "pass another path, or move this file away to start again", line=1, path=str(path))
    return saved
