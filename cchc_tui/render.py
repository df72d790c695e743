"""Plain-terminal rendering of indexer results. Report text is untrusted: always made inert."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from indexer.api import Hit, LineHit, Report, SearchResult, inert_line, is_page_break, snippet

BOLD_YELLOW = "\x1b[1;33m"
DIM = "\x1b[2m"
BOLD = "\x1b[1m"
RESET = "\x1b[0m"


def use_color(stream=None) -> bool:
    stream = stream or sys.stdout
    return stream.isatty() and "NO_COLOR" not in os.environ


def style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color and text else text


def highlight(text: str, spans: Iterable[tuple[int, int]], color: bool) -> str:
    """The line made inert, matched words emphasised (ANSI on a terminal, «» in a pipe)."""
    out, last = [], 0
    for start, end in merge_spans(text, spans):
        if start < last:
            continue
        out.append(inert_line(text[last:start]))
        word = inert_line(text[start:end])
        out.append(style(word, BOLD_YELLOW, True) if color else f"«{word}»")
        last = end
    out.append(inert_line(text[last:]))
    return "".join(out)


def merge_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words of one match separated only by spaces read better as one highlight."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and text[merged[-1][1] : start].strip() == "":
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def meta_line(unit, symbol, doc_type, date) -> str:
    parts = [p for p in (unit, doc_type, symbol, date) if p]
    return " · ".join(inert_line(p) for p in parts) if parts else "(no metadata found)"


def render_line_hit(lh: LineHit, color: bool, paged: bool = False) -> str:
    """`  12  text`, or `p.3 l.12  text` for a file that has pages (PDF, Word, images)."""
    text, spans = snippet(lh.text, lh.spans)
    where = f"p.{lh.page} l.{lh.line}" if paged else f"{lh.line:>4}"
    return f"    {style(where, DIM, color)}  {highlight(text, spans, color)}"


def has_pages(hit: Hit) -> bool:
    """A hit from a PDF, Word file or page image (anything but .txt) shows its page."""
    return not hit.path.lower().endswith(".txt") or any(lh.page > 1 for lh in hit.lines)


def render_hit(rank: int, hit: Hit, color: bool, max_lines: int = 3) -> str:
    head = f"{rank}. {style(inert_line(hit.doc_id), BOLD, color)}  {meta_line(hit.unit, hit.symbol, hit.doc_type, hit.date)}"
    rows = [head]
    if hit.title:
        rows.append(f"    {inert_line(hit.title)}")
    if hit.scattered:
        rows.append(style("    (scattered: the words occur, but nowhere together as typed)", DIM, color))
    paged = has_pages(hit)
    rows += [render_line_hit(lh, color, paged) for lh in hit.lines[:max_lines]]
    if len(hit.lines) > max_lines:
        rows.append(style(f"    … {len(hit.lines) - max_lines} more matching lines (cchc show {inert_line(hit.doc_id)})", DIM, color))
    return "\n".join(rows)


def render_search(result: SearchResult, color: bool) -> str:
    blocks = [render_hit(i, hit, color) for i, hit in enumerate(result.hits, 1)]
    shown = len(result.hits)
    footer = f"{result.total} report matches" if result.total == 1 else f"{result.total} reports match"
    if result.phrase_total is not None and result.phrase_total < result.total:
        footer += f", {result.phrase_total} with the words together"
    if shown < result.total:
        footer += f" (showing {shown}; use --limit)"
    if result.total == 0 and result.suggestions:
        footer += "; did you mean: " + ", ".join(f'"{inert_line(s)}"' for s in result.suggestions)
    for note in result.notes:
        footer += f"\nnote: {inert_line(note)}"
    return "\n\n".join([*blocks, style(footer, DIM, color)])


def render_report(report: Report, color: bool) -> str:
    info = report.info
    rows = [
        style(inert_line(report.doc_id), BOLD, color) + "  " + meta_line(info.unit, info.symbol, info.doc_type, info.date),
        f"path: {inert_line(report.path)}",
    ]
    for label, value in (("title", info.title), ("period", info.period), ("signer", info.signer), ("responds to", info.responds_to)):
        if value:
            rows.append(f"{label}: {inert_line(value)}")
    lines = report.text.split("\n")
    width = len(str(len(lines)))
    rows.append("")
    page = 1
    for n, text in enumerate(lines, 1):
        if is_page_break(text):  # the line holding only a form feed between two pages (indexer/ingest/formats)
            page += 1
            rows.append(f"{style(str(n).rjust(width), DIM, color)}  {style(f'──── page {page} ────', DIM, color)}")
        else:
            rows.append(f"{style(str(n).rjust(width), DIM, color)}  {inert_line(text)}")
    return "\n".join(rows)
