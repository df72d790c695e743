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
