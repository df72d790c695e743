"""Which of the files found this run are new or changed, and the manifest they leave.

A file the manifest (store/manifest.py) knows, whose size, mtime and ctime are
those it had when last hashed, is unchanged without being read: adding one
report to 10,000 stats 10,000 files instead of hashing 100 MB. Any other known
file is hashed, as before, and is unchanged when its hash is.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.ingest import BadReport, Skipped, shown_path
from indexer.ingest.formats.stage import PageProgress
from indexer.pipeline import read
from indexer.store.manifest import UNKNOWN, Indexed, stamp_of
from indexer.store.prepare import Changed

Stamp = tuple[int, int, int]


@dataclass(slots=True)
class Books:
    """The manifest this run commits: what was there, less what went, plus what was (re)indexed."""
    files: dict[str, Indexed]
    stamps: dict[str, Stamp] = field(default_factory=dict)  # stat of a file about to be read, taken first

    def indexed(self, key: str, doc_id: str, sha: str) -> None:
        self.files[key] = Indexed(doc_id, sha, self.stamps.get(key, UNKNOWN))

    def removed(self, key: str) -> None:
        self.files.pop(key, None)


def candidates(files: list[Path], skipped: list[Skipped]) -> dict[str, Path]:
    """Stored name -> file; two names that escape alike (a rare non-UTF-8 case) keep the first."""
    keyed: dict[str, Path] = {}
    for path in files:
        key = shown_path(path)
        if key in keyed:
            skipped.append(Skipped(key, f"its name, escaped, is the same as another file's ({key})"))
            continue
        keyed[key] = path
    return keyed


def stat_stamp(path: Path) -> Stamp:
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return UNKNOWN  # the read that follows meets the cause and reports it


def changed_files(keyed: dict[str, Path], existing: dict[str, Indexed], books: Books, pages: PageProgress,
                  unchanged: list[str]) -> Iterator[Changed]:
    """The files to (re)analyse, in order; the names of the others are appended to `unchanged`.
    Each file's stat is taken before it is read: a change after it shows at the next run."""
    for key, path in keyed.items():
        stamp = stat_stamp(path)
        books.stamps[key] = stamp
        known = existing.get(key)
        if known is not None:
            if stamp != UNKNOWN and stamp == known.stamp:
                unchanged.append(key)
                pages.advance(key)
                continue
            try:
                sha, _raw = read(path)
            except BadReport:  # the worker meets it again and reports it
                sha = ""
            if sha == known.sha:
                books.files[key] = Indexed(known.doc_id, sha, stamp)
                unchanged.append(key)
                pages.advance(key)
                continue
        yield Changed(path, key, stamp[0])
