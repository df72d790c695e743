"""Symbols and standards found by a scan for their openings are the ones the grammars find.

`symbols_in`, `bare_symbols_in` and `standards_in` try SYMBOL_RE, BARE_SYMBOL_RE and STANDARD_RE only
where a number or a standard's name begins; they must find exactly what the grammars' own `finditer`
finds: on the bundled reports, the real reports (clean and OCR'd) and lines written here with numbers
glued to `số` as the OCR prints it (`s610/KH`), symbols broken over lines, and standards."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.parse.regexes import (
    BARE_SYMBOL_RE,
    STANDARD_RE,
    SYMBOL_RE,
    bare_symbols_in,
    standards_in,
    symbols_in,
)
from indexer.textnorm import nfc

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = [
    "Kế hoạch s610/KH-UBND ngày 5/3/2025; số10- CTr/QU; S6 12/BC-NV, sd 7/QĐ-UBND và S612/TB-VP",
    "Công văn 285/CCTTHC, 3041/QĐ-UBND 15/KH-\nNV 57-NQ/TW 118/2025/NĐ-CP 35/2023/UBTVQH15 02/KH-NV-n",
    "1/KH-UBND2/KH-UBND a3/KH-UBND 4/KH-UBND/5 x.6/KH-UBND 32  /BC-NV 136/2001/QĐ.TTg 66s6",
    "TCVN ISO 9001:2015, TCVN 1SO 9001:2008, ISO 9001:2015, TCVNISO 9001, xISO 9001, TCVN 7 ISO 12345",
]


def _texts() -> list[str]:
    folders = ["corpus", "tests/data/real30/clean", "tests/data/real30/ocr", "tests/data/blind"]
    paths = [p for f in folders for p in sorted((ROOT / f).glob("*.txt"))]
    return [nfc(p.read_text(encoding="utf-8")) for p in paths] + WRITTEN + ["", "1", "s6"]


def _spans(matches) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(("fast", "plain", "least"), [(symbols_in, SYMBOL_RE, 100), (bare_symbols_in, BARE_SYMBOL_RE, 2),
                                                      (standards_in, STANDARD_RE, 5)], ids=["symbols", "bare", "standards"])
def test_the_scan_finds_what_the_grammar_finds(fast, plain, least):
    total = 0
    for text in _texts():
        expected = _spans(plain.finditer(text))
        assert _spans(fast(text)) == expected, text[:60]
        total += len(expected)
    assert total >= least  # matches are found: not a comparison of two empty lists


def test_a_number_glued_to_so_printed_with_a_digit_is_found():
    """`s610/KH-UBND`: the symbol begins inside the run of digits, after the `6` printed for `ố`."""
    assert [m.group("symbol") for m in symbols_in(WRITTEN[0])][:1] == ["10/KH-UBND"]
