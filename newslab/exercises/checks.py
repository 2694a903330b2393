"""The exercise registry and the student's functions: ``check``, ``hint``, ``solution``, ``applicability``.

How checks, hints and the registry behave is told once, in :mod:`newslab.exercises`.

Examples:
    >>> check("01-paragraph-count", 9).passed
    True
"""

from __future__ import annotations

import html
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import NewslabError
from ..precomputed import in_lite, not_in_lite
from . import _normalize as N
from ._context import Context, context_for, current_context
from ._model import Checker, Distractor, Exercise, Kind, Need, Refusal, Response, Verdict, blanked
from .session import SESSION, Session

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Exercise", "Feedback", "Context", "Distractor", "Need", "exercise", "define", "check", "hint",
    "solution", "registry", "applicability", "progress_table", "FEEDBACK_MIME", "Refusal", "rounded_too_far",
    "percentage_without_sign", "shown_share", "written", "respond", "response_ids", "responses",
]

#: MIME type of the machine-readable result in each check's output (for front ends; the grader
#: never reads it: it re-checks the answers itself).
FEEDBACK_MIME = "application/vnd.newslab.feedback+json"

Status = Literal["passed", "failed", "unanswered", "not_applicable", "recorded"]
_MARKS = {"passed": "✔", "failed": "✘", "unanswered": "…", "not_applicable": "–", "recorded": "✎"}
_REGISTRY: dict[str, Exercise] = {}
_RESPONSES: dict[str, Response] = {}


@dataclass(frozen=True)
class Feedback:
    """The result of one check, shown as a coloured box in a notebook.

    ``hint`` says where help comes from next (it never holds the solution).
    """

    exercise_id: str
    status: Status
    message: str
    hint: str
    points: int = 1

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def __repr__(self) -> str:
        text = f"{_MARKS[self.status]} [{self.exercise_id}] {self.message}"
        return f"{text}\n  {self.hint}" if self.hint else text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            "text/plain": repr(self),
            "text/html": _feedback_html(self),
            FEEDBACK_MIME: {"id": self.exercise_id, "status": self.status, "points": self.points},
        }


def exercise(exercise_id: str, *, hint: str | None = None, points: int = 1, **declared: Any) -> Callable[[Checker], Checker]:
    """Register a checker under ``exercise_id`` (decorator).

    The checker gets the answer after normalisation (``kind``, default ``"value"``) and the
    :class:`Context`; it returns ``True`` (or anything truthy that is not a string) when the
    answer is right, or a string saying what is wrong. Optional keywords are the other
    fields of :class:`Exercise`: ``goal``, ``hints``, ``solution``, ``why``, ``needs``,
    ``answers``, ``distractors``, ``kind``, ``case``, ``prompt``, ``refuses``, ``percent``.
    ``blank="part"`` (with ``blank_last=True`` for its last occurrence) adds the last hint: the
    solution with that part left blank (``___``), which filled in is the solution again.
    """

    blank, last = declared.pop("blank", None), bool(declared.pop("blank_last", False))
    if blank is not None:  # the last hint: the solution with one part left blank
        declared["hints"] = (*declared.get("hints", ()), blanked(declared.get("solution", ""), blank, last=last))

    def register(checker: Checker) -> Checker:
        hints = tuple(declared.get("hints", ()))
        first = hint if hint is not None else (hints[0] if hints else "")
        _REGISTRY[exercise_id] = Exercise(exercise_id, first, checker, points, **declared)
        return checker

    return register


def define(exercise_id: str, *, answers: Callable[[Context], list[Any]], kind: Kind,
           explain: Callable[[Any, Context], str | None] | None = None, **declared: Any) -> Exercise:
    """Register an exercise whose right answers are computed: no checker to write.

    Args:
        exercise_id: ``"NN-name"``.
        answers: The right answers for the article in use (any of them passes).
        kind: How answers are normalised and compared.
        explain: Says what is wrong with a wrong answer (``None``: a general message).
        **declared: The other fields of :class:`Exercise`.
    """
    case, percent = bool(declared.get("case", False)), bool(declared.get("percent", False))

    def checker(answer: Any, ctx: Context) -> Verdict:
        if any(matches(kind, answer, right, case=case, percent=percent) for right in answers(ctx)):
            return True
        return (explain(answer, ctx) if explain else None) or "Not quite: that is not the answer for this article."

    exercise(exercise_id, answers=answers, kind=kind, **declared)(checker)
    return _REGISTRY[exercise_id]


def registry() -> dict[str, Exercise]:
    """Return every registered exercise, loading the per-notebook modules on first use."""
    _load()
    return dict(_REGISTRY)


def _load() -> None:
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("nb"):  # each notebook's module registers its exercises and prompts
            importlib.import_module(f"{__package__}.{module.name}")


def written(response_id: str, *, prompt: str) -> Response:
    """Declare a "Think about it" prompt whose written answer ``nl.respond(response_id, text)`` records."""
    _RESPONSES[response_id] = Response(response_id, prompt)
    return _RESPONSES[response_id]


def responses() -> dict[str, Response]:
    """Every declared written-answer prompt, by id."""
    _load()
    return dict(_RESPONSES)


def response_ids(notebook: str | None = None) -> dict[str, tuple[str, ...]]:
    """The ids of the written answers, per notebook number (``{"03": ("03-trust-the-scores", ...)}``).

    For the grader, which lists them with status ``manual`` for the instructor to read and score.

    Examples:
        >>> response_ids("01")
        {'01': ('01-headline-vs-lede',)}
    """
    found: dict[str, tuple[str, ...]] = {}
    for response_id, item in responses().items():  # in the order the notebooks ask them
        if notebook is None or item.notebook == notebook:
            found[item.notebook] = (*found.get(item.notebook, ()), response_id)
    return found


def respond(response_id: str, text: Any) -> Feedback:
    """Record a written answer to a "Think about it" prompt; the instructor reads and scores it.

    A blank answer (``""`` or ``...``) is not recorded and says so; an unknown id lists the known ones.

    Examples:
        >>> respond("01-headline-vs-lede", "The headline keeps who and where, and leaves out the quotation.")
        ✎ [01-headline-vs-lede] Recorded (11 words). Your instructor reads and scores written answers.
        >>> respond("01-headline-vs-lede", "").status
        'unanswered'
    """
    known = responses()
    if response_id not in known:
        hint = " (an exercise: answer it with nl.check)" if response_id in registry() else ""
        raise NewslabError(f"no written-answer prompt {response_id!r}{hint}; known: {', '.join(sorted(known))}")
    if text is ... or text is None or not str(text).strip():
        return Feedback(response_id, "unanswered", "Not answered yet: write your answer between the quotes. "
                        f"The question: {known[response_id].prompt}", "", 0)
    if not isinstance(text, str):
        raise NewslabError(f"a written answer is text, in quotes; got {type(text).__name__}")
    SESSION.respond(response_id, text.strip())
    words = len(text.split())
    return Feedback(response_id, "recorded", f"Recorded ({words} word{'s' * (words != 1)}). Your instructor reads "
                    "and scores written answers.", "", 0)


def _find(exercise_id: str) -> Exercise:
    exercises = registry()
    if exercise_id not in exercises:
        written_answer = " (a written answer: give it with nl.respond)" if exercise_id in _RESPONSES else ""
        raise NewslabError(f"no exercise {exercise_id!r}{written_answer}; known: {', '.join(sorted(exercises))}")
    return exercises[exercise_id]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check an answer and return feedback that a notebook shows as a coloured box.

    Examples:
        >>> check("01-paragraph-count", 3).status
        'failed'
    """
    item = _find(exercise_id)
    item = lite_exercise(item) if in_lite() else item
    feedback, normalised = judge(item, answer, current_context())
    SESSION.record(item.id, feedback.status, normalised)
    return feedback


def exercise_facts(item: Exercise, ctx: Context) -> dict[str, Any]:
    """What checking ``item`` needs from the article, as plain values: the lite edition keeps these.

    Its right answers, each distractor's value, the needs the article does not meet and the question.
    """
    unmet = unmet_needs(item, ctx)
    if unmet:
        return {"answers": [], "distractors": [None] * len(item.distractors), "unmet": unmet, "prompt": None}
    return {"answers": list(item.answers(ctx)) if item.answers else [],
            "distractors": [d.value(ctx) for d in item.distractors], "unmet": unmet,
            "prompt": item.prompt(ctx) if item.prompt else None}


def lite_exercise(item: Exercise) -> Exercise:
    """``item`` as the lite edition checks it: against the facts :func:`exercise_facts` kept at build time."""
    from ..io.tables import lite_doc

    facts = lite_doc().facts.get("exercises", {}).get(item.id)
    if facts is None:
        raise not_in_lite(f"checking {item.id} (this site was built without its answers)")
    rights = facts["answers"]

    def checker(value: Any, ctx: Context) -> Verdict:
        if any(matches(item.kind, value, right, case=item.case) for right in rights):
            return True
        return "Not quite: that is not the answer for this article."

    def kept(value: Any) -> Callable[[Context], Any]:
        return lambda ctx: value

    return replace(item, checker=checker, answers=kept(rights),
                   distractors=tuple(Distractor(d.name, kept(v), d.message)
                                     for d, v in zip(item.distractors, facts["distractors"])),
                   needs=tuple(Need(n.name, kept(n.name not in facts["unmet"])) for n in item.needs),
                   prompt=None if facts["prompt"] is None else kept(facts["prompt"]))


def judge(item: Exercise, answer: Any, ctx: Context) -> tuple[Feedback, Any]:
    """Judge one answer without recording it: the feedback and the normalised answer."""
    if answer is ... or answer is None:
        return _feedback(item, "unanswered", "Not answered yet: replace the ... with your answer."
                         + _prompt(item, ctx)), None
    if reasons := unmet_needs(item, ctx):
        return _feedback(item, "not_applicable", f"Not applicable to this article: it has no {reasons[0]}. "
                         "Nothing to do here; it does not count."), None
    value = normalise(item.kind, answer)
    return judge_value(item, value, ctx), value


def judge_value(item: Exercise, value: Any, ctx: Context) -> Feedback:
    """Judge an answer that is already normalised (as recorded for the grader)."""
    if value is None or (isinstance(value, (str, list)) and not value):
        empty = "Your answer is empty. " if value is not None else ""
        return _feedback(item, "failed", empty + _empty(item, ctx))
    verdict = _verdict(item, value, ctx)
    if isinstance(verdict, str) or not verdict:
        message = verdict if isinstance(verdict, str) and verdict else "Not quite. Try again."
        return _feedback(item, "failed", message)
    return _feedback(item, "passed", f"Correct! {item.why}".strip())


def _empty(item: Exercise, ctx: Context) -> str:
    """What kind of value to give, with an example that is never the answer itself."""
    message = _EMPTY.get(item.kind, "This answer is of the wrong kind.")
    if "{example}" not in message:
        return message
    try:
        rights = [N.plain(right) for right in item.answers(ctx)] if item.answers else []
    except Exception:  # the example only needs to avoid the answer; no answer, no risk
        rights = []
    example = next(e for e in _EXAMPLES[item.kind] if not any(_close(e, right) for right in rights))
    return message.format(example=example)


def _close(example: float, right: Any) -> bool:
    return isinstance(right, (int, float)) and abs(float(right) - example) < 0.05


_EXAMPLES = {"count": (7, 12, 4), "ratio": (0.75, 0.2, 0.5)}
_EMPTY = {
    "count": "Give a whole number, such as {example}.",
    "ratio": "Give a number between 0 and 1, such as {example}.",
    "text": "Give the answer as a piece of text, in quotes.",
    "texts": "Give the names as a list of strings: ['first', 'second'].",
    "pair": "Give two entity names, as a tuple or a list: ('first', 'second').",
    "spans": "Give the spans: annotator.spans (a list of {'start', 'end', 'label'}).",
}
_NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "value": N.plain, "count": N.as_int, "ratio": N.as_ratio, "text": N.as_text,
    "texts": N.as_texts, "pair": N.as_pair, "spans": N.as_spans,
}


def normalise(kind: Kind, answer: Any) -> Any:
    """Normalise an answer for an exercise of this kind (``None``: not that kind of value)."""
    return _NORMALISERS[kind](answer)


def matches(kind: Kind, given: Any, right: Any, *, case: bool = False, percent: bool = False) -> bool:
    """Whether a normalised answer equals a right answer under the kind's comparison rule.

    ``percent``: a bare number above 1 may be the share as a percentage (``66.4`` for ``0.664``).
    """
    if kind == "ratio":
        share = _as_share(given) if percent else None
        return N.same_ratio(given, float(right)) or (share is not None and N.same_ratio(share, float(right)))
    if kind in ("text", "texts", "pair"):
        keys = [N.text_key(t, case=case) for t in ([given] if isinstance(given, str) else given)]
        rights = [N.text_key(t, case=case) for t in ([right] if isinstance(right, str) else right)]
        return keys == rights if kind == "text" else set(keys) == set(rights)
    if kind == "spans":
        return _span_set(given) == _span_set(right)
    return bool(given == right)


def _span_set(spans: Iterable[dict[str, Any]]) -> set[tuple[int, int, str]]:
    return {(int(s["start"]), int(s["end"]), str(s["label"])) for s in spans}


def _as_share(given: tuple[float, int | None]) -> tuple[float, int | None] | None:
    """A bare percentage (``66.4``) as the share it stands for (``0.664``, with two more decimals)."""
    value, decimals = given
    return None if value <= 1 else (value / 100, None if decimals is None else decimals + 2)


def shown_share(given: tuple[float, int | None]) -> str:
    """A share as the student wrote it: ``0.84`` stays ``0.84``, never a rounding that could be the answer."""
    value, decimals = given
    return f"{value:.{decimals}f}" if decimals is not None else f"{value:.12g}"


def rounded_too_far(*, percent: bool = False) -> Refusal:
    """Refuse a share rounded to fewer than 3 decimals (``0.84``, ``"84%"``): it no longer tells answers apart."""
    def test(given: Any, right: Any, ctx: Context) -> bool:
        shares = [given, _as_share(given) if percent else None]
        return any(share is not None and share[1] is not None and share[1] < 3
                   and abs(share[0] - round(float(right), share[1])) < 1e-9 for share in shares)

    return Refusal("rounded to 2 decimals", "That is rounded too far to tell it from its neighbours: give at least "
                   "3 decimals, as the notebook shows them.", test)


def percentage_without_sign(message: str) -> Refusal:
    """Refuse a share given as a bare percentage (``83.6`` for ``0.836``), where the question asks for a share."""
    def test(given: Any, right: Any, ctx: Context) -> bool:
        share = _as_share(given)
        return share is not None and (N.same_ratio(share, float(right)) or rounded_too_far().test(share, right, ctx))

    return Refusal("percentage without %", message, test)


def _verdict(item: Exercise, value: Any, ctx: Context) -> Verdict:
    try:
        if message := _distractor(item, value, ctx) or _refused(item, value, ctx):
            return message
        return item.checker(value, ctx)
    except Exception as err:  # a wrong type of answer must give feedback, not a traceback
        return f"This answer could not be checked ({type(err).__name__}: {err}). Is it the right kind of value?"


def _distractor(item: Exercise, value: Any, ctx: Context) -> str | None:
    """The message of the first distractor the answer matches (checked before any tolerance)."""
    rights = item.answers(ctx) if item.answers else []
    for distractor in item.distractors:
        wrong = distractor.value(ctx)
        if wrong is None or any(_same(item, wrong, right) for right in rights):
            continue  # on this article the "distractor" is a right answer
        if _same_normalised(item, value, wrong):
            if any(matches(item.kind, value, right, case=item.case, percent=item.percent) for right in rights):
                return "That rounding fits the right answer and a wrong one: give more decimals."
            return distractor.message
    return None


def _refused(item: Exercise, value: Any, ctx: Context) -> str | None:
    """The message of the first declared refusal that the answer is (never for an answer that is right)."""
    if not item.refuses:
        return None
    rights = item.answers(ctx) if item.answers else []
    if any(matches(item.kind, value, right, case=item.case, percent=item.percent) for right in rights):
        return None
    return next((r.message for r in item.refuses if any(r.test(value, right, ctx) for right in rights)), None)


def _same(item: Exercise, wrong: Any, right: Any) -> bool:
    return _same_normalised(item, normalise(item.kind, wrong), right)


def _same_normalised(item: Exercise, value: Any, wrong: Any) -> bool:
    if value is None:
        return False
    if item.kind == "ratio":
        share = _as_share(value) if item.percent else None
        return N.same_ratio(value, float(wrong)) or (share is not None and N.same_ratio(share, float(wrong)))
    return matches(item.kind, value, normalise(item.kind, wrong), case=item.case)


def unmet_needs(item: Exercise, ctx: Context) -> list[str]:
    """The names of what the exercise needs and the article lacks (empty: it applies)."""
    ctx.article  # noqa: B018  (an article that cannot be read is an error, not a missing dateline)
    missing = []
    for need in item.needs:
        try:
            ok = need.test(ctx)
        except NewslabError:
            ok = False
        if not ok:
            missing.append(need.name)
    return missing


def _prompt(item: Exercise, ctx: Context) -> str:
    if item.prompt is None or unmet_needs(item, ctx):
        return ""
    return f" The question: {item.prompt(ctx)}"


def _feedback(item: Exercise, status: Status, message: str) -> Feedback:
    return Feedback(item.id, status, message, _next_help(item, status), item.points)


def _next_help(item: Exercise, status: Status) -> str:
    if status in ("passed", "not_applicable"):
        return ""
    used = SESSION.hints_used.get(item.id, 0)
    total = len(item.steps)
    if used >= total:
        return f'Every hint is shown. nl.solution("{item.id}") shows the solution.'
    return f'Need help? nl.hint("{item.id}") gives hint {used + 1} of {total}.'


class Help(str):
    """A hint: a string that a notebook shows as text, not as a quoted repr."""

    def __repr__(self) -> str:
        return str(self)


class SolutionCode(Help):
    """A solution: shown as a block of Python code."""

    def _repr_markdown_(self) -> str:
        return f"```python\n{self}\n```"


def hint(exercise_id: str) -> str:
    """Return the next graded hint of an exercise (a nudge, then the helper, then the code).

    Examples:
        >>> hint("01-paragraph-count").startswith("Hint 1 of 3")
        True
    """
    item = _find(exercise_id)
    step = SESSION.hint_step(item.id, len(item.steps))
    text = f"Hint {step} of {len(item.steps)}: {item.steps[step - 1]}"
    if step == len(item.steps):
        text += f'\n(That was the last hint. nl.solution("{item.id}") shows the solution.)'
    return Help(text)


def solution(exercise_id: str) -> str:
    """Return the solution of an exercise (recorded, so the grader can report it).

    Examples:
        >>> "len(article.paragraphs)" in solution("01-paragraph-count")
        True
    """
    item = _find(exercise_id)
    SESSION.solution_shown(item.id)
    if not item.solution:
        return Help("No solution is stored for this exercise: ask your instructor.")
    return SolutionCode(item.solution)


def applicability(article: Any = None) -> pd.DataFrame:
    """For an article, which exercises apply, and why not: one row per exercise.

    Columns: ``exercise``, ``applies`` (bool) and ``reason`` (empty when it applies).

    Examples:
        >>> table = applicability()
        >>> bool(table["applies"].all())
        True
    """
    import pandas as pd

    ctx = context_for(article)
    rows = []
    for exercise_id, item in sorted(registry().items()):
        missing = unmet_needs(item, ctx)
        rows.append((exercise_id, not missing, f"needs {', '.join(missing)}" if missing else ""))
    return pd.DataFrame(rows, columns=["exercise", "applies", "reason"])


def progress_table(notebook: str | None = None, *, session: Session = SESSION) -> pd.DataFrame:
    """Which exercises passed since the kernel started: one row per exercise of the notebook(s).

    Args:
        notebook: A notebook number such as ``"02"``; ``None`` for every notebook checked so far.
        session: Where the results are recorded (this kernel's, by default).

    Examples:
        >>> _ = check("01-paragraph-count", 9)
        >>> progress_table("01").set_index("exercise").loc["01-paragraph-count", "status"]
        'passed'
    """
    import pandas as pd

    wanted = {notebook} if notebook else {eid.split("-", 1)[0] for eid in session.statuses}
    rows = [(eid, session.statuses.get(eid, "not checked"), session.hints_used.get(eid, 0))
            for eid, item in sorted(registry().items()) if item.notebook in wanted]
    return pd.DataFrame(rows, columns=["exercise", "status", "hints_used"])


_COLORS = {"passed": ("#E7F5EC", "#1B7F3B"), "failed": ("#FDF0E6", "#A14A00"), "unanswered": ("#EEF2F7", "#34506B"),
           "not_applicable": ("#F2F2F2", "#666666"), "recorded": ("#EEF2F7", "#34506B")}


def _feedback_html(feedback: Feedback) -> str:
    background, border = _COLORS[feedback.status]
    body = f"<strong>{_MARKS[feedback.status]} {html.escape(feedback.message)}</strong>"
    if feedback.hint:
        body += f"<br><em>{html.escape(feedback.hint)}</em>"
    return (f'<div class="newslab-feedback newslab-feedback-{feedback.status}" '
            f'style="background:{background};border-left:4px solid {border};padding:6px 10px;'
            f'color:#1a1a1a;font-family:sans-serif">{body}</div>')


__all__ += ["Kind", "judge", "judge_value", "normalise", "matches", "unmet_needs"]
