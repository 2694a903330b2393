"""Many articles: a collection in memory, or a whole corpus processed into Parquet tables.

Inputs: a folder of ``.txt``/``.html`` files (each with an optional ``.json`` of metadata
beside it: ``id``, ``outlet``, ``date``, ``title``...), a JSONL file with one
``{"id": ..., "text": ..., ...}`` object per line, or a pandas column of texts (or a
DataFrame with a ``text`` column and metadata columns).
"""

from .cluster import local_cluster, worker_heap_plugin
from .collection import Corpus, load_corpus, teaching_corpus, teaching_folder
from .processing import TABLES, default_out, process, read_table, summary, tables_home

__all__ = ["Corpus", "load_corpus", "teaching_corpus", "teaching_folder", "process", "local_cluster",
           "worker_heap_plugin", "read_table", "summary", "tables_home", "default_out", "TABLES"]
