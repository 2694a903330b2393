"""The Dask worker plugin that gives a worker the heap settings of newslab's own workers.

Imported only where ``dask.distributed`` is used (see :func:`newslab.corpus.worker_heap_plugin`).
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from ._run import use_worker_malloc


class WorkerHeap(WorkerPlugin):
    """Keep freed memory in the worker's heap (:data:`newslab.corpus._run.WORKER_MALLOC`; glibc only)."""

    name = "newslab-worker-heap"
    idempotent = True

    def setup(self, worker: Any) -> None:
        use_worker_malloc()
