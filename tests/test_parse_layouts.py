"""Header layouts of issue 11, table-driven: one factory prints a header in every layout seen in real
documents (columns, `|` cells, one cell per line with separators, columns reversed, OCR runs), and each
row of the tables is read through all of them. Snippets are our own text, written from the layouts.
"""
from __future__ import annotations

import pytest

from indexer.parse import parse_report

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM",)
BODY = "Thực hiện nhiệm vụ được giao, đơn vị báo cáo như sau:\nI. KẾT QUẢ\n1. Nội dung đã làm.\n"


def _rows(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    n = max(len(left), len(right))
    return [(left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(n)]


def layout(style: str, left: list[str], number: str, place_date: str, kind: str, title: str,
           motto: tuple[str, ...] = MOTTO, body: str = BODY) -> str:
    """A header printed in one of the layouts of issue 11."""
    number_cell = f"Số: {number}"
    if style == "columns":  # digital text: two columns, wide gaps
        head = [f"{a:<44}{b}".rstrip() for a, b in _rows(left, list(motto))] + ["", f"{number_cell:<44}{place_date}"]
    elif style == "pipes":  # web page table
        head = [f"| {a} | {b} |" for a, b in _rows(left, list(motto))] + ["| ------- | --------------- |",
                                                                             f"| {number_cell} | {place_date} |"]
    elif style == "reversed":  # table with the motto column first
        head = [f"{b} | {a} |" for a, b in _rows(left, list(motto))] + [f"{place_date} | {number_cell} |"]
    elif style == "cell_lines":  # one cell per line, separators, `Số:` and the date broken
        day, _, rest = place_date.partition(" tháng ")
        head = [*left, "-------", "|", *motto, "---------------", "|", "Số:", number, "|", day,
                f"tháng {rest}" if rest else "", "|"]
    elif style == "run":  # OCR runs the columns together with one space
        head = [f"{a} {b}".strip() for a, b in _rows(left, list(motto))] + [f"{number_cell} {place_date}"]
    else:
        raise ValueError(style)
    return "\n".join(head) + f"\n\n{kind}\n{title}\n\n{body}"


STYLES = ("columns", "pipes", "reversed", "cell_lines", "run")

HEADERS = [  # left column, number, place and date, type word, title, motto -> unit, parent, symbol, date, type
    (["UBND TỈNH NINH BÌNH", "SỞ TÀI CHÍNH"], "71/BC-STC", "Ninh Bình, ngày 14 tháng 8 năm 2025", "BÁO CÁO",
     "Kết quả kiểm soát thủ tục hành chính quý III", MOTTO,
     "Sở Tài chính", "UBND tỉnh Ninh Bình", "71/BC-STC", "2025-08-14", "Báo cáo"),
    (["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG KHƯƠNG"], "205/KH-UBND", "Mường Khương, ngày 02 tháng 01 năm 2026", "KẾ HOẠCH",
     "Cải cách hành chính năm 2026", MOTTO,
     "UBND huyện Mường Khương", None, "205/KH-UBND", "2026-01-02", "Kế hoạch"),
    (["BỘ TÀI CHÍNH", "CỤC HẢI QUAN"], "930/QĐ-CHQ", "Hà Nội, ngày 30 tháng 9 năm 2025", "QUYẾT ĐỊNH",
     "Về việc ban hành Quy chế làm việc", MOTTO,
     "Cục Hải quan", "Bộ Tài chính", "930/QĐ-CHQ", "2025-09-30", "Quyết định"),
    (["ỦY BAN NHÂN DÂN", "XÃ", "PHÚ LỘC"], "18/TB-UBND", "Phú Lộc, ngày 9 tháng 4 năm 2024", "THÔNG BÁO",
     "Lịch tiếp công dân tháng 4", MOTTO,
     "UBND xã Phú Lộc", None, "18/TB-UBND", "2024-04-09", "Thông báo"),
    (["HUYỆN ỦY TAM ĐẢO"], "41-BC/HU", "Tam Đảo, ngày 20 tháng 6 năm 2025", "BÁO CÁO",
     "Sơ kết công tác xây dựng Đảng 6 tháng đầu năm", PARTY_MOTTO,
     "Huyện ủy Tam Đảo", None, "41-BC/HU", "2025-06-20", "Báo cáo"),
    (["TỈNH ỦY", "GIA LAI"], "12-CT/TU", "Pleiku, ngày 3 tháng 2 năm 2025", "CHỈ THỊ",
     "Về tăng cường lãnh đạo công tác chuyển đổi số", PARTY_MOTTO,
     "Tỉnh ủy Gia Lai", None, "12-CT/TU", "2025-02-03", "Chỉ thị"),
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("left, number, place_date, kind, title, motto, unit, parent, symbol, date, doc_type", HEADERS,
                         ids=[h[1] for h in HEADERS])
def test_header_in_every_layout(style, left, number, place_date, kind, title, motto, unit, parent, symbol, date, doc_type):
    info = parse_report(layout(style, left, number, place_date, kind, title, motto))
    assert (info.unit, info.unit_parent, info.symbol, info.date, info.doc_type) == (unit, parent, symbol, date, doc_type)
    assert info.title == title and info.unit_source == "header" and not info.unit_inferred


DRAFTS = [  # number, place and date -> symbol, date: blank means not yet given, never a guess
    ("/BC-UBND", "Tân Phú, ngày     tháng 6 năm 2025", None, None),
    ("    /KH-UBND", "Tân Phú, ngày 12 tháng 6 năm 2025", None, "2025-06-12"),
    ("33/BC-UBND", "Tân Phú, ngày  tháng  năm 2025", "33/BC-UBND", None),
]


@pytest.mark.parametrize("style", ("columns", "pipes", "cell_lines"))
@pytest.mark.parametrize("number, place_date, symbol, date", DRAFTS)
def test_drafts_give_none(style, number, place_date, symbol, date):
    info = parse_report(layout(style, ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"], number, place_date, "DỰ THẢO BÁO CÁO", "Kết quả"))
    assert (info.symbol, info.date, info.doc_type, info.unit) == (symbol, date, "Báo cáo", "UBND xã Tân Phú")


TESSERACT = [  # an OCR engine without Vietnamese, its own line breaks -> unit, symbol, date, type
    ("UY BAN NHAN DAN\nTINH NINH BINH\n|\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phtc\n|\n"
     "S6: 218 /BC-UBND\nNinh Binh, ngay 08\nthang 3 nam 2023\n\nBAO CAO\nKet qua cai cach hanh chinh\n\n" + BODY,
     "UBND tỉnh Ninh Bình", "218/BC-UBND", "2023-03-08", "Báo cáo"),
    ("BAN CHi DAO CAI\n\nCACH HANH CHINH CUA CHINH PHU\n|\nCONG HOA XA HOI CHU NGHIA VIET NAM\n|\nDoc lap - Tu do - Hanh phuc\n"
     "S06: 12/QD-BCDCCHC\n|\nHa Ndi, ngay 08\nthang 3 nam 2023\n\nQUYET DINH\nBan hanh Ke hoach hoat dong nam 2023\n\n" + BODY,
     "Ban Chỉ đạo cải cách hành chính của Chính phủ", "12/QĐ-BCĐCCHC", "2023-03-08", "Quyết định"),
]


@pytest.mark.parametrize("text, unit, symbol, date, doc_type", TESSERACT)
def test_ocr_without_vietnamese(text, unit, symbol, date, doc_type):
    info = parse_report(text)
    assert (info.symbol, info.date, info.doc_type) == (symbol, date, doc_type)
    assert info.unit.lower() == unit.lower()


def _bare_ubnd(place_date: str, after_title: str = "", body: str = BODY, foot: str = "") -> str:
    return (f"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 64/QĐ-UBND | {place_date} |\n"
            f"QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch năm 2025\n{after_title}{body}{foot}")


INFERRED = [  # a header saying only ỦY BAN NHÂN DÂN: the unit stated elsewhere, recorded as inferred
    (_bare_ubnd("Đà Lạt, ngày 5 tháng 5 năm 2025", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n"),
     "UBND tỉnh Lâm Đồng", "authority line"),
    (_bare_ubnd("Thạnh Phú, ngày 5 tháng 5 năm 2025", body="Căn cứ tình hình thực tế, UBND huyện Thạnh Phú ban hành "
                "Kế hoạch như sau:\n"), "UBND huyện Thạnh Phú", "body"),
    (_bare_ubnd("Vị Thanh, ngày 5 tháng 5 năm 2025", foot="\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
                "TỈNH HẬU GIANG\nCHỦ TỊCH\n"), "UBND tỉnh Hậu Giang", "signature"),
    (_bare_ubnd("Cần Thơ, ngày 5 tháng 5 năm 2025"), "UBND thành phố Cần Thơ", "place"),
    (_bare_ubnd("Sa Đéc, ngày 5 tháng 5 năm 2025", body="Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"), None, None),
]


@pytest.mark.parametrize("text, unit, source", INFERRED)
def test_unit_inferred_and_recorded(text, unit, source):
    info = parse_report(text)
    assert (info.unit, info.unit_source, info.unit_inferred) == (unit or "UBND", source or "header", source is not None)


NO_HEADER = [  # pages without a header: no unit or type unless the text states them
    ("Công tác chuyển đổi số trên địa bàn phường Tân An\n\nỦy ban nhân dân phường Tân An xây dựng ban hành các Kế hoạch "
     "về chuyển đổi số. Ban hành kèm theo quyết định này quy định chế độ báo cáo.\n", None, None),
    ("II. NHIỆM VỤ TRỌNG TÂM\n1. Ban hành kèm theo quyết định này quy định chế độ báo cáo định kỳ; Quyết định số "
     "12/QĐ-UBND ngày 03/4/2024 của UBND tỉnh.\n", None, None),
    ("BÁO CÁO\nKết quả chuyển đổi số quý I năm 2025\nCăn cứ Kế hoạch số 9/KH-UBND ngày 05/01/2025 của UBND huyện;\n"
     "UBND xã Tân An báo cáo kết quả như sau:\n", "UBND xã Tân An", "Báo cáo"),
]


@pytest.mark.parametrize("text, unit, doc_type", NO_HEADER)
def test_no_header(text, unit, doc_type):
    info = parse_report(text)
    assert (info.unit, info.doc_type, info.date, info.symbol) == (unit, doc_type, None, None)
