"""`cchc search --batch FILE`: one query per line in, one JSON object per line out (JSON Lines).

Lines that are blank or start with `#` are skipped. A query with nothing to search
for gives `{"query": ..., "error": ...}` on its line and the batch goes on, so the
output always has one object per query, in order.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from cchc_tui.output import emit_json
from indexer.api import CchcError, Filters, Library, has_words


def batch_queries(source: str) -> Iterator[str]:
    """The queries of FILE, or of standard input for `-`."""
    if source == "-":
        yield from _queries(sys.stdin)
        return
    try:
        with Path(source).open(encoding="utf-8", errors="replace") as stream:
            yield from _queries(stream)
    except OSError as exc:
        raise CchcError(f"cannot read the batch file {source}: {exc.strerror or exc}") from None


def _queries(stream: IO[str]) -> Iterator[str]:
    for line in stream:
        query = line.strip()
        if query and not query.startswith("#"):
            yield query


def run_batch(source: str, library: Library, *, limit: int, filters: Filters) -> int:
    """Search each query; returns how many were answered."""
    answered = 0
    for query in batch_queries(source):
        if filters.is_empty() and not has_words(query):
            emit_json({"query": query, "error": "the query holds no word to search for"})
            continue
        # orjson writes the dataclasses as `to_dict()` (dataclasses.asdict) would, without the deep copy
        emit_json(library.search(query, limit=limit, filters=filters))
        answered += 1
    return answered
