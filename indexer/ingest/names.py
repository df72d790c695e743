"""A file's name as stored and shown: light, so the search path (`Library.get`) needs nothing
else of `indexer.ingest` (reading and decoding files cost ~25 ms of imports it never uses)."""
from __future__ import annotations

import os
from pathlib import Path


def shown_path(path: Path | str) -> str:
    """A path as text that is always valid UTF-8: bytes that are not (names from old
    Windows machines and zip files) escaped as `ls -b` shows them (`B\\xe1o c\\xe1o.txt`)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
