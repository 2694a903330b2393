"""CoNLL-2003 style IOB2 files: one ``TOKEN TAG`` per line.

Sentences are separated by a blank line and every document starts with the line
``-DOCSTART- -X- -X- O``, as in the CoNLL-2003 shared task files.

What CoNLL cannot carry: the original whitespace (so the text is rebuilt: tokens joined by
one space, sentences by a newline), ``meta``, spans that do not fall on token boundaries,
overlapping spans, and spans over whitespace only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import AnnotationError
from ..labels import LABELS
from ._align import check_plain_label, records_and_docs, to_doc
from .atomic import atomic_write_text
from .spans import AnnotatedText, SpanDict, validate_spans
from .text import read_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ..types import PathLike
    from .spans import Records

__all__ = ["DOCSTART", "read_conll", "write_conll"]

DOCSTART = "-DOCSTART- -X- -X- O"
_TAG = re.compile(r"O|[BI]-\S+")


def read_conll(path: PathLike, *, labels: Iterable[str] | None = LABELS) -> list[AnnotatedText]:
    """Read a CoNLL-2003 style IOB2 file into annotated texts, one per ``-DOCSTART-``.

    Because CoNLL keeps no whitespace, each text is rebuilt by newslab's convention: the
    tokens of a sentence are joined by one space and sentences by ``"\\n"``. Span offsets
    point into that rebuilt text. Lines may have 2 columns (``TOKEN TAG``) or the 4 of
    CoNLL-2003 (``TOKEN POS CHUNK TAG``); the tag is the last column.

    Raises:
        AnnotationError: naming the file and line of a wrong column count, a tag that is not
            IOB2 (``O``, ``B-X``, or ``I-X`` continuing an ``X``) or an unknown label.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.conll"
        >>> _ = path.write_text("-DOCSTART- -X- -X- O\\n\\nMark B-PERSON\\nRutte I-PERSON\\nspoke O\\n")
        >>> read_conll(path)
        [{'text': 'Mark Rutte spoke', 'spans': [{'start': 0, 'end': 10, 'label': 'PERSON'}], 'meta': {}}]
    """
    allowed = None if labels is None else tuple(labels)
    return [_record(doc, path, allowed) for doc in _documents(path)]


def write_conll(records: Records, path: PathLike, *, nlp: Language | None = None) -> Path:
    """Write annotated texts (or Docs, or pairs) as a CoNLL-2003 style IOB2 file, atomically.

    Tokens come from a given ``Doc`` or from ``nlp``'s tokenizer (default
    :func:`newslab.load_pipeline`). Whitespace tokens are left out. A sentence ends at each
    line break in the text and, for a parsed ``Doc``, at each sentence end (never inside a
    span).

    Raises:
        AnnotationError: if a span does not fall on token boundaries, or a token holds a space.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.conll"
        >>> print(write_conll([("Rutte visited Kyiv.", [(14, 18, "GPE")])], path).read_text(), end="")
        -DOCSTART- -X- -X- O
        <BLANKLINE>
        Rutte O
        visited O
        Kyiv B-GPE
        . O
        <BLANKLINE>
    """
    blocks, texts = [], []
    for record, doc in records_and_docs(records):
        if doc is None:
            doc = to_doc(record, nlp=nlp)
        else:
            validate_spans(doc.text, record["spans"], labels=None)
        blocks.append(DOCSTART + "\n\n" + "".join(_sentence_lines(doc)))
        texts.append(doc.text)
    written = atomic_write_text(path, "".join(blocks))
    _warn_if_rebuilt(texts, written)
    return written


def _warn_if_rebuilt(texts: list[str], path: Path) -> None:
    """Warn when a text will read back different, since CoNLL keeps no whitespace."""
    back = [record["text"] for record in read_conll(path, labels=None)]
    changed = sum(a != b for a, b in zip(texts, back)) + abs(len(texts) - len(back))
    if changed:
        warnings.warn(f"CoNLL keeps no whitespace: {changed} of {len(texts)} texts will read back from {path} "
                      "rebuilt (tokens joined by one space, sentences by a line break), with offsets into the "
                      "rebuilt text. Write JSONL or DocBin to keep the text exactly.", UserWarning, stacklevel=3)


def _sentence_lines(doc: Doc) -> Iterator[str]:
    """Yield each sentence's ``TOKEN TAG`` lines followed by a blank line."""
    lines: list[str] = []
    prev = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text and lines and token.ent_iob_ != "I":
                yield "".join(lines) + "\n"
                lines = []
            continue
        if lines and token.is_sent_start and token.ent_iob_ != "I" and doc.has_annotation("SENT_START"):
            yield "".join(lines) + "\n"
            lines = []
        lines.append(f"{_token_text(token)} {_tag(token, prev)}\n")
        prev = token
    if lines:
        yield "".join(lines) + "\n"


def _token_text(token: Token) -> str:
    if any(ch.isspace() for ch in token.text):
        raise AnnotationError(
            f"token {token.text!r} at {token.idx} holds whitespace, which CoNLL cannot store")
    if token.text == DOCSTART.split()[0]:
        raise AnnotationError(f"token {token.text!r} at {token.idx} would read back as the start of a new "
                              "document, which CoNLL cannot tell apart; write JSONL or DocBin instead")
    return token.text


def _tag(token: Token, prev: Token | None) -> str:
    """IOB2 tag; a span whose first tokens were whitespace (left out) starts with ``B-``."""
    if token.ent_iob_ in ("O", ""):
        return "O"
    same = prev is not None and prev.ent_iob_ in ("B", "I") and all(
        t.ent_iob_ == "I" for t in token.doc[prev.i + 1 : token.i + 1])
    return f"{'I' if same else 'B'}-{check_plain_label(token.ent_type_, format='CoNLL')}"


def _documents(path: PathLike) -> Iterator[list[tuple[int, list[str]]]]:
    """Yield each document as ``(line number, [token, tag])`` rows; ``[]`` marks a sentence end."""
    rows: list[tuple[int, list[str]]] = []
    text = read_text(path)
    for number, line in enumerate(text.split("\n"), start=1):
        columns = line.split()
        if columns[:1] == ["-DOCSTART-"]:
            if any(cols for _, cols in rows):
                yield rows
            rows = []
        elif not columns:
            rows.append((number, []))
        elif len(columns) in (2, 4):
            rows.append((number, [columns[0], columns[-1]]))
        else:
            raise AnnotationError(f"expected 2 columns (TOKEN TAG) or 4 (TOKEN POS CHUNK TAG), "
                                  f"found {len(columns)}: {line!r}", line=number, path=str(path))
    if any(cols for _, cols in rows):
        yield rows


def _record(rows: list[tuple[int, list[str]]], path: PathLike,
            labels: Iterable[str] | None) -> AnnotatedText:
    """Rebuild one document's text and spans from its rows."""
    text, spans, open_span = "", [], None
    first_line = rows[0][0]
    for number, cols in rows:
        if not cols:
            text = text + "\n" if text and not text.endswith("\n") else text
            continue
        token, tag = cols
        _check_tag(tag, open_span, labels, number, path)
        if open_span is not None and tag[:2] != "I-":
            spans.append(open_span)
            open_span = None
        text += "" if not text or text.endswith("\n") else " "
        if tag[:2] == "B-":
            open_span = SpanDict(start=len(text), end=len(text) + len(token), label=tag[2:])
        elif tag[:2] == "I-":
            open_span["end"] = len(text) + len(token)  # type: ignore[index]
        text += token
    spans += [open_span] if open_span is not None else []
    text = text.rstrip("\n")
    return AnnotatedText(text=text, spans=validate_spans(text, spans, labels=labels, line=first_line,
                                                         path=str(path)), meta={})


def _check_tag(tag: str, open_span: SpanDict | None, labels: Iterable[str] | None, line: int,
               path: PathLike) -> None:
    if not _TAG.fullmatch(tag):
        raise AnnotationError(f"{tag!r} is not an IOB2 tag (O, B-LABEL or I-LABEL)",
                              line=line, path=str(path))
    if tag != "O" and labels is not None and tag[2:] not in set(labels):
        raise AnnotationError(f"unknown label {tag[2:]!r} in {tag!r}; expected one of "
                              f"{', '.join(sorted(labels))}", line=line, path=str(path))
    if tag[:2] == "I-" and (open_span is None or open_span["label"] != tag[2:]):
        raise AnnotationError(f"{tag!r} does not continue a {tag[2:]} span; IOB2 starts every span "
                              f"with B-{tag[2:]}", line=line, path=str(path))

