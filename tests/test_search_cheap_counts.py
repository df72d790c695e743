"""The cheaper ways a search counts give what counting every report gave: whether a query word is held
(variants.resolve_forms, beside deleted reports whose terms the dictionary still lists), the facets
counted from the term dictionary (engine.facets)."""
from __future__ import annotations

from unittest import mock

import tantivy

from indexer.api import Library, update_index
from indexer.search import engine, variants
from indexer.search.query import words_of
from indexer.search.stored import result_count
from indexer.search.variants import BODY, printed_forms, resolve_forms, word_query
from indexer.textnorm import query_words

WORDS = [("so", "số"), ("doi", "đổi"), ("bo", "bộ"), ("to", "tổ"), ("chuc", "chức"), ("may", "máy"),
         ("vneid", "VNeID"), ("9001", "9001"), ("hanh", "hành"), ("cong", "công")]


def _counted(searcher, schema, word: str, surface: str, query_words_count: int) -> int:
    query = word_query(schema, printed_forms(word, surface, query_words_count))
    return result_count(searcher.search(query, limit=1, count=True))


def _counted_forms(searcher, schema, words: dict[str, str]) -> dict:
    """resolve_forms as it was: every word's reports counted."""
    def held(searcher, schema, forms) -> bool:
        return result_count(searcher.search(word_query(schema, forms), limit=1, count=True)) > 0

    with mock.patch.object(variants, "_held", held):
        return resolve_forms(searcher, schema, words)


def test_a_word_only_a_deleted_report_held_is_not_held(corpus_copy, tmp_path):
    index_dir = tmp_path / "index"
    update_index([corpus_copy], index_dir)
    paths = sorted(corpus_copy.glob("*.txt"))
    gone, kept = paths[0], paths[1:]
    others = {w for p in kept for line in p.read_text(encoding="utf-8").splitlines() for w in query_words(line)}
    typed: dict[str, str] = {}
    for line in gone.read_text(encoding="utf-8").splitlines():
        phrase = words_of(line)
        typed |= {w: s for w, s in zip(phrase.words, phrase.surface) if w not in others and len(w) > 1 and w not in typed}
    gone.unlink()
    update_index([corpus_copy], index_dir)  # its documents deleted, their terms still in the dictionary
    index = Library.open(index_dir).index
    searcher, schema = index.searcher(), index.schema
    assert typed and all(searcher.doc_freq(BODY, w) for w in typed)  # what the dictionary alone would say
    unheld = {True: 0, False: 0}  # plain words and words with OCR forms no live report holds
    for size in (1, 4):
        for start in range(0, len(typed) - size + 1, size):
            words = dict(list(typed.items())[start : start + size])
            assert resolve_forms(searcher, schema, words) == _counted_forms(searcher, schema, words)
            for word, surface in words.items():
                if not _counted(searcher, schema, word, surface, len(words)):
                    unheld[printed_forms(word, surface, len(words)).is_plain] += 1
    assert unheld[True] and unheld[False]


def test_a_held_word_is_held_whatever_its_forms(library):
    searcher, schema = library.index.searcher(), library.index.schema
    for words in (dict(WORDS[:1]), dict(WORDS[6:8]), dict(WORDS[2:6]), {"cao": "cao", "bao": "bao"}):
        resolved = resolve_forms(searcher, schema, words)
        for word, surface in words.items():
            assert _counted(searcher, schema, word, surface, len(words)) > 0, word  # the case is a held word
            assert resolved[word].found and not resolved[word].fuzzy, word
        assert resolved == _counted_forms(searcher, schema, words)


def test_listed_facets_are_the_aggregation_s(library):
    searcher = library.index.searcher()
    queries = [tantivy.Query.all_query()] + [tantivy.Query.term_query(library.index.schema, BODY, w)
                                             for w in ("bao", "cao", "chuyen", "so", "vneid")]
    for query in queries:
        got, total = engine.facets(searcher, query)
        aggregated = searcher.aggregate(query, {"t": {"terms": {"field": "topic", "size": engine.FACET_SIZE}}})
        assert got["topic"] == {b["key"]: b["doc_count"] for b in aggregated["t"]["buckets"]}
        assert list(got["topic"]) == [b["key"] for b in aggregated["t"]["buckets"]]  # the same order
        assert total == result_count(searcher.search(query, limit=1, count=True))
    assert any(len(engine.facets(searcher, q)[0]["topic"]) > 1 for q in queries)
