"""Extracted text kept beside the index, by the sha256 of the file's bytes, so that
re-indexing an unchanged scan costs a file read and OCR runs once per file.

    <index_dir>/extracted/<sha256>.json

Written atomically (a temporary file in the same folder, then a rename), so a
killed `cchc index` leaves either the old entry or the new one, never half of
one. An unreadable or outdated entry is ignored and rewritten; a folder we may
not write (a read-only index) just means no caching.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import orjson

from indexer.ingest.formats.model import Extracted

CACHE_FOLDER = "extracted"
FORMAT = 1  # bump when what a reader produces changes, so old entries are read again
_SHA = re.compile(r"^[0-9a-f]{64}$")


class ExtractCache:
    def __init__(self, index_dir: Path | str) -> None:
        self.folder = Path(index_dir) / CACHE_FOLDER

    def _entry(self, sha: str) -> Path:
        if not _SHA.match(sha):
            raise ValueError(f"not a sha256 hex digest: {sha!r}")
        return self.folder / f"{sha}.json"

    def get(self, sha: str) -> Extracted | None:
        try:
            data = orjson.loads(self._entry(sha).read_bytes())
            if data.get("format") != FORMAT:
                return None
            return Extracted.from_dict(data)
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            return None

    def put(self, sha: str, extracted: Extracted) -> bool:
        """True when stored; False when the folder cannot be written (the index still works)."""
        target = self._entry(sha)
        payload = orjson.dumps({"format": FORMAT, **extracted.to_dict()})
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{sha[:12]}-", suffix=".tmp")
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
            return True
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return False

    def prune(self, keep: set[str]) -> int:
        """Remove entries for files no longer indexed; the number removed."""
        removed = 0
        try:
            entries = list(self.folder.glob("*.json"))
        except OSError:
            return 0
        for entry in entries:
            if entry.stem not in keep:
                try:
                    entry.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed
