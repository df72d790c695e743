"""The tiers with one OCR slip are asked for only when a phrase of the query may slip: a short
query whose words are never together answers the same without asking tantivy twice."""
from __future__ import annotations

from unittest import mock

from indexer.search import engine

APART = ["chuyển SIPAS", "báo ISO", "kỷ cách"]  # words of the bundled reports, never side by side there


def test_a_short_query_without_its_phrase_is_not_asked_again_with_slips(library):
    for query in APART:
        with mock.patch.object(engine, "build_tiers", wraps=engine.build_tiers) as built:
            once = library.search(query, limit=50).to_dict()
        assert once["phrase_total"] == 0 and once["total"] > 0  # the words occur, only apart
        assert built.call_count == 1
        with mock.patch.object(engine, "_may_slip", lambda _plan: True):
            again = library.search(query, limit=50).to_dict()
        assert once == again


def test_a_long_phrase_not_found_is_asked_again_with_slips(library):
    with mock.patch.object(engine, "build_tiers", wraps=engine.build_tiers) as built:
        library.search('"thủ tục hành chính xyzq"', limit=10)
    assert built.call_count == 2
