"""Entity labels and the package's one colour-blind-safe palette.

The labels are the OntoNotes 5 scheme that spaCy's English pipelines predict.
The colours come from Paul Tol's *light* scheme, designed for colour-blind
readers and for dark text on a coloured background (the way entities are
highlighted). Nine colours cannot keep eighteen labels apart, so labels that
students rarely need to tell apart share one: every kind of number is grey,
dates and times are yellow, and the rarer "named things" are pink. Every chart,
highlight and widget in newslab takes its colours from :data:`PALETTE`.
"""

from __future__ import annotations

from typing import Final

from . import columns as C
from .errors import UnknownLabelError

__all__ = [
    "LABELS", "PALETTE", "PART_COLORS", "QUOTE_COLORS", "UNKNOWN_COLOR", "label_color", "part_color", "describe_label",
    "check_labels",
]

LABELS: Final = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)

_TOL_LIGHT: Final = {
    "light_blue": "#77AADD",
    "light_cyan": "#99DDFF",
    "mint": "#44BB99",
    "pear": "#BBCC33",
    "olive": "#AAAA00",
    "light_yellow": "#EEDD88",
    "orange": "#EE8866",
    "pink": "#FFAABB",
    "pale_grey": "#DDDDDD",
}

PALETTE: Final[dict[str, str]] = {
    "PERSON": _TOL_LIGHT["orange"],
    "NORP": _TOL_LIGHT["pear"],
    "FAC": _TOL_LIGHT["olive"],
    "ORG": _TOL_LIGHT["light_blue"],
    "GPE": _TOL_LIGHT["mint"],
    "LOC": _TOL_LIGHT["light_cyan"],
    "PRODUCT": _TOL_LIGHT["pink"],
    "EVENT": _TOL_LIGHT["pink"],
    "WORK_OF_ART": _TOL_LIGHT["pink"],
    "LAW": _TOL_LIGHT["pink"],
    "LANGUAGE": _TOL_LIGHT["pink"],
    "DATE": _TOL_LIGHT["light_yellow"],
    "TIME": _TOL_LIGHT["light_yellow"],
    "PERCENT": _TOL_LIGHT["pale_grey"],
    "MONEY": _TOL_LIGHT["pale_grey"],
    "QUANTITY": _TOL_LIGHT["pale_grey"],
    "ORDINAL": _TOL_LIGHT["pale_grey"],
    "CARDINAL": _TOL_LIGHT["pale_grey"],
}

UNKNOWN_COLOR: Final = "#FFFFFF"

#: Colours of an article's parts, in charts and in the structure view alike.
PART_COLORS: Final[dict[str, str]] = {
    "headline": _TOL_LIGHT["orange"],
    "byline": _TOL_LIGHT["pear"],
    "dateline": _TOL_LIGHT["olive"],
    "paragraph": _TOL_LIGHT["light_blue"],
    "kicker": _TOL_LIGHT["light_cyan"],
    "date_line": _TOL_LIGHT["light_yellow"],
    "subhead": _TOL_LIGHT["mint"],
    "caption": _TOL_LIGHT["pink"],
    "standfirst": _TOL_LIGHT["light_cyan"],  # text of the article's front, like the kicker
    # page furniture pasted with the article: one grey, so what is not the article reads as one thing
    **{kind: _TOL_LIGHT["pale_grey"] for kind in (
        "credit", "repeated_headline", "promo", "related", "ad", "newsletter", "editor_note", "audio", "source",
        "author", "boilerplate", "skipped")},
}
#: Colour of any other part.
OTHER_PART_COLOR: Final = _TOL_LIGHT["pale_grey"]

#: Who said what: the speaker, the cue and the content of a statement in three distinct
#: styles, the three kinds of statement (direct, mixed, reported), and the reporter's own voice.
QUOTE_COLORS: Final[dict[str, str]] = {
    C.SPEAKER: _TOL_LIGHT["orange"],
    C.CUE: _TOL_LIGHT["light_blue"],
    C.CONTENT: _TOL_LIGHT["light_yellow"],
    C.DIRECT: _TOL_LIGHT["mint"],
    C.MIXED: _TOL_LIGHT["pear"],
    C.REPORTED: _TOL_LIGHT["pink"],
    C.REPORTER: _TOL_LIGHT["pale_grey"],
}

_DESCRIPTIONS: Final = {
    "PERSON": "People, including fictional",
    "NORP": "Nationalities or religious or political groups",
    "FAC": "Buildings, airports, highways, bridges, etc.",
    "ORG": "Companies, agencies, institutions, etc.",
    "GPE": "Countries, cities, states",
    "LOC": "Non-GPE locations, mountain ranges, bodies of water",
    "PRODUCT": "Objects, vehicles, foods, etc. (not services)",
    "EVENT": "Named hurricanes, battles, wars, sports events, etc.",
    "WORK_OF_ART": "Titles of books, songs, etc.",
    "LAW": "Named documents made into laws",
    "LANGUAGE": "Any named language",
    "DATE": "Absolute or relative dates or periods",
    "TIME": "Times smaller than a day",
    "PERCENT": 'Percentage, including "%"',
    "MONEY": "Monetary values, including unit",
    "QUANTITY": "Measurements, as of weight or distance",
    "ORDINAL": '"first", "second", etc.',
    "CARDINAL": "Numerals that do not fall under another type",
}


def label_color(label: str) -> str:
    """Return the highlight colour of an entity label.

    Examples:
        >>> label_color("PERSON")
        '#EE8866'
        >>> label_color("NOT_A_LABEL")
        '#FFFFFF'
    """
    return PALETTE.get(label, UNKNOWN_COLOR)


def part_color(kind: str) -> str:
    """Return the colour of an article part.

    Examples:
        >>> part_color("headline")
        '#EE8866'
        >>> part_color("credit"), part_color("promo")
        ('#DDDDDD', '#DDDDDD')
    """
    return PART_COLORS.get(kind, OTHER_PART_COLOR)


def describe_label(label: str) -> str:
    """Return a one-line description of an OntoNotes label.

    Examples:
        >>> describe_label("GPE")
        'Countries, cities, states'
    """
    return _DESCRIPTIONS.get(label, "Not an OntoNotes label")


def check_labels(labels: object, *, allowed: tuple[str, ...] = LABELS) -> tuple[str, ...]:
    """Validate a label or a collection of labels and return them as a tuple.

    Raises:
        UnknownLabelError: naming every unknown label and the allowed ones.

    Examples:
        >>> check_labels(["GPE", "PERSON"])
        ('GPE', 'PERSON')
        >>> check_labels("ORG")
        ('ORG',)
    """
    items = (labels,) if isinstance(labels, str) else tuple(labels)  # type: ignore[arg-type]
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise UnknownLabelError(f"unknown label(s) {unknown!r}; expected some of {', '.join(allowed)}")
    return items
