"""Where a query matches inside one report: token positions -> lines and spans.

Each token is accepted under its folded printed form or any of its OCR
readings, so `t6 chirc bd may` matches `tổ chức bộ máy`; spans point at the
words as printed. Work is done on a per-report map form -> positions, so a
report is scanned once however many words the query has.
"""
from __future__ import annotations

from collections.abc import Sequence

from indexer.analysis import AnalyzedText
from indexer.ingest.formats.model import page_of_line, page_starts
from indexer.model import LineHit
from indexer.search.query import QueryPlan
from indexer.textnorm import LineIndex

LOOSE_GAP = 2  # words typed without quotes may have this many tokens between them


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


def slip_budget(words: Sequence[str]) -> int:
    """A phrase long enough (or anchored by a number) to stay specific with one word slipped."""
    return 1 if len(words) >= 3 or (len(words) == 2 and any(ch.isdigit() for w in words for ch in w)) else 0


class DocTerms:
    """Positions of every form (fold and OCR readings) in one report."""

    def __init__(self, analyzed: AnalyzedText, fuzzy_words: set[str]) -> None:
        self.analyzed = analyzed
        self.count = len(analyzed.tokens)
        self.by_form: dict[str, set[int]] = {}
        for i in range(self.count):
            for form in analyzed.forms(i):
                self.by_form.setdefault(form, set()).add(i)
        self._fuzzy = fuzzy_words
        self._cache: dict[str, set[int]] = {}

    def positions(self, word: str) -> set[int]:
        if word not in self._cache:
            found = set(self.by_form.get(word, ()))
            if word in self._fuzzy:
                limit = fuzzy_limit(word)
                for form, pos in self.by_form.items():
                    if edit_distance(word, form, limit) <= limit:
                        found |= pos
            self._cache[word] = found
        return self._cache[word]

    def near(self, word: str, i: int) -> bool:
        """One OCR slip the repair missed (`thi tuc` for thủ tục, `dién tr` for điện tử)."""
        if word.isdigit() or len(word) < 2:
            return False
        return any(edit_distance(word, f, 1) <= 1 for f in self.analyzed.forms(i))


def adjacent(words: Sequence[str], terms: DocTerms, slips: int) -> list[list[int]]:
    """Consecutive occurrences; with `slips`, one word may differ by one edit."""
    sets = [terms.positions(w) for w in words]
    starts: dict[int, int] = {}
    for k, positions in enumerate(sets):
        for p in positions:
            if p - k >= 0:
                starts[p - k] = starts.get(p - k, 0) + 1
    need = len(words) - slips
    found = []
    for start in sorted(s for s, n in starts.items() if n >= need and s + len(words) <= terms.count):
        misses = [k for k in range(len(words)) if start + k not in sets[k]]
        if not misses or (len(misses) <= slips and all(terms.near(words[k], start + k) for k in misses)):
            found.append(list(range(start, start + len(words))))
    return found


def group_occurrences(group: Sequence[str], terms: DocTerms) -> list[list[int]]:
    if len(group) == 1:
        return [[p] for p in sorted(terms.positions(group[0]))]
    return adjacent(group, terms, 0)


def ordered_near(groups: Sequence[Sequence[str]], terms: DocTerms, gap: int) -> list[list[int]]:
    """Groups in order, each within `gap` tokens of the previous one."""
    occurrences = [group_occurrences(g, terms) for g in groups]
    starts = [{occ[0]: occ for occ in group} for group in occurrences]
    found = []
    for first in occurrences[0]:
        match = list(first)
        for by_start in starts[1:]:
            nxt = next((by_start[j] for j in range(match[-1] + 1, match[-1] + gap + 2) if j in by_start), None)
            if nxt is None:
                break
            match += nxt
        else:
            found.append(match)
    return found


def best_line_matches(groups: Sequence[Sequence[str]], terms: DocTerms) -> list[list[int]]:
    """Lines holding the most query words; where no line holds two, the lines of the rarest word
    (the most telling one: `bộ máy` rather than `tổ chức`)."""
    tokens = terms.analyzed.tokens
    found = [group_occurrences(g, terms) for g in groups]
    by_line: dict[int, list[int]] = {}
    distinct: dict[int, set[int]] = {}
    for k, occurrences in enumerate(found):
        for occurrence in occurrences:
            line = tokens[occurrence[0]].line
            by_line.setdefault(line, []).extend(occurrence)
            distinct.setdefault(line, set()).add(k)
    if not distinct:
        return []
    best = max(len(d) for d in distinct.values())
    if best == 1 and len(groups) > 1:
        rarest = min((k for k in range(len(groups)) if found[k]), key=lambda k: len(found[k]))
        return found[rarest]
    return [sorted(set(by_line[line])) for line, d in distinct.items() if len(d) == best]


def loose_matches(plan: QueryPlan, terms: DocTerms) -> list[list[int]]:
    """Best available tier: adjacent, then near each other, then the lines holding most of the words."""
    words = plan.loose.words
    found = adjacent(words, terms, slip_budget(words))
    if not found and len(plan.groups) > 1:
        found = ordered_near(plan.groups, terms, LOOSE_GAP)
    return found or best_line_matches(plan.groups, terms)


def match_tokens(plan: QueryPlan, analyzed: AnalyzedText, fuzzy_words: set[str]) -> list[list[int]]:
    terms = DocTerms(analyzed, fuzzy_words)
    matches: list[list[int]] = []
    for phrase in plan.phrases:
        matches += adjacent(phrase.words, terms, slip_budget(phrase.words))
    if plan.loose.words:
        matches += loose_matches(plan, terms)
    return matches


def line_hits(text: str, analyzed: AnalyzedText, matches: list[list[int]]) -> list[LineHit]:
    lines, pages = LineIndex(text), page_starts(text)
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
        LineHit(line=n, text=lines.line_text(n), spans=sorted(spans[n]), starts=starts.get(n, 0), page=page_of_line(n, pages))
        for n in sorted(spans)
    ]
