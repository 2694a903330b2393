"""Dask clusters for spaCy: :func:`local_cluster` and the worker plugin :func:`worker_heap_plugin`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError

__all__ = ["local_cluster", "worker_heap_plugin"]

if TYPE_CHECKING:
    from distributed import LocalCluster, WorkerPlugin


def local_cluster(workers: int = 2, **options: Any) -> LocalCluster:
    """A ``dask.distributed.LocalCluster`` set up for spaCy: one process per worker, one thread each.

    ``process(engine="dask")`` without a client starts one of these. Its workers keep freed
    memory in their heap (:func:`worker_heap_plugin`), which makes parsing about 15% faster than
    with Dask's default of handing it back to the OS at once. ``options`` go to ``LocalCluster``
    (for example ``memory_limit="2GiB"``).

    Examples:
        >>> import tempfile, pandas as pd
        >>> from newslab.corpus import process, read_table
        >>> with local_cluster(1, dashboard_address=None) as cluster, cluster.get_client() as client:
        ...     out = process(pd.Series(["Rutte came to Kyiv."]), tempfile.mkdtemp(), engine="dask",
        ...                   client=client, progress=False)
        >>> read_table(out, "entities")["text"].tolist()
        ['Rutte', 'Kyiv']
    """
    plugin = worker_heap_plugin()
    from distributed import LocalCluster

    settings = {"n_workers": max(workers, 1), "threads_per_worker": 1, "processes": True, **options}
    return LocalCluster(plugins=(plugin,), **settings)


def worker_heap_plugin() -> WorkerPlugin:
    """A Dask worker plugin that keeps freed memory in each worker's heap, as newslab's own workers do.

    Dask starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536``, so glibc hands freed memory
    back to the OS at once, and spaCy faults the same pages in again for every batch: about 15%
    more CPU time per shard. This plugin keeps blocks under 16 MiB in the heap and up to 32 MiB of
    it free (:data:`newslab.corpus._run.WORKER_MALLOC`; nothing on systems without glibc). It
    changes how those workers return memory, so newslab never adds it to a cluster it did not
    start: register it yourself with ``client.register_plugin(nl.corpus.worker_heap_plugin())``.

    Examples:
        >>> worker_heap_plugin().name
        'newslab-worker-heap'
    """
    try:
        from ._dask_plugin import WorkerHeap
    except ImportError:
        raise MissingDependencyError('engine="dask" needs dask.distributed: python -m pip install "newslab[dask]" '
                                     '(or "dask[distributed]")') from None
    return WorkerHeap()
