"""Strings that Jupyter shows as Markdown or HTML, without importing IPython."""

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


class HTML(str):
    """An HTML string that Jupyter renders as HTML, and any other code sees as a ``str``.

    Examples:
        >>> HTML("<b>NATO</b>")._repr_html_()
        '<b>NATO</b>'
    """

    def _repr_html_(self) -> str:
        return str(self)
