"""Data tables of document understanding (indexer/data/*.json), loaded once."""
from __future__ import annotations

from functools import cache

from indexer.vietnamese.data import load_json

load = load_json  # the name modules outside parse/ still import


@cache
def doc_type_names() -> tuple[str, ...]:
    """Type words, longest first so `Thông tư liên tịch` wins over `Thông tư`."""
    names = [t["name"] for t in load_json("doc_types.json")["types"]]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def type_by_code() -> dict[str, str]:
    return {code: t["name"] for t in load_json("doc_types.json")["types"] for code in t["codes"]}
