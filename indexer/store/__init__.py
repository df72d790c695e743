"""The tantivy index: schema, opening, locking, and the incremental writer."""
from indexer.store.index import IndexBusy, default_index_dir, open_index, resolve_index_dir
from indexer.store.schema import SCHEMA_VERSION, build_schema

__all__ = ["IndexBusy", "SCHEMA_VERSION", "build_schema", "default_index_dir", "open_index", "resolve_index_dir"]
