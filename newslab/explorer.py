"""The entity explorer widget: pick labels, search mentions, read one entity in context.

:class:`EntityExplorer` only links controls to its traits. The filtering, counting and
keyword-in-context tables come from :mod:`newslab.explore`, the highlighted text from
:func:`newslab.render.entities_html`. Its state is its public traits, so code can drive
it (``explorer.labels = ["GPE"]``) as well as a student clicking in the browser.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from . import _columns as C
from .errors import MissingDependencyError, NewslabError
from .explore import _known_labels, filter_entities, kwic, label_summary
from .labels import check_labels
from .render import entities_html, kwic_html
from .tables import entity_counts

try:
    import ipywidgets as w
    import traitlets as t
except ImportError as err:  # pragma: no cover - ipywidgets is a dependency of newslab
    raise MissingDependencyError(
        f"the entity explorer needs ipywidgets ({err}); install it with: python -m pip install 'ipywidgets>=8.1'"
    ) from None

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from .article import ArticleSource

__all__ = ["EntityExplorer"]


class EntityExplorer(w.VBox):
    """Highlight an article's entities, filter them by label and text, and read one in context.

    Traits:
        labels: The labels shown; empty shows every label.
        query: Show only mentions whose text contains this, ignoring case.
        selected: The ``key`` of the entity shown in context, or ``""``.
        counts: A one-line summary of what is shown (read only).

    Examples:
        >>> import newslab
        >>> explorer = EntityExplorer(newslab.analyze("Mark Rutte met Zelenskiy in Kyiv, Ukraine."))
        >>> explorer.labels = ["GPE"]
        >>> explorer.counts
        '2 of 4 mentions · 2 entities'
        >>> explorer.selected = "Kyiv"
        >>> explorer.kwic["text"].tolist()
        ['Kyiv']
    """

    labels = t.List(t.Unicode(), help="Labels shown; empty shows every label.")
    query = t.Unicode("", help="Show only mentions containing this text (any case).")
    selected = t.Unicode("", help="Key of the entity shown in context, or ''.")
    counts = t.Unicode("", read_only=True, help="What is shown, in words.")

    def __init__(
        self,
        doc: Doc | ArticleSource = None,
        *,
        labels: list[str] | None = None,
        query: str = "",
        selected: str = "",
        width: int = 40,
        **kwargs: Any,
    ) -> None:
        from .pipeline import analyze
        from .tables import entities

        self._doc = analyze(doc)
        self._table = entities(self._doc)
        self._visible = self._table
        self._width = width
        self._busy = False
        self._build_children()
        super().__init__(children=self._layout(), **kwargs)
        self.add_class("newslab-explorer")
        t.link((self, "query"), (self._search, "value"))
        self._labels.observe(self._on_labels_picked, "value")
        self._entities.observe(self._on_entity_picked, "value")
        with self.hold_trait_notifications():
            self.labels, self.query = list(labels or []), query
        self._refresh()
        self.selected = selected

    # -- derived state -------------------------------------------------------------------

    @property
    def visible(self) -> pd.DataFrame:
        """The mentions shown: the entity table filtered by ``labels`` and ``query``."""
        return self._visible.copy(deep=False)

    @property
    def kwic(self) -> pd.DataFrame:
        """Every mention of the ``selected`` entity in context (no rows when none is)."""
        return kwic(self._doc, self.selected, width=self._width, mentions=self._table)

    # -- trait handlers ------------------------------------------------------------------

    @t.validate("labels")
    def _validate_labels(self, proposal: Any) -> list[str]:
        return list(dict.fromkeys(check_labels(proposal.value, allowed=_known_labels(self._table))))

    @t.validate("selected")
    def _validate_selected(self, proposal: Any) -> str:
        key = proposal.value
        if key and key not in self._keys:
            raise NewslabError(f"no entity {key!r} among the mentions shown; choose one of: "
                               f"{', '.join(self._keys) or '(none: widen the filter)'}")
        return key

    @t.observe("labels")
    def _on_labels(self, change: Any) -> None:
        present = {value for _, value in self._labels.options}
        with self._pushing():  # the picker cannot show labels the article lacks; keep them anyway
            self._labels.value = tuple(label for label in self.labels if label in present)
        self._refresh()

    @t.observe("query")
    def _on_query(self, change: Any) -> None:
        self._refresh()

    @t.observe("selected")
    def _on_selected(self, change: Any) -> None:
        with self._entities.hold_sync(), self._kwic.hold_sync(), self._pushing():
            self._entities.value = self.selected or None
            self._kwic.value = kwic_html(self.kwic) if self.selected else ""

    # the browser changed a child: copy it to the trait, unless the change came from a trait
    def _on_labels_picked(self, change: Any) -> None:
        if not self._busy:
            self.labels = list(change.new)

    def _on_entity_picked(self, change: Any) -> None:
        if not self._busy:
            self.selected = change.new or ""

    @contextlib.contextmanager
    def _pushing(self) -> Iterator[None]:
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    # -- building and refreshing the view ------------------------------------------------

    def _build_children(self) -> None:
        summary = label_summary(self._table)
        self._labels = w.SelectMultiple(
            options=[(f"{row[C.LABEL]} ({row[C.COUNT]})", row[C.LABEL]) for _, row in summary.iterrows()],
            rows=min(max(len(summary), 1), 8), description="Labels",
        )
        self._search = w.Text(placeholder="part of a name", description="Search", continuous_update=True)
        self._counts = w.HTML()
        self._entities = w.Select(options=[], rows=8, description="Entities")
        self._text = w.HTML(layout=w.Layout(max_height="420px", overflow="auto"))
        self._kwic = w.HTML(layout=w.Layout(max_height="320px", overflow="auto"))
        self._keys: tuple[str, ...] = ()
        for child, name in ((self._labels, "labels"), (self._search, "search"), (self._counts, "counts"),
                            (self._entities, "entities"), (self._text, "text"), (self._kwic, "kwic")):
            child.add_class(f"newslab-explorer-{name}")

    def _layout(self) -> list[w.Widget]:
        controls = w.VBox([self._search, self._labels, self._counts])
        return [w.HBox([controls, self._entities]), self._text, self._kwic]

    def _refresh(self) -> None:
        """Recompute what is shown from ``labels`` and ``query``, in one batch of messages."""
        visible = filter_entities(self._table, labels=self.labels, query=self.query)
        counts = entity_counts(visible, by=C.KEY)
        self._visible, self._keys = visible, tuple(counts[C.KEY])
        self.set_trait("counts", _counts_text(len(visible), len(self._table), len(counts)))
        if self.selected not in self._keys:
            self.selected = ""
        with self.hold_sync(), self._text.hold_sync(), self._counts.hold_sync(), self._entities.hold_sync():
            self._text.value = entities_html(self._doc, spans=_spans(visible))
            self._counts.value = html.escape(self.counts)
            with self._pushing():  # a Select picks its first option when its options change; undo that
                self._entities.options = [(f"{row[C.KEY]} · {row[C.LABEL]} ({row[C.COUNT]})", row[C.KEY])
                                          for _, row in counts.iterrows()]
                self._entities.value = self.selected or None

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # where no widget manager runs (nbviewer, GitHub, a PDF) the highlighted text still shows
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/html"] = f"<p>{html.escape(self.counts)}</p>{self._text.value}"
        return data


def _spans(visible: pd.DataFrame) -> list[dict[str, Any]]:
    columns = {C.START_CHAR: "start", C.END_CHAR: "end", C.LABEL: "label"}
    # pandas-stubs type the record keys as Hashable; after the rename they are these strings
    return cast("list[dict[str, Any]]", visible[list(columns)].rename(columns=columns).to_dict("records"))


def _counts_text(shown: int, total: int, n_entities: int) -> str:
    return f"{shown} of {total} mention{'' if total == 1 else 's'} · {n_entities} entit{'y' if n_entities == 1 else 'ies'}"
