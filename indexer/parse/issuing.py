"""Which body issued the report: header left column, else the body text, else the symbol's agency code."""
from __future__ import annotations

import re
from functools import cache

from indexer.parse.fuzzy import alternation, folded, phrase_pattern
from indexer.parse.symbols import split_symbol
from indexer.parse.units import body_at, name_unit, parent_of, place_at, unit_by_code

OPENING_CHARS = 2500  # the opening paragraph says who reports; so does the closing one
CLOSING_CHARS = 1500
UNIT_MAX_CHARS = 90
GENERIC_CODES = {"UBND", "HĐND", "VP"}  # shared by every People's Committee: tells nothing
# "<unit> báo cáo / ban hành …" : the unit is the subject of the reporting verb.
VERB_GROUPS = (("trân trọng báo cáo", "báo cáo"), ("ban hành", "xây dựng kế hoạch", "triển khai"))


def _combine_fragments(fragments: list[str]) -> list[str]:
    """Header fragments -> unit names: `ỦY BAN NHÂN DÂN` + `PHƯỜNG X` is one unit; `VÀ DU LỊCH` continues."""
    units: list[str] = []
    for fragment in fragments:
        ffragment = folded(fragment)
        if body_at(ffragment, 0) is None and units and (_bare_body(units[-1]) or not place_at(ffragment, 0)):
            units[-1] = f"{units[-1]} {fragment}"
        else:
            units.append(fragment)
    return units


def _bare_body(fragment: str) -> bool:
    found = body_at(folded(fragment), 0)
    return found is not None and not fragment[found[1]:].strip()


def unit_from_header(fragments: list[str]) -> tuple[str | None, str | None]:
    combined = _combine_fragments(fragments)
    names = [n for n in (name_unit(u) for u in combined) if n]
    if not names:
        return None, None
    unit, parent = names[-1], names[-2] if len(names) > 1 else None
    if parent and _bare_body(combined[-1]):  # "UBND TỈNH X" over "VĂN PHÒNG": the Văn phòng of UBND tỉnh X
        unit = f"{unit} {parent}"
    return unit, parent


@cache
def _verb_regex(group: int):
    return alternation(VERB_GROUPS[group], "v")


def unit_before(text: str, ftext: str, verb_start: int) -> str | None:
    window_start = max(0, verb_start - UNIT_MAX_CHARS)
    clause = re.split(r"[,.;:()]", ftext[window_start:verb_start])[-1]
    offset = verb_start - len(clause)
    for m in re.finditer(r"\S+", clause):
        start = offset + m.start()
        if text[start:start + 1].isupper() and body_at(ftext, start):
            printed = " ".join(text[start:verb_start].split())
            if re.search(phrase_pattern("về"), folded(printed)):
                return None  # "<issuer> về việc ban hành": the subject of a cited document
            return name_unit(printed)
    return None


def unit_from_body(text: str) -> str | None:
    ftext = folded(text)
    zones = [(0, min(len(text), OPENING_CHARS)), (max(0, len(text) - CLOSING_CHARS), len(text))]
    for group in range(len(VERB_GROUPS)):
        for start, end in zones:
            for m in _verb_regex(group).finditer(ftext, start, end):
                unit = unit_before(text, ftext, m.start())
                if unit:
                    return unit
    return None


def unit_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    agency = split_symbol(symbol).agency
    if not agency or agency in GENERIC_CODES:
        return None
    known = unit_by_code(agency)
    return known.name if known else None


def find_unit(text: str, fragments: list[str], own_symbol: str | None) -> tuple[str | None, str | None]:
    unit, parent = unit_from_header(fragments)
    if unit and parent is None and _is_parent_level(unit):
        unit, parent = None, unit  # only the parent line survived the OCR
    unit = unit or unit_from_body(text) or unit_from_symbol(own_symbol) or (parent if parent else None)
    return unit, parent or parent_of(unit)


def _is_parent_level(unit: str) -> bool:
    return re.match(r"UBND (?:thành phố|tỉnh) ", unit) is not None
