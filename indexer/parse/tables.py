"""Document types (indexer/data/doc_types.json): their names and the codes symbols use for them."""
from __future__ import annotations

from functools import cache

from indexer.vietnamese.data import load_json


@cache
def doc_type_names() -> tuple[str, ...]:
    """Type words, longest first so `Thông tư liên tịch` wins over `Thông tư`."""
    names = [t["name"] for t in load_json("doc_types.json")["types"]]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def type_by_code() -> dict[str, str]:
    return {code: t["name"] for t in load_json("doc_types.json")["types"] for code in t["codes"]}
