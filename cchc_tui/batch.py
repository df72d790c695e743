"""`cchc search --batch FILE`: one query per line in, one JSON object per line out (JSON Lines).

Lines that are blank or start with `#` are skipped. A query with nothing to search
for gives `{"query": ..., "error": ...}` on its line and the batch goes on, so the
output always has one object per query, in order.

A long FILE is answered by this process and a worker process beside it (the worker opens
the index once; answers come back in order, written here exactly as one process would write
them). This process answers a chunk of queries itself whenever the oldest chunk it waits for is
still with the worker, so neither core idles while the worker starts or lags.
Standard input is answered one query at a time, as it arrives.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cchc_tui.output import emit_json
from indexer.api import CchcError, Filters, Library, SearchResult, has_words

if TYPE_CHECKING:  # annotations only: the pool module is imported when a pool is started
    from multiprocessing.pool import AsyncResult, Pool

Answer = SearchResult | dict  # a result, or {"query": ..., "error": ...}

NO_WORDS = "the query holds no word to search for"
PARALLEL_FROM = 200  # queries: below this, starting worker processes costs more than they save
PROCESSES = 2  # this one and a worker: each holds the index's caches
CHUNK = 8  # queries sent to a worker at a time
AHEAD = 2  # chunks a worker holds: one being answered, the next waiting
BUFFER = 64  # chunks answered here ahead of the one being waited for: bounds memory and delay


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


def answer(library: Library, query: str, limit: int, filters: Filters) -> Answer:
    if filters.is_empty() and not has_words(query):
        return {"query": query, "error": NO_WORDS}
    return library.search(query, limit=limit, filters=filters)


def run_batch(source: str, library: Library, *, limit: int, filters: Filters) -> int:
    """Search each query; returns how many were answered."""
    queries = batch_queries(source)
    processes = min(PROCESSES, os.cpu_count() or 1)
    head = list(itertools.islice(queries, PARALLEL_FROM)) if source != "-" and processes > 1 else []
    if len(head) < PARALLEL_FROM:
        return _write(answer(library, q, limit, filters) for q in itertools.chain(head, queries))
    helpers = processes - 1
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no tantivy thread forked
    with context.Pool(helpers, _open_worker, (str(library.index_dir), limit, filters)) as pool:
        answers = shared_answers(pool, helpers, itertools.chain(head, queries),
                                 lambda query: answer(library, query, limit, filters))
        return _write(answers)


def shared_answers(pool: Pool, helpers: int, queries: Iterable[str],
                   answer_here: Callable[[str], Answer]) -> Iterator[Answer]:
    """The answers in the order of the queries, chunks of them answered by the pool's workers and,
    while the oldest chunk is still with them, by `answer_here`."""
    chunks = _chunks(queries)
    pending: deque[AsyncResult[list[Answer]] | list[Answer]] = deque()
    with_workers = 0
    chunk = next(chunks, None)
    while chunk is not None or pending:
        if chunk is not None and with_workers < AHEAD * helpers:
            pending.append(pool.apply_async(_answer_chunk, (chunk,)))
            with_workers += 1
            chunk = next(chunks, None)
            continue
        oldest = pending[0]
        if chunk is not None and len(pending) < BUFFER and not isinstance(oldest, list) and not oldest.ready():
            pending.append([answer_here(query) for query in chunk])
            chunk = next(chunks, None)
            continue
        pending.popleft()
        if not isinstance(oldest, list):
            with_workers -= 1
            oldest = oldest.get()
        yield from oldest


def _chunks(queries: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(queries)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


def _write(answers: Iterable[Answer]) -> int:
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


def _answer_chunk(chunk: list[str]) -> list[Answer]:
    if not isinstance(_WORKER, tuple):
        raise _WORKER or CchcError("the batch worker has no index")
    library, limit, filters = _WORKER
    return [answer(library, query, limit, filters) for query in chunk]
