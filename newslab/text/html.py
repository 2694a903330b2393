"""The one HTML reader: the article of a web page as plain text, and its metadata.

:func:`newslab.load_article` and the corpus readers both read ``.html`` pages here, through
trafilatura: the text has the headline on its first line (once, whether or not the page's
body repeats it), then a ``By`` line and a date line when the page names them, then one
paragraph per line, so :func:`newslab.text.article.parse_article` reads it like any pasted
article.
"""

from __future__ import annotations

import re
from typing import Any

from .. import columns as C
from ..errors import ArticleError

__all__ = ["is_html", "read_html", "HTML_SUFFIXES", "MIN_WORDS"]

HTML_SUFFIXES = frozenset({".html", ".htm"})
#: Fewer words than this is not an article but a page's navigation or an error page.
MIN_WORDS = 15
_DOCTYPE = re.compile(r"\s*(?:<!doctype html|<html[\s>])", re.IGNORECASE)
_WORDS = re.compile(r"\w+")


def is_html(text: str, suffix: str = "") -> bool:
    """Whether ``text`` is an HTML page (by its file ``suffix``, else by how it starts).

    Examples:
        >>> is_html("<!DOCTYPE html><html><body>Hi</body></html>"), is_html("Rutte came to Kyiv.")
        (True, False)
    """
    return suffix.lower() in HTML_SUFFIXES or _DOCTYPE.match(text) is not None


def read_html(page: str | bytes, *, where: str) -> tuple[str, dict[str, Any]]:
    """The article in an HTML page as plain text, and the metadata the page declares.

    Returns:
        The text (headline, ``By`` line, date line, paragraphs; one per line) and a dict with
        the ``title``, ``date`` and ``outlet`` the page names (only those it has).

    Raises:
        ArticleError: naming ``where`` if the page holds no article text.

    Examples:
        >>> page = ("<html><head><title>Riverton Port Reopens</title></head><body><article>"
        ...         "<h1>Riverton Port Reopens</h1><p>" + "The port of Riverton reopened on Monday. " * 3 +
        ...         "</p></article></body></html>")
        >>> text, meta = read_html(page, where="port.html")
        >>> text.splitlines()[0], meta["title"]
        ('Riverton Port Reopens', 'Riverton Port Reopens')
    """
    import trafilatura

    body = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(_WORDS.findall(body)) < MIN_WORDS:
        raise ArticleError(f"{where}: no article text was found in this HTML page; save the article "
                           "as plain text (one paragraph per line) and load that file instead")
    found = trafilatura.extract_metadata(page)
    title = (found.title or "").strip() if found is not None else ""
    lines = [line for line in body.split("\n") if line.strip()]
    head = []
    if title and not (lines and _same(lines[0], title)):
        head.append(title)
    if found is not None and found.author:
        head.append(f"By {found.author}")
    if found is not None and found.date:
        head.append(f"Published {found.date}")
    meta = {C.TITLE: title, C.DATE: found.date if found else None, C.OUTLET: found.sitename if found else None}
    return "\n".join([*head, *lines]), {key: value for key, value in meta.items() if value}


def _same(line: str, title: str) -> bool:
    """Whether a body line is the title again (case, spacing and punctuation aside)."""
    return _WORDS.findall(line.casefold()) == _WORDS.findall(title.casefold())
