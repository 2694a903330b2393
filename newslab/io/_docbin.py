"""spaCy's binary ``DocBin`` format (``.spacy``), what ``spacy train`` reads."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..columns import META_KEY
from ..errors import AnnotationError
from ..labels import LABELS
from ._align import blank_vocab, records_and_docs, to_doc
from .atomic import atomic_write_bytes
from .spans import AnnotatedText, spans_from_doc, validate_spans
from .text import read_bytes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import PathLike
    from .spans import Records

__all__ = ["read_docbin", "read_docbin_docs", "write_docbin"]


def read_docbin_docs(path: PathLike, *, nlp: Language | None = None) -> list[Doc]:
    """Read the ``Doc`` objects of a ``.spacy`` file, with everything they were saved with.

    Args:
        path: The ``.spacy`` file.
        nlp: Whose vocab the docs use; default a blank English vocab (no model is loaded).

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.spacy"
        >>> _ = write_docbin([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> [ent.text for ent in read_docbin_docs(path)[0].ents]
        ['Kyiv']
    """
    from spacy.tokens import DocBin

    vocab = blank_vocab() if nlp is None else nlp.vocab
    data = read_bytes(path)
    try:
        return list(DocBin().from_bytes(data).get_docs(vocab))
    except (ValueError, KeyError, TypeError) as err:
        raise AnnotationError(f"not a spaCy DocBin file: {err}", path=str(path)) from None


def read_docbin(
    path: PathLike,
    *,
    nlp: Language | None = None,
    key: str | None = None,
    labels: Iterable[str] | None = LABELS,
) -> list[AnnotatedText]:
    """Read a ``.spacy`` file as annotated texts: ``doc.ents`` (or ``doc.spans[key]``) and meta.

    Raises:
        AnnotationError: for a file that is not a DocBin, or an unknown label (naming the
            document's position, since a binary file has no lines).

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.spacy"
        >>> _ = write_docbin([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path)
        >>> read_docbin(path)[0]["spans"]
        [{'start': 14, 'end': 18, 'label': 'GPE'}]
    """
    records = []
    for number, doc in enumerate(read_docbin_docs(path, nlp=nlp), start=1):
        spans = spans_from_doc(doc, key=key) if key is None or key in doc.spans else []
        try:
            spans = validate_spans(doc.text, spans, labels=labels, allow_overlap=key is not None)
        except AnnotationError as err:
            raise AnnotationError(f"document {number}: {err}", path=str(path)) from None
        meta = dict(doc.user_data.get(META_KEY) or {})
        records.append(AnnotatedText(text=doc.text, spans=spans, meta=meta))
    return records


def write_docbin(records: Records, path: PathLike, *, nlp: Language | None = None) -> Path:
    """Write annotated texts (or Docs, or pairs) to a ``.spacy`` file, atomically.

    A ``Doc`` is stored as it is (tokens, tags, parse, entities, span groups, ``user_data``).
    A record is tokenized with ``nlp`` (default :func:`newslab.load_pipeline`), its spans
    become ``doc.ents`` and its ``meta`` goes to ``doc.user_data["newslab_meta"]``.

    Raises:
        AnnotationError: if a span does not fall on token boundaries.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.spacy"
        >>> write_docbin([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path).suffix
        '.spacy'
    """
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=True)
    for record, doc in records_and_docs(records):
        docbin.add(to_doc(record, nlp=nlp) if doc is None else doc)
    return atomic_write_bytes(path, docbin.to_bytes())
