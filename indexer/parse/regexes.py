"""Grammars for the parts of official documents, as verbose regexes built from named fragments.

Symbols (số ký hiệu) follow Nghị định 30/2020/NĐ-CP and the Party's rules:
  number/TYPE-AGENCY[-SUB]      3041/QĐ-UBND, 15/KH-NV, 02/KH-NV-n
  number/AGENCY-SUB             6121/SVHTTDL-TTBCXB, 01/NV-VP        (công văn: no type code)
  number/year/TYPE-AGENCY       118/2025/NĐ-CP, 01/2023/TT-VPCP
  number/year/AGENCY            35/2023/UBTVQH15
  number-TYPE/AGENCY            57-NQ/TW, 68-BC/BCSĐ                 (Party documents)
The OCR breaks them at a separator (`15/KH-` / `NV`) and pads the slash (`32  /BC-NV`).
These run on the NFC text (case matters: `TTg`, `TTr`); keywords run on folded text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from indexer.vietnamese.data import load_json

NUMBER = r"\d{1,5}[a-z]?"  # 30c/NQ-CP: a number with a letter
YEAR = r"(?:19|20)\d\d"
# A code segment: starts with a capital (Đ included), may hold lower case (TTg, TTr) and digits (QH15).
SEGMENT = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"  # Ð (U+00D0): tesseract's Đ, read `QĐÐ`
# Trailing lower-case tag some offices append (02/KH-NV-n).
TAG = r"[a-z]{1,2}(?![\wĐđ])"
# A separator, possibly padded, possibly followed by a line break (`15/KH-` + newline + `NV`).
GAP = r"[ \t]{0,2}"
BREAK = r"(?:[ \t]*\n(?:[ \t]*\n)?[ \t]*)?"  # tesseract leaves a blank line between blocks
SLASH = rf"{GAP}/{GAP}{BREAK}"
# OCR also pads after the dash (`15/KH- UBND`); some offices print a dot for it (`136/2001/QĐ.TTg`).
DASH = rf"(?:{GAP}[-–]{BREAK}|[-–][ \t](?=[A-ZĐ])|\.(?=[A-ZĐ]))"
# Not inside a word or another number, except glued to `số` (`số10- CTr/QU`).
_NUMBER_VOWELS = re.escape(load_json("function_words.json")["number_printed_vowels"])
NOT_AFTER_WORD = rf"(?:(?<![\w/.\-])|(?<=(?<!\w)[Ss][{_NUMBER_VOWELS}]))"  # số, and its OCR forms (sd, s6)
NOT_BEFORE_WORD = r"(?![\wĐđ])"

SYMBOL_RE = re.compile(
    rf"""
    {NOT_AFTER_WORD}
    (?P<symbol>
        (?P<party> {NUMBER} {DASH} {SEGMENT} {SLASH} {SEGMENT} (?:{DASH}{SEGMENT})* )  # 57-NQ/TW
      | (?P<yearly> {NUMBER} {SLASH} {YEAR} {SLASH} {SEGMENT} (?:{DASH}{SEGMENT})* )  # 118/2025/NĐ-CP
      | (?P<plain> {NUMBER} {SLASH} {SEGMENT} (?:{DASH}{SEGMENT})+ (?:-{TAG})? )    # 3041/QĐ-UBND
    )
    {NOT_BEFORE_WORD}
    """,
    re.VERBOSE,
)

# A symbol of agency code only (`Công văn 285/CCTTHC`): counted only right after a type word.
BARE_SYMBOL_RE = re.compile(rf"(?<![\w/.\-])(?P<symbol>\d{{1,5}}{SLASH}[A-ZĐ][A-ZĐ&]{{2,}}){NOT_BEFORE_WORD}(?![/\-])")

# Standards: TCVN ISO 9001:2015 (OCR: `TCVN 1SO`, `TCVN SO`), ISO 9001:2015.
STANDARD_RE = re.compile(
    r"""
    (?<![\w])
    (?: (?P<tcvn> TCVN [ \t]+ ) (?P<iso> (?:ISO|1SO|IS0|I5O|lSO|SO) [ \t]* )?   # TCVN [ISO] 9001:2015
      | (?P<bare> ISO [ \t]* ) )                                                # ISO 9001:2015
    (?P<number> \d{3,5} )
    (?: [ \t]*:[ \t]* (?P<year> (?:19|20)\d\d ) )?
    (?!\d)
    """,
    re.VERBOSE,
)



def finditer_at(regex: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)` (non-empty matches), tried only at `starts`: increasing offsets holding every
    place a match may begin. A grammar opening with lookbehinds gives `re` no first character to skip
    the text by: it is tried at every offset; the places found by a plain scan cost far less."""
    resume = 0
    for at in starts:
        if at >= resume and (m := regex.match(text, at)):
            yield m
            resume = m.end()


_DIGITS = re.compile(r"\d+")
_DIGIT_VOWELS = frozenset(c for c in load_json("function_words.json")["number_printed_vowels"] if c.isdigit())


def number_starts(text: str) -> Iterator[int]:
    """Where a number no digit precedes begins, and the digit after `S6` (`s610/KH` is `số 10/KH`)."""
    for run in _DIGITS.finditer(text):
        start = run.start()
        yield start
        if start and text[start] in _DIGIT_VOWELS and text[start - 1] in "Ss":
            yield start + 1


def symbols_in(text: str) -> Iterator[re.Match[str]]:
    """`SYMBOL_RE.finditer(text)`: a symbol opens with its number, after no word (or after `số`)."""
    return finditer_at(SYMBOL_RE, text, number_starts(text))


def bare_symbols_in(text: str) -> Iterator[re.Match[str]]:
    """`BARE_SYMBOL_RE.finditer(text)`: its number follows no word character (no digit)."""
    return finditer_at(BARE_SYMBOL_RE, text, (m.start() for m in _DIGITS.finditer(text)))


_STANDARD_HEADS = re.compile(r"TCVN|ISO")  # what STANDARD_RE's alternatives open with (no overlap)


def standards_in(text: str) -> Iterator[re.Match[str]]:
    """`STANDARD_RE.finditer(text)`."""
    return finditer_at(STANDARD_RE, text, (m.start() for m in _STANDARD_HEADS.finditer(text)))


# Dates as written: 27/11/2025, 05.3.2020, "5 tháng 12 năm 2025" (folded text for the latter).
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)(?!\d)"
)
# Folded: "ngay 5 thang 12 nam 2025" with OCR variants of "năm" (nim, ndm, niam).
WORDED_DATE_RE = re.compile(
    r"""
    (?P<d>\d{1,2}) \s+ th[a-z]{1,4}g \s+ (?P<m>\d{1,2}) \s+ n[a-z&]{0,3}m? \s+ (?P<y>(?:19|20)\d\d)
    """,
    re.VERBOSE,
)
# "ngày" before a date, OCR-tolerant on folded text (ngay, ngiay, ngay,).
DATE_LEAD_RE = re.compile(r"[\s,;(]*(?:ng[a-z]{0,2}y|ban\s+hanh|bh)?[\s,:]*")
