"""Decode Vietnamese text typed in the 8-bit font encodings of the 1990s-2000s.

TCVN3 ("ABC", .VnTime fonts) and VNI Windows are not character sets Python
knows: they reuse Windows-1252 byte values and rely on a special font to draw
them as Vietnamese letters. The byte-to-letter tables live in
`indexer/data/legacy_vietnamese.tsv`.
"""
from __future__ import annotations

import re
from functools import cache

from indexer.vietnamese.data import load_tsv


@cache
def _tables() -> dict[str, dict[str, str]]:
    """encoding -> {legacy text (bytes read as Latin-1): unicode letter}."""
    tables: dict[str, dict[str, str]] = {}
    for encoding, hex_bytes, letter in load_tsv("legacy_vietnamese.tsv", 3):
        legacy = bytes.fromhex(hex_bytes).decode("latin-1")
        tables.setdefault(encoding, {})[legacy] = letter
    return tables


@cache
def _vni_pattern() -> re.Pattern[str]:
    sequences = _vni_table().keys()
    # Longest first, so `o` + `â` + tone is read as one letter, not `o` then a stray mark.
    alternatives = sorted(sequences, key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in alternatives))


@cache
def _vni_table() -> dict[str, str]:
    """The VNI table, plus mark bytes typed in the other case than their base letter
    (`Aù` for `Á` happens when only the first letter of a word is capital)."""
    table = dict(_tables()["vni"])
    for legacy, letter in list(table.items()):
        if len(legacy) == 2 and legacy[0].isascii():
            swapped = legacy[0] + (legacy[1].lower() if legacy[1].isupper() else legacy[1].upper())
            table.setdefault(swapped, letter)
    return table


# Windows-1252 byte values 0x80-0x9F hold punctuation (curly quotes, dashes) that
# documents in these fonts also use; the tables above only cover 0xA0-0xFF.
CP1252_PUNCTUATION = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}


def _read_8bit(raw: bytes) -> str:
    return raw.decode("latin-1").translate(CP1252_PUNCTUATION)


def decode_vni(raw: bytes) -> str:
    table = _vni_table()
    return _vni_pattern().sub(lambda m: table[m.group()], _read_8bit(raw))


WORD_RE = re.compile(r"[^\W\d_]+")
# A line whose plain letters are (nearly) all capitals is a heading typed in capitals.
CAPITALS_LINE_SHARE = 0.9
CAPITALS_LINE_MIN_LETTERS = 4


def _recapitalise_word(word: re.Match[str]) -> str:
    """TCVN3 capitals were drawn by a capitals-only font from lower-case bytes:
    a word with two or more plain letters, all capitals (`BáO`), was typed in
    capitals; one capital (`Tù` = `Tự`) only starts a word."""
    text = word.group()
    plain = [c for c in text if c.isascii()]
    if len(plain) >= 2 and all(c.isupper() for c in plain):
        return text.upper()
    return text


def _recapitalise_line(line: str) -> str:
    plain = [c for c in line if c.isascii() and c.isalpha()]
    capitals = sum(1 for c in plain if c.isupper())
    if len(plain) >= CAPITALS_LINE_MIN_LETTERS and capitals >= CAPITALS_LINE_SHARE * len(plain):
        return line.upper()
    return WORD_RE.sub(_recapitalise_word, line)


@cache
def _tcvn3_translation() -> dict[int, str]:
    return {ord(legacy): letter for legacy, letter in _tables()["tcvn3"].items()}


def decode_tcvn3(raw: bytes) -> str:
    text = _read_8bit(raw).translate(_tcvn3_translation())
    return "\n".join(_recapitalise_line(line) for line in text.split("\n"))
