"""A whole corpus processed into Parquet tables: :func:`process`, :func:`read_table`, :func:`summary`.

For a corpus of any size, :func:`process` streams it through ``nlp.pipe`` with only the
components the requested tables need, and writes each table as Parquet shards with a
manifest (versions and options), an ``articles`` table and an ``errors`` table. A run that
is interrupted continues where it stopped when started again. ``engine="dask"`` runs the
same shards on a ``dask.distributed`` cluster. :func:`read_table` and :func:`summary` read
the result back.

Inputs: a folder of ``.txt``/``.html`` files (each with an optional ``.json`` of metadata
beside it: ``id``, ``outlet``, ``date``, ``title``...), a JSONL file with one
``{"id": ..., "text": ..., ...}`` object per line, or a pandas column of texts (or a
DataFrame with a ``text`` column and metadata columns).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import columns as C
from ..errors import MissingDependencyError, NewslabError
from ..io.tables import read_json, read_parquet, write_json
from ._inputs import MAX_BYTES, Item, error_row, plan
from ._run import (
    ARTICLES,
    ERRORS,
    TABLES,
    Options,
    done_path,
    error_frame,
    pipeline,
    run_shard,
    use_worker_malloc,
    versions,
    write_part,
)
from ._run import components as _components

if TYPE_CHECKING:
    import pandas as pd

    from ..types import CorpusSource, PathLike


__all__ = ["process", "read_table", "summary", "tables_home", "default_out", "TABLES", "MANIFEST", "HOME_ENV"]


Engine = Literal["local", "dask"]


MANIFEST = "manifest.json"
#: Where :func:`process` writes when it is given no output folder (see :func:`tables_home`).
HOME_ENV = "NEWSLAB_HOME"


_PLAN_ERRORS = "plan"


def process(
    source: CorpusSource,
    out: PathLike | None = None,
    *,
    tables: Sequence[str] = ("entities", "sentences"),
    engine: Engine = "local",
    processes: int = 1,
    client: Any = None,
    batch_size: int = 64,
    shard_size: int = 200,
    model: PathLike | None = None,
    headline_case: Literal["sentence", "original"] = "sentence",
    max_bytes: int = MAX_BYTES,
    progress: bool = True,
) -> Path:
    """Parse a corpus and write its tables as Parquet shards in ``out``; resume an interrupted run.

    ``out`` gets ``manifest.json`` (newslab, spaCy and model versions, the options), one folder
    per table with a Parquet file per shard, ``articles`` (one row per parsed article) and
    ``errors`` (one row per input that was refused, with the reason). Run it again on the same
    ``out`` after an interruption: finished shards are kept, the rest are parsed.

    Args:
        source: A folder of ``.txt``/``.html`` files, a JSONL file or a pandas column (see the module docstring).
        out: The output folder; by default a folder of its own for this ``source`` under
            :func:`tables_home` (so a notebook writes nothing into the folder it runs in).
        tables: Any of ``entities``, ``sentences``, ``tokens``, ``noun_chunks``, ``svo_triples``,
            ``pos_counts``, ``clusters`` (:func:`newslab.entity_clusters`) and ``quotes``
            (:func:`newslab.quotes`). Only the pipeline components they need run: ``entities``,
            ``clusters`` and ``sentences`` alone need only ``ner`` and ``senter``.
        engine: ``"local"`` (this machine) or ``"dask"`` (a ``dask.distributed`` cluster).
        processes: Local worker processes, each parsing whole shards with its own copy of the
            model, so that building and writing the tables runs in parallel too (``nlp.pipe``'s
            ``n_process`` would parallelize the parse only); with ``engine="dask"`` and no
            ``client``, the number of workers of a new ``LocalCluster``.
        client: A ``distributed.Client`` or a scheduler address (``"tcp://host:8786"``) for
            ``engine="dask"``. Every worker must see ``out`` and the input at the same paths.
        batch_size: Texts per ``nlp.pipe`` batch.
        shard_size: Articles per shard: the unit of work, of resumption and of output files.
        model: The pipeline to use (see :func:`newslab.load_pipeline`).
        headline_case: As in :func:`newslab.analyze`.
        max_bytes: Inputs larger than this go to the errors table.
        progress: Show a progress bar with articles per second.

    Returns:
        The output folder.

    Raises:
        NewslabError: if ``out`` holds a run with other options or another input.

    Examples:
        >>> import tempfile, pandas as pd
        >>> texts = pd.Series(["Mark Rutte visited Ukraine.", "NATO met."], index=["a", "b"])
        >>> out = process(texts, tempfile.mkdtemp(), progress=False)
        >>> read_table(out, "entities")[["article_id", "text", "label"]].values.tolist()
        [['a', 'Mark Rutte', 'PERSON'], ['a', 'Ukraine', 'GPE'], ['b', 'NATO', 'ORG']]
    """
    from ..text.pipeline import resolve_model

    out = default_out(source) if out is None else out
    options = _options(out, tables, resolve_model(model), batch_size, headline_case)
    items, refused = plan(source, max_bytes=max_bytes)
    shards = [items[i : i + shard_size] for i in range(0, len(items), max(shard_size, 1))]
    _start(options, shards, refused)
    todo = [(i, shard) for i, shard in enumerate(shards) if not done_path(out, i).is_file()]
    with _progress(len(items), sum(len(s) for _, s in todo), enabled=progress) as bar:
        if engine == "dask":
            _run_dask(todo, options, client, processes, bar)
        elif engine == "local":
            _run_local(todo, options, processes, bar)
        else:
            raise NewslabError(f"engine must be 'local' or 'dask', not {engine!r}")
    return Path(out)


def tables_home() -> Path:
    """The folder newslab writes processed corpora to when it is given none.

    ``$NEWSLAB_HOME/corpus-tables`` if ``NEWSLAB_HOME`` is set, else ``newslab/corpus-tables`` in
    the user's cache folder (``$XDG_CACHE_HOME``, by default ``~/.cache``).

    Examples:
        >>> tables_home().name
        'corpus-tables'
    """
    home = os.environ.get(HOME_ENV)
    base = Path(home) if home else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslab"
    return base / "corpus-tables"


def default_out(source: CorpusSource) -> Path:
    """The output folder of :func:`process` for ``source`` when none is given: one folder per input.

    Raises:
        NewslabError: for a table or a column of texts, which has no name to keep its tables under.

    Examples:
        >>> from newslab.corpus import teaching_folder
        >>> default_out(teaching_folder()).name.startswith("corpus-")
        True
    """
    if not isinstance(source, (str, os.PathLike)):
        raise NewslabError("give process() an output folder (out=...) for a table of texts")
    path = Path(source).resolve()
    digest = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
    return tables_home() / f"{path.stem or 'corpus'}-{digest}"


def _options(out: Any, tables: Sequence[str], model: str, batch_size: int, headline_case: str) -> Options:
    unknown = [name for name in tables if name not in TABLES]
    if unknown:
        raise NewslabError(f"unknown table(s) {', '.join(unknown)}: choose from {', '.join(TABLES)}")
    ordered = tuple(name for name in TABLES if name in tables)
    return Options(str(out), ordered, model, batch_size, headline_case, tuple(versions(model).items()))


def _start(options: Options, shards: list[list[Item]], refused: list[Item]) -> None:
    """Write the manifest on a first run; on a later one check that it is the same run."""
    manifest = {
        "format": 1, "versions": dict(options.versions), "components": list(_components(options.tables)),
        "options": {"tables": list(options.tables), "model": options.model, "batch_size": options.batch_size,
                    "headline_case": options.headline_case},
        "shards": len(shards),
        "input": _fingerprint(shards),  # which article is in which shard: a resumed run must have the same
    }
    path = Path(options.out) / MANIFEST
    if path.is_file():
        before = read_json(path)
        for part in ("options", "input", "versions"):
            if before.get(part) != manifest[part]:
                raise NewslabError(f"{options.out} holds a run with other {part} than this one: give another "
                                   "output folder, or delete this one to start again")
        return
    write_part(options.out, ERRORS, _PLAN_ERRORS, [error_frame([error_row(item) for item in refused])])
    write_json(manifest, path)


def _fingerprint(shards: list[list[Item]]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for shard in shards:
        digest.update(json.dumps([[item[C.META_ID], item[C.SOURCE]] for item in shard]).encode("utf-8"))
    return digest.hexdigest()


def _run_local(todo: list[tuple[int, list[Item]]], options: Options, processes: int, bar: Any) -> None:
    if processes <= 1:
        for index, shard in todo:
            run_shard(index, shard, options)
            bar.update(len(shard))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Where the OS can fork (as spaCy's own nlp.pipe(n_process=...) does on Linux), the workers
    # inherit the pipeline loaded here once, copy-on-write; elsewhere each worker loads its own.
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        pipeline(options.model, _components(options.tables))
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=use_worker_malloc) as pool:
        futures = {pool.submit(run_shard, index, shard, options): len(shard) for index, shard in todo}
        for future in as_completed(futures):
            future.result()
            bar.update(futures[future])


def _run_dask(todo: list[tuple[int, list[Item]]], options: Options, client: Any, processes: int, bar: Any) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise MissingDependencyError('engine="dask" needs dask.distributed: python -m pip install "newslab[dask]" '
                                     '(or "dask[distributed]")') from None

    own = client is None or isinstance(client, str)
    if client is None:
        from .cluster import local_cluster

        client = Client(local_cluster(processes))
    elif isinstance(client, str):
        client = Client(client)
    try:
        futures = [client.submit(run_shard, index, shard, options, pure=False) for index, shard in todo]
        sizes = {future.key: len(shard) for future, (_, shard) in zip(futures, todo)}
        for future in as_completed(futures):
            future.result()
            bar.update(sizes[future.key])
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()


def _progress(total: int, todo: int, *, enabled: bool) -> Any:
    from tqdm import tqdm  # the plain bar: tqdm.auto would import ipywidgets into this data module

    return tqdm(total=total, initial=total - todo, unit="article", disable=not enabled, smoothing=0.1)


def read_table(out: PathLike, table: str) -> pd.DataFrame:
    """Read one table of a processed corpus, from its finished shards, in input order.

    ``table`` is ``articles``, ``errors`` or one of the tables the run wrote.

    Examples:
        >>> import tempfile, pandas as pd
        >>> out = process(pd.Series(["Rutte came.", ""]), tempfile.mkdtemp(), progress=False)
        >>> read_table(out, "errors")[["article_id", "reason"]].values.tolist()
        [['1', 'the article text is empty (or only whitespace): there is nothing to read']]
    """
    import pandas as pd

    manifest = _manifest(out)
    if table not in (ARTICLES, ERRORS, *manifest["options"]["tables"]):
        raise NewslabError(f"{out} has no table {table!r}: it has {', '.join(_tables(manifest))}")
    names = [f"part-{i:05d}" for i in range(manifest["shards"]) if done_path(out, i).is_file()]
    if table == ERRORS:
        names.insert(0, f"part-{_PLAN_ERRORS}")
    paths = [Path(out) / table / f"{name}.parquet" for name in names]
    found = read_parquet(paths)
    if found is None:
        return pd.DataFrame(columns=list(C.ERROR_COLUMNS if table == ERRORS else C.ARTICLE_COLUMNS))
    return found


def summary(out: PathLike) -> pd.DataFrame:
    """What a processed corpus holds: shards done, articles, errors, rows per table, versions.

    Examples:
        >>> import tempfile, pandas as pd
        >>> out = process(pd.Series(["Rutte came."]), tempfile.mkdtemp(), progress=False)
        >>> dict(summary(out).values.tolist())["articles"]
        1
    """
    import pandas as pd

    manifest = _manifest(out)
    done = sum(1 for i in range(manifest["shards"]) if done_path(out, i).is_file())
    values: dict[str, Any] = {"shards done": f"{done} of {manifest['shards']}"}
    articles = read_table(out, ARTICLES)
    values["articles"] = len(articles)
    values["outlets"] = int(articles[C.OUTLET].nunique()) if len(articles) else 0
    values["errors"] = len(read_table(out, ERRORS))
    for table in manifest["options"]["tables"]:
        values[f"{table} rows"] = len(read_table(out, table))
    names = {"newslab": "newslab version", "spacy": "spaCy version", "model": "model", "model_version": "model version"}
    values.update({names.get(k, k): v for k, v in manifest["versions"].items()})
    values["components"] = ", ".join(manifest["components"])
    return pd.DataFrame(list(values.items()), columns=list(C.STATS_COLUMNS))


def _manifest(out: PathLike) -> dict[str, Any]:
    path = Path(out) / MANIFEST
    if not path.is_file():
        raise NewslabError(f"{out} is not a processed corpus (it has no {MANIFEST}); run newslab corpus process first")
    return read_json(path)


def _tables(manifest: dict[str, Any]) -> list[str]:
    return [ARTICLES, ERRORS, *manifest["options"]["tables"]]
