"""Symbols: canonical official form, parts, implied type; typed queries (table-driven)."""
from __future__ import annotations

import pytest

from indexer.parse.citeindex import canonical_symbol, parse_symbol_query, symbol_key
from indexer.parse.symbols import split_symbol, type_from_symbol

CANONICAL = [
    ("3041/QD-UBND", None, "3041/QĐ-UBND"),
    ("362/QB-UBND", None, "362/QĐ-UBND"),
    ("118/2025/ND-CP", None, "118/2025/NĐ-CP"),
    ("43/2006/NB-CP", None, "43/2006/NĐ-CP"),
    ("15/KH-\nNV", None, "15/KH-NV"),
    ("339-\nKH/TU", None, "339-KH/TU"),
    ("32  /BC-NV", None, "32/BC-NV"),
    ("68-BC/BCSD", None, "68-BC/BCSĐ"),
    ("141/KH-BCDTKNQ", None, "141/KH-BCĐTKNQ"),
    ("644/CD-TTg", None, "644/CĐ-TTg"),
    ("02/DA-NV", None, "02/ĐA-NV"),
    ("01/PA-NV", "Đề án", "01/ĐA-NV"),
    ("01/PA-NV", None, "01/PA-NV"),  # Phương án keeps PA
    ("12/NQ-HDND", None, "12/NQ-HĐND"),
    ("57-NQ/TW", None, "57-NQ/TW"),
    ("1520/SGDDT-VP", None, "1520/SGDĐT-VP"),
    ("11/2015/TTLT-BGDBT-BNV", None, "11/2015/TTLT-BGDĐT-BNV"),
    ("86/QP-NV", None, "86/QĐ-NV"),
    ("12/PA-UBND", None, "12/PA-UBND"),
    ("6121/SVHTTDL-TTBCXB", None, "6121/SVHTTDL-TTBCXB"),
    ("TCVN 1SO 9001:2015", None, "TCVN ISO 9001:2015"),
    ("TCVN SO 18091:2020", None, "TCVN ISO 18091:2020"),
]


@pytest.mark.parametrize("raw, hint, expected", CANONICAL)
def test_canonical_symbol(raw, hint, expected):
    assert canonical_symbol(raw, hint) == expected


TYPES = [
    ("3041/QĐ-UBND", "Quyết định"), ("118/2025/NĐ-CP", "Nghị định"), ("57-NQ/TW", "Nghị quyết"),
    ("15/KH-NV", "Kế hoạch"), ("6121/SVHTTDL-TTBCXB", "Công văn"), ("01/NV-VP", "Công văn"),
    ("06/TTr-NV", "Tờ trình"), ("01/2023/TT-VPCP", "Thông tư"), ("35/2023/UBTVQH15", "Nghị quyết"),
    ("23/CT-TTg", "Chỉ thị"), ("TCVN ISO 9001:2015", "Tiêu chuẩn"),
]


@pytest.mark.parametrize("symbol, expected", TYPES)
def test_type_implied_by_symbol(symbol, expected):
    assert type_from_symbol(symbol) == expected


def test_split_symbol_parts():
    parts = split_symbol("118/2025/NĐ-CP")
    assert (parts.number, parts.year, parts.type_code, parts.agency) == ("118", "2025", "NĐ", "CP")
    parts = split_symbol("57-NQ/TW")
    assert (parts.number, parts.type_code, parts.agency) == ("57", "NQ", "TW")


def test_symbol_key_folds_ocr_and_typing():
    assert symbol_key("362/QB-UBND") == symbol_key("362/qđ-ubnd") == symbol_key("362/QĐ-UBND")
    assert symbol_key("3041/QĐ-UBND") != symbol_key("3014/QĐ-UBND")


QUERIES = [  # typed, matches 3041/QĐ-UBND, matches 57-NQ/TW
    ("3041/QĐ-UBND", True, False),
    ("3041/QD-UBND", True, False),
    ("3041/qd-ubnd", True, False),
    ("qđ 3041", True, False),
    ("QD 3041", True, False),
    ("Quyết định 3041", True, False),
    ("quyet dinh so 3041", True, False),
    ("3041", True, False),
    ("3041/QĐ", True, False),
    ("kh 3041", False, False),
    ("3014", False, False),
    ("57-NQ/TW", False, True),
    ("nq 57", False, True),
    ("nghị quyết 57", False, True),
]


@pytest.mark.parametrize("typed, matches_qd, matches_nq", QUERIES)
def test_symbol_query_forms(typed, matches_qd, matches_nq):
    query = parse_symbol_query(typed)
    assert query.matches("3041/QĐ-UBND") is matches_qd
    assert query.matches("57-NQ/TW") is matches_nq


def test_query_by_cited_type_word():
    """`Kế hoạch số 362/QĐ-UBND`: a user asking for `kế hoạch 362` finds it."""
    assert parse_symbol_query("kế hoạch 362").matches("362/QĐ-UBND", "Kế hoạch")
    assert not parse_symbol_query("kế hoạch 362").matches("362/QĐ-UBND", "Quyết định")


def test_leading_zeros_do_not_matter():
    assert parse_symbol_query("kh 6").matches("06/KH-NV")
