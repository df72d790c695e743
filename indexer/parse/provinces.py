"""Provinces and centrally-run cities (`indexer/data/provinces.json`): the place a People's Committee is named after.

A printed place name reads as a province whole and OCR-tolerantly, after the kind it may be printed
with (`tỉnh`, `thành phố`, `TP.`: the kinds the provinces table names, spelt as unit_kinds.json does).
"""
from __future__ import annotations

import re
from functools import cache

from indexer.parse.fuzzy import folded, matched_index
from indexer.parse.phrase_trie import WordTrie
from indexer.textnorm import fold
from indexer.vietnamese.bodies import place_spellings, province_kinds
from indexer.vietnamese.data import load_json as load


def folded_spellings(spellings: tuple[str, ...] | list[str]) -> list[str]:
    """Regex sources of spellings as folded text prints them (`TP.` -> `tp\\.`), longest first."""
    return [re.escape(fold(s).lower()) for s in sorted(spellings, key=len, reverse=True)]


@cache
def _province_index() -> tuple[WordTrie, tuple[dict, ...]]:
    entries = sorted(load("provinces.json")["provinces"], key=lambda p: len(p["name"]), reverse=True)
    return WordTrie([p["name"] for p in entries], "v"), tuple(entries)  # matched whole: no alternation compiled


@cache
def _province_kind_re() -> re.Pattern[str]:
    """The kind a province name may be printed after (`tỉnh`, `thành phố`, `TP.`), on folded text."""
    spellings = folded_spellings([s for k in province_kinds() for s in place_spellings(k)])
    return re.compile(rf"^\s*(?:{'|'.join(spellings)})\s+")


def province_named(printed: str | None) -> dict | None:
    """The province or city a whole printed place name reads as (`Ha Noi`, `TP. Hồ Chí Minh`), if any."""
    if not printed:
        return None
    regex, entries = _province_index()
    text = _province_kind_re().sub("", folded(printed.strip(" ,.;:-–"))).strip()
    m = regex.fullmatch(text)
    return entries[matched_index(m, "v")] if m else None


def spell_place(words: list[str]) -> list[str]:
    """A place name as the provinces table spells it (`Ho Chi Minh` -> `Hồ Chí Minh`), else unchanged."""
    found = province_named(" ".join(words))
    return found["name"].split() if found else words
