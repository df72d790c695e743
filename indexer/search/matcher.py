"""Where a query matches inside one report: token positions -> lines and spans.

Each token is accepted under its folded printed form or any of its OCR
readings, so `t6 chirc bd may` matches `tổ chức bộ máy`; spans point at the
words as printed.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.analysis import AnalyzedText
from indexer.model import LineHit
from indexer.search.query import QueryPlan
from indexer.textnorm import LineIndex

LOOSE_GAP = 2  # words typed without quotes may have this many tokens between them

Accept = Callable[[str, int], bool]


def edit_distance(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def fuzzy_limit(word: str) -> int:
    """Syllables are short: only long words tolerate edits without matching noise."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def make_accept(analyzed: AnalyzedText, fuzzy_words: set[str]) -> Accept:
    def accept(word: str, i: int) -> bool:
        forms = analyzed.forms(i)
        if word in forms:
            return True
        if word in fuzzy_words:
            limit = fuzzy_limit(word)
            return any(edit_distance(word, f, limit) <= limit for f in forms)
        return False

    return accept


def occurrences(words: Sequence[str], count: int, accept: Accept, gap: int) -> list[list[int]]:
    """Token index lists where `words` occur in order with at most `gap` tokens between them."""
    found: list[list[int]] = []
    for start in range(count):
        if not accept(words[0], start):
            continue
        match = [start]
        for word in words[1:]:
            nxt = next((j for j in range(match[-1] + 1, min(count, match[-1] + gap + 2)) if accept(word, j)), None)
            if nxt is None:
                break
            match.append(nxt)
        if len(match) == len(words):
            found.append(match)
    return found


def same_line_matches(words: Sequence[str], analyzed: AnalyzedText, accept: Accept) -> list[list[int]]:
    by_line: dict[int, list[int]] = {}
    for i, tok in enumerate(analyzed.tokens):
        if any(accept(w, i) for w in words):
            by_line.setdefault(tok.line, []).append(i)
    return [idx for idx in by_line.values() if all(any(accept(w, i) for i in idx) for w in words)]


def loose_matches(words: Sequence[str], analyzed: AnalyzedText, accept: Accept) -> list[list[int]]:
    """Best available tier: adjacent, then near each other, then on one line, then any word."""
    count = len(analyzed.tokens)
    for gap in (0, LOOSE_GAP) if len(words) > 1 else (0,):
        found = occurrences(words, count, accept, gap)
        if found:
            return found
    if len(words) > 1:
        found = same_line_matches(words, analyzed, accept)
        if found:
            return found
    return [[i] for i in range(count) if any(accept(w, i) for w in words)]


def match_tokens(plan: QueryPlan, analyzed: AnalyzedText, fuzzy_words: set[str]) -> list[list[int]]:
    accept = make_accept(analyzed, fuzzy_words)
    matches: list[list[int]] = []
    for phrase in plan.phrases:
        matches += occurrences(phrase.words, len(analyzed.tokens), accept, 0)
    if plan.loose.words:
        matches += loose_matches(plan.loose.words, analyzed, accept)
    return matches


def line_hits(text: str, analyzed: AnalyzedText, matches: list[list[int]]) -> list[LineHit]:
    lines = LineIndex(text)
    spans: dict[int, set[tuple[int, int]]] = {}
    starts: dict[int, int] = {}
    for match in matches:
        first = analyzed.tokens[match[0]].line
        starts[first] = starts.get(first, 0) + 1
        for i in match:
            tok = analyzed.tokens[i]
            offset = lines.line_start(tok.line)
            spans.setdefault(tok.line, set()).add((tok.start - offset, tok.end - offset))
    return [
        LineHit(line=n, text=lines.line_text(n), spans=sorted(spans[n]), starts=starts.get(n, 0))
        for n in sorted(spans)
    ]
