"""`cchc search --batch FILE`: one query per line in, one JSON object per line out (JSON Lines).

Lines that are blank or start with `#` are skipped. A query with nothing to search
for gives `{"query": ..., "error": ...}` on its line and the batch goes on, so the
output always has one object per query, in order.

A long FILE is answered by one worker process per core (each opens the index once;
answers come back in order, written here exactly as one process would write them).
Standard input is answered one query at a time, as it arrives.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from cchc_tui.output import emit_json
from indexer.api import CchcError, Filters, Library, SearchResult, has_words

NO_WORDS = "the query holds no word to search for"
PARALLEL_FROM = 200  # queries: below this, starting worker processes costs more than they save
CHUNK = 8  # queries sent to a worker at a time


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


def answer(library: Library, query: str, limit: int, filters: Filters) -> SearchResult | dict:
    if filters.is_empty() and not has_words(query):
        return {"query": query, "error": NO_WORDS}
    return library.search(query, limit=limit, filters=filters)


def run_batch(source: str, library: Library, *, limit: int, filters: Filters) -> int:
    """Search each query; returns how many were answered."""
    queries = batch_queries(source)
    workers = min(2, os.cpu_count() or 1)
    head = list(itertools.islice(queries, PARALLEL_FROM)) if source != "-" and workers > 1 else []
    if len(head) < PARALLEL_FROM:
        return _write(answer(library, q, limit, filters) for q in itertools.chain(head, queries))
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no tantivy thread forked
    with context.Pool(workers, _open_worker, (str(library.index_dir), limit, filters)) as pool:
        return _write(pool.imap(_answer_in_worker, itertools.chain(head, queries), CHUNK))


def _write(answers: Iterable[SearchResult | dict]) -> int:
    answered = 0
    for result in answers:
        # orjson writes the dataclasses as `to_dict()` (dataclasses.asdict) would, without the deep copy
        emit_json(result)
        answered += isinstance(result, SearchResult)
    return answered


_WORKER: tuple[Library, int, Filters] | Exception | None = None


def _open_worker(index_dir: str, limit: int, filters: Filters) -> None:
    global _WORKER
    try:
        _WORKER = (Library.open(Path(index_dir)), limit, filters)
    except Exception as exc:  # raised with the first answer: a failing initializer is restarted forever
        _WORKER = exc


def _answer_in_worker(query: str) -> SearchResult | dict:
    if not isinstance(_WORKER, tuple):
        raise _WORKER or CchcError("the batch worker has no index")
    library, limit, filters = _WORKER
    return answer(library, query, limit, filters)
