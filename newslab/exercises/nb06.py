"""Exercises of notebook 06, Who said what.

Every expected answer is computed from the article in use with :func:`newslab.quotes`,
:func:`newslab.voices` and :func:`newslab.entity_clusters`, so an instructor's own article
works too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import columns as C
from ._context import Context, memoised
from ._model import Distractor, Need
from .checks import define, rounded_too_far, shown_share

if TYPE_CHECKING:
    import pandas as pd


@memoised
def _statements(ctx: Context) -> pd.DataFrame:
    from ..attribution.statements import quotes

    return quotes(ctx.doc)


@memoised
def _per_speaker(ctx: Context) -> pd.Series:
    return _statements(ctx)[C.CANONICAL].dropna().value_counts()


def _top_speakers(ctx: Context) -> list[Any]:
    counts = _per_speaker(ctx)
    names = [str(name) for name, count in counts.items() if count == counts.max()] if len(counts) else []
    return names + [name.split()[-1] for name in names if " " in name]  # "Brandt" for "Lena Brandt"


@memoised
def _speaker_clusters(ctx: Context) -> pd.DataFrame:
    from ..ner.clusters import entity_clusters

    clusters = entity_clusters(ctx.doc)
    return clusters[clusters[C.CANONICAL].isin(_per_speaker(ctx).index)]


def _merged(ctx: Context) -> list[Any]:
    speakers = _speaker_clusters(ctx)
    return [] if speakers.empty else [int(speakers[C.COUNT].max())]


def _one_spelling(ctx: Context) -> int | None:
    """Mentions of the most mentioned speaker's most common spelling alone."""
    speakers = _speaker_clusters(ctx)
    if speakers.empty:
        return None
    name = speakers.sort_values(C.COUNT, ascending=False)[C.CANONICAL].iloc[0]
    ents = ctx.entities
    return int(ents[ents[C.CANONICAL] == name][C.KEY].value_counts().iloc[0])


@memoised
def _reporter_share(ctx: Context) -> float:
    from ..attribution.share import voices

    table = voices(ctx.doc)
    return float(table.loc[table[C.SPEAKER] == C.REPORTER, C.SHARE].sum())


STATEMENT = Need("statement attributed to a speaker", lambda ctx: not _statements(ctx).empty)
LEADING_SPEAKER = Need("speaker with more statements than any other",
                       lambda ctx: len(_per_speaker(ctx)) > 0 and (_per_speaker(ctx) == _per_speaker(ctx).max()).sum() == 1)
CLUSTERED_SPEAKER = Need("speaker who is also a named entity", lambda ctx: not _speaker_clusters(ctx).empty)

define(
    "06-top-speaker", kind="text", needs=(LEADING_SPEAKER,), answers=_top_speakers,
    goal="Read an attribution table: whose voice does the article give most often?",
    hints=("Every row of nl.quotes(doc) is one statement the article attributes to someone.",
           'The "canonical" column names the speaker, with "He" resolved to the person it stands for; '
           "count its values."),
    blank='"canonical"',
    solution='statements = nl.quotes(doc)\nanswer = statements["canonical"].value_counts().index[0]',
    why="No other speaker has as many rows in the attribution table.",
    distractors=(Distractor("the reporter", lambda ctx: C.REPORTER,
                            "The reporter tells the story but is not a quoted speaker: name a person."),),
    explain=lambda answer, ctx: (f"{answer!r} is not the speaker with the most statements. Count the values of the "
                                 "canonical column of nl.quotes(doc)."),
)

define(
    "06-direct-count", kind="count", needs=(STATEMENT,),
    answers=lambda ctx: [int((_statements(ctx)[C.KIND] == C.DIRECT).sum())],
    goal="Tell direct speech (in quotation marks) from reported speech.",
    hints=("A direct quotation gives the speaker's own words in quotation marks; reported speech paraphrases them.",
           'The "kind" column of nl.quotes(doc) says "direct", "mixed" (reported speech holding a partial '
           'quotation) or "reported".'),
    blank='"direct"',
    solution='statements = nl.quotes(doc)\nanswer = (statements["kind"] == "direct").sum()',
    why="Only the rows whose kind is direct are quotations and nothing else; mixed rows only hold a piece of one.",
    distractors=(
        Distractor("every statement", lambda ctx: len(_statements(ctx)),
                   "That counts every statement. Count only the direct ones, in quotation marks."),
    ),
    explain=lambda answer, ctx: f"{answer} is not the number of direct quotations.",
)

define(
    "06-reporter-share", kind="ratio", needs=(STATEMENT,), answers=lambda ctx: [_reporter_share(ctx)], percent=True,
    refuses=(rounded_too_far(percent=True),),
    goal="Measure the reporter's own voice against the voices quoted.",
    hints=("Words that are not attributed to anyone are the reporter's own.",
           'nl.voices(doc) has one row per speaker and one for "(reporter)"; "share" is the share of words.'),
    blank='"(reporter)"',
    solution='voices = nl.voices(doc)\nanswer = voices.loc[voices["speaker"] == "(reporter)", "share"]',
    why="The (reporter) row counts the words that no statement attributes to anyone.",
    distractors=(Distractor("everyone quoted", lambda ctx: 1 - _reporter_share(ctx),
                            "That is the share of everyone quoted. The question asks for the reporter's own words."),),
    explain=lambda answer, ctx: f"Not quite: {shown_share(answer)} is not the reporter's share of the words.",
)

define(
    "06-merged-mentions", kind="count", needs=(CLUSTERED_SPEAKER,), answers=_merged,
    goal="See what entity clustering changes: one person under several spellings counts once.",
    hints=('"Mark Rutte", "Rutte" and "Rutte\'s" name one person: a cluster.',
           'nl.entity_clusters(doc) has one row per cluster with its "count" of mentions; keep the speakers '
           "(the canonical names of nl.quotes(doc))."),
    blank='ascending=False',
    solution='clusters = nl.entity_clusters(doc)\nstatements = nl.quotes(doc)\n'
             'speakers = clusters[clusters["canonical"].isin(statements["canonical"])]\n'
             'answer = speakers.sort_values("count", ascending=False)["count"].iloc[0]',
    why="The cluster counts every spelling of the speaker's name together.",
    distractors=(Distractor("one spelling", _one_spelling,
                            "That counts one spelling of the name. Count every mention of the cluster."),),
    explain=lambda answer, ctx: f"{answer} is not the number of mentions of that speaker once its spellings are merged.",
)
