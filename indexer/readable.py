"""The readable view of a report: its text with diacritics restored by the OCR repair.

Line numbers are the contract: line N of the readable text is line N of the
original, so a match, a citation or a section found on the original opens at
the same place in either view. Restoration runs on the whole document (the
restorer's second pass learns from the words the document uses often), and
falls back to line-by-line when that would ever move a line break.
"""
from __future__ import annotations

from dataclasses import replace

from indexer.model import Report, Section
from indexer.ocr.restore import restore_text
from indexer.parse.sections import HEADING_MAX
from indexer.textnorm import tokenize


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


def readable_sections(sections: list[Section], lines: list[str], readable: list[str]) -> list[Section]:
    """The outline with each heading as its line reads in the readable view (`lines`: the original
    text split at line breaks, `readable`: `readable_lines` of it). Numbers, lines and kinds stay."""
    return [_readable_section(s, lines, readable) for s in sections]


def _readable_section(section: Section, lines: list[str], readable: list[str]) -> Section:
    heading = section.heading
    if 0 < section.line <= min(len(lines), len(readable)):
        heading = _readable_heading(heading, lines[section.line - 1], readable[section.line - 1])
    children = [_readable_section(child, lines, readable) for child in section.children]
    return replace(section, heading=heading, children=children)


def _readable_heading(heading: str, line: str, restored: str) -> str:
    """The heading's part of the restored line: the restorer replaces word tokens and keeps the text
    between them, so the heading starts after as many tokens as the number before it holds."""
    start = _heading_start(heading, line)
    if start is None:
        return restore_text(heading, split=True)  # not found on its line (never expected): restore it alone
    original, fixed = tokenize(line[:start]), tokenize(restored)
    count = len(original)
    if count > len(fixed):
        return restore_text(heading, split=True)
    gap_start = fixed[count - 1].end if count else 0
    gap = line[original[-1].end if count else 0 : start]  # kept as printed between the number and the heading
    if restored[gap_start : gap_start + len(gap)] != gap:
        return restore_text(heading, split=True)  # a token of the number split in two: alignment lost
    offset = gap_start + len(gap)
    return " ".join(restored[offset:].split())[:HEADING_MAX]


def _heading_start(heading: str, line: str) -> int | None:
    """Where `heading` (the line's tail, spaces collapsed, cut at HEADING_MAX) begins in `line`."""
    first = heading.split(" ", 1)[0]
    position = line.find(first)
    while position >= 0:
        if " ".join(line[position:].split())[:HEADING_MAX] == heading:
            return position
        position = line.find(first, position + 1)
    return None
