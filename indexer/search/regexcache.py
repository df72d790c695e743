"""Regex queries kept between searches, per schema.

tantivy compiles a regex into its automaton as the query is made, not as it is
searched: 0.05-0.7 ms for a word's OCR forms or a pair of them, up to ~0.6 ms a
phrase query. A session asks for the same words again (each keystroke of a query
typed, the app's first page then the rest), and a query object is only read by a
search, so one made once serves every later search of the same index layout.
"""
from __future__ import annotations

import tantivy

KEPT_QUERIES = 1024  # regexes kept for one schema; all forgotten at once past it (no order kept to race on)
KEPT_SCHEMAS = 4  # the field names resolve to numbers per schema: an index of another layout keeps its own

_KEPT: list[tuple[tantivy.Schema, dict[tuple[str, str], tantivy.Query]]] = []


def regex_query(schema: tantivy.Schema, field: str, pattern: str) -> tantivy.Query:
    """`tantivy.Query.regex_query`, made once per schema, field and pattern (a refused pattern is not kept)."""
    kept = _kept_for(schema)
    key = (field, pattern)
    query = kept.get(key)
    if query is None:
        query = tantivy.Query.regex_query(schema, field, pattern)
        if len(kept) >= KEPT_QUERIES:
            kept.clear()
        kept[key] = query
    return query


def _kept_for(schema: tantivy.Schema) -> dict[tuple[str, str], tantivy.Query]:
    for known, kept in list(_KEPT):  # Schema has equality, no hash
        if known == schema:
            return kept
    kept = {}
    _KEPT.append((schema, kept))
    del _KEPT[:-KEPT_SCHEMAS]
    return kept


def forget_queries() -> None:
    """Drop every query kept (a benchmark timing one search from scratch may call this)."""
    _KEPT.clear()
