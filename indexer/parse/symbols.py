"""Canonical official form of document symbols (số ký hiệu)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.parse.regexes import STANDARD_RE, YEAR
from indexer.parse.tables import doc_type, type_by_code, type_codes
from indexer.textnorm import nfc
from indexer.vietnamese.data import load_json

_SEPARATORS = re.compile(r"\s*([/\-–])\s*")


def _spellings(code: str, letters: str) -> set[str]:
    """Every way the code prints when each Đ may come out as one of `letters`."""
    out = {""}
    for ch in code:
        out = {o + c for o in out for c in (letters if ch == "Đ" else ch)}
    return out


@cache
def _d_code_table() -> tuple[dict[str, str], dict[str, str]]:
    table = load_json("doc_types.json")
    whole = {v: code for code, letters in table["d_codes"].items() for v in _spellings(code, letters)}
    prefixes = {v: code for code, letters in table["prefix_codes"].items() for v in _spellings(code, letters)}
    return whole, prefixes


def _restore_segment(segment: str, type_hint: str | None) -> str:
    whole, prefixes = _d_code_table()
    segment = load_json("doc_types.json")["code_case"].get(segment, segment)
    if type_hint == doc_type("scheme") and segment.replace("Đ", "D").upper() in load_json("doc_types.json")["de_an_codes"]:
        return type_codes(type_hint)[0]
    if segment in whole:
        return whole[segment]
    for printed, proper in sorted(prefixes.items(), key=lambda kv: -len(kv[0])):
        if segment.startswith(printed) and len(segment) > len(printed):
            return proper + segment[len(printed):]
    return segment


def canonical_symbol(raw: str, type_hint: str | None = None) -> str:
    """`3041/QD-UBND` -> `3041/QĐ-UBND`; `15/KH-\\nNV` -> `15/KH-NV`; `TCVN 1SO 9001:2015` -> `TCVN ISO 9001:2015`.

    `type_hint` is the type word the text gives ("Đề án" turns `01/PA-NV` into `01/ĐA-NV`).
    """
    text = nfc(raw).strip()
    for glyph, letter in load_json("doc_types.json")["glyph_fixes"].items():
        text = text.replace(glyph, letter)
    standard = STANDARD_RE.fullmatch(text)
    if standard:
        return canonical_standard(standard)
    text = re.sub(r"(?<=[A-Za-zĐđ])\.(?=[A-ZĐ])", "-", text)  # `QĐ.TTg`: the dot printed for a dash
    text = _SEPARATORS.sub(lambda m: "-" if m.group(1) in "-–" else "/", text)
    parts = re.split(r"([/\-])", text)
    out = []
    for index, part in enumerate(parts):
        is_code = index > 0 and part not in "/-" and not re.fullmatch(r"\d+", part)
        out.append(_restore_segment(part, type_hint) if is_code else part)
    return "".join(out)


def canonical_standard(m: re.Match[str]) -> str:
    prefix = ("TCVN ISO " if m.group("iso") else "TCVN ") if m.group("tcvn") else "ISO "
    return prefix + m.group("number") + (f":{m.group('year')}" if m.group("year") else "")


@dataclass(frozen=True, slots=True)
class SymbolParts:
    number: str
    year: str | None
    type_code: str | None  # QĐ, KH, NQ ... None for công văn (6121/SVHTTDL-TTBCXB)
    agency: str | None  # UBND, SKHCN, TW, CP ...


def split_symbol(symbol: str) -> SymbolParts:
    """Parts of a canonical symbol; type_code only when it is a known document type code."""
    codes = type_by_code()
    party = re.fullmatch(r"(\d+)-([^/]+)/(.+)", symbol)
    if party:
        return SymbolParts(party.group(1), None, party.group(2), party.group(3).split("-")[0])
    pieces = symbol.split("/")
    number = pieces[0]
    year = pieces[1] if len(pieces) > 2 and re.fullmatch(YEAR, pieces[1]) else None
    segments = pieces[-1].split("-")
    if segments[0] in codes and len(segments) > 1:
        return SymbolParts(number, year, segments[0], segments[1])
    if year and len(segments) == 1:
        return SymbolParts(number, year, None, segments[0])
    return SymbolParts(number, year, None, segments[0])


def type_from_symbol(symbol: str) -> str | None:
    """The document type a symbol's code implies: KH -> Kế hoạch; no type code -> Công văn."""
    if symbol.startswith(("TCVN", "ISO")):
        return doc_type("standard")
    parts = split_symbol(symbol)
    if parts.type_code:
        return type_by_code().get(parts.type_code)
    if parts.year:
        return doc_type("yearly_law") if re.search(r"QH\d*$", parts.agency or "") else None
    return doc_type("uncoded")
