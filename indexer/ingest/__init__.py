"""Finding and reading report files from untrusted shared folders.

    files, skipped = discover([Path("/shared/baocao")])
    for path in files:
        try:
            text = read_report(path)       # NFC, "\\n" line ends
        except BadReport as bad:
            skipped.append(bad.skipped())  # bad.path, bad.reason

The names load on first use (PEP 562): the search path imports `indexer.ingest.formats.model`
and `indexer.ingest.names`, which must not pull in discovery and decoding (~25 ms a cold search).
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indexer.ingest.discover import REPORT_SUFFIX, discover
    from indexer.ingest.names import shown_path
    from indexer.ingest.read import (
        LINE_LIMIT,
        MAX_REPORT_BYTES,
        BadReport,
        Skipped,
        decode_report,
        read_report,
        read_report_bytes,
    )

_LAZY = {
    "REPORT_SUFFIX": "discover", "discover": "discover", "shown_path": "names",
    **dict.fromkeys(["LINE_LIMIT", "MAX_REPORT_BYTES", "BadReport", "Skipped", "decode_report", "read_report",
                     "read_report_bytes"], "read"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"indexer.ingest.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BadReport", "LINE_LIMIT", "MAX_REPORT_BYTES", "REPORT_SUFFIX", "Skipped",
    "decode_report", "discover", "read_report", "read_report_bytes", "shown_path",
]
