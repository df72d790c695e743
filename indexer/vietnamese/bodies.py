"""Kinds of bodies and places, and the bodies beyond the local tables, as the data files list them.

`unit_kinds.json` names the kinds of place (`thành phố`, `phường` …) once; which of them name a
province is read from `provinces.json` (each province's `kind`), so neither list is typed twice.
`issuers.json` lists every body beyond the local unit tables once: the issuers cited documents name,
the national ones (`national: true`: ministries, the supreme court …) also as the unit a report is
issued by.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from indexer.vietnamese.data import load_json


@cache
def place_kinds() -> tuple[dict[str, Any], ...]:
    """The kinds of place, in the table's order: `name`, and `variants`, `units` (the list of a
    units_*.json table naming places of that kind) where given."""
    return tuple(load_json("unit_kinds.json")["places"])


def place_spellings(kind: dict[str, Any]) -> tuple[str, ...]:
    """A kind of place as it is printed: its name, then its variants (`thành phố`, `TP`, `TP.`)."""
    return (kind["name"], *kind.get("variants", ()))


@cache
def province_kinds() -> tuple[dict[str, Any], ...]:
    """The kinds of place a province is named with (`tỉnh`, `thành phố`), in unit_kinds.json's order."""
    named = {p["kind"] for p in load_json("provinces.json")["provinces"]}
    return tuple(k for k in place_kinds() if k["name"] in named)


@cache
def issuers() -> tuple[dict[str, Any], ...]:
    """Every body of issuers.json: `name` as shown, `variants` as written, `national` for a national body."""
    return tuple(load_json("issuers.json")["issuers"])


@cache
def national_bodies() -> tuple[str, ...]:
    """The national bodies (`Bộ Tư pháp`, `Tòa án nhân dân tối cao`), as they issue documents."""
    return tuple(e["name"] for e in issuers() if e.get("national"))
