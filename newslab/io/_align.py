"""Token alignment: do character spans fall on token boundaries, and the Doc they make.

spaCy can only store spans that start and end on token boundaries. A span that does not is
what triggers spaCy's warning W030 ("Some entities could not be aligned") and is silently
dropped by ``spacy.training.offsets_to_biluo_tags``. Here such spans are never dropped:
:func:`check_alignment` reports them and :func:`to_doc` refuses them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from ..columns import META_KEY
from ..errors import AnnotationError, SaveError
from ..types import is_doc
from .atomic import unencodable
from .spans import AnnotatedText, SpanDict, annotated_text, validate_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .spans import Annotated, Records

__all__ = ["check_alignment", "to_doc"]


def check_alignment(record: Annotated, *, nlp: Language | None = None) -> list[dict[str, Any]]:
    """Return the spans of ``record`` that do not fall on the tokenizer's token boundaries.

    Each problem is a dict with the span's ``text``, ``start``, ``end`` and ``label``, and the
    nearest token-aligned span that contains it (``aligned_start``, ``aligned_end``,
    ``aligned_text``; ``None`` when the span covers only whitespace).

    Args:
        record: An annotated text, a ``(text, spans)`` pair or a ``Doc``.
        nlp: The pipeline whose tokenizer decides; default :func:`newslab.load_pipeline`.

    Examples:
        >>> check_alignment(("Rutte visited Kyiv.", [(14, 18, "GPE")]))
        []
        >>> [p["aligned_text"] for p in check_alignment(("Rutte visited Kyiv.", [(15, 18, "GPE")]))]
        ['Kyiv']
    """
    record = annotated_text(record)
    doc = tokenize(record["text"], nlp)
    return [_problem(doc, span) for span in record["spans"] if _strict(doc, span) is None]


def to_doc(record: Annotated, *, nlp: Language | None = None, key: str | None = None) -> Doc:
    """Build a tokenized ``Doc`` with the record's spans as ``doc.ents`` (or ``doc.spans[key]``).

    The record's ``meta`` is kept in ``doc.user_data["newslab_meta"]``, as
    :func:`newslab.analyze` does.

    Raises:
        AnnotationError: listing every span that is not token-aligned, with its text and
            position; spans are never silently dropped.

    Examples:
        >>> doc = to_doc(("Rutte visited Kyiv.", [(14, 18, "GPE")]))
        >>> [(ent.text, ent.label_) for ent in doc.ents]
        [('Kyiv', 'GPE')]
    """
    record = annotated_text(record)
    spans = validate_spans(record["text"], record["spans"], labels=None, allow_overlap=key is not None)
    doc = tokenize(record["text"], nlp)
    aligned = token_spans(doc, spans)
    if key is None:
        doc.ents = aligned
    else:
        doc.spans[key] = aligned
    doc.user_data[META_KEY] = dict(record.get("meta") or {})
    return doc


def token_spans(doc: Doc, spans: Iterable[SpanDict], *, line: int | None = None,
                path: str | None = None) -> list[Span]:
    """Return spaCy spans for char spans, raising one error that lists every misaligned span."""
    spans = list(spans)
    found = [_strict(doc, span) for span in spans]
    bad = [_problem(doc, span) for span, got in zip(spans, found) if got is None]
    if bad:
        raise AnnotationError(misaligned_message(bad), line=line, path=path)
    return found  # type: ignore[return-value]


def misaligned_message(problems: list[dict[str, Any]]) -> str:
    """Describe misaligned spans, one per line, with the nearest aligned boundaries."""
    lines = [
        f"  {p['text']!r} ({p['label']}) at {p['start']}-{p['end']}; nearest token boundaries "
        f"{p['aligned_start']}-{p['aligned_end']} {p['aligned_text']!r}"
        for p in problems
    ]
    return f"{len(problems)} span(s) do not fall on token boundaries:\n" + "\n".join(lines)


def tokenize(text: str, nlp: Language | None) -> Doc:
    """Run only the tokenizer of ``nlp``; by default spaCy's English tokenizer, which is the model's
    (``en_core_web_sm`` keeps the language defaults), so no model is loaded to tokenize."""
    return (nlp or _blank()).make_doc(text)


def records_and_docs(records: Records) -> Iterator[tuple[AnnotatedText, Doc | None]]:
    """Coerce a writer's input: one record, a Doc, a pair, or an iterable of them.

    Raises:
        SaveError: for a text UTF-8 cannot store (a lone surrogate), before anything is written.
    """
    items = [records] if _is_single(records) else records
    for number, item in enumerate(cast("Iterable[Annotated]", items), start=1):
        record = annotated_text(item)
        problem = unencodable(record["text"])
        if problem:
            raise SaveError(f"text {number}: {problem}")
        yield record, item if is_doc(item) else None


def check_plain_label(label: str, *, format: str) -> str:
    """Refuse a label that a line-based format cannot store: empty, or holding whitespace.

    Examples:
        >>> check_plain_label("GPE", format="brat")
        'GPE'
    """
    if not label or any(ch.isspace() for ch in label):
        raise AnnotationError(
            f"label {label!r} cannot be written as {format}: {format} separates the fields of a line with "
            f"whitespace, so its own reader would refuse the file. Rename the label "
            f"(for example {'_'.join(label.split()) or 'MISC'!r}) or write JSONL or DocBin instead")
    return label


def blank_vocab():
    """A shared English vocab for reading DocBins without loading a model."""
    return _blank().vocab


@functools.lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


def _is_single(obj: object) -> bool:
    if is_doc(obj) or isinstance(obj, dict):
        return True
    return isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], str)


def _strict(doc: Doc, span: SpanDict) -> Span | None:
    return doc.char_span(span["start"], span["end"], label=span["label"])


def _problem(doc: Doc, span: SpanDict) -> dict[str, Any]:
    start, end = span["start"], span["end"]
    wide = doc.char_span(start, end, alignment_mode="expand")
    wide = wide if wide is not None and len(wide) else None
    return {
        "text": doc.text[start:end], "start": start, "end": end, "label": span["label"],
        "aligned_start": None if wide is None else wide.start_char,
        "aligned_end": None if wide is None else wide.end_char,
        "aligned_text": None if wide is None else wide.text,
    }
