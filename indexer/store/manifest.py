"""What a generation holds, per file, without reading its documents back: the manifest.

    INDEX_DIR/generation-…/cchc-manifest.json
        {"format": "cchc-manifest", "opstamp": 10003, "docs": 10000, "since": <ns>,
         "files": [[path, doc_id, sha, size, mtime_ns, ctime_ns], ...]}

An update needs every stored file's name, id and hash; read from the tantivy
documents that costs each document's whole stored text (19 s and 1.6 GB at
100,000 reports). The manifest is written after each commit and names the
commit it describes (tantivy's opstamp, and the number of documents): a run
killed after its commit but before the manifest, or one whose manifest cannot
be written, leaves a manifest naming an older commit, which the next run does
not trust. It then reads the documents as before: a missing, damaged or stale
manifest costs time, never a report.

The size and times are the file's when it was last hashed: a file whose size,
mtime and ctime are the same is not read again. A file changed within
RACY_NS before the run that took its stat began could have been changed again
within one tick of the file system's clock (2 s on FAT), its times unchanged:
it is hashed (as git does with its index). `since` is that run's start, before
any stat it took.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from indexer.store.layout import MANIFEST_FILE, remove_quietly

FORMAT = "cchc-manifest"
RACY_NS = 2_000_000_000
UNKNOWN = (0, 0, 0)  # no stamp: the file is hashed


@dataclass(slots=True)
class Indexed:
    """One stored file: its document's id, its content's hash, and its stat when hashed."""
    doc_id: str
    sha: str
    stamp: tuple[int, int, int] = UNKNOWN  # (size, mtime_ns, ctime_ns)


def run_start() -> int:
    """A run's `since`: taken before its first stat."""
    return time.time_ns()


def stamp_of(info: os.stat_result) -> tuple[int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def committed_opstamp(folder: Path) -> int | None:
    """The opstamp of the commit tantivy's meta.json publishes (None: unreadable)."""
    try:
        value = orjson.loads((folder / "meta.json").read_bytes())["opstamp"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) else None


def read_manifest(folder: Path, docs: int) -> dict[str, Indexed] | None:
    """The files of the commit in use, or None when the manifest does not describe it."""
    opstamp = committed_opstamp(folder)
    try:
        data = orjson.loads((folder / MANIFEST_FILE).read_bytes())
        if (data["format"] != FORMAT or opstamp is None or data["opstamp"] != opstamp
                or data["docs"] != docs or len(data["files"]) != docs):
            return None
        return entries(data["files"], int(data["since"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def entries(rows: list, since: int) -> dict[str, Indexed] | None:
    found: dict[str, Indexed] = {}
    for path, doc_id, sha, size, mtime, ctime in rows:
        if not all(isinstance(v, str) for v in (path, doc_id, sha)) or not all(
                isinstance(v, int) for v in (size, mtime, ctime)):
            return None
        racy = max(mtime, ctime) >= since - RACY_NS
        found[path] = Indexed(doc_id, sha, UNKNOWN if racy else (size, mtime, ctime))
    return found if len(found) == len(rows) else None


def write_manifest(folder: Path, opstamp: int, files: dict[str, Indexed], since: int) -> None:
    """After the commit `opstamp`, by a run that began at `since` (run_start()); atomic (written
    beside, renamed over). A manifest that cannot be written costs nothing: the one left names an
    older commit and is not trusted."""
    rows = [[path, e.doc_id, e.sha, *e.stamp] for path, e in files.items()]
    tmp = folder / (MANIFEST_FILE + ".tmp")
    try:
        tmp.write_bytes(orjson.dumps({"format": FORMAT, "opstamp": opstamp, "docs": len(rows),
                                      "since": since, "files": rows}))
        os.replace(tmp, folder / MANIFEST_FILE)
    except OSError:
        remove_quietly(tmp)
