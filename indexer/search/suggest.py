""""Did you mean": the nearest indexed words for query words that match nothing."""
from __future__ import annotations

import tantivy

from indexer.search.matcher import edit_distance
from indexer.search.query import QueryPlan

MAX_SUGGESTIONS = 3
TERMS_PER_PREFIX = 5000


def nearest_terms(searcher: tantivy.Searcher, word: str) -> list[str]:
    limit = 1 if len(word) < 4 else 2
    candidates = searcher.terms_with_prefix("body", word[:1], limit=TERMS_PER_PREFIX)
    scored = []
    for term, freq in candidates:
        distance = edit_distance(word, term, limit)
        if 0 < distance <= limit:
            scored.append((distance, -freq, term))
    return [term for _d, _f, term in sorted(scored)[:MAX_SUGGESTIONS]]


def suggest(searcher: tantivy.Searcher, plan: QueryPlan) -> list[str]:
    words = plan.all_words()
    unknown = [w for w in words if searcher.doc_freq("body", w) == 0]
    if not unknown:
        # every word exists but not together: offer the words on their own
        return [" ".join(words)] if plan.phrases else []
    suggestions = []
    for alternative in nearest_terms(searcher, unknown[0]):
        suggestions.append(" ".join(alternative if w == unknown[0] else w for w in words))
    return suggestions
