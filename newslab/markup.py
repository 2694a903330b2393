"""A string that Jupyter shows as Markdown, without importing IPython."""

from __future__ import annotations


class Note(str):
    """Markdown text: a plain ``str`` everywhere, rendered as Markdown in a notebook.

    An empty note shows nothing in a notebook.

    Examples:
        >>> Note("**NATO** met.")._repr_markdown_()
        '**NATO** met.'
    """

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)
