"""The typed API the front ends use. Everything the CLI and the TUI show comes from here."""
from __future__ import annotations

from indexer.errors import CchcError
from indexer.library import Library
from indexer.model import Filters, Hit, LineHit, Report, SearchResult

__all__ = ["CchcError", "Filters", "Hit", "Library", "LineHit", "Report", "SearchResult", "update_index"]


def update_index(*args, **kwargs):
    """See `indexer.store.writer.update_index` (imported lazily: the OCR tables load with it)."""
    from indexer.store.writer import update_index as run

    return run(*args, **kwargs)

# --- terminal dashboard (issue 13): overview aggregates and the readable view ---
from indexer.overview import (  # noqa: E402
    CitedCount,
    ConflictRow,
    ConflictSide,
    Count,
    Coverage,
    IndexStatus,
    Overview,
    build_overview,
    library_overview,
    section_kind_labels,
)
from indexer.readable import readable_lines, readable_text  # noqa: E402

__all__ += [
    "CitedCount", "ConflictRow", "ConflictSide", "Count", "Coverage", "IndexStatus", "Overview",
    "build_overview", "library_overview", "readable_lines", "readable_text", "section_kind_labels",
]
