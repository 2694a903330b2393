"""Where the model goes wrong on an article: the error-analysis cases, as tables.

:func:`findings` compares a parsed article with a reference (a gold standard or a student's
annotations, see :func:`newslab.evaluation.reference.reference`) and collects the cases the course
discusses, computed for whatever article is in use:

* ``headline``: the headline's entities parsed as written and as newslab parses it (a Title
  Case headline is read in sentence case, see :func:`newslab.text.pipeline.sentence_case`);
* ``person_as_place``: names the model labels ``PERSON`` that the reference labels as a place;
* ``inconsistent``: the same name with different labels in different sentences;
* ``boundaries``: spans that overlap a reference span without matching its words;
* ``confusion``: how often each reference label (rows) was predicted as each label (columns).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..edge import require_doc
from ..markup import Note
from ..text.article import is_title_case
from .scores import WRONG_BOUNDARY, Evaluation, evaluate

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..io.spans import Annotated

__all__ = ["findings", "Findings", "evaluate_many", "PLACE_LABELS"]

#: Labels of places in the OntoNotes scheme.
PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True, eq=False)
class Findings:
    """The error-analysis cases of one article (see the module docs).

    Attributes:
        headline: ``headline_case, text, entities``: one row as written, one as parsed.
        title_case: Whether the headline is in Title Case (else both rows read the same).
        person_as_place: Disagreements where the model says ``PERSON`` and the reference a place.
        inconsistent: ``key, label, count, sent_ids`` of every name with more than one label.
        boundaries: The ``wrong_boundary`` disagreements.
        confusion: Counts, reference label by predicted label; ``(none)`` is "no span".
        evaluation: The full :class:`~newslab.evaluation.Evaluation` they come from.
    """

    headline: pd.DataFrame = field(repr=False)
    title_case: bool
    person_as_place: pd.DataFrame = field(repr=False)
    inconsistent: pd.DataFrame = field(repr=False)
    boundaries: pd.DataFrame = field(repr=False)
    confusion: pd.DataFrame = field(repr=False)
    evaluation: Evaluation = field(repr=False)

    def summary(self) -> Note:
        """The findings in plain words (Markdown), every number computed from the tables.

        Examples:
            >>> import newslab
            >>> print(findings(newslab.analyze(), newslab.gold()).summary())
            - The headline is in Title Case...
        """
        return Note("\n".join(f"- {line}" for line in _statements(self)))


def findings(doc: Doc, reference: Annotated, *, nlp: Language | None = None) -> Findings:
    """Collect where the model goes wrong on an article, against a reference.

    Args:
        doc: The article parsed by :func:`newslab.analyze`.
        reference: A gold standard or a student's annotations of the same text (anything
            :func:`newslab.evaluate` accepts).
        nlp: The pipeline that parses the headline as written (default: :func:`newslab.load_pipeline`).

    Examples:
        >>> import newslab
        >>> found = findings(newslab.analyze(), newslab.gold())
        >>> sorted(set(found.person_as_place["predicted_text"]))
        ['Kyiv']
        >>> found.headline["headline_case"].tolist()
        ['original', 'sentence']
    """
    doc = require_doc(doc, "nl.findings")
    evaluation = evaluate(doc, reference)
    table = evaluation.disagreements
    person = table[(table[C.PREDICTED_LABEL] == "PERSON") & table[C.GOLD_LABEL].isin(PLACE_LABELS)]
    headline = _headline_text(doc)
    return Findings(
        headline=_headline(doc, headline, nlp),
        title_case=headline is not None and is_title_case(headline),
        person_as_place=person.reset_index(drop=True),
        inconsistent=_inconsistent(doc),
        boundaries=table[table[C.KIND] == WRONG_BOUNDARY].reset_index(drop=True),
        confusion=_confusion(evaluation),
        evaluation=evaluation,
    )


def evaluate_many(predictions: Mapping[str, Any], reference: Annotated) -> pd.DataFrame:
    """Score several parses of one article against one reference: one row each, by name.

    Examples:
        >>> text = "Ana Field visited Riverton."
        >>> gold = (text, [(0, 9, "PERSON"), (18, 26, "GPE")])
        >>> table = evaluate_many({"model": (text, [(0, 9, "PERSON")]), "model + rules": gold}, gold)
        >>> table["f1"].round(3).tolist(), table["tp"].tolist()
        ([0.667, 1.0], [1, 2])
    """
    import pandas as pd

    tables = [evaluate(predicted, reference).summary() for predicted in predictions.values()]
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=list(C.SCORE_COLUMNS))
    return table.set_index(pd.Index(list(predictions), name=C.PIPELINE))


def _headline_text(doc: Doc) -> str | None:
    spans = doc.spans[C.PARTS_KEY] if C.PARTS_KEY in doc.spans else []
    return next((span.text for span in spans if span.label_ == C.HEADLINE), None)


def _headline(doc: Doc, headline: str | None, nlp: Language | None) -> pd.DataFrame:
    import pandas as pd

    if headline is None:
        return pd.DataFrame(columns=list(C.HEADLINE_FINDING_COLUMNS))
    if nlp is None:
        from ..text.pipeline import load_pipeline

        nlp = load_pipeline()
    start = doc.text.index(headline)
    as_parsed = [e for e in doc.ents if start <= e.start_char and e.end_char <= start + len(headline)]
    rows = [("original", headline, _names(nlp(headline).ents)), ("sentence", headline, _names(as_parsed))]
    return pd.DataFrame.from_records(rows, columns=list(C.HEADLINE_FINDING_COLUMNS))


def _names(ents: Any) -> list[str]:
    return [f"{ent.text} ({ent.label_})" for ent in ents]


def _inconsistent(doc: Doc) -> pd.DataFrame:
    """Names with more than one label. A one-word name is the same name as a longer one that
    ends with it ("Zelenskiy" and "Volodymyr Zelenskiy")."""
    import pandas as pd

    from ..tables.mentions import entities

    table = entities(doc)
    short = {key for key in table[C.KEY] if " " not in key}
    names = table[C.KEY].map(lambda key: key.rsplit(" ", 1)[-1] if key.rsplit(" ", 1)[-1] in short else key)
    table = table.assign(**{C.KEY: names})
    several = table.groupby(C.KEY)[C.LABEL].transform("nunique") > 1
    grouped = table[several].groupby([C.KEY, C.LABEL], sort=True)[C.SENT_ID]
    rows = [(key, label, len(ids), sorted(set(ids))) for (key, label), ids in grouped]
    return pd.DataFrame.from_records(rows, columns=list(C.INCONSISTENT_COLUMNS))


def _confusion(evaluation: Evaluation) -> pd.DataFrame:
    """Reference label (rows) by predicted label (columns), matches on the diagonal."""
    import pandas as pd

    pairs = [(label, label, tp) for label, tp in zip(evaluation.per_label[C.LABEL], evaluation.per_label[C.TP])]
    table = evaluation.disagreements
    for gold_label, predicted in zip(table[C.GOLD_LABEL], table[C.PREDICTED_LABEL]):
        pairs.append((_label(gold_label), _label(predicted), 1))
    frame = pd.DataFrame.from_records(pairs, columns=[C.GOLD_LABEL, C.PREDICTED_LABEL, C.COUNT])
    confusion = frame.pivot_table(index=C.GOLD_LABEL, columns=C.PREDICTED_LABEL, values=C.COUNT,
                                  aggfunc="sum", fill_value=0)
    labels = sorted(set(confusion.index) | set(confusion.columns) - {C.NO_ENTITY}) + [C.NO_ENTITY]
    confusion = confusion.reindex(index=labels, columns=labels, fill_value=0).astype("int64")
    return confusion.loc[(confusion.sum(axis=1) > 0), (confusion.sum(axis=0) > 0)]


def _label(value: Any) -> str:
    import pandas as pd

    return C.NO_ENTITY if pd.isna(value) else str(value)


def _statements(found: Findings) -> list[str]:
    lines = []
    rows = found.headline.set_index(C.HEADLINE_CASE)[C.ENTITIES] if len(found.headline) else None
    if rows is None:
        lines.append("The article has no headline.")
    elif not found.title_case:
        lines.append("The headline is not in Title Case, so it is parsed as written.")
    else:
        lines.append(f"The headline is in Title Case. Parsed as written, its entities are "
                     f"{_listed(rows['original'])}; parsed in sentence case, {_listed(rows['sentence'])}.")
    person = found.person_as_place
    cases = Counter(zip(person[C.PREDICTED_TEXT], person[C.GOLD_LABEL]))
    lines.append(f"Names labelled PERSON that the reference labels as a place: "
                 f"{_listed(f'{text} ({label}, {n}×)' for (text, label), n in cases.items())}.")
    names = found.inconsistent.groupby(C.KEY)[C.LABEL].agg(lambda labels: "/".join(labels))
    lines.append(f"Names with different labels in different sentences: "
                 f"{_listed(f'{key} ({labels})' for key, labels in names.items())}.")
    lines.append(f"Boundary errors: {len(found.boundaries)}. Exact F1 against the reference: "
                 f"{found.evaluation.f1:.3f}.")
    return lines


def _listed(items: Any) -> str:
    items = list(items)
    return ", ".join(items) if items else "none"
