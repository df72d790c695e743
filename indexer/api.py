"""The one way in: everything the CLI and the TUI show comes from here.

Front ends import this module and nothing else of `indexer` (an import-linter
contract in pyproject.toml enforces it). Results are typed dataclasses whose
`to_dict()` gives the JSON documented in the README.

The light part (opening an index, searching, reading a report) is imported
eagerly. The comparison engine, the corpus lookups and the writer load on first
use (`_LAZY` below), so a `cchc search` process never pays for them.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexer.dates import DateError, check_date
from indexer.errors import CchcError, UsageError
from indexer.library import Library
from indexer.model import (
    Citation,
    Filters,
    Hit,
    Indexed,
    LineHit,
    Report,
    ReportEntry,
    ReportInfo,
    SearchResult,
    Section,
    TopicHit,
)
from indexer.present import at_words, inert_with_spans, snippet
from indexer.safety import inert, inert_json, inert_line
from indexer.store.index import index_exists, resolve_index_dir
from indexer.textnorm import query_words

if TYPE_CHECKING:
    from indexer.compare import filter_reports as filter_reports
    from indexer.ingest.formats.model import is_page_break as is_page_break
    from indexer.ingest.formats.model import page_of_line as page_of_line
    from indexer.ingest.formats.model import page_starts as page_starts
    from indexer.store.writer import IndexSummary

# name -> module that defines it, imported on first access (PEP 562).
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ["MATRIX_KINDS", "Comparison", "Matrix", "ReportRef", "SectionPair", "compare_matrix", "compare_reports",
         "filter_reports"], "indexer.compare"),
    **dict.fromkeys(
        ["STATUS_LABELS", "cite_title", "comparison_markdown", "lines_label", "matrix_csv", "matrix_markdown",
         "report_label"], "indexer.compare.export"),
    **dict.fromkeys(["CitationSide", "SectionSide"], "indexer.compare.result"),
    **dict.fromkeys(
        ["CitedDocument", "CiteResult", "CitingRef", "Conflict", "TopicSummary", "UnitSummary", "citation_dict",
         "cite", "citations", "conflict_dicts", "topic_labels", "topics", "units"], "indexer.corpus"),
    "IndexSummary": "indexer.store.writer",
    # the page helpers: `search --json` shows no pages, and their module brings `indexer.ingest`
    **dict.fromkeys(["is_page_break", "page_of_line", "page_starts"], "indexer.ingest.formats.model"),
    "start_profile": "indexer.profile",
    "profile_table": "indexer.pipeline",
    **dict.fromkeys(["export_jsonl", "export_records"], "indexer.export"),
}

Progress = Callable[[int, int, str], None]  # (files done, files in all, path being read)

__all__ = [
    "CchcError", "Citation", "DateError", "Filters", "Hit", "Indexed", "Library", "LineHit", "Progress", "Report",
    "ReportEntry", "ReportInfo", "SearchResult", "Section", "TopicHit", "UsageError", "check_date", "has_words", "index_exists",
    "inert", "inert_json", "inert_line", "inert_with_spans",
    "resolve_index_dir", "snippet", "update_index", "at_words", *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def has_words(query: str) -> bool:
    """Whether a typed query holds anything to search for (words or numbers, not only punctuation)."""
    return bool(query_words(query))


def update_index(
    paths: Sequence[Path], index_dir: Path, *, rebuild: bool = False, progress: Progress | None = None,
    fallback: Sequence[Path] = (),
) -> IndexSummary:
    """Index the report files under `paths` into `index_dir` (created when missing): new and changed
    files are read, removed ones dropped, one commit at the end. No `paths`: the folders the index
    records it was built from, else `fallback`. See `indexer.store.writer`."""
    from indexer.store.writer import update_index as run

    return run(paths, index_dir, rebuild=rebuild, progress=progress, fallback=fallback)


# --- terminal dashboard (issue 13): overview aggregates and the readable view (lazy, like the rest) ---
_DASHBOARD: dict[str, str] = {
    **dict.fromkeys(
        ["CitedCount", "ConflictRow", "ConflictSide", "Count", "Coverage", "IndexStatus", "Overview", "build_overview",
         "library_overview", "section_kind_labels"], "indexer.overview"),
    **dict.fromkeys(["readable_lines", "readable_sections", "readable_text"], "indexer.readable"),
    **dict.fromkeys(["cached_overview", "locked_entries"], "indexer.overview_cache"),
    "SkippedFile": "indexer.store.skipped",
}
_LAZY.update(_DASHBOARD)
__all__ += [*_DASHBOARD]
