"""The dashboard's overview, kept in the generation it was computed from.

    INDEX_DIR/generation-…/cchc-overview.json   {"key": [...], "overview": {...}}

Computing an overview reads every report (their metadata is ~5–8 KB of JSON each) and
aggregates every citation: ~2.5 s at 2,000 reports. It changes only when the index
does, so the first reader of a commit writes it and later ones read it back (tens of
ms). The key is what the library has loaded (tantivy's meta.json as stat'ed when the
library opened or reloaded, the number of reports) and the code that computes it (the
modification times of its modules): a commit or an upgrade makes a copy stale, never
wrong. The index status (last indexed, skipped files) is always read afresh.
Writing is best effort: a read-only index, a full disk or another reader writing the
same file at that moment only means the next reader computes it again.
"""
from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from indexer.model import ReportEntry
from indexer.overview import (
    CitedCount,
    ConflictRow,
    ConflictSide,
    Count,
    Coverage,
    IndexStatus,
    Overview,
    build_overview,
    index_status,
)

OVERVIEW_FILE = "cchc-overview.json"
FORMAT = 1
CODE_MODULES = ("indexer.overview", "indexer.overview_cache", "indexer.corpus", "indexer.parse.citeindex")
STALE_TEMPORARY_SECONDS = 300  # a temporary this old was left by a reader that was killed


def cached_overview(library, locked: Callable[[Callable[[], Any]], Any] = lambda call: call()) -> Overview:
    """The overview of `library` (an `indexer.api.Library`), from its cache when that is current.
    `locked(call)` runs an index access (the app serialises them): one per batch of reports read,
    so a search waits for one batch at most, never for the whole pass."""
    folder = Path(getattr(library, "folder", library.index_dir))
    key = locked(lambda: cache_key(library))
    overview = read_cache(folder, key) if key is not None else None
    if overview is None:
        from indexer.corpus import topic_labels

        overview = build_overview(locked_entries(library, locked), topic_labels(), IndexStatus(str(library.index_dir), 0, None))
        if key is not None:
            write_cache(folder, key, overview)
    overview.status = index_status(library.index_dir, overview.total, folder)
    return overview


def locked_entries(library, locked: Callable[[Callable[[], Any]], Any]) -> Iterator[ReportEntry]:
    """`library.entries()`, each batch read under `locked`."""
    batches = locked(library.entry_batches)
    while (batch := locked(lambda: next(batches, None))) is not None:
        yield from batch


def cache_key(library) -> list[Any] | None:
    """What the overview depends on; None when the library cannot say which commit it has loaded."""
    generation = getattr(library, "_generation", None)
    if generation is None:
        return None
    return [FORMAT, *generation, library.count, *code_stamps()]


def code_stamps() -> list[int]:
    stamps = []
    for name in CODE_MODULES:
        spec = importlib.util.find_spec(name)  # found, not imported: a cache hit never loads them
        try:
            stamps.append(os.stat(spec.origin).st_mtime_ns if spec and spec.origin else 0)
        except OSError:
            stamps.append(0)
    return stamps


def read_cache(folder: Path, key: list[Any]) -> Overview | None:
    """The cached overview when its key is `key`; None when absent, stale or damaged."""
    try:
        data = orjson.loads((folder / OVERVIEW_FILE).read_bytes())
        return overview_from_dict(data["overview"]) if data.get("key") == key else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_cache(folder: Path, key: list[Any], overview: Overview) -> None:
    tmp = folder / (OVERVIEW_FILE + ".tmp")
    try:
        if tmp.exists() and time.time() - tmp.stat().st_mtime > STALE_TEMPORARY_SECONDS:
            tmp.unlink()
        with open(tmp, "xb") as out:  # exclusive: two readers never write into one temporary
            out.write(orjson.dumps({"key": key, "overview": overview.to_dict()}))
    except OSError:
        return  # another reader is writing it, or the folder is not writable: nothing lost
    try:
        os.replace(tmp, folder / OVERVIEW_FILE)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def overview_from_dict(data: dict[str, Any]) -> Overview:
    """The inverse of `Overview.to_dict()` (the status is replaced by the caller)."""

    def counts(rows: list[dict[str, Any]]) -> list[Count]:
        return [Count(row["key"], row["count"], list(row["doc_ids"])) for row in rows]

    coverage = data["coverage"]
    return Overview(
        total=data["total"],
        by_unit=counts(data["by_unit"]),
        by_type=counts(data["by_type"]),
        by_period=counts(data["by_period"]),
        by_month=counts(data["by_month"]),
        undated=list(data["undated"]),
        coverage=Coverage(list(coverage["units"]), list(coverage["topics"]), dict(coverage["labels"]),
                          [list(row) for row in coverage["cells"]]),
        cited=data["cited"],
        most_cited=[CitedCount(**row) for row in data["most_cited"]],
        conflicts=[ConflictRow(row["symbol"], row["name"], row["kind"], row["detail"],
                               [ConflictSide(**side) for side in row["sides"]]) for row in data["conflicts"]],
        status=IndexStatus(data["status"]["index_dir"], data["status"]["reports"], None),
    )
