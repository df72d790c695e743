"""Document understanding: what one report is, who issued it, what it cites and covers."""
from __future__ import annotations

from indexer.model import ReportInfo


def parse_report(text: str) -> ReportInfo:
    """Everything extracted from the NFC text of one report (see indexer/model.py)."""
    from indexer.parse.report import parse

    return parse(text)
