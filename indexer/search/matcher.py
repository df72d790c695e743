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


def near(word: str, forms: Sequence[str]) -> bool:
    """One OCR slip the repair missed (`thi tuc` for thủ tục, `dién tr` for điện tử)."""
    return not word.isdigit() and len(word) >= 2 and any(edit_distance(word, f, 1) <= 1 for f in forms)


def slip_budget(words: Sequence[str]) -> int:
    """A phrase long enough (or anchored by a number) to stay specific with one word slipped."""
    return 1 if len(words) >= 3 or (len(words) == 2 and any(ch.isdigit() for w in words for ch in w)) else 0


def occurrences(
    words: Sequence[str], analyzed: AnalyzedText, accept: Accept, gap: int, slips: int = 0
) -> list[list[int]]:
    """Token index lists where `words` occur in order with at most `gap` tokens between them,
    at most `slips` of them matched by edit distance 1 rather than exactly."""
    count = len(analyzed.tokens)
    found: list[list[int]] = []
    for start in range(count):
        match, left = extend([], words, analyzed, accept, gap, slips, start)
        if match is not None:
            found.append(match)
    return found


def extend(match, words, analyzed, accept, gap, slips, start):
    for word in words:
        first = start if not match else match[-1] + 1
        last = first + 1 if not match else min(len(analyzed.tokens), match[-1] + gap + 2)
        nxt = next((j for j in range(first, last) if accept(word, j)), None)
        if nxt is None and slips:
            nxt = next((j for j in range(first, last) if near(word, analyzed.forms(j))), None)
            slips -= nxt is not None
        if nxt is None:
            return None, slips
        match.append(nxt)
    return match, slips


def best_line_matches(words: Sequence[str], analyzed: AnalyzedText, accept: Accept) -> list[list[int]]:
    """Lines holding the most distinct query words (all of them, when some line has all)."""
    by_line: dict[int, list[int]] = {}
    distinct: dict[int, set[str]] = {}
    for i, tok in enumerate(analyzed.tokens):
        hit_words = {w for w in words if accept(w, i)}
        if hit_words:
            by_line.setdefault(tok.line, []).append(i)
            distinct.setdefault(tok.line, set()).update(hit_words)
    if not distinct:
        return []
    best = max(len(d) for d in distinct.values())
    return [by_line[line] for line, d in distinct.items() if len(d) == best]


def loose_matches(words: Sequence[str], analyzed: AnalyzedText, accept: Accept) -> list[list[int]]:
    """Best available tier: adjacent, then near each other, then the lines holding most of the words."""
    for gap in (0, LOOSE_GAP) if len(words) > 1 else (0,):
        found = occurrences(words, analyzed, accept, gap, slip_budget(words) if gap == 0 else 0)
        if found:
            return found
    return best_line_matches(words, analyzed, accept)


def match_tokens(plan: QueryPlan, analyzed: AnalyzedText, fuzzy_words: set[str]) -> list[list[int]]:
    accept = make_accept(analyzed, fuzzy_words)
    matches: list[list[int]] = []
    for phrase in plan.phrases:
        matches += occurrences(phrase.words, analyzed, accept, 0, slip_budget(phrase.words))
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
