"""Finding and reading report files from untrusted shared folders.

    files, skipped = discover([Path("/shared/baocao")])
    for path in files:
        try:
            text = read_report(path)       # NFC, "\\n" line ends
        except BadReport as bad:
            skipped.append(bad.skipped())  # bad.path, bad.reason
"""
from indexer.ingest.discover import REPORT_SUFFIX, discover
from indexer.ingest.read import (
    LINE_LIMIT,
    MAX_REPORT_BYTES,
    BadReport,
    Skipped,
    decode_report,
    read_report,
    read_report_bytes,
    shown_path,
)

__all__ = [
    "BadReport", "LINE_LIMIT", "MAX_REPORT_BYTES", "REPORT_SUFFIX", "Skipped",
    "decode_report", "discover", "read_report", "read_report_bytes", "shown_path",
]
