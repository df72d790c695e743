"""Running the pipeline (indexer.pipeline) over changed reports, in worker processes when there are many.

OCR repair and parsing cost ~9 s and ~330 MB of memory per MB of text in pure
Python (bench/bench_index_cost.py); on a large folder the cores share it. What
is in flight is bounded by an estimate of that memory, so workers never
multiply it: one file at a time per worker, and fewer large files at once.
Each worker reads its file itself (the parent keeps no file's bytes). Workers
are spawned (not forked) so they never inherit the writer lock: a killed
`cchc index` frees it at once.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest import MAX_REPORT_BYTES, BadReport
from indexer.ingest.formats import ExtractCache
from indexer.pipeline import AnalysedReport, analyse_text, decode, read
from indexer.profile import current, stage

PARALLEL_FROM = 24  # fewer changed reports than this are not worth starting workers
MAX_WORKERS = 4
PR_SET_PDEATHSIG = 1
# Measured (bench/bench_index_cost.py): peak memory ~ 50 MB + 330 MB per MB of text.
MEMORY_PER_BYTE = 330
MEMORY_BASE = 50 * 1024 * 1024
MEMORY_IN_FLIGHT = 1536 * 1024 * 1024  # all workers together; one file is always allowed
SECONDS_PER_FILE = 120  # budget per file (~6x the measured cost of the largest allowed file)


@dataclass(slots=True)
class Failed:
    path: str
    reason: str


Result = AnalysedReport | Failed
Timed = tuple[Result, tuple | None]  # a worker's result and its time per stage and reads (indexer.profile)


@dataclass(slots=True)
class Changed:
    path: Path  # the file (bytes of its name kept: it may not be UTF-8)
    key: str  # its name as stored and shown
    size: int


class OverBudget(BaseException):
    """Not an Exception: the parser's catch-all (a parser failure costs only the metadata) must not swallow it."""


def _alarm(_signum, _frame) -> None:
    raise OverBudget


def guarded_analysis(key: str, sha: str, text: str) -> Result:
    """One file's analysis failing (a bug its text triggers, memory) costs that file, not the run."""
    try:
        return analyse_text(key, sha, text)
    except MemoryError:
        return Failed(key, "too large to analyse in the memory available")
    except OverBudget:
        raise
    except Exception as exc:  # reported per file, with its cause
        return Failed(key, f"could not be analysed ({type(exc).__name__}: {str(exc)[:120]})")


def budgeted_analysis(key: str, sha: str, text: str) -> Result:
    """A per-file time budget, where a timer can interrupt (the main thread of a process)."""
    if threading.current_thread() is not threading.main_thread():
        return guarded_analysis(key, sha, text)
    over = Failed(key, f"took longer than {SECONDS_PER_FILE} s to analyse (per-file time budget)")
    previous = signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_FILE)
    try:
        result = guarded_analysis(key, sha, text)
    except OverBudget:
        return over
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    # the alarm can fall inside a garbage-collector callback or a __del__, where Python reports the
    # exception as unraisable and carries on: the clock still says the budget was spent
    return over if time.monotonic() - started >= SECONDS_PER_FILE else result


def prepare_changed(item: Changed, cache: ExtractCache | None = None) -> Result:
    """indexer.pipeline.analyse_file, the analysis under the per-file budget, failures as `Failed`."""
    try:
        sha, raw = read(item.path)
        text = decode(item.path, raw, sha, cache)
    except BadReport as exc:
        return Failed(item.key, exc.reason)
    return budgeted_analysis(item.key, sha, text)


def prepare_in_worker(item: Changed, cache: ExtractCache | None = None) -> Timed:
    """prepare_changed, with this worker's seconds per stage sent back for the parent's profile."""
    result = prepare_changed(item, cache)
    seconds = current().take()
    # The OCR and parser caches grow to hundreds of thousands of long-lived objects that
    # the cyclic collector would rescan again and again (~20% of a worker's time):
    # what is alive now is kept out of its sight (plain refcounting still frees it).
    gc.freeze()
    return result, seconds


def merged(results: Iterator[Timed]) -> Iterator[Result]:
    """Results as they come, the workers' stage times added to ours, our waiting timed."""
    profile = current()
    while True:
        with stage("wait"):
            timed = next(results, None)
        if timed is None:
            return
        result, seconds = timed
        profile.add(seconds)
        yield result


def exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker must not outlive a killed `cchc index` (SIGKILL runs no cleanup,
    and the workers hold their own queue open, so they would wait forever). Ctrl-C and SIGTERM
    are the parent's to handle: it stops the pool and says so in one line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:  # Linux: the kernel kills us when the parent dies
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:  # elsewhere (or if prctl failed): poll
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def worker_count(items: int) -> int:
    if items < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def memory_estimate(item: Changed) -> int:
    # A PDF's or an image's size is pictures; no report's text (what analysis costs) exceeds MAX_REPORT_BYTES.
    return MEMORY_BASE + MEMORY_PER_BYTE * min(item.size, MAX_REPORT_BYTES)


def prepare_all(items: list[Changed], cache: ExtractCache | None = None) -> Generator[Result, None, None]:
    """Results in the order of `items`."""
    workers = worker_count(len(items))
    if workers == 1:
        yield from (prepare_changed(item, cache) for item in items)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=exit_with_parent,
                               initargs=(os.getpid(),))
    try:
        yield from merged(bounded_map(pool, items, workers, cache))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def bounded_map(pool: ProcessPoolExecutor, items: list[Changed], workers: int,
                cache: ExtractCache | None = None) -> Iterator[Timed]:
    in_flight: deque[tuple[Future, int]] = deque()
    memory = 0
    for item in items:
        cost = memory_estimate(item)
        while in_flight and (len(in_flight) >= 2 * workers or memory + cost > MEMORY_IN_FLIGHT):
            future, done_cost = in_flight.popleft()
            memory -= done_cost
            yield future.result()
        in_flight.append((pool.submit(functools.partial(prepare_in_worker, cache=cache), item), cost))
        memory += cost
    while in_flight:
        future, _cost = in_flight.popleft()
        yield future.result()
