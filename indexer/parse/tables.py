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


@cache
def doc_type(role: str) -> str:
    """The type the parser gives a meaning (`standard` -> `Tiêu chuẩn`); the table's `roles`."""
    name: str = load_json("doc_types.json")["roles"][role]
    return name


def type_codes(name: str) -> tuple[str, ...]:
    """The codes of a type (`Đề án` -> `ĐA`), as its symbols print them."""
    return next(tuple(t["codes"]) for t in load_json("doc_types.json")["types"] if t["name"] == name)
