"""Stored metadata read back into typed values: unknown keys (a newer cchc's fields) are ignored."""
from __future__ import annotations

from indexer.model import Citation, Figure, ReportInfo, Section, TopicHit, info_from_dict


def a_report_info() -> ReportInfo:
    child = Section("1", "Kết quả thực hiện", 2, "other", 5, 6)
    return ReportInfo(
        unit="UBND phường Bình An", symbol="12/BC-UBND", date="2025-06-20",
        sections=[Section("I", "KẾT QUẢ", 1, "ket_qua", 4, 9, children=[child])],
        citations=[Citation("Quyết định", "3041/QĐ-UBND", None, "2024-12-01", None, "UBND tỉnh", 8, 8,
                            "Quyết định số 3041/QĐ-UBND ngày 01/12/2024", lines=[8])],
        topics=[TopicHit("mot_cua", "Một cửa, một cửa liên thông", [7])],
        figures=[Figure("09 buổi", 9, "count", 9.0, None, "buoi", "buổi", None, None, "", "09 buổi")],
    )


def with_newer_keys(value):
    """Each dict of the stored JSON given a key no field has."""
    if isinstance(value, dict):
        return {**{k: with_newer_keys(v) for k, v in value.items()}, "added_later": 1}
    if isinstance(value, list):
        return [with_newer_keys(v) for v in value]
    return value


def test_stored_metadata_reads_back_the_same():
    info = a_report_info()
    assert info_from_dict(info.to_dict()) == info


def test_keys_of_a_newer_version_are_ignored_at_every_level():
    info = a_report_info()
    assert info_from_dict(with_newer_keys(info.to_dict())) == info
