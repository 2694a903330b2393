"""Where a student's annotations of an article live, and what to compare the model with.

Saved annotations are keyed by the article (its name and a hash of its text), so switching
articles never mixes work or crashes on "the saved annotations are of another text". The
*reference* is the gold standard when the article has one, else the student's own saved
annotations (notebook 04), else the model's own entities, with a note that says so.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from ..errors import NewslabError
from ..io.spans import AnnotatedText, spans_from_doc
from ..io.text import read_text
from ..markup import Note
from ..precomputed import is_lite
from ..text.article import ArticleSource, load_article
from .gold import gold, gold_path

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["annotations_path", "reference", "reference_note", "course_note", "ReferenceKind"]

ANNOTATIONS_FOLDER = "my-annotations"
ReferenceKind = Literal["gold", "annotations", "model"]
_NOTES_SUFFIX = ".notes.md"


def annotations_path(source: ArticleSource = None, *, folder: str | Path = ANNOTATIONS_FOLDER) -> Path:
    """The file that keeps your annotations of this article: ``my-annotations/<name>-<sha8>.jsonl``.

    ``name`` is the article's ``id`` or file name (else ``article``), ``sha8`` the first eight
    hex digits of the SHA-256 of its text: another article, or an edited one, gets another file.

    Examples:
        >>> annotations_path().as_posix()
        'my-annotations/nato-rutte-kyiv-visit-2024-10-03-c5dd51df.jsonl'
        >>> annotations_path("Ana Field visited Riverton.").name
        'article-3a95ed1d.jsonl'
    """
    article = load_article(source)
    stem = article.meta.get("id") or (Path(article.meta["source"]).stem if "source" in article.meta else "article")
    name = re.sub(r"[^\w.-]+", "-", str(stem)).strip("-.") or "article"
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:8]
    return Path(folder) / f"{name}-{digest}.jsonl"


def reference(
    source: ArticleSource | Doc = None, *, folder: str | Path = ANNOTATIONS_FOLDER
) -> AnnotatedText:
    """What to score the model against: the gold standard, else your saved annotations, else the model.

    ``meta["reference"]`` says which: ``"gold"``, ``"annotations"`` or ``"model"`` (nothing to
    compare with yet: the model's own entities, so every score is 1.0).

    Args:
        source: An article (see :func:`newslab.load_article`) or a parsed ``Doc`` of one.
        folder: Where :func:`annotations_path` looks for your annotations.

    Examples:
        >>> reference()["meta"]["reference"]
        'gold'
        >>> import newslab
        >>> reference(newslab.analyze("Ana Field visited Riverton."))["meta"]["reference"]
        'model'
    """
    from ..io.annotations import read_saved

    doc: Doc | None = source if hasattr(source, "ents") or is_lite(source) else None  # type: ignore[assignment]
    article = load_article(_article_source(source))
    if _has_gold(article):  # a malformed gold file raises: it is never silently ignored
        found = gold(article)
        return AnnotatedText(text=found["text"], spans=found["spans"], meta={**found.get("meta", {}), "reference": "gold"})
    path = annotations_path(article, folder=folder)
    saved = read_saved(path, text=article.text)
    if saved is not None:
        return AnnotatedText(text=saved["text"], spans=saved["spans"],
                             meta={**saved.get("meta", {}), "reference": "annotations", "path": str(path)})
    doc = doc if doc is not None else _parse(article)
    return AnnotatedText(text=article.text, spans=spans_from_doc(doc), meta={"reference": "model"})


def reference_note(ref: AnnotatedText) -> Note:
    """One sentence (Markdown) saying what a reference is, and how to make a gold file if there is none.

    Examples:
        >>> print(reference_note(reference()))
        The reference is the article's **gold standard**...
    """
    kind = ref.get("meta", {}).get("reference")
    how = ("To score against a gold standard, annotate the article in notebook 04 and copy your file to "
           "`<article>.gold.jsonl` beside the article file (see the README, *Your own article*).")
    if kind == "gold":
        return Note("The reference is the article's **gold standard**, annotated by hand following the "
                    "annotation guide.")
    if kind == "annotations":
        return Note(f"This article has no gold file, so the reference is **your own annotations** "
                    f"(`{ref['meta'].get('path', '')}`, notebook 04). {how}")
    return Note("This article has no gold file and you have not annotated it yet, so there is **nothing to "
                "compare with**: the model is compared with itself, every score is 1.0 and no error shows. "
                f"Annotate it in notebook 04, then run this notebook again. {how}")


def course_note(topic: str, source: ArticleSource | Doc = None) -> Note:
    """The instructor's note on ``topic`` for this article, or an empty note.

    Notes live beside the article file, in ``<name>.notes.md``, one ``## topic`` section each.
    The bundled course article has notes about what the model does on it; another article shows
    nothing unless its instructor writes a notes file, so no notebook states facts about the
    wrong text.

    Examples:
        >>> course_note("kyiv").startswith("**On the course article")
        True
        >>> course_note("kyiv", "Ana Field visited Riverton.")
        <BLANKLINE>
    """
    article = load_article(_article_source(source))
    if "source" not in article.meta:
        return Note("")
    source_path = Path(article.meta["source"])
    path = source_path.with_name(source_path.stem + _NOTES_SUFFIX)
    if not path.is_file():
        return Note("")
    sections = re.split(r"^## +(.+?)\s*$", read_text(path), flags=re.MULTILINE)
    notes = {name.strip(): body.strip() for name, body in zip(sections[1::2], sections[2::2])}
    return Note(notes.get(topic, ""))


def _has_gold(article: ArticleSource) -> bool:
    try:
        gold_path(article)
    except NewslabError:
        return False
    return True


def _article_source(source: ArticleSource | Doc) -> ArticleSource:
    """The article a parsed ``Doc`` came from (its text and metadata), or ``source`` itself."""
    if is_lite(source):  # the lite edition's article is the article in use
        return None
    if not hasattr(source, "ents"):
        return source
    from ..columns import META_KEY
    from ..text.article import parse_article

    doc = cast("Doc", source)
    return parse_article(doc.text, meta=doc.user_data.get(META_KEY))


def _parse(article: ArticleSource) -> Doc:
    from ..text.pipeline import analyze

    return analyze(article)
