"""One shard of a corpus run, the same on the local engine and on a Dask worker.

A shard is a list of items (see ``_corpus_inputs``). :func:`run_shard` loads the pipeline once
per process (never pickled: a worker loads it itself), parses the shard inside
``nlp.memory_zone()``, writes one Parquet file per table and, last, a marker that says the
shard is done. A run that is killed leaves no marker for the shard it was in, so the shard is
parsed again on resumption and its half-written files are replaced: no article is lost or
counted twice.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import columns as C
from ..columns import META_KEY
from ..errors import ArticleError, NewslabError
from ..io.atomic import atomic_write_text
from ..io.tables import write_parquet
from ..tables.many import article_fields, frame, row_source, stack
from ._inputs import Item, read

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import PathLike

ARTICLES = "articles"
ERRORS = "errors"
DONE = "_done"
FULL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: The components each table needs; ``senter`` gives sentence ids when the parser is not run.
NEEDS: dict[str, tuple[str, ...]] = {
    "entities": ("ner",),
    "sentences": (),
    "tokens": FULL,
    "noun_chunks": FULL,
    "svo_triples": FULL,
    "pos_counts": ("tok2vec", "tagger", "attribute_ruler"),
    "clusters": ("ner",),
    "quotes": FULL,  # cues are lemmas, speakers and contents come from the parse, speakers' clusters from NER
}
TABLES = tuple(NEEDS)
#: glibc malloc settings for the worker processes of a run: blocks under 16 MiB come from the heap and
#: up to 32 MiB of free heap is kept, so a worker does not hand spaCy's arrays back to the OS after each
#: batch and fault the same pages in again for the next. With Dask's default (``MALLOC_TRIM_THRESHOLD_``
#: of 64 KiB) a worker took 216,000 page faults and about 15% more CPU time per 50 articles; with these,
#: about 200 (bench/corpus.py).
WORKER_MALLOC = {"MALLOC_MMAP_THRESHOLD_": 16 * 2**20, "MALLOC_TRIM_THRESHOLD_": 32 * 2**20}
_MALLOPT = {"MALLOC_MMAP_THRESHOLD_": -3, "MALLOC_TRIM_THRESHOLD_": -1}  # glibc's M_MMAP_THRESHOLD, M_TRIM_THRESHOLD


def use_worker_malloc() -> bool:
    """Apply :data:`WORKER_MALLOC` in this process, a worker of newslab's own; False where there is no glibc.

    Not for the caller's process: it changes how the whole process returns memory to the OS.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl without mallopt)
        mallopt = None
    if mallopt is None:
        return False
    return all(mallopt(_MALLOPT[key], value) == 1 for key, value in WORKER_MALLOC.items())


def components(tables: tuple[str, ...]) -> tuple[str, ...]:
    """The pipeline components the tables need, in the model's order, with ``senter`` unless the parser runs."""
    wanted = {name for table in tables for name in NEEDS[table]}
    if "parser" not in wanted:
        wanted.add("senter")
    order = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
    return tuple(name for name in order if name in wanted)


@dataclass(frozen=True)
class Options:
    """What a shard needs to know; small and picklable (the model travels by name only)."""

    out: str
    tables: tuple[str, ...]
    model: str
    batch_size: int
    headline_case: str
    versions: tuple[tuple[str, str], ...]


def versions(model: str) -> dict[str, str]:
    """The versions a worker must match: newslab, spaCy and the model."""
    import importlib.metadata

    import spacy

    try:
        newslab_version = importlib.metadata.version("newslab")
    except importlib.metadata.PackageNotFoundError:
        newslab_version = "unknown"
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(model)) if not Path(model).is_dir() \
        else spacy.util.load_meta(Path(model) / "meta.json")
    return {"newslab": newslab_version, "spacy": spacy.__version__,
            "model": f"{meta['lang']}_{meta['name']}", "model_version": meta["version"]}


@functools.lru_cache(maxsize=4)
def pipeline(model: str, wanted: tuple[str, ...]) -> Language:
    """Load ``model`` with only the ``wanted`` components, once per process."""
    import spacy

    known = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
    nlp = spacy.load(model, exclude=[name for name in known if name not in wanted])
    for name in nlp.disabled:
        nlp.enable_pipe(name)
    return nlp


def table_functions() -> dict[str, Callable[[Doc], pd.DataFrame]]:
    from ..attribution.statements import quotes
    from ..ner.clusters import entity_clusters
    from ..tables.grammar import pos_counts, svo_triples
    from ..tables.mentions import entities
    from ..tables.parse import noun_chunks, sentences, tokens

    return {"entities": entities, "sentences": sentences, "tokens": tokens, "noun_chunks": noun_chunks,
            "svo_triples": svo_triples, "pos_counts": pos_counts, "clusters": entity_clusters, "quotes": quotes}


def run_shard(index: int, items: list[Item], options: Options) -> dict[str, Any]:
    """Parse one shard and write its tables; return what its done-marker records."""
    from ..text.pipeline import analyze_many

    _check_versions(options)
    nlp = pipeline(options.model, components(options.tables))
    articles, errors = [], []
    for item in items:
        try:
            articles.append(read(item))
        except ArticleError as err:
            errors.append((item[C.META_ID], item[C.SOURCE], str(err)))
    functions = table_functions()
    sources = {name: row_source(functions[name]) for name in options.tables}
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in options.tables}  # tables made of row tuples
    parts: dict[str, list[tuple[pd.DataFrame, tuple[Any, ...]]]] = {name: [] for name in options.tables}  # others
    summaries = []
    with nlp.memory_zone():
        docs = analyze_many(articles, nlp=nlp, batch_size=options.batch_size,
                            headline_case=options.headline_case)  # type: ignore[arg-type]
        for doc in docs:
            fields = article_fields(doc, 0)
            summaries.append((*fields, *_article_counts(doc, has_ner="ner" in nlp.pipe_names)))
            for name, source in sources.items():
                if source is None:
                    parts[name].append((functions[name](doc), fields))
                else:
                    rows[name].extend((*fields, *row) for row in source.rows(doc))
    for name, source in sources.items():
        table = stack(parts[name]) if source is None or not summaries else \
            frame(rows[name], (*C.ARTICLE_COLUMNS, *source.columns))  # one DataFrame per shard, not per article
        write_part(options.out, name, index, [table])
    write_part(options.out, ARTICLES, index, [_articles_frame(summaries)])
    write_part(options.out, ERRORS, index, [error_frame(errors)])
    marker = {"shard": index, "articles": len(articles), "errors": len(errors), "pid": os.getpid(),
              "finished": time.time()}
    atomic_write_text(done_path(options.out, index), json.dumps(marker))
    return marker


def _check_versions(options: Options) -> None:
    expected = dict(options.versions)
    found = versions(options.model)
    wrong = {k: (expected[k], found[k]) for k in ("spacy", "model", "model_version") if expected.get(k) != found[k]}
    if wrong:
        detail = ", ".join(f"{k}: run {a}, worker {b}" for k, (a, b) in wrong.items())
        raise NewslabError(f"this worker's versions differ from the run's ({detail}); install the same spaCy and "
                           "model on every worker (see the README, 'Many articles on a Dask cluster')")


def _article_counts(doc: Doc, *, has_ner: bool) -> tuple[Any, ...]:
    """Source, characters, sentences (as ``newslab.sentences`` counts them) and entity mentions."""
    n_sentences = sum(1 for sent in doc.sents if any(not t.is_space for t in sent))
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), without building it
    return (doc.user_data.get(META_KEY, {}).get(C.SOURCE), n_chars, n_sentences, len(doc.ents) if has_ner else None)


def _articles_frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(C.CORPUS_ARTICLE_COLUMNS))
    return frame.astype({**{name: "string" for name in C.ARTICLE_COLUMNS}, C.N_ENTITIES_FOUND: "Int64"})


def error_frame(errors: list[tuple[str, str, str]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(errors, columns=list(C.ERROR_COLUMNS), dtype="string")


def part_path(out: PathLike, table: str, index: int | str) -> Path:
    name = f"part-{index:05d}" if isinstance(index, int) else f"part-{index}"
    return Path(out) / table / f"{name}.parquet"


def done_path(out: PathLike, index: int) -> Path:
    return Path(out) / DONE / f"part-{index:05d}.json"


def write_part(out: PathLike, table: str, index: int | str, frames: list[pd.DataFrame]) -> None:
    """Write a shard's table as one Parquet file, atomically; nothing when the shard has no rows."""
    import pandas as pd

    frames = [frame for frame in frames if len(frame)]
    if not frames:
        part_path(out, table, index).unlink(missing_ok=True)
        return
    write_parquet(pd.concat(frames, ignore_index=True), part_path(out, table, index))
