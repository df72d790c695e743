"""The files the last index run left out, with their reasons, kept beside the index's marker.

    INDEX_DIR/cchc-skipped.json   {"skipped": [{"path": "...", "reason": "..."}, ...]}

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

SKIPPED_FILE = "cchc-skipped.json"


@dataclass(slots=True)
class SkippedFile:
    path: str
    reason: str


def write_skipped(index_dir: Path, skipped: Iterable) -> None:
    """`skipped`: the run's `indexer.ingest.Skipped` entries (anything with `path` and `reason`)."""
    rows = [{"path": entry.path, "reason": entry.reason} for entry in skipped]
    tmp = index_dir / (SKIPPED_FILE + ".tmp")
    try:
        tmp.write_bytes(orjson.dumps({"skipped": rows}))
        os.replace(tmp, index_dir / SKIPPED_FILE)
    except OSError:
        # A list we cannot write costs only the dashboard's line; the index itself is committed.
        try:
            tmp.unlink()
        except OSError:
            pass


def read_skipped(index_dir: Path) -> list[SkippedFile] | None:
    try:
        rows = orjson.loads((index_dir / SKIPPED_FILE).read_bytes())["skipped"]
        return [SkippedFile(str(row["path"]), str(row["reason"])) for row in rows]
    except (OSError, ValueError, KeyError, TypeError):
        return None
