"""Regex queries made once per schema, field and pattern, and searched again with the same results."""
from __future__ import annotations

import pytest
import tantivy

from indexer.search import regexcache


def _index(fields: list[str]) -> tantivy.Index:
    builder = tantivy.SchemaBuilder()
    for name in fields:
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    index = tantivy.Index(builder.build())
    writer = index.writer(15_000_000, 1)
    writer.add_document(tantivy.Document(**{fields[-1]: "vneid"}))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def test_the_same_regex_is_one_query_and_finds_the_same_reports() -> None:
    regexcache.forget_queries()
    index = _index(["body"])
    first = regexcache.regex_query(index.schema, "body", "vne(?:i|l)d")
    assert regexcache.regex_query(index.schema, "body", "vne(?:i|l)d") is first
    assert regexcache.regex_query(index.schema, "body", "vne(?:i|l)x") is not first
    searcher = index.searcher()
    assert searcher.search(first, limit=1, count=True).count == 1
    assert searcher.search(first, limit=1, count=True).count == 1


def test_another_layout_makes_its_own_query() -> None:
    regexcache.forget_queries()
    one, other = _index(["body"]), _index(["title", "body"])  # `body` is another field number there
    kept = regexcache.regex_query(one.schema, "body", "vneid")
    theirs = regexcache.regex_query(other.schema, "body", "vneid")
    assert theirs is not kept
    assert other.searcher().search(theirs, limit=1, count=True).count == 1


def test_a_refused_pattern_is_refused_every_time() -> None:
    schema = _index(["body"]).schema
    for _ in range(2):
        with pytest.raises(ValueError):
            regexcache.regex_query(schema, "body", "(unclosed")
