"""A long phrase's triples are counted once for both builds of the tiers (exact, then with slips)."""
from __future__ import annotations

from indexer.search.query import parse_query
from indexer.search.tantivy_query import Counted, build_tiers
from indexer.search.variants import resolve_forms


class _CountingSearcher:
    def __init__(self, searcher) -> None:
        self.searcher, self.searches = searcher, 0

    def search(self, *args, **kwargs):
        self.searches += 1
        return self.searcher.search(*args, **kwargs)


def test_the_second_build_reads_the_first_ones_counts(library):
    schema, searcher = library.index.schema, library.index.searcher()
    plan = parse_query("thủ tục hành chính")
    forms = resolve_forms(searcher, schema, plan.typed_words())
    counting = _CountingSearcher(searcher)
    triples: Counted = {}
    first = build_tiers(schema, plan, forms, [], slips=False, searcher=counting, counted=triples)  # type: ignore[arg-type]
    assert counting.searches == 1 and len(triples) == 1
    again = build_tiers(schema, plan, forms, [], slips=True, searcher=counting, counted=triples)  # type: ignore[arg-type]
    assert counting.searches == 1
    fresh = build_tiers(schema, plan, forms, [], slips=True, searcher=searcher)
    assert repr(again.phrase) == repr(fresh.phrase)
    assert repr(first.phrase) != repr(again.phrase)
