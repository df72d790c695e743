"""Untrusted report text prepared for display, the same way in every front end.

`snippet` picks the window of a long line that a hit shows; `inert_with_spans`
makes text inert (see `indexer.safety`) and moves match spans along with it, so a
control character shows as the same visible escape (`\\x9b`, `␛`) in the app as
in the command line while highlights still land on the words.
"""
from __future__ import annotations

from collections.abc import Iterable

from indexer.safety import inert_line

Span = tuple[int, int]

SNIPPET_CHARS = 240  # a hit shows this much of its line (a PDF dump can be one 2 MB line)
SNIPPET_LEAD = 80  # characters kept before the first match


def snippet(text: str, spans: Iterable[Span], width: int = SNIPPET_CHARS, lead: int = SNIPPET_LEAD) -> tuple[str, list[Span]]:
    """The line stripped, or a window of `width` characters around its first match; spans follow."""
    indent = len(text) - len(text.lstrip())
    text = text.strip()
    shifted = [(max(0, s - indent), max(0, e - indent)) for s, e in spans]
    if len(text) <= width:
        return text, shifted
    start = max(0, min(s for s, _ in shifted) - lead) if shifted else 0
    end = min(len(text), start + width)
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    kept = [(s - start + len(prefix), min(e, end) - start + len(prefix)) for s, e in shifted if start <= s < end]
    return prefix + text[start:end] + suffix, kept


def inert_with_spans(text: str, spans: Iterable[Span]) -> tuple[str, list[Span]]:
    """`inert_line(text)` and `spans` moved to the same characters of it."""
    safe = inert_line(text)
    if len(safe) == len(text):
        return safe, [(s, e) for s, e in spans]
    offsets = [0]  # offsets[i]: where character i of `text` starts in `safe`
    for ch in text:
        offsets.append(offsets[-1] + len(inert_line(ch)))
    last = len(text)
    return safe, [(offsets[min(max(s, 0), last)], offsets[min(max(e, 0), last)]) for s, e in spans]
