"""Typed diacritics rank first the reports that print those words with those marks, where the query has them.

body_exact holds only the words printed with marks (the unmarked ones leave no term), so the boost is
the query's marked words at their offsets in the query: these cases pin what that boost still means.
"""
from __future__ import annotations

from pathlib import Path

import pytest


def ranked(tmp_path: Path, reports: dict[str, str], query: str) -> list[str]:
    from indexer.api import Library, update_index

    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in reports.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    update_index([folder], tmp_path / "idx")
    return [hit.doc_id for hit in Library.open(tmp_path / "idx").search(query, limit=10).hits]


# Each case: the reports, the query, the order expected. The report expected last says the phrase more
# often, or holds the same words folded, so without the boost BM25 would not rank the other one first.
CASES = {
    "marked phrase as printed": (
        {"marked": "Kế hoạch cải cách hành chính năm 2026 của phường.\n",
         "plain": "Ke hoach cai cach hanh chinh nam 2026, cai cach hanh chinh, cai cach hanh chinh.\n"},
        "cải cách hành chính", ["marked", "plain"]),
    "marked words apart are not the phrase": (
        {"apart": "Cai cach hanh chinh, cai cach hanh chinh. Cải cách thủ tục; chính sách hành chính.\n",
         "together": "Báo cáo cải cách hành chính quý III.\n"},
        "cải cách hành chính", ["together", "apart"]),
    "unmarked words typed between marked ones": (
        {"marked": "Duy trì ISO 9001 tổ chức thực hiện tại bộ phận một cửa.\n",
         "plain": "Duy tri ISO 9001 to chuc thuc hien, ISO 9001 to chuc, ISO 9001 to chuc.\n"},
        "ISO 9001 tổ chức", ["marked", "plain"]),
    "a marked word out of place is not boosted": (
        {"shifted": "Tổ ISO 9001 to chuc, chức.\n", "marked": "To ISO 9001 tổ chức, chuc.\n"},
        "ISO 9001 tổ chức", ["marked", "shifted"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_typed_marks_rank_the_printed_marks_first(tmp_path: Path, name: str) -> None:
    reports, query, expected = CASES[name]
    assert ranked(tmp_path, reports, query) == expected


def test_without_typed_marks_the_more_frequent_report_leads(tmp_path: Path) -> None:
    # the control for the cases above: no boost, BM25 alone puts the report saying it three times first
    reports, _, _ = CASES["marked phrase as printed"]
    assert ranked(tmp_path, reports, "cai cach hanh chinh") == ["plain", "marked"]
