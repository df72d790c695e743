"""Data tables of document understanding (indexer/data/*.json), loaded once."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    return json.loads(resources.files("indexer").joinpath("data", name).read_text(encoding="utf-8"))


@cache
def doc_type_names() -> tuple[str, ...]:
    """Type words, longest first so `Thông tư liên tịch` wins over `Thông tư`."""
    names = [t["name"] for t in load("doc_types.json")["types"]]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def type_by_code() -> dict[str, str]:
    return {code: t["name"] for t in load("doc_types.json")["types"] for code in t["codes"]}
