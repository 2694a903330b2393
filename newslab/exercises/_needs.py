"""What exercises need from an article, declared once and shared by the notebook modules."""

from __future__ import annotations

from .. import columns as C
from ._context import Context, memoised
from ._model import Need

__all__ = ["BODY", "DATELINE", "GOLD", "first_body_sentence"]


@memoised
def first_body_sentence(ctx: Context) -> int | None:
    """The ``sent_id`` of the first sentence of the body, or ``None`` for an article without body."""
    from ..tables.parse import lede

    first = lede(ctx.doc)
    return None if first.empty else int(first[C.SENT_ID].iloc[0])


BODY = Need("body paragraph", lambda ctx: first_body_sentence(ctx) is not None)
DATELINE = Need("dateline", lambda ctx: ctx.article.dateline is not None)
GOLD = Need("gold file (name.gold.jsonl beside the article)", lambda ctx: ctx.gold is not None)
