"""Reading and analysing changed reports, in worker processes when there are many.

OCR repair and parsing cost ~0.1–0.3 s a report in pure Python; on a large
folder the cores share it. Workers are spawned (not forked) so they never
inherit the writer lock: a killed `cchc index` frees it at once.
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest import BadReport, decode_report, read_report_bytes
from indexer.profile import current, stage
from indexer.store.documents import Prepared, prepare

PARALLEL_FROM = 24  # fewer changed reports than this are not worth starting workers
MAX_WORKERS = 4
PR_SET_PDEATHSIG = 1


@dataclass(slots=True)
class Failed:
    path: str
    reason: str
    seconds: dict[str, float] | None = None


@dataclass(slots=True)
class Changed:
    path: Path
    sha: str
    raw: bytes


def checked_read(path: Path) -> tuple[str, bytes]:
    """The bytes once (regular file, size limit), and their hash: what is hashed is what is indexed."""
    with stage("read"):
        raw = read_report_bytes(path)
        current().count(len(raw))
        return hashlib.sha256(raw).hexdigest(), raw


def prepare_changed(item: Changed) -> Prepared | Failed:
    try:
        with stage("decode"):
            text = decode_report(item.path, item.raw)
    except BadReport as exc:
        return Failed(str(item.path), exc.reason)
    return prepare(str(item.path), item.sha, text)


def prepare_in_worker(item: Changed) -> Prepared | Failed:
    """prepare_changed, with this worker's seconds per stage sent back for the parent's profile."""
    result = prepare_changed(item)
    result.seconds = current().take()
    # The OCR and parser caches grow to hundreds of thousands of long-lived objects that
    # the cyclic collector would rescan again and again (~20% of a worker's time):
    # what is alive now is kept out of its sight (plain refcounting still frees it).
    gc.freeze()
    return result


def merged(results: Iterator[Prepared | Failed]) -> Iterator[Prepared | Failed]:
    """Results as they come, the workers' stage times added to ours, our waiting timed."""
    profile = current()
    while True:
        with stage("wait"):
            result = next(results, None)
        if result is None:
            return
        profile.add(result.seconds)
        result.seconds = None
        yield result


def exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker must not outlive a killed `cchc index` (SIGKILL runs no cleanup,
    and the workers hold their own queue open, so they would wait forever)."""
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


def prepare_all(items: list[Changed]) -> Iterator[Prepared | Failed]:
    """Results in the order of `items`."""
    workers = worker_count(len(items))
    if workers == 1:
        yield from map(prepare_changed, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from merged(pool.map(prepare_in_worker, items, chunksize=4))
