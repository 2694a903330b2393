"""One-row score tables in plain text and HTML: the reprs of ``Evaluation`` and ``Agreement``.

Scores are rounded to 3 decimals, as the notebooks' exercises read them; counts are whole
numbers. Nothing here imports pandas or a display library.
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Mapping

__all__ = ["scores_html", "scores_text"]


def _cells(scores: Mapping[str, float | int]) -> list[str]:
    return [str(v) if isinstance(v, numbers.Integral) else f"{v:.3f}" for v in scores.values()]


def scores_text(caption: str, scores: Mapping[str, float | int]) -> str:
    """A caption line over a two-line table, columns right-aligned.

    Examples:
        >>> print(scores_text("Evaluation", {"precision": 0.90322, "recall": 0.875, "tp": 28}))
        Evaluation
        precision  recall  tp
            0.903   0.875  28
    """
    cells = _cells(scores)
    widths = [max(len(name), len(cell)) for name, cell in zip(scores, cells)]
    head = "  ".join(name.rjust(width) for name, width in zip(scores, widths))
    row = "  ".join(cell.rjust(width) for cell, width in zip(cells, widths))
    return f"{caption}\n{head}\n{row}"


def scores_html(caption: str, scores: Mapping[str, float | int]) -> str:
    """The same table in HTML, escaped, with the stable class ``newslab-scores``.

    Examples:
        >>> page = scores_html("F1 <b>", {"f1": 0.5})
        >>> "<td>0.500</td>" in page and "&lt;b&gt;" in page
        True
    """
    head = "".join(f"<th>{html.escape(name)}</th>" for name in scores)
    row = "".join(f"<td>{cell}</td>" for cell in _cells(scores))
    return (f'<div class="newslab-scores"><p>{html.escape(caption)}</p><table>'
            f"<thead><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table></div>")
