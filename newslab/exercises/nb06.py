"""Exercises of notebook 06, Who said what.

Every expected answer is computed from the article in use with :func:`newslab.quotes`,
:func:`newslab.voices` and :func:`newslab.entity_clusters`, so an instructor's own article
works too. Answers may come in ordinary forms: a NumPy number, a one-element list or
Series, a name with other capitals or spaces, a share as 0.6, 60 or "60%".
"""

from __future__ import annotations

from typing import Any

from .. import _columns as C
from . import Context, exercise


def _one(answer: Any) -> Any:
    """Unwrap a one-element list, tuple, Series or array."""
    if hasattr(answer, "tolist") and not isinstance(answer, str):
        answer = answer.tolist()
    if isinstance(answer, list | tuple) and len(answer) == 1:
        return answer[0]
    return answer


def _number(answer: Any) -> float | None:
    value = _one(answer)
    if isinstance(value, str):
        value = value.strip().rstrip("%").strip()
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _name(answer: Any) -> str:
    return " ".join(str(_one(answer)).split()).casefold()


def _matches(answer: Any, canonical: str) -> bool:
    """A name matches a canonical name in full, or by its last word ("Brandt" for "Lena Brandt")."""
    name = _name(answer)
    return bool(name) and name in (canonical.casefold(), canonical.split()[-1].casefold() if canonical else "")


def _statements(ctx: Context) -> dict[str, int]:
    from ..attribution import quotes

    return {str(k): int(v) for k, v in quotes(ctx.doc).groupby(C.CANONICAL, sort=False).size().items()}


@exercise("06-top-speaker", hint=("Count the statements per speaker: "
                                  'nl.quotes(doc)["canonical"].value_counts(); answer with the top name.'))
def top_speaker(answer: Any, ctx: Context) -> bool | str:
    counts = _statements(ctx)
    if not counts:
        return _name(answer) == "none" or 'No statement is attributed in this article: answer "none".'
    best = max(counts.values())
    said = next((name for name in counts if _matches(answer, name)), None)
    if said is None:
        return f"{_one(answer)!r} is not a speaker here. Copy a name from the canonical column of nl.quotes(doc)."
    return counts[said] == best or f"{said} makes {counts[said]} statement(s); someone makes {best}."


@exercise("06-direct-count", hint='Keep the rows of nl.quotes(doc) whose "kind" is "direct" and count them.')
def direct_count(answer: Any, ctx: Context) -> bool | str:
    from ..attribution import quotes

    table = quotes(ctx.doc)
    value = _number(answer)
    if value is None:
        return "Answer with a number."
    direct = int((table[C.KIND] == C.DIRECT).sum())
    if value == len(table) and direct != len(table):
        return "That counts every statement. Count only the direct ones, in quotation marks."
    return value == direct or f"{_one(answer)} is not the number of direct quotations."


@exercise("06-reporter-share", hint=('In nl.voices(doc), read the "share" of the row "(reporter)"; '
                                     "answer as a fraction (0.5) or a percentage (50)."))
def reporter_share(answer: Any, ctx: Context) -> bool | str:
    from ..attribution import voices

    table = voices(ctx.doc)
    value = _number(answer)
    if value is None:
        return "Answer with a number, such as 0.5 or 50."
    value = value / 100 if value > 1 else value
    share = float(table.loc[table[C.SPEAKER] == C.REPORTER, C.SHARE].sum())
    if abs(value - (1 - share)) <= 0.02 and abs(value - share) > 0.02:
        return "That is the share of everyone quoted. The question asks for the reporter's own words."
    return abs(value - share) <= 0.02 or f"{value:.0%} is not the reporter's share of the words."


@exercise("06-merged-mentions", hint=("nl.entity_clusters(doc) lists each cluster with its count; find the "
                                      'row whose "canonical" is the person you are asked about.'))
def merged_mentions(answer: Any, ctx: Context) -> bool | str:
    from ..clusters import entity_clusters

    clusters = entity_clusters(ctx.doc)
    speakers = _statements(ctx)
    people = clusters[clusters[C.CANONICAL].isin(speakers)] if speakers else clusters[clusters[C.LABEL] == "PERSON"]
    if people.empty:
        return _name(answer) == "none" or 'No person is clustered in this article: answer "none".'
    top = people.sort_values([C.COUNT, C.CLUSTER_ID], ascending=[False, True]).iloc[0]
    value = _number(answer)
    if value is None:
        return "Answer with a number of mentions."
    return value == int(top[C.COUNT]) or (
        f"{_one(answer)} is not the number of mentions of {top[C.CANONICAL]} once its spellings are merged.")
