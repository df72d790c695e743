"""Which body issued the report: the header's unit cells first; then, as a second and recorded step,
what the document itself states (the authority line, the opening sentence, the signature, the place).

Sources, as recorded in ReportInfo.unit_source:
  header            the unit cells of the header (parent above: `UBND TỈNH X` / `SỞ Y`)
  authority line    `CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ X` under a decision's title
  body              `UBND xã X báo cáo …`, `Sở Y ban hành Kế hoạch …` (the subject of the reporting verb)
  signature         `TM. ỦY BAN NHÂN DÂN` / `TỈNH X` in the signature block
  place             a header saying only ỦY BAN NHÂN DÂN, the place before `, ngày` a province (provinces.json)
  symbol            the agency code of the own symbol, in the unit tables
Inference only completes or supplies a unit of the same kind as the header's; a page
without a header gets a unit only when the text states its type and its author.
"""
from __future__ import annotations

import re
from functools import cache

from indexer.parse.fuzzy import alternation, folded, function_words, phrase_pattern
from indexer.parse.provinces import province_named
from indexer.parse.symbols import split_symbol
from indexer.parse.unit_places import spelled_as_document
from indexer.parse.units import (
    COMMITTEE,
    body_at,
    body_short,
    lacks_place,
    name_unit,
    parent_of,
    place_at,
    place_kind_at,
    unit_by_code,
)
from indexer.vietnamese.bodies import province_kinds
from indexer.vietnamese.data import load_json

OPENING_CHARS = 2500  # the opening paragraph says who reports; so does the closing one
CLOSING_CHARS = 1500
UNIT_MAX_CHARS = 90


@cache
def _words() -> dict:
    return load_json("header_words.json")


@cache
def _generic_codes() -> frozenset[str]:
    return frozenset(load_json("unit_kinds.json")["generic_codes"])


def _combine_fragments(fragments: list[str]) -> list[str]:
    """Header fragments -> unit names: `ỦY BAN NHÂN DÂN` + `PHƯỜNG X` is one unit; `VÀ DU LỊCH` continues;
    `THÀNH` + `ỦY` + `THÀNH PHỐ X` is one; `UBND TỈNH X` + `SỞ Y` are two (parent, unit)."""
    units: list[str] = []
    for fragment in fragments:
        ffragment = folded(fragment)
        if body_at(ffragment, 0) is None and units and (
                _bare_body(units[-1]) or not place_at(ffragment, 0) or not _names_place(units[-1])):
            units[-1] = f"{units[-1]} {fragment}"  # `BAN CHỈ ĐẠO CCHC` + `TỈNH BẮC KẠN`: one body
        else:
            units.append(fragment)
    return units


def _names_place(fragment: str) -> bool:
    """`UBND THÀNH PHỐ X` names its place (a `PHƯỜNG Y` under it is another body); `BAN CHỈ ĐẠO …` does not."""
    ffragment = folded(fragment)
    body = body_at(ffragment, 0)
    return body is None or body[0]["naming"] == "place" or any(place_at(ffragment, m.start())
                                                                for m in re.finditer(r"\S+", ffragment))


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
def _verb_regex(group: int) -> re.Pattern[str]:
    return alternation(_words()["report_verbs"][group], "v")


@cache
def _clause_stop_regex() -> re.Pattern[str]:
    return re.compile("|".join(phrase_pattern(w) for w in _words()["clause_stops"]))


def _blank_brackets(ftext: str, start: int, end: int) -> str:
    """The window with `(sau đây gọi tắt là …)` blanked out (same length: offsets stay valid)."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), ftext[start:end])


def unit_before(text: str, ftext: str, verb_start: int) -> str | None:
    window_start = max(0, verb_start - UNIT_MAX_CHARS)
    window = _blank_brackets(ftext, window_start, verb_start)
    clause = re.split(r"[,.;:()]", window)[-1]
    offset = verb_start - len(clause)
    for m in re.finditer(r"\S+", clause):
        start = offset + m.start()
        if text[start:start + 1].isupper() and body_at(ftext, start):
            end = start + len(clause) - m.start()
            stop = _clause_stop_regex().search(ftext, start + 1, end)
            printed = " ".join(text[start:stop.start() if stop else end].split())
            if re.search(phrase_pattern(function_words("about")[-1]), folded(printed)):  # về: every lead has it
                return None  # "<issuer> về việc ban hành": the subject of a cited document
            return name_unit(printed)
    return None


def unit_from_body(text: str) -> str | None:
    ftext = folded(text)
    zones = [(0, min(len(text), OPENING_CHARS)), (max(0, len(text) - CLOSING_CHARS), len(text))]
    for group in range(len(_words()["report_verbs"])):
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
    if not agency or agency in _generic_codes():
        return None
    known = unit_by_code(agency)
    return known.name if known else None


@cache
def _person_role_regex() -> re.Pattern[str]:
    roles = [r for r in _words()["signer_roles"] if r not in _words()["collective_roles"]]
    return re.compile(r"\s*(?:(?:kt|tm|tl|q)\s*[.,]\s*)?(?:" + "|".join(
        phrase_pattern(r) for r in sorted(roles, key=len, reverse=True)) + r")\s*")


def unit_from_authority(line: str | None) -> str | None:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ X` -> `UBND thành phố X`; `BỘ TRƯỞNG BỘ Y` -> `Bộ Y`."""
    if not line:
        return None
    role = _person_role_regex().match(folded(line))
    return name_unit(line[role.end():] if role else line)


def unit_from_signature(text: str) -> str | None:
    """`TM. ỦY BAN NHÂN DÂN` with the place on the same or the next line, in the signature block."""
    lines = text[-CLOSING_CHARS:].split("\n")
    for index, line in enumerate(lines):
        m = re.match(r"\s*(?:tm|kt)\s*[.,]\s*", folded(line))
        if not m:
            continue
        printed = line[m.end():].strip()
        if index + 1 < len(lines) and place_kind_at(lines[index + 1].strip()):
            printed += " " + lines[index + 1].strip()
        unit = name_unit(printed)
        if unit and not lacks_place(unit):
            return unit
    return None


def unit_from_place(body: str | None, place: str | None) -> str | None:
    """`UBND` + `Hải Phòng, ngày …` -> `UBND thành phố Hải Phòng` (the provinces table gives the kind)."""
    province = province_named(place)
    if not province or not body:
        return None
    return f"{body} {province['kind']} {province['name']}"


def _fits(found: str | None, header_unit: str | None) -> bool:
    """An inferred unit must be of the header's kind and complete (never `UBND` for `Sở Y`)."""
    if not found or lacks_place(found):
        return False
    return header_unit is None or body_short(found) == body_short(header_unit)


def _complete_with_place(found: str | None, place: str | None) -> str | None:
    """`UBND tỉnh` (the body text's `Ủy ban nhân dân tỉnh ban hành`) + the header's place `Bình Dương`."""
    province = province_named(place)
    if found and lacks_place(found) and province and found.split()[-1] == province["kind"].split()[-1]:
        return f"{found} {province['name']}"
    return found


def infer_unit(text: str, header_unit: str | None, authority: str | None, place: str | None,
               stated: bool) -> tuple[str | None, str | None]:
    """The unit the document states when its header does not (or names only the kind of body)."""
    candidates = [("authority line", lambda: unit_from_authority(authority))]
    if stated:
        candidates.append(("body", lambda: _complete_with_place(unit_from_body(text), place)))
    candidates.append(("signature", lambda: unit_from_signature(text)))
    if header_unit:
        candidates.append(("place", lambda: unit_from_place(body_short(header_unit), place)))
    for source, read in candidates:
        found = read()
        if _fits(found, header_unit):
            return found, source
    return None, None


def find_unit(text: str, header, doc_type: str | None) -> tuple[str | None, str | None, str | None]:
    """(unit, parent, source) for a parsed header (header.py) and the document's type."""
    unit, parent = unit_from_header(header.unit_fragments)
    source = "header" if unit else None
    if unit and parent is None and _is_parent_level(unit) and _agency_is_other(header.symbol):
        unit, parent, source = None, unit, None  # only the parent line survived the OCR
    if unit is None or lacks_place(unit):
        stated = header.formal or doc_type is not None
        found, how = infer_unit(text, unit if source else None, header.authority, header.place, stated)
        if found:
            unit, source = found, how
    if unit is None:
        unit = unit_from_symbol(header.symbol)
        source = "symbol" if unit else None
    if unit is None and parent:
        unit, parent, source = parent, None, "header"
    unit = spelled_as_document(unit, text)
    return unit, parent or parent_of(unit), source


@cache
def _parent_level_re() -> re.Pattern[str]:
    """`UBND tỉnh X`, `UBND thành phố X`: a People's Committee named after a province."""
    kinds = "|".join(re.escape(k["name"]) for k in province_kinds())
    return re.compile(rf"{COMMITTEE} (?:{kinds}) ")


def _is_parent_level(unit: str) -> bool:
    return _parent_level_re().match(unit) is not None


def _agency_is_other(symbol: str | None) -> bool:
    """A symbol whose agency is not the People's Committee's (32/BC-NV under `UBND THÀNH PHỐ X`)."""
    if not symbol:
        return False
    return split_symbol(symbol).agency not in _generic_codes()
