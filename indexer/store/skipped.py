"""The files the last index run left out, with their reasons, kept in the generation in use.

    INDEX_DIR/generation-…/cchc-skipped.json   {"skipped": [{"path": "...", "reason": "..."}, ...]}

Inside the generation, not beside the marker: the index folder's top level holds only the
files layout.py names, and a rebuild's new generation starts with no stale list.
Written after a run's commit (a failed run leaves the list of the last one that committed);
every run re-reads what was skipped before, so the list is complete, not a difference.
A missing or unreadable file reads as None: the index does not say (built before this file).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

from indexer.errors import CchcError
from indexer.store.layout import SKIPPED_FILE, generation_dir, inspect, remove_quietly


@dataclass(slots=True)
class SkippedFile:
    path: str
    reason: str


def write_skipped(index_dir: Path, skipped: Iterable) -> None:
    """`skipped`: the run's `indexer.ingest.Skipped` entries (anything with `path` and `reason`)."""
    rows = [{"path": entry.path, "reason": entry.reason} for entry in skipped]
    folder = _generation(index_dir)
    if folder is None:
        return
    tmp = folder / (SKIPPED_FILE + ".tmp")
    try:
        tmp.write_bytes(orjson.dumps({"skipped": rows}))
        os.replace(tmp, folder / SKIPPED_FILE)
    except OSError:
        remove_quietly(tmp)  # a list we cannot write costs only the dashboard's line; the index is committed


def read_skipped(index_dir: Path) -> list[SkippedFile] | None:
    folder = _generation(index_dir)
    if folder is None:
        return None
    try:
        rows = orjson.loads((folder / SKIPPED_FILE).read_bytes())["skipped"]
        return [SkippedFile(str(row["path"]), str(row["reason"])) for row in rows]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _generation(index_dir: Path) -> Path | None:
    """The generation in use; None for a folder without one (or a legacy index, whose top level is tantivy's)."""
    try:
        marker = inspect(index_dir)
    except (OSError, ValueError, CchcError):
        return None
    if marker is None or marker.legacy:
        return None
    return generation_dir(index_dir, marker)
