"""The words that open a document's body (`header_words.json`, `body_starters`), listed once.

Some of them also lead to the directive a report answers (`Thực hiện`, `Phúc đáp`, `Căn cứ` …
followed by a symbol): those carry `responds`, so the two lists cannot drift apart.
"""
from __future__ import annotations

from functools import cache

from indexer.vietnamese.data import load_json


@cache
def body_starters() -> tuple[str, ...]:
    """Words that open the body: the title stops before them, the header block ends there."""
    return tuple(s["words"] for s in load_json("header_words.json")["body_starters"])


@cache
def response_leads() -> tuple[str, ...]:
    """Body starters after which the first cited symbol is the directive the report answers, in the
    table's order (the order a pattern tries them)."""
    return tuple(s["words"] for s in load_json("header_words.json")["body_starters"] if s.get("responds"))
