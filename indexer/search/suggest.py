""""Did you mean": nearest indexed words for the query words no report holds, else the query without them."""
from __future__ import annotations

import tantivy

from indexer.search.query import QueryPlan
from indexer.search.variants import BODY, edit_distance

MAX_SUGGESTIONS = 3
TERMS_PER_PREFIX = 5000


def nearest_terms(searcher: tantivy.Searcher, word: str) -> list[str]:
    limit = 1 if len(word) < 4 else 2
    candidates = searcher.terms_with_prefix(BODY, word[:1], limit=TERMS_PER_PREFIX)
    scored = []
    for term, freq in candidates:
        distance = edit_distance(word, term, limit)
        if 0 < distance <= limit:
            scored.append((distance, -freq, term))
    return [term for _d, _f, term in sorted(scored)[:MAX_SUGGESTIONS]]


def suggest(searcher: tantivy.Searcher, plan: QueryPlan, missing: list[str]) -> list[str]:
    words = plan.all_words()
    if not missing:
        # every word exists but not together: offer the words on their own
        return [" ".join(words)] if plan.phrases else []
    suggestions = [" ".join(alt if w == missing[0] else w for w in words) for alt in nearest_terms(searcher, missing[0])]
    rest = [w for w in words if w not in missing]
    if rest:
        suggestions.append(" ".join(rest))
    return list(dict.fromkeys(suggestions))[: MAX_SUGGESTIONS + 1]
