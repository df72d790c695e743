"""Which lines of a report can hold a match of this query: compiled once per query, run per hit.

A phrase holds every one of its words (all but one when a slip is allowed), so
only the lines of its rarest word (two rarest with a slip) and their neighbours
are tokenised; scattered reports need every word's lines.
"""
from __future__ import annotations

import re

from indexer.search.doctext import DocText, printed_pattern
from indexer.search.query import QueryPlan
from indexer.search.tantivy_query import slip_budget
from indexer.search.variants import WordForms

# A phrase may start on the line before (a slipped first word) or run onto the next: only the
# tokens of those lines it can reach are read.


class LineScan:
    def __init__(self, plan: QueryPlan, forms: dict[str, WordForms], rarity: dict[str, int]) -> None:
        self.plan = plan
        self.rarity = rarity  # reports holding each word: the rarest words of a phrase are scanned
        words = {w: forms.get(w) or WordForms(w) for w in plan.all_words()}
        for cite in plan.cites:
            words.update({w: WordForms(w) for phrase in cite.phrases() for w in phrase})
        # an edit for a word found nowhere has no cheap pattern: such a query reads every line
        self.every_line = any(f.fuzzy for f in words.values())
        lengths = [len(p.words) for p in plan.phrases] + [len(plan.loose.words)]
        lengths += [len(p) for cite in plan.cites for p in cite.phrases()]
        self.width = max(lengths) - 1  # tokens of a neighbour line a match can reach
        self.form_patterns: dict[str, re.Pattern[str]] = {}  # for the stored folds (formtext.FormTerms)
        self._words = words
        self._patterns: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] | None = None

    @property
    def patterns(self) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
        """Each word's pattern over printed text and over the readings: compiled when a report without
        stored folds is read (the printed patterns' classes are most of a query's regex compiling)."""
        if self._patterns is None:
            self._patterns = {
                w: (re.compile(printed_pattern(f.parts())), re.compile(rf"(?<![^ |])(?:{f.regex()})(?![^ |])"))
                for w, f in self._words.items()
            }
        return self._patterns

    def load(self, text: DocText, citations: list[dict], scattered: bool) -> None:
        """Tokenise the lines of `text` a match can touch."""
        if self.every_line:
            text.load_all()
            return
        cache: dict[str, frozenset[int]] = {}

        def lines_of(word: str) -> frozenset[int]:
            if word not in cache:
                cache[word] = text.lines_matching(*self.patterns[word])
            return cache[word]

        def phrase_lines(words: list[str]) -> set[int]:
            by_rarity = sorted(dict.fromkeys(words), key=lambda w: (self.rarity.get(w, 0), -len(w)))
            rarest = by_rarity[: slip_budget(words) + 1]
            return set().union(*(lines_of(w) for w in rarest))

        lines: set[int] = set()
        for phrase in self.plan.phrases:
            lines |= phrase_lines(phrase.words)
        loose = self.plan.loose.words
        if loose:
            lines |= set().union(*(lines_of(w) for w in loose)) if scattered else phrase_lines(loose)
        for cite in self.plan.cites:
            lines |= set().union(*(lines_of(p[0]) for p in cite.phrases()), *(lines_of(n) for n in cite.numbers))
            for citation in citations:
                first = citation.get("line") or 0
                lines.update(citation.get("lines") or [])
                lines.update(range(first, max(first, citation.get("end_line") or 0) + 1))
        text.load_lines(lines)
        # a match touching a neighbour line reaches at most `width` tokens into it
        text.load_edges((n + 1 for n in lines), True, self.width)
        text.load_edges((n - 1 for n in lines), False, self.width)
