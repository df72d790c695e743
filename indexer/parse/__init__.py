"""Document understanding: what one report is, who issued it, what it cites and covers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.model import ReportInfo

if TYPE_CHECKING:
    from indexer.parse.restore import Readings


def parse_report(text: str, readings: Readings | None = None) -> ReportInfo:
    """Everything extracted from the NFC text of one report (see indexer/model.py); `readings`, the
    document's printed tokens and their best OCR readings, when already known (indexer.pipeline)."""
    # Imported here, not above: every `indexer.parse.x` import runs this module, and search needs only
    # the light ones (symbols, cite keys); the whole parser costs ~0.13 s to import (-X importtime).
    from indexer.parse.report import parse

    return parse(text, readings)
