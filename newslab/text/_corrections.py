"""One-line corrections of how the loader reads an article: ``headline=``, ``skip=``, ``keep=``, ...

Private to :mod:`newslab.text`. An instructor passes them to :func:`newslab.load_article` or writes
the same keys in the ``.json`` file beside the article; :func:`corrections` checks them once and
:func:`lines_starting` finds the lines they name. Every value names lines by their first words,
exactly as they appear in the text (``newslab teach check-article`` lists every line with its kind).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from ..errors import ArticleError

#: The keys, in the order the loader applies them.
KEYS: Final = ("headline", "body_starts", "skip", "keep", "dateline")
#: Where the applied corrections are kept in ``article.meta``, so a re-read keeps them.
META_KEY: Final = "corrections"

_WHAT: Final = {
    "headline": 'the first words of the headline line, or false for "this article has no headline"',
    "body_starts": "the first words of the first body paragraph",
    "skip": "the first words of each line that is not body text (a string or a list of strings)",
    "keep": "the first words of each line that is a body paragraph (a string or a list of strings)",
    "dateline": 'the dateline as written at the start of a body line (e.g. "KYIV"), or false for "no dateline"',
}


def corrections(given: dict[str, Any], *, where: str) -> dict[str, Any]:
    """The corrections in ``given`` (keys of :data:`KEYS` whose value is not ``None``), checked.

    Raises:
        ArticleError: naming ``where`` and the key, if a value has the wrong type or is empty.

    Examples:
        >>> corrections({"headline": "Riverton votes", "skip": "Share", "title": "x"}, where="here")
        {'headline': 'Riverton votes', 'skip': ('Share',)}
        >>> corrections({"headline": False}, where="here")
        {'headline': False}
    """
    found: dict[str, Any] = {}
    for key in KEYS:
        value = given.get(key)
        if value is None:
            continue
        if key in ("skip", "keep"):
            found[key] = _words_list(value, key=key, where=where)
        elif value is False and key in ("headline", "dateline"):
            found[key] = False
        else:
            found[key] = _words(value, key=key, where=where)
    return found


def lines_starting(lines: Sequence[str], words: str) -> list[int]:
    """The positions of the lines that start with ``words`` (spaces inside both collapsed)."""
    wanted = " ".join(words.split())
    return [k for k, line in enumerate(lines) if " ".join(line.split()).startswith(wanted)]


def not_found(key: str, words: str) -> ArticleError:
    """The error for a correction that names no line of the text."""
    return ArticleError(
        f"{key}={words!r} names no line of the article: give {_WHAT[key]}, exactly as they appear "
        f"(newslab teach check-article lists every line)")


def _words(value: object, *, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(f"{key} in {where} must be {_WHAT[key]}, not {value!r}")
    return value.strip()


def _words_list(value: object, *, key: str, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not items:
        raise ArticleError(f"{key} in {where} must be {_WHAT[key]}, not {value!r}")
    return tuple(_words(item, key=key, where=where) for item in items)
