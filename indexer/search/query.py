"""What the user typed, parsed leniently: quoted phrases, citations and loose words.

Nothing here can fail on odd input: unbalanced quotes close at the end,
operators and brackets are punctuation, `field:value` is two words. A number
with a document type outside quotes (`QĐ 3042`, `3042/QĐ-UBND`) is a citation
term (`indexer.search.citequery`), not two words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.search.citequery import CiteTerm, extract_citations
from indexer.search.compounds import group_words
from indexer.textnorm import TOKEN_RE, fold, lower_nfc, nfc

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
QUOTED = re.compile(r'"([^"]*)"?')
MAX_QUERY_WORDS = 64  # a pasted page is not a query; keep the first words


@dataclass(slots=True)
class Phrase:
    words: list[str]  # folded
    exact: list[str]  # lower-cased, diacritics kept
    surface: list[str] = field(default_factory=list)  # as typed (capitals tell acronyms)


@dataclass(slots=True)
class QueryPlan:
    text: str
    phrases: list[Phrase] = field(default_factory=list)  # quoted: words in order, adjacent
    loose: Phrase = field(default_factory=lambda: Phrase([], []))  # unquoted words, ANDed
    groups: list[list[str]] = field(default_factory=list)  # loose words grouped into lexicon words
    cites: list[CiteTerm] = field(default_factory=list)  # numbered citations: each must hold
    has_diacritics: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.phrases and not self.loose.words and not self.cites

    def all_words(self) -> list[str]:
        return [w for p in self.phrases for w in p.words] + self.loose.words

    def typed_words(self) -> dict[str, str]:
        """Every folded word -> one spelling as typed."""
        return {w: s for p in [*self.phrases, self.loose] for w, s in zip(p.words, p.surface)}


def words_of(text: str) -> Phrase:
    surface = [m.group() for m in TOKEN_RE.finditer(nfc(text))]
    return Phrase([fold(w) for w in surface], [lower_nfc(w) for w in surface], surface)


def parse_query(text: str, compounds: frozenset[str] = frozenset()) -> QueryPlan:
    text = nfc(text or "").translate(QUOTES)
    plan = QueryPlan(text=text)
    loose_parts: list[str] = []
    last = 0
    for match in QUOTED.finditer(text):
        loose_parts.append(text[last : match.start()])
        phrase = words_of(match.group(1))
        if phrase.words:
            plan.phrases.append(phrase)
        last = match.end()
    loose_parts.append(text[last:])
    plan.cites, loose_text = extract_citations(" ".join(loose_parts))
    plan.loose = words_of(loose_text)
    budget = MAX_QUERY_WORDS
    for phrase in plan.phrases:
        del phrase.words[budget:], phrase.exact[budget:], phrase.surface[budget:]
        budget = max(0, budget - len(phrase.words))
    del plan.loose.words[budget:], plan.loose.exact[budget:], plan.loose.surface[budget:]
    plan.phrases = [p for p in plan.phrases if p.words]
    plan.groups = group_words(plan.loose.words, compounds)
    plan.has_diacritics = any(f != e for p in [*plan.phrases, plan.loose] for f, e in zip(p.words, p.exact))
    return plan
