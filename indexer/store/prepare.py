"""Reading and analysing changed reports, in worker processes when there are many.

OCR repair and parsing cost ~0.1–0.3 s a report in pure Python; on a large
folder the cores share it. Workers are spawned (not forked) so they never
inherit the writer lock: a killed `cchc index` frees it at once.
"""
from __future__ import annotations

import ctypes
import functools
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

from indexer.ingest import BadReport, read_report_bytes
from indexer.ingest.formats import ExtractCache, extract
from indexer.store.documents import Prepared, prepare

PARALLEL_FROM = 24  # fewer changed reports than this are not worth starting workers
MAX_WORKERS = 4
PR_SET_PDEATHSIG = 1


@dataclass(slots=True)
class Failed:
    path: str
    reason: str


@dataclass(slots=True)
class Changed:
    path: Path
    sha: str
    raw: bytes


def checked_read(path: Path) -> tuple[str, bytes]:
    """The bytes once (regular file, size limit), and their hash: what is hashed is what is indexed."""
    raw = read_report_bytes(path)
    return hashlib.sha256(raw).hexdigest(), raw


def prepare_changed(item: Changed, cache: ExtractCache | None = None) -> Prepared | Failed:
    try:
        text = extract(item.path, item.raw, cache=cache, sha=item.sha).text
    except BadReport as exc:
        return Failed(str(item.path), exc.reason)
    return prepare(str(item.path), item.sha, text)


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


def prepare_all(items: list[Changed], cache: ExtractCache | None = None) -> Iterator[Prepared | Failed]:
    """Results in the order of `items`; PDF, Word and image text is cached in `cache`."""
    workers = worker_count(len(items))
    job = functools.partial(prepare_changed, cache=cache)
    if workers == 1:
        yield from map(job, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(job, items, chunksize=4)
