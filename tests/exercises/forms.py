"""Answer forms derived from an exercise's true answer: the forms a student really writes.

An outside reader probed the checks with forms the team never wrote down (``Decimal``,
``"56/67"``, a no-break space before ``%``, a surname, the dateline as printed...). This module
makes such forms from *transformations* that compose, instead of a hand list:

- a **right** form is the true answer (or a variant the article itself gives: a person's surname,
  the dateline as printed) put through one option of each stage (number type, rounding as shown,
  case, spacing, quotes, punctuation, container...);
- a **wrong** form is a wrong base (neighbouring row, other label, off by one, conflicting
  duplicate spans, every declared distractor, blank, arbitrary) put through the same stages, so
  ``Decimal(8)`` is as wrong as ``8``.

A form carries a ``tag`` when it belongs to a family that an exercise may refuse on purpose
(``Refusal.form`` in ``newslab/exercises/nbNN.py``); the test then expects that refusal's message.
:func:`singles` gives every stage option alone (the exhaustive part); :func:`combined` is the
Hypothesis strategy that composes them. Nothing here calls the checks: the true answer comes from
the exercise's ``answers`` (or, for the dateline spans, from the annotation guide, read here), and
every variant is computed from the article with plain code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import strategies as st

import newslab
from newslab import columns as C

#: a stage option that does not apply to this value (a surname for a place, say)
SKIP = object()


@dataclass(frozen=True)
class Form:
    """One answer a student may give: how it was made, the value, and its refusable family (if any)."""

    name: str
    value: Any = field(compare=False)
    tag: str = ""
    base: Any = field(default=None, compare=False)

    def __repr__(self) -> str:
        return f"<{self.name}>"


Option = tuple[str, Callable[[Any], Any]]


# --- stages: each a list of (name, transformation); the first option of every stage is the identity -----------


def _num_stage(percent_allowed: bool) -> list[Option]:
    return [
        ("as is", lambda v: v),
        ("numpy int64", lambda v: np.int64(v) if _whole(v) else SKIP),
        ("numpy int32", lambda v: np.int32(v) if _whole(v) else SKIP),
        ("numpy uint16", lambda v: np.uint16(v) if _whole(v) and 0 <= v < 2**16 else SKIP),
        ("numpy float64", lambda v: np.float64(v)),
        ("numpy float32", lambda v: np.float32(v)),
        ("float", lambda v: float(v)),
        ("Decimal", lambda v: Decimal(repr(v)) if isinstance(v, float) else Decimal(v)),
        ("exact Decimal", lambda v: Decimal(v)),
        ("Fraction", lambda v: Fraction(v) if _whole(v) else _fraction(v) or SKIP),
        ("'a/b' string", lambda v: f"{_fraction(v).numerator}/{_fraction(v).denominator}" if _fraction(v) else SKIP),
        ("string", lambda v: str(v)),
        ("string with spaces", lambda v: f"  {v}\n"),
        ("string with no-break spaces", lambda v: f"\u00a0{v}\u00a0"),
        ("string with a thin space", lambda v: f"\u2009{v}"),
        ("whole float string", lambda v: f"{v}.0" if _whole(v) else SKIP),
    ]


def _ratio_stage(percent_allowed: bool) -> list[Option]:
    options: list[Option] = [
        *_num_stage(percent_allowed)[:11],
        ("3 decimals", lambda v: round(v, 3)),
        ("4 decimals", lambda v: round(v, 4)),
        ("6 decimals", lambda v: round(v, 6)),
        ("3-decimal string", lambda v: f"{v:.3f}"),
        ("4-decimal string with spaces", lambda v: f" {v:.4f} "),
        ("3-decimal Decimal", lambda v: Decimal(f"{v:.3f}")),
        ("percent string", lambda v: f"{100 * v:.1f}%"),
        ("percent string, space", lambda v: f"{100 * v:.2f} %"),
        ("percent string, no-break space", lambda v: f"{100 * v:.1f}\u00a0%"),
        ("percent string, narrow no-break space", lambda v: f"{100 * v:.1f}\u202f%"),
        ("percent format", lambda v: f"{v:.1%}"),
    ]
    percentages: list[Option] = [
        ("bare percentage", lambda v: 100 * v),
        ("bare percentage, 2 decimals", lambda v: round(100 * v, 2)),
        ("bare percentage, 1 decimal", lambda v: round(100 * v, 1)),
        ("bare percentage string", lambda v: f"{100 * v:.2f}"),
        ("bare percentage, numpy", lambda v: np.float64(100 * v)),
    ]
    if percent_allowed:
        return options + percentages
    return options + [(f"{name} [percentage without %]", fn) for name, fn in percentages]


#: forms a teacher may refuse: a share rounded below what the notebook shows
def _coarse_ratio(percent_allowed: bool) -> list[Option]:
    options: list[Option] = [("2 decimals", lambda v: round(v, 2)), ("2-decimal string", lambda v: f"{v:.2f}"),
                             ("whole percent string", lambda v: f"{100 * v:.0f}%")]
    if percent_allowed:
        options.append(("whole bare percentage", lambda v: round(100 * v)))
    def coarse(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda v: fn(v) if round(v, 2) != v else SKIP  # 1.0 to 2 decimals is exact, not coarse

    return [(f"{name} [rounded to 2 decimals]", coarse(fn)) for name, fn in options]


_CASE: list[Option] = [("as is", lambda t: t), ("upper case", str.upper), ("lower case", str.lower),
                       ("title case", str.title)]
_SPACE: list[Option] = [
    ("as is", lambda t: t), ("outer spaces", lambda t: f"  {t} "), ("trailing newline", lambda t: f"{t}\n"),
    ("no-break spaces", lambda t: "\u00a0" + t.replace(" ", "\u00a0") + "\u00a0"),
    ("thin spaces", lambda t: t.replace(" ", "\u2009")), ("double inner spaces", lambda t: t.replace(" ", "  ")),
    ("a tab", lambda t: f"\t{t}"),
]
_MARKS: list[Option] = [
    ("as is", lambda t: t), ("curly double quotes", lambda t: f"“{t}”"), ("straight quotes", lambda t: f'"{t}"'),
    ("curly single quotes", lambda t: f"‘{t}’"), ("full stop", lambda t: f"{t}."), ("exclamation", lambda t: f"{t}!"),
    ("comma", lambda t: f"{t},"),
]
_CONTAINER: list[Option] = [
    ("plain", lambda v: v), ("one-element list", lambda v: [v]), ("one-element tuple", lambda v: (v,)),
    ("one-element set", lambda v: {v}), ("numpy array", lambda v: np.array([v])), ("Series", lambda v: pd.Series([v])),
    ("Index", lambda v: pd.Index([v])), ("one-cell DataFrame", lambda v: pd.DataFrame({"answer": [v]})),
    ("numpy scalar", lambda v: np.str_(v) if isinstance(v, str) else SKIP),
]


def _whole(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _fraction(value: Any) -> Fraction | None:
    """The fraction a share was computed from (56/67), when a small denominator gives it exactly."""
    if _whole(value) or not isinstance(value, float):
        return None
    guess = Fraction(value).limit_denominator(2000)
    return guess if float(guess) == value and guess.denominator > 1 else None


def _apply(base: Any, options: tuple[Option, ...], tag: str = "", prefix: str = "") -> Form | None:
    value, names = base, []
    for name, transform in options:
        try:
            value = transform(value)
        except Exception:  # a transformation that does not fit this value (Decimal("seven"))
            return None
        if value is SKIP:
            return None
        if name not in ("as is", "plain"):
            names.append(name)
    found = re.search(r"\[([^\]]+)\]", " ".join(names))
    return Form(f"{prefix}{', '.join(names) or 'as is'}", value, found.group(1) if found else tag, base)


def _singles(bases: list[tuple[str, Any]], stages: list[list[Option]], tag: str = "") -> list[Form]:
    """Every option of every stage, alone (the other stages as is), on every base."""
    forms = []
    for label, base in bases:
        for position, stage in enumerate(stages):
            for option in stage[1:] if position else stage:
                chosen = tuple(option if i == position else s[0] for i, s in enumerate(stages))
                if (form := _apply(base, chosen, tag, f"{label}: ")) is not None:
                    forms.append(form)
    return list({f.name: f for f in forms}.values())


def _combined(bases: list[tuple[str, Any]], stages: list[list[Option]], tag: str = "") -> st.SearchStrategy[Form]:
    """One option of each stage, drawn together (Hypothesis): the compositions a hand list misses."""
    def build(label_base: tuple[str, Any], options: tuple[Option, ...]) -> Form | None:
        return _apply(label_base[1], options, tag, f"{label_base[0]}: ")

    return st.builds(build, st.sampled_from(bases), st.tuples(*[st.sampled_from(s) for s in stages])).filter(
        lambda form: form is not None)


# --- what the article itself says: surnames, the dateline as printed, the guide's dateline spans --------------


def surname(ctx: Any, name: str) -> str | None:
    """A person's surname, when the article has that person and no other entity ends with that word."""
    table = ctx.entities
    rows = table[table[C.CANONICAL] == name]
    if " " not in name or rows.empty or "PERSON" not in set(rows[C.LABEL]):
        return None
    last = name.split()[-1]
    others = {c for c in table[C.CANONICAL] if c != name and str(c).split()[-1].casefold() == last.casefold()}
    return None if others else last


def printed_dateline(ctx: Any) -> str | None:
    """The dateline exactly as printed, up to and including the dash that ends it ("KYIV –")."""
    part = ctx.article.dateline
    if part is None:
        return None
    rest = ctx.article.text[part.end:]
    found = re.match(r"[^\n]{0,40}?\s[–—-](?=\s)", rest)
    return part.text + found.group(0) if found else None


def guide_dateline_spans(ctx: Any) -> list[tuple[int, int]]:
    """The guide's spans for a dateline: one per name, no comma ("RIVERTON, Northvale" gives two)."""
    part = ctx.article.dateline
    spans, offset = [], part.start
    for name in part.text.split(","):
        start = offset + len(name) - len(name.lstrip())
        spans.append((start, start + len(name.strip())))
        offset += len(name) + 1
    return spans


def model_spans(ctx: Any) -> list[dict[str, Any]]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in ctx.doc.ents]


def with_span(spans: list[dict[str, Any]], start: int, end: int, label: str) -> list[dict[str, Any]]:
    kept = [s for s in spans if s["end"] <= start or end <= s["start"]]
    return sorted([*kept, {"start": start, "end": end, "label": label}], key=lambda s: s["start"])


def spans_target(exercise_id: str, ctx: Any) -> list[tuple[int, int]]:
    """The spans an annotation exercise judges: the dateline's names, or the city's mentions in paragraph 1."""
    names = guide_dateline_spans(ctx)
    if exercise_id == "04-dateline":
        return names
    city, first = ctx.article.text[names[0][0]:names[0][1]], ctx.article.paragraphs[0]
    return [(first.start + m.start(), first.start + m.end())
            for m in re.finditer(rf"\b{re.escape(city)}\b", first.text, re.IGNORECASE)]


def true_spans(exercise_id: str, ctx: Any) -> list[dict[str, Any]]:
    spans = model_spans(ctx)
    for start, end in guide_dateline_spans(ctx) + (spans_target(exercise_id, ctx) if exercise_id != "04-dateline" else []):
        spans = with_span(spans, start, end, "GPE")
    return spans


# --- right forms ---------------------------------------------------------------------------------------------


def right_bases(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    """The true answer, and the variants of it the article gives (surname, as printed)."""
    if item.kind == "spans":
        return [("true spans", true_spans(item.id, ctx))]
    canonical = item.answers(ctx)[0]
    bases: list[tuple[str, Any]] = [("answer", canonical)]
    if item.kind == "text":
        if (last := surname(ctx, canonical)) is not None:
            bases.append(("surname", last))
        if canonical[:1].isupper() and not canonical.lower().startswith("the "):
            bases.append(("with 'The'", f"The {canonical}"))
        if item.id.endswith("dateline") and (printed := printed_dateline(ctx)):
            bases.append(("as printed", printed))
        if item.id.endswith("dateline") and "," in canonical:  # "RIVERTON, Northvale": the place is the city
            bases.append(("the city alone", canonical.split(",")[0]))
        if canonical[:1].isupper() and re.fullmatch(r"[\w.-]+( [\w.-]+)*", canonical):
            bases.append(("possessive", f"{canonical}’s"))
    if item.kind == "pair":
        a, b = canonical
        bases += [("swapped", (b, a))]
        bases += [("surnames", (surname(ctx, a) or a, surname(ctx, b) or b))]
    return bases


def _text_stages() -> list[list[Option]]:
    return [_CASE, _SPACE, _MARKS, _CONTAINER]


def _pair_stages() -> list[list[Option]]:
    def pair(name: str, fn: Callable[[str, str], Any]) -> Option:
        return name, lambda v: fn(*v)

    joins = [pair("tuple", lambda a, b: (a, b)), pair("list", lambda a, b: [a, b]),
             pair("set", lambda a, b: {a, b}), pair("numpy array", lambda a, b: np.array([a, b])),
             pair("Series", lambda a, b: pd.Series([a, b])), pair("Index", lambda a, b: pd.Index([a, b])),
             pair("'A, B'", lambda a, b: f"{a}, {b}"), pair("'A and B'", lambda a, b: f"{a} and {b}"),
             pair("'A & B'", lambda a, b: f"{a} & {b}"), pair("'A; B'", lambda a, b: f"{a};{b}"),
             pair("'A / B'", lambda a, b: f"{a} / {b}"),
             pair("co-occurrence row", lambda a, b: pd.DataFrame({C.KEY_A: [a], C.KEY_B: [b], C.COUNT: [9]}).iloc[0]),
             pair("one-row co-occurrence table", lambda a, b: pd.DataFrame({C.KEY_A: [a], C.KEY_B: [b], C.COUNT: [9]}))]
    each = [(name, lambda v, fn=fn: (fn(v[0]), fn(v[1]))) for name, fn in _CASE + _SPACE[:5]]
    return [each, joins]


def _texts_stages() -> list[list[Option]]:
    each = [(name, lambda v, fn=fn: [fn(x) for x in v]) for name, fn in _CASE + _SPACE[:5] + _MARKS[:2]]
    shapes: list[Option] = [
        ("list", lambda v: list(v)), ("reversed", lambda v: list(reversed(v))), ("tuple", lambda v: tuple(v)),
        ("set", lambda v: set(v)), ("numpy array", lambda v: np.array(v)), ("Series", lambda v: pd.Series(v)),
        ("repeated", lambda v: v + v), ("disagreements rows", lambda v: pd.DataFrame({C.PREDICTED_TEXT: v * 2})),
        ("one string", lambda v: v[0] if len(v) == 1 else ", ".join(v)),
    ]
    return [each, shapes]


def _spans_stages() -> list[list[Option]]:
    def frame(v: list[dict[str, Any]], start: str = C.START_CHAR, end: str = C.END_CHAR) -> pd.DataFrame:
        return pd.DataFrame({start: [s["start"] for s in v], end: [s["end"] for s in v], C.LABEL: [s["label"] for s in v]})

    order: list[Option] = [("as is", lambda v: v), ("reversed", lambda v: list(reversed(v))),
                           ("every span twice", lambda v: v + v),
                           ("numpy offsets", lambda v: [{**s, "start": np.int64(s["start"]), "end": np.int64(s["end"])}
                                                        for s in v])]
    shapes: list[Option] = [
        ("plain", lambda v: v), ("tuples", lambda v: [(s["start"], s["end"], s["label"]) for s in v]),
        ("lists", lambda v: [[s["start"], s["end"], s["label"]] for s in v]), ("to_frame()", frame),
        ("frame with start/end", lambda v: frame(v, "start", "end")), ("record()", lambda v: {"text": "", "spans": v}),
        ("object with .spans", lambda v: SimpleNamespace(spans=v)),
    ]
    return [order, shapes]


def stages(item: Any) -> list[list[Option]]:
    return {
        "count": lambda: [_num_stage(False), _CONTAINER[:-1]],
        "ratio": lambda: [_ratio_stage(getattr(item, "percent", False)), _CONTAINER[:-1]],
        "text": _text_stages, "texts": _texts_stages, "pair": _pair_stages, "spans": _spans_stages,
    }[item.kind]()


def helper_forms(item: Any, ctx: Any) -> list[Form]:
    """What the notebooks' own helpers return, given as the answer (``nl.entity_counts(doc, n=1)``...)."""
    doc, ents = ctx.doc, ctx.entities
    made: dict[str, Callable[[], list[Any]]] = {
        "05-top-entity": lambda: [newslab.entity_counts(doc, n=1), newslab.entity_counts(doc, n=1).iloc[0],
                                  newslab.entity_counts(doc, n=1)["canonical"]],
        "05-strongest-pair": lambda: [newslab.ner.chartdata.cooccurrence(ents).head(1),
                                      newslab.ner.chartdata.cooccurrence(ents).iloc[0]],
        "01-dateline": lambda: [ctx.article.dateline],
        "04-model-recall": lambda: [ctx.evaluation.recall, ctx.evaluation.summary()["recall"]],
    }
    if item.kind == "spans":
        made[item.id] = lambda: _annotators(ctx, true_spans(item.id, ctx))
    return [Form(f"helper: {type(v).__name__}", v) for v in made.get(item.id, lambda: [])()]


def _annotators(ctx: Any, spans: list[dict[str, Any]]) -> list[Any]:
    annotator = newslab.Annotator(ctx.doc)
    annotator.reset("empty")
    for span in spans:
        annotator.add(span["start"], span["end"], span["label"])
    return [annotator, annotator.spans, annotator.to_frame(), annotator.record()]


def refused_bases(item: Any, ctx: Any) -> list[Form]:
    """Forms of the true answer that a teacher may refuse (each exercise declares which it refuses)."""
    if item.kind == "ratio":
        right = item.answers(ctx)[0]
        return _singles([("answer", right)], [_coarse_ratio(getattr(item, "percent", False)), _CONTAINER[:1]])
    if item.id == "04-dateline" and len(guide_dateline_spans(ctx)) > 1:
        part = ctx.article.dateline
        merged = with_span(true_spans(item.id, ctx), part.start, part.end, "GPE")
        return _singles([("one span over the whole dateline", merged)], _spans_stages(), tag="one merged span")
    return []


def right_forms(item: Any, ctx: Any) -> list[Form]:
    """Every right form alone: each stage option on each base, the helpers' values, the refusable roundings."""
    return _singles(right_bases(item, ctx), stages(item)) + helper_forms(item, ctx) + refused_bases(item, ctx)


def right_strategy(item: Any, ctx: Any) -> st.SearchStrategy[Form]:
    return _combined(right_bases(item, ctx), stages(item))


# --- wrong forms ---------------------------------------------------------------------------------------------


def wrong_bases(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    """Wrong answers: neighbours, off by one, other labels, every distractor, blank and arbitrary values."""
    make = {"count": _wrong_counts, "ratio": _wrong_ratios, "text": _wrong_texts, "texts": _wrong_name_lists,
            "pair": _wrong_pairs, "spans": _wrong_spans}[item.kind]
    bases = make(item, ctx) + [(f"distractor {d.name}", d.value(ctx)) for d in item.distractors]
    bases += [("empty string", ""), ("blank", "  "), ("arbitrary word", "y"), ("empty list", [])]
    rights = [base for _, base in right_bases(item, ctx)] + ([] if item.kind == "spans" else item.answers(ctx))
    return [(name, base) for name, base in bases if base is not None and not is_right(item, base, rights)]


def _wrong_counts(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    v = item.answers(ctx)[0]
    return [("one more", v + 1), ("one less", v - 1), ("two more", v + 2), ("zero", 0), ("a half more", v + 0.5),
            ("a word", "seven"), ("True", True), ("two numbers", [v, v + 1]), ("ten times", 10 * v + 10)]


def _wrong_ratios(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    v = item.answers(ctx)[0]
    return [("a hundredth more", v + 0.01), ("five hundredths less", v - 0.05), ("the complement", 1 - v),
            ("zero", 0.0), ("one", 1.0), ("a wrong percentage", round(100 * v + 7, 1)), ("a word", "most")]


def _outlets() -> list[str]:
    return [str(outlet) for outlet in newslab.corpus.teaching_corpus().articles()[C.OUTLET]]


def _entity_names(ctx: Any) -> list[str]:
    return [str(name) for name in ctx.entities[C.CANONICAL].value_counts().index]


def _wrong_texts(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    v = item.answers(ctx)[0]
    names = _outlets() if item.notebook == "07" else _entity_names(ctx)[:3]
    others = [("neighbouring row", name) for name in names]
    return [*others, ("a label", "GPE"), ("one letter short", v[:-1]), ("a word more", f"{v} x"),
            ("two names", [v, "Atlantis"]), ("a number", 3)]


def _wrong_name_lists(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    v = item.answers(ctx)[0]
    bases = [("one name more", [*v, "Riverton Council"]), ("a real person", ["Mark Rutte"]), ("a place", ["Ukraine"])]
    return bases + ([("one name less", v[:-1])] if len(v) > 1 else [])


def _wrong_pairs(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    a, b = item.answers(ctx)[0]
    pairs = newslab.ner.chartdata.cooccurrence(ctx.entities)
    weaker = pairs[pairs[C.COUNT] < pairs[C.COUNT].max()]
    bases: list[tuple[str, Any]] = [("the same name twice", (a, a)), ("one name unknown", (a, "Atlantis")),
                                    ("one name", a)]
    bases += [("a weaker pair", (str(x), str(y))) for x, y in zip(weaker[C.KEY_A][:2], weaker[C.KEY_B][:2])]
    names = _entity_names(ctx)
    together = {frozenset((str(x), str(y))) for x, y in zip(pairs[C.KEY_A], pairs[C.KEY_B])}
    apart = next(((x, y) for x in names for y in names if x != y and frozenset((x, y)) not in together), None)
    return bases + ([("a pair never together", apart)] if apart else [])


def _wrong_spans(item: Any, ctx: Any) -> list[tuple[str, Any]]:
    right = true_spans(item.id, ctx)
    start, end = spans_target(item.id, ctx)[0]
    target = {"start": start, "end": end, "label": "GPE"}
    others = [s for s in right if (s["start"], s["end"]) != (start, end)]
    return [
        ("target labelled ORG", with_span(right, start, end, "ORG")),
        ("target labelled PERSON", with_span(right, start, end, "PERSON")),
        ("target missing", others),
        ("target one character longer", with_span(others, start, end + 1, "GPE")),
        ("target one character later", with_span(others, start + 1, end, "GPE")),
        ("conflicting duplicate (GPE and ORG)", [*right, {**target, "label": "ORG"}]),
        ("conflicting duplicate (PERSON first)", [{**target, "label": "PERSON"}, *right]),
        ("the model's spans", model_spans(ctx)),
    ]


def wrong_forms(item: Any, ctx: Any) -> list[Form]:
    """Every wrong base as is; every stage option on one base in turn (Hypothesis composes the rest)."""
    bases, all_stages = wrong_bases(item, ctx), _wrong_stages(item)
    forms = _singles(bases, [s[:1] for s in all_stages])
    for position, stage in enumerate(all_stages):
        for turn, option in enumerate(stage[1:]):
            chosen = tuple(option if i == position else s[0] for i, s in enumerate(all_stages))
            label, base = bases[turn % len(bases)]
            if (form := _apply(base, chosen, prefix=f"{label}: ")) is not None:
                forms.append(form)
    return forms + [Form("None", None, base=None)]


def wrong_strategy(item: Any, ctx: Any) -> st.SearchStrategy[Form]:
    return _combined(wrong_bases(item, ctx), _wrong_stages(item))


def _wrong_stages(item: Any) -> list[list[Option]]:
    """The stages of right forms, with number types kept to numbers (``float(True)`` is a 1, not a True)."""
    def numbers_only(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda v: fn(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else SKIP

    found = stages(item)
    if item.kind in ("count", "ratio"):
        found[0] = [found[0][0], *((name, numbers_only(fn)) for name, fn in found[0][1:])]
    return found


# --- an independent, deliberately simple notion of "the same answer" ------------------------------------------


def simple_key(value: Any) -> Any:
    """Casefolded text without spaces, quotes, end punctuation, "the" or "'s"; numbers to 9 decimals; span sets."""
    if isinstance(value, str):
        text = " ".join(value.replace("’", "'").split()).strip(" .,;:!?\"'“”‘’–—-").casefold()
        return re.sub(r"^the ", "", re.sub(r"'s?$", "", text))
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        return frozenset((s["start"], s["end"], s["label"]) for s in value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return frozenset(simple_key(v) for v in value)
    if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        return round(float(value), 9)
    return repr(value)


def is_right(item: Any, value: Any, rights: list[Any]) -> bool:
    return any(simple_key(value) == simple_key(r) for r in rights)


# --- is what a message says about a wrong answer true? -------------------------------------------------------


def _sentences_of(ctx: Any, name: str) -> set[int]:
    table, key = ctx.entities, simple_key(name)
    hits = table[[key in {simple_key(str(c)), simple_key(str(t)), simple_key(str(k)), simple_key(str(c).split()[-1])}
                  for c, t, k in zip(table[C.CANONICAL], table[C.TEXT], table[C.KEY])]]
    return set(hits[C.SENT_ID])


def _article_names(ctx: Any) -> set[str]:
    table = ctx.entities
    names = {simple_key(str(v)) for column in (C.CANONICAL, C.TEXT, C.KEY) for v in table[column]}
    return names | {simple_key(str(c).split()[-1]) for c, label in zip(table[C.CANONICAL], table[C.LABEL])
                    if label == "PERSON"}


def _given_text(form: Form) -> str:
    base = form.base
    if isinstance(base, (list, tuple, set)):
        return " ".join(str(b) for b in base).casefold()
    return str(base).casefold()


def _whole_base(base: Any) -> bool:
    return isinstance(base, (int, np.integer)) and not isinstance(base, bool)


def false_claims(item: Any, ctx: Any, form: Form, message: str) -> list[str]:
    """What a message about a wrong form says that is not true (checked against the article), or leaks."""
    problems, base = [], form.base
    rights = item.answers(ctx) if item.kind != "spans" else []
    if "could not be checked" in message:
        problems.append("a crash, not feedback")
    if found := re.search(r"^(.+) and (.+) never appear in the same sentence", message):
        if shared := _sentences_of(ctx, found[1]) & _sentences_of(ctx, found[2]):
            problems.append(f"they share {len(shared)} sentence(s)")
    if found := re.search(r"^(.+) and (.+) share (\d+) sentence", message):
        if len(_sentences_of(ctx, found[1]) & _sentences_of(ctx, found[2])) != int(found[3]):
            problems.append("wrong number of shared sentences")
    if (found := re.search(r"^'(.+)' is not an entity of this article", message)) and \
            simple_key(found[1]) in _article_names(ctx):
        problems.append(f"{found[1]!r} is an entity of the article")
    if found := re.search(r"^(.+?) is mentioned (\d+) times", message):
        if (ctx.entities[C.CANONICAL] == found[1]).sum() != int(found[2]):
            problems.append("wrong mention count")
    if "Give a whole number" in message and _whole_base(base):
        problems.append("it is a whole number")
    if "Give a number between 0 and 1" in message and isinstance(base, (int, float)) and not isinstance(base, bool):
        problems.append("it is a number")
    if found := re.search(r"^(?:Not quite: )?(\d+(?:\.\d+)?) is not", message):
        shown = found[1]
        decimals = len(shown.split(".")[1]) if "." in shown else 0
        if any(isinstance(r, (int, float)) and round(float(r), decimals) == float(shown) for r in rights):
            problems.append(f"{shown} is the answer as shown")
    if "rounded too far" in message and item.kind == "ratio":
        right = float(rights[0])
        if not any(abs(x - round(right, d)) < 1e-9 for d in range(3) for x in (float(base), float(base) / 100)):
            problems.append("not a rounding of the answer")
    problems += _timeline_claims(ctx, message) + _name_list_claims(item, ctx, form, message)
    for distractor in item.distractors:
        if message == distractor.message:
            wrong = distractor.value(ctx)
            same = simple_key(base) == simple_key(wrong) or (
                isinstance(base, (int, float)) and isinstance(wrong, (int, float)) and abs(base - wrong) < 5e-4)
            if not same:
                problems.append(f"not the distractor {distractor.name!r}")
    return problems + leaks(item, ctx, form, message)


def _timeline_claims(ctx: Any, message: str) -> list[str]:
    """Claims about where an entity is first mentioned, and how often after the middle (05-second-half-only)."""
    problems, table = [], ctx.entities
    if found := re.search(r"^(.+?) is already mentioned in sentence (\d+), before the middle line", message):
        if int(table[table[C.CANONICAL] == found[1]][C.SENT_ID].min()) != int(found[2]):
            problems.append("not its first sentence")
    if found := re.search(r"^(.+?) appears only after the middle, (\d+) time", message):
        if int((table[C.CANONICAL] == found[1]).sum()) != int(found[2]):
            problems.append("wrong count after the middle")
    return problems


def _name_list_claims(item: Any, ctx: Any, form: Form, message: str) -> list[str]:
    """Claims of 03-not-a-person: a real person given, or some of the right names but not all."""
    if item.kind != "texts" or not isinstance(form.base, list):
        return []
    given, expected = {simple_key(n) for n in form.base}, {simple_key(n) for n in item.answers(ctx)[0]}
    problems = []
    if message.startswith("That is a real person"):
        record = ctx.gold
        people = {simple_key(record["text"][s["start"]:s["end"]]) for s in record["spans"] if s["label"] == "PERSON"}
        if not given & people:
            problems.append("no real person given")
    if found := re.search(r"^Right so far, but there are (\d+) of them", message):
        if not given < expected or int(found[1]) != len(expected):
            problems.append("not a part of the right names")
    return problems


def leaks(item: Any, ctx: Any, form: Form, message: str) -> list[str]:
    """Whether a message (or its example) gives the right answer away."""
    if item.kind == "spans":
        return []
    rights, text, given = item.answers(ctx), message.casefold(), _given_text(form)
    found = []
    for right in rights:
        if item.kind in ("count",) and re.search(rf"(?<![\d.]){int(right)}(?!\d|\.\d)", message) and \
                str(int(right)) not in given:
            found.append(f"the number {right}")
        if item.kind == "ratio":
            for shown in re.findall(r"\d+\.\d+", message):
                if round(float(right), len(shown.split(".")[1])) == float(shown):
                    found.append(f"the share {shown}")
        names = [right] if isinstance(right, str) else list(right) if item.kind in ("pair", "texts") else []
        for name in names:
            key = simple_key(name)
            if len(key) >= 4 and re.search(rf"\b{re.escape(key)}\b", text) and key not in given:
                found.append(f"the name {name!r}")
    return found
