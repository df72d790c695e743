"""Figures: number + counted-noun phrases, on clean and OCR text; what is not a figure."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.compare import extract_figures

FIXTURES = Path(__file__).parent / "data" / "fixtures"


def fig(value, noun, kind="count", total=None, measure=None, qualifier=None):
    """What one figure must be: (value, noun id, kind) plus the optional parts we check."""
    return {"value": value, "noun": noun, "kind": kind, "total": total, "measure": measure, "qualifier": qualifier}


def found(text):
    return [{"value": f.value, "noun": f.noun, "kind": f.kind, "total": f.total, "measure": f.measure,
             "qualifier": f.qualifier} for f in extract_figures(text)]


FIGURE_CASES = [
    # clean text
    ("trên 730 tin, bài về cải cách hành chính", [fig(730, "tin_bai", qualifier="trên")]),
    ("đã tuyên truyền được 60 lượt tin bài", [fig(60, "tin_bai", measure="lượt")]),
    ("tổ chức 09 buổi tuyên truyền, thu hút 550 người tham dự",
     [fig(9, "buoi"), fig(550, "nguoi")]),
    ("kiến thức.120 học viên đã tham gia", [fig(120, "hoc_vien")]),
    ("thành lập tại 13/13 tổ dân phố", [fig(13, "to_dan_pho", "fraction", total=13)]),
    ("Đảm bảo 100% hồ sơ thủ tục hành chính", [fig(100, "ho_so", "percent")]),
    ("đạt 97,5% sự hài lòng", [fig(97.5, None, "percent", qualifier="đạt")]),
    ("hỗ trợ 1.250 hộ gia đình", [fig(1250, "ho_gia_dinh")]),
    ("cấp phép 03/03 hồ sơ xin phép", [fig(3, "ho_so", "fraction", total=3)]),
    ("100% các quy trình giải quyết", [fig(100, "thu_tuc", "percent")]),
    ("với 32 băng rôn, khẩu hiệu", [fig(32, "an_pham", qualifier="với")]),
    ("03 đợt tuyên truyền lớn với 21\nbuổi hỗ trợ trực tiếp", [fig(3, "dot"), fig(21, "buoi", qualifier="với")]),
    ("đã tiếp nhận 1.234 hồ sơ, giải quyết 98,5% hồ sơ trước hạn",
     [fig(1234, "ho_so"), fig(98.5, "ho_so", "percent")]),
    ("tổ chức 02 hội nghị với sự tham gia của 200 đại biểu", [fig(2, "hoi_nghi"), fig(200, "dai_bieu")]),
    ("mở 15 lớp tập huấn cho 1.200 lượt người", [fig(15, "lop"), fig(1200, "nguoi", measure="lượt")]),
    ("21/21 xã, phường hoàn thành; tăng 12% so với năm 2024",
     [fig(21, "don_vi", "fraction", total=21), fig(12, None, "percent")]),
    ("10.000 lượt truy cập; kinh phí 1,5 tỷ đồng và 1.234,5 triệu đồng; 97.5% hồ sơ",
     [fig(10000, "luot"), fig(1.5, "tien"), fig(1234.5, "tien"), fig(97.5, "ho_so", "percent")]),
    ("do 15 cán bộ thực hiện, cấp 100 tài khoản", [fig(15, "can_bo"), fig(100, "tai_khoan")]),
    # OCR text: the same phrases as scanned
    ("trén 730 tin, bai vé cai cach", [fig(730, "tin_bai", qualifier="trên")]),
    ("tuyén truyén dugc 60 lugt tin bai vé", [fig(60, "tin_bai", measure="lượt")]),
    ("d3 to chic\n09 budi tuyén truyén 10ng ghép, thu hit 550 ngudi tham du",
     [fig(9, "buoi"), fig(550, "nguoi")]),
    ("thanh 1ap day du tai 13/13 t6 dan\nphd; thanh vién", [fig(13, "to_dan_pho", "fraction", total=13)]),
    ("- Pam bao 100% ho so thi tuc hanh chinh", [fig(100, "ho_so", "percent")]),
    ("chi dao 100% cén b, cong chic tham gia", [fig(100, "can_bo", "percent")]),
    ("cac nha van hoa 13 to\ndan phé trong phuong", [fig(13, "to_dan_pho")]),
    # not figures: dates, symbols, years, section numbers, levels, phone numbers, names
    ("Quyết định số 3041/QĐ-UBND ngày 26/7/2025 của UBND thành phố", []),
    ("Quyét dinh s6 3041/QD-UBND ngay 26/13/2025 caa UBND", []),
    ("S6:365 /BC-UBND Phuong L8 Chan, ngay 01 thang 12 ndm 2025", []),
    ("năm 2025 phường Lê Chân; giai đoạn 2021-2030 người dân", []),
    ("2.1. Tuyên truyền trực quan\n3. Hội nghị tập huấn", []),
    ("tài khoản VNeID mức độ 1, mức độ 2 người dân", []),
    ("Tổng đài 1022 hỗ trợ người dân; đường dây nóng 0225.3842.000 người", []),
    ("ngày 03/03 hồ sơ được nộp", []),
    ("nâng cao tỷ lệ hồ sơ; ty 18 hd so truc tuyén", []),
    ("Đề án 06 của Chính phủ; Quý 1/2025 các đơn vị", []),
    ("xếp thứ 3/27 sở, ngành; Hội nghị lần thứ 5 người; Điều 5 Nghị định", []),
]


@pytest.mark.parametrize(("text", "expected"), FIGURE_CASES, ids=[c[0][:40] for c in FIGURE_CASES])
def test_figures(text, expected):
    assert found(text) == expected


def test_figure_keeps_printed_text_and_line():
    text = "Mở đầu\n\nPhường tổ chức 09 budi tập huấn,\nthu hút 550\nngudi tham dự."
    figures = extract_figures(text)
    assert [(f.text, f.line) for f in figures] == [("09 budi", 3), ("550 ngudi", 4)]
    assert [f.reading for f in figures] == ["09 buổi", "550 người"]
    assert figures[0].what.startswith("tap huan")
    assert figures[1].what == "tham du"


def test_fixture_figures_clean_and_ocr_agree():
    clean = extract_figures((FIXTURES / "compare_b.txt").read_text("utf-8"))
    ocr = extract_figures((FIXTURES / "compare_b_ocr.txt").read_text("utf-8"))
    key = lambda figures: [(f.value, f.noun, f.kind, f.total, f.line) for f in figures]  # noqa: E731
    assert key(clean) == key(ocr)
    assert key(clean) == [(140, "tin_bai", "count", None, 18), (60, "tin_bai", "count", None, 18),
                          (6, "buoi", "count", None, 22), (210, "hoc_vien", "count", None, 22),
                          (9, "to_dan_pho", "fraction", 10, 22)]


# --- any text at all: no crash, figures point into the text ------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from indexer.compare import shared_passages  # noqa: E402

TEXTISH = st.text(alphabet=st.sampled_from(list("0123456789 /%.,-:\n\tabcdéơưđ&¢@6tinbuổihồsơngười\x1b\u202e")),
                  max_size=300)


@settings(max_examples=200, deadline=None)
@given(TEXTISH)
def test_any_text_gives_figures_inside_it(text):
    lines = text.split("\n")
    for figure in extract_figures(text):
        assert 1 <= figure.line <= len(lines)
        assert figure.text.split()[0] in " ".join(text.split())
        assert figure.value >= 0


@settings(max_examples=100, deadline=None)
@given(TEXTISH, TEXTISH)
def test_any_two_texts_compare(a, b):
    passages, originality_a, originality_b = shared_passages(a, b)
    assert 0.0 <= originality_a.original_ratio <= 1.0 and 0.0 <= originality_b.original_ratio <= 1.0
    assert all(0 < p.containment <= 1 and 0 < p.jaccard <= 1 for p in passages)
