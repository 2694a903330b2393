"""Draw charts in a helper process that gets Altair and vl-convert ready while the caller parses.

A cold command-line run spends about a second before its first chart: importing pandas and
Altair, then starting vl-convert's JavaScript engine, which holds the GIL while it starts (so a
thread cannot hide it). A second process can. :class:`ChartProcess` starts one at once; it
loads the chart stack while the caller loads spaCy and parses, and then runs the chart work it
is given. If the helper cannot start or dies, the work runs in the calling process instead:
the result is the same, only slower.

Worth it only in a fresh process (the ``newslab report`` command): a notebook kernel already
has Altair loaded, and pays for one more process for nothing.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["ChartProcess"]

T = TypeVar("T")

_WARM_UP_SPEC = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json",
                 "data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}


def _warm_up() -> None:
    """Load what drawing needs (runs first in the helper, while the caller parses)."""
    # A helper that only draws SVG needs neither widgets nor jsonschema's "iri" grammars (which compile for
    # seconds on import and which Vega-Lite's schema does not use): Altair falls back without both.
    sys.modules.setdefault("anywidget", None)  # type: ignore[arg-type]
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import pandas  # noqa: F401  (the tables arrive as DataFrames)

    from ..charts import chart_svg

    chart_svg(_WARM_UP_SPEC)  # starts vl-convert's engine


class ChartProcess:
    """A helper process for chart work, started on creation (use it as a context manager).

    Examples:
        >>> with ChartProcess() as helper:
        ...     helper.run(sum, [1, 2, 3])
        6
    """

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        try:
            # "spawn" everywhere: a fresh interpreter, so no thread or lock of the caller is copied into it
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            self._pool.submit(_warm_up)
        except (OSError, RuntimeError):  # no process could start (a sandbox without semaphores, say)
            self.close()

    def start(self, function: Callable[..., T], *args: Any) -> Callable[[], T]:
        """Start ``function(*args)`` in the helper; call what this returns to wait for the result.

        ``function`` must be importable by name. Its errors are raised by the call that waits.
        """
        if self._pool is None:
            return lambda: function(*args)
        future = self._pool.submit(function, *args)

        def result() -> T:
            try:
                return future.result()
            except BrokenProcessPool:  # the helper died (out of memory, killed): do the work here
                self.close()
                return function(*args)

        return result

    def run(self, function: Callable[..., T], *args: Any) -> T:
        """Return ``function(*args)``, computed in the helper."""
        return self.start(function, *args)()

    def close(self, *, wait: bool = True) -> None:
        """Stop the helper after the task it is running; ``wait=False`` returns before it has exited."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ChartProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close(wait=False)  # its work is done: let it exit while the caller goes on
