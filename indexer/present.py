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


WORD_SLACK = 15  # a cut moves at most this far to fall between words instead of inside one


def at_words(text: str, start: int, end: int, keep: Span = (0, 0), slack: int = WORD_SLACK) -> Span:
    """The window [start, end) of `text` narrowed to whole words: a cut inside a word moves to the
    nearest space within `slack` characters (inwards), never into `keep` (the hit to keep visible);
    spaces at a cut edge are dropped. No space near enough: the cut stays where it was."""
    if 0 < start < len(text) and not text[start - 1].isspace() and not text[start].isspace():
        limit = min(start + slack, keep[0], end)
        space = next((i for i in range(start, limit) if text[i].isspace()), None)
        start = start if space is None else space + 1
    if 0 < end < len(text) and not text[end].isspace() and not text[end - 1].isspace():
        limit = max(end - slack, keep[1], start)
        space = next((i for i in range(end - 1, limit - 1, -1) if text[i].isspace()), None)
        end = end if space is None else space
    while start < min(end, keep[0]) and text[start].isspace():
        start += 1
    while end > max(start, keep[1]) and text[end - 1].isspace():
        end -= 1
    return start, end


def snippet(text: str, spans: Iterable[Span], width: int = SNIPPET_CHARS, lead: int = SNIPPET_LEAD) -> tuple[str, list[Span]]:
    """The line stripped, or a window of about `width` characters around its first match, cut between
    words where a space is near (`at_words`), "…" where cut; spans follow."""
    indent = len(text) - len(text.lstrip())
    text = text.strip()
    shifted = [(max(0, s - indent), max(0, e - indent)) for s, e in spans]
    if len(text) <= width:
        return text, shifted
    first = min(shifted) if shifted else (0, 0)
    start = max(0, first[0] - lead)
    start, end = at_words(text, start, min(len(text), start + width), first)
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
