"""Exceptions raised by newslab.

Every error a user can cause derives from :class:`NewslabError`, so a notebook
or a script can catch them all at once, and each message names the problem and
how to fix it.
"""

from __future__ import annotations

__all__ = [
    "NewslabError",
    "ArticleError",
    "ModelNotFoundError",
    "AnnotationError",
    "MissingDependencyError",
    "UnknownLabelError",
    "TextFileError",
    "SaveError",
    "FileChangedError",
    "RuleError",
    "AliasError",
    "ModelInstallError",
    "NotParsedError",
    "DoorError",
    "NotInLiteError",
    "GradingError",
]


class NewslabError(Exception):
    """Base class for every error newslab raises on purpose."""


class ArticleError(NewslabError, ValueError):
    """An article could not be loaded: empty, undecodable, missing or not a file."""


class ModelNotFoundError(NewslabError, OSError):
    """No spaCy pipeline could be found or loaded."""


class AnnotationError(NewslabError, ValueError):
    """An annotation file or span set is malformed.

    Attributes:
        line: 1-based line number in the source file, when known.
        path: The file the problem was found in, when known.
        reason: The message without the file and line.
    """

    def __init__(self, message: str, *, line: int | None = None, path: str | None = None) -> None:
        where = ""
        if path is not None:
            where += f"{path}"
        if line is not None:
            where += f"{':' if where else 'line '}{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.line = line
        self.path = path
        self.reason = message


class MissingDependencyError(NewslabError, ImportError):
    """An optional dependency is not installed."""


class UnknownLabelError(NewslabError, ValueError):
    """A label is not in the label scheme in use."""


class TextFileError(ArticleError, AnnotationError):
    """A text file could not be read: missing, a folder, unreadable, not UTF-8 or bad JSON.

    Every reader of :mod:`newslab.io`, the gold loader, the annotator and
    :func:`newslab.load_article` raise this one type, so it is both an :class:`ArticleError`
    and an :class:`AnnotationError`.
    """


class SaveError(NewslabError, OSError):
    """A file could not be saved: its folder is not writable, the disk is full, or the text
    holds characters UTF-8 cannot store. The file on disk is left as it was."""


class FileChangedError(SaveError):
    """The file changed on disk since newslab last read or wrote it (another notebook or
    kernel saved there); saving now would silently throw that work away."""


class RuleError(NewslabError, ValueError):
    """An entity rule (a pattern for spaCy's ``EntityRuler``) is malformed."""


class AliasError(NewslabError, ValueError):
    """An alias table that cannot be read or lacks the ``alias`` and ``canonical`` columns."""


class ModelInstallError(NewslabError, RuntimeError):
    """No source could install the spaCy model (see ``newslab model install``)."""


class NotParsedError(NewslabError, TypeError):
    """A function that works on a parsed article was given text, a path or an ``Article``.

    Parse it once with ``doc = nl.analyze(...)`` and pass ``doc`` (or its table) around.
    """


class DoorError(NewslabError, ValueError):
    """A link to a door into the course (Binder, a JupyterHub, Codespaces, Colab) cannot be
    made from what was given: a repository that is not ``owner/name``, a hub address that is
    not ``http(s)://``, an app the link does not know."""


class NotInLiteError(NewslabError, NotImplementedError):
    """The lite edition (JupyterLite, in the browser, without spaCy) cannot do this.

    Lite runs the notebooks on tables precomputed from the course article (or the instructor's,
    ``newslab lite build --article``): it cannot parse new text, run the entity rules unless they
    were precomputed, run the corpus engine or Dask, or export charts as SVG or PNG. The message
    says which; the full edition (JupyterLab, Binder, a JupyterHub) does all of it.
    """


class GradingError(NewslabError, RuntimeError):
    """The grader cannot run a submission as asked: an isolation this machine cannot give
    (bubblewrap or setpriv missing, not root), or a kernel that does not start."""
