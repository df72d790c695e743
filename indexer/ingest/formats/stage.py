"""The reading stage of an index run: PDF, Word and image files are read (and OCR'd) in the
indexing process before analysis, one file at a time, its pages in parallel.

Why here and not in the analysis workers: OCR already uses every core through
tesseract processes, and only this process can move the progress bar page by
page. What it reads goes into the extraction cache, so the analysis worker that
meets the file next reads the text back from the cache instead of doing OCR
again. Plain text files are not touched here: decoding them is cheap.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from indexer.ingest.formats.cache import ExtractCache
from indexer.ingest.formats.kinds import is_document
from indexer.ingest.formats.reader import extract, page_count
from indexer.ingest.read import BadReport

Report = Callable[[int, int, str], None]  # (pages done, pages in all, what is being read)


@dataclass(slots=True)
class PageProgress:
    """Progress counted in pages: every file is one page until it is opened and found to have more."""

    total: int
    report: Report | None = None
    done: int = 0

    def grow(self, pages: int) -> None:
        """A file counted as one page turned out to have `pages`."""
        self.total += max(pages, 1) - 1

    def advance(self, label: str, pages: int = 1) -> None:
        self.done += pages
        if self.report:
            self.report(self.done, max(self.total, self.done), label)


@dataclass(slots=True)
class StageResult:
    failed: dict[str, str] = field(default_factory=dict)  # key -> one-line reason
    read: set[str] = field(default_factory=set)  # keys whose pages were counted by this stage


def read_documents(
    items: Iterable[tuple[str, Path]],
    read_bytes: Callable[[Path], bytes],
    cache: ExtractCache,
    progress: PageProgress,
    ocr_workers: int | None = None,
) -> StageResult:
    """Extract every (key, path) that is a document into `cache`; failures by key, with their reason."""
    result = StageResult()
    for key, path in items:
        if not is_document(_head(path)):
            continue  # plain text (or unreadable): decoded by the analysis, which reports any fault
        try:
            raw = read_bytes(path)
        except BadReport:
            continue  # the analysis stage meets the same file and reports why
        result.read.add(key)
        _read_one(key, path, raw, cache, progress, result, ocr_workers)
    return result


def _head(path: Path) -> bytes:
    """The first bytes, enough to tell a document from text; b"" when the file cannot be opened."""
    try:  # non-blocking: a pipe put in the file's place must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return b""
    try:
        return os.read(fd, 1024) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def _read_one(key: str, path: Path, raw: bytes, cache: ExtractCache, progress: PageProgress,
              result: StageResult, ocr_workers: int | None) -> None:
    sha = hashlib.sha256(raw).hexdigest()
    cached = cache.get(sha)
    pages = len(cached.pages) if cached else page_count(raw)
    progress.grow(pages)
    reported = 0

    def on_page(done: int, total: int) -> None:
        nonlocal reported, pages
        if total > pages:  # a Word file's pages are known only once it is read
            progress.total += total - pages
            pages = total
        if done > reported:
            progress.advance(f"{key} (page {done}/{total})", done - reported)
            reported = done

    try:
        extract(path, raw, cache=cache, sha=sha, on_page=on_page, ocr_workers=ocr_workers)
    except BadReport as bad:
        result.failed[key] = bad.reason
    if reported < pages:
        progress.advance(key, pages - reported)
