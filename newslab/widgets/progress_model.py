"""The progress of a notebook's exercises as a traits model, plus its text and HTML (no widgets here)."""

from __future__ import annotations

import html
from typing import Any

import traitlets

from ..exercises.session import SESSION, Session
from ._traits import WidgetModel

__all__ = ["ProgressModel", "progress_text", "progress_html"]

_MARKS = {"passed": "✔", "failed": "✘", "unanswered": "…", "not_applicable": "–", "not checked": "·"}


class ProgressModel(WidgetModel):
    """Which exercises of a notebook passed since the kernel started, kept up to date as checks run.

    Attributes:
        notebook: A notebook number such as ``"02"``; ``""`` for every notebook checked so far.
        rows: One ``{"exercise", "status", "hints_used"}`` dict per exercise (derived, read-only).
    """

    notebook = traitlets.Unicode("")
    rows: traitlets.List[dict[str, Any]] = traitlets.List(read_only=True)

    def __init__(self, notebook: str = "", *, session: Session = SESSION) -> None:
        super().__init__()
        self._session = session
        session.observe(self._on_session, names=["statuses", "hints_used"])
        self.notebook = notebook
        self._on_session()
        self._build_view()

    @traitlets.observe("notebook")
    def _on_notebook(self, change: dict[str, Any]) -> None:
        self._on_session()

    def _on_session(self, change: dict[str, Any] | None = None) -> None:
        from ..exercises import progress_table

        table = progress_table(self.notebook or None, session=self._session)
        self.set_trait("rows", table.to_dict("records"))

    @property
    def passed(self) -> int:
        return sum(row["status"] == "passed" for row in self.rows)

    @property
    def counted(self) -> int:
        """Exercises that count: every one but those not applicable to the article."""
        return sum(row["status"] != "not_applicable" for row in self.rows)


def progress_text(model: ProgressModel) -> str:
    """The progress as plain text (the fallback where widgets do not show).

    Examples:
        >>> session = Session()
        >>> session.record("01-paragraph-count", "passed", 9)
        >>> print(progress_text(ProgressModel("01", session=session)))
        Exercises solved: 1 of 3
          · 01-dateline: not checked
          · 01-longest-sentence: not checked
          ✔ 01-paragraph-count: passed
    """
    lines = [f"Exercises solved: {model.passed} of {model.counted}"]
    for row in model.rows:
        hints = f"  ({row['hints_used']} hint(s))" if row["hints_used"] else ""
        lines.append(f"  {_MARKS.get(row['status'], '?')} {row['exercise']}: {row['status'].replace('_', ' ')}{hints}")
    return "\n".join(lines)


def progress_html(model: ProgressModel) -> str:
    """The progress as a small HTML list with a bar."""
    share = 100 * model.passed / model.counted if model.counted else 0
    items = "".join(
        f'<li class="newslab-progress-{html.escape(row["status"]).replace(" ", "-")}">'
        f'{_MARKS.get(row["status"], "?")} <code>{html.escape(row["exercise"])}</code> '
        f'{html.escape(row["status"].replace("_", " "))}</li>' for row in model.rows)
    return (f'<div style="font-family:sans-serif"><strong>Exercises solved: {model.passed} of {model.counted}</strong>'
            f'<div style="background:#EEF2F7;height:8px;width:240px;margin:4px 0">'
            f'<div style="background:#1B7F3B;height:8px;width:{share:.0f}%"></div></div>'
            f'<ul style="list-style:none;padding-left:0;margin:0">{items}</ul></div>')
