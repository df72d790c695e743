"""The readable view of a report: its text with diacritics restored by the OCR repair.

Line numbers are the contract: line N of the readable text is line N of the
original, so a match, a citation or a section found on the original opens at
the same place in either view. Restoration runs on the whole document (the
restorer's second pass learns from the words the document uses often), and
falls back to line-by-line when that would ever move a line break.
"""
from __future__ import annotations

from indexer.model import Report
from indexer.ocr.restore import restore_text


def readable_lines(text: str) -> list[str]:
    """`text` restored, one string per original line (same count as `text.split("\\n")`)."""
    lines = text.split("\n")
    restored = restore_text(text, split=True).split("\n")  # `déis6` shown as đổi số: no field aligns on it
    if len(restored) != len(lines):
        restored = [restore_text(line, split=True) for line in lines]
    return restored


def readable_text(report: Report) -> str:
    """The report's text as proper Vietnamese, line for line (clean digital text comes back unchanged)."""
    return "\n".join(readable_lines(report.text))
