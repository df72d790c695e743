"""Citations: one case per citation style, clean and OCR (table-driven, eyecite style)."""
from __future__ import annotations

import pytest

from indexer.parse.citations import extract_citations


def only(text: str, **kwargs):
    """The single citation a snippet holds."""
    found = extract_citations(text, **kwargs)
    assert len(found) == 1, [(c.symbol, c.name) for c in found]
    return found[0]


# snippet, type, symbol, date, issuer
CASES = [
    ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
     "Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ"),
    ("theo Quyết định 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ.",
     "Quyết định", "1291/QĐ-TTg", "2019-10-07", "Thủ tướng Chính phủ"),
    ("Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2025 của UBND tỉnh Bắc Ninh về",
     "Kế hoạch", "15/KH-UBND", "2025-01-20", "UBND tỉnh Bắc Ninh"),
    ("Chỉ thị 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ", "Chỉ thị", "23/CT-TTg", "2021-09-02", "Thủ tướng Chính phủ"),
    ("Thông tư 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ quy định",
     "Thông tư", "01/2023/TT-VPCP", "2023-04-05", "Văn phòng Chính phủ"),
    ("Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về", "Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị"),
    ("Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng",
     "Nghị quyết", "18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng"),
    ("Công văn số 1234/UBND-NC ngày 03/3/2025 của UBND Thành phố.", "Công văn", "1234/UBND-NC", "2025-03-03", "UBND thành phố"),
    ("Chương trình số 06-CTr/TU ngày 17/3/2021", "Chương trình", "06-CTr/TU", "2021-03-17", None),
    # OCR: Đ lost in the code, accents damaged in the words, `số` as s6/sé/sb
    ("Thuc hién Quyét dinh s6 3041/QD-UBND ngay 26/7/2025 caa Uy ban\nnhan dan thanh phé vé",
     "Quyết định", "3041/QĐ-UBND", "2025-07-26", "UBND thành phố"),
    ("Ké hoach sé 362/QB-UBND ngay\n10/02/2025 ciia UBND thanh pho vé viéc", "Kế hoạch", "362/QĐ-UBND", "2025-02-10", "UBND thành phố"),
    ("Nghi dinh s6 43/2006/NB-CP, cta Chinh pha", "Nghị định", "43/2006/NĐ-CP", None, "Chính phủ"),
    ("Phuc déap Cong van s6 6121/SVHTTDL-TTBCXB ngay 27/11/2025 cua\nS& Vin hoa, Thé thao va Du lich thanh phé Hai Phong vé",
     "Công văn", "6121/SVHTTDL-TTBCXB", "2025-11-27", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Bé an s6 01/PA-NV ngay 27/02/2025 vé viéc giai thé", "Đề án", "01/ĐA-NV", "2025-02-27", None),
    ("Thong bao s6 2555-TB/TU\nngay 06/02/2025 cua Ban Thuong vu Thanh uy vé",
     "Thông báo", "2555-TB/TU", "2025-02-06", "Ban Thường vụ Thành ủy"),
    ("Chi thi s6\n35/CT-TTg ngay 17/9/2024 cua Thua tuéng Chinh phu.", "Chỉ thị", "35/CT-TTg", "2024-09-17", "Thủ tướng Chính phủ"),
    ("cong dién s6 644/CD-TTg ngay 13/7/2023 cua", "Công điện", "644/CĐ-TTg", "2023-07-13", None),
    # symbols broken across a line end, cited without `số`
    ("Ké hoach s 15/KH-\nNV ngay 07/02/2025 vé viéc", "Kế hoạch", "15/KH-NV", "2025-02-07", None),
    ("Ké hoach s 339-\nKH/TU ngay 23/02/2024 ctia Ban Thudng vu Thanh uy", "Kế hoạch", "339-KH/TU", "2024-02-23", "Ban Thường vụ Thành ủy"),
    ("Nghi dinh\n20/2008/ND-CP cua Chinh pha duogc chi trong", "Nghị định", "20/2008/NĐ-CP", None, "Chính phủ"),
    ("Kế hoạch số 15/KH- UBND ngày 20/01/2025 của UBND tỉnh", "Kế hoạch", "15/KH-UBND", "2025-01-20", "UBND tỉnh"),
    # a date separated by a comma
    ("Nghi\ndinh s6 59/2023/ND-CP, ngay 14/08/2023 cua Chinh phu vé", "Nghị định", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ"),
    # standards
    ("tiéu chuan qudc gia TCVN 1SO 9001:2015 trong", "Tiêu chuẩn", "TCVN ISO 9001:2015", None, None),
    ("áp dụng TCVN 5555:2010 và", "Tiêu chuẩn", "TCVN 5555:2010", None, None),
    ("chứng nhận ISO 9001:2015.", "Tiêu chuẩn", "ISO 9001:2015", None, None),
]


@pytest.mark.parametrize("text, type_, symbol, date, issuer", CASES)
def test_citation_styles(text, type_, symbol, date, issuer):
    c = only(text)
    assert (c.type, c.symbol, c.date) == (type_, symbol, date)
    if issuer is not None:
        assert c.issuer == issuer


IMPOSSIBLE = [
    ("Quyét dinh sé 3041/QD-UBND ngay 26/13/2025 caa UBND", "26/13/2025"),
    ("Nghi quyét 136/NQ-CP ngay 15/13/2021 ctia Chinh phu", "15/13/2021"),
    ("Quyết định số 10/QĐ-UBND ngày 30/02/2025", "30/02/2025"),
]


@pytest.mark.parametrize("text, raw", IMPOSSIBLE)
def test_impossible_dates_kept_raw(text, raw):
    c = only(text)
    assert c.date is None and c.date_raw == raw


NOT_CITATIONS = [
    "Thời gian dự thi từ 03/11/2025 đến 28/11/2025.",  # dates
    "Tuyên truyền Đề án 06/CP của Chính phủ",  # colloquial name: no symbol (a named instrument instead)
    "tuân thủ pháp luật của Nhà nước",  # `luật` of `pháp luật`
    "Luật sư tham gia tư vấn",
    "tỷ lệ 85/100 hồ sơ",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_no_symbol_where_none(text):
    assert [c.symbol for c in extract_citations(text) if c.symbol] == []


def test_named_law_with_date():
    c = only("Tổ chức triển khai Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và")
    assert (c.type, c.symbol, c.name, c.date) == ("Luật", None, "Luật Tổ chức chính quyền địa phương", "2015-06-19")


def test_de_an_by_number_is_named_not_symbol():
    c = only("Tuyén truyén Dé an 06 ctia Chinh Phu vé phat trién")
    assert (c.type, c.symbol, c.name) == ("Đề án", None, "Đề án 06")


def test_own_symbol_is_not_a_citation():
    text = "Số: 58/KH-NV\n(Kèm theo Kế hoạch số 58/KH-NV ngày 31/7/2025)\nQuyết định số 3041/QĐ-UBND"
    assert [c.symbol for c in extract_citations(text, own_symbol="58/KH-NV")] == ["3041/QĐ-UBND"]


def test_repeated_citation_counted_once_with_lines():
    text = "Quyết định số 5085/QĐ-UBND ngày 31/12/2024\nkhác\nQuyét dinh s 5085/QD-UBND ngay 31/12/2024"
    (c,) = extract_citations(text)
    assert (c.count, c.lines, c.line) == (2, [1, 3], 1)


def test_list_after_one_type_word():
    text = "các Kế hoạch: số 01/KH-\nNV ngày 07/01/2025 về rà soát, số 06/KH-NV ngày 05/02/2025 về theo dõi"
    found = extract_citations(text)
    assert [(c.type, c.symbol, c.date, c.line, c.end_line) for c in found] == [
        ("Kế hoạch", "01/KH-NV", "2025-01-07", 1, 2), ("Kế hoạch", "06/KH-NV", "2025-02-05", 2, 2)]


def test_same_symbol_for_two_subjects_stays_two_documents():
    text = ("Tờ trình số 06/TTr-NV ngày 27/02/2025 về việc kiện toàn cơ cấu tổ chức của Sở,\n"
            "Tờ trình 06/TTr-NV ngày 27/02/2025 về việc giải thể Trung tâm Thông tin")
    assert [c.symbol for c in extract_citations(text)] == ["06/TTr-NV", "06/TTr-NV"]


def test_raw_keeps_the_printed_citation():
    c = only("Ké hoach s 15/KH-\nNV ngay 07/02/2025 vé")
    assert c.raw == "Ké hoach s 15/KH-\nNV ngay 07/02/2025"


# Layouts of unseen documents (issue 11): snippet -> (type, symbol) of the single citation
UNSEEN = [
    ("Căn cứ Nghị quyết số 57- NQ/TW ngày 22/12/2024 của Bộ Chính trị;", "Nghị quyết", "57-NQ/TW"),
    ("Căn cứ Quyết định số 88/2003/QĐ.TTg ngày 12/5/2003 của Thủ tướng Chính phủ;", "Quyết định", "88/2003/QĐ-TTg"),
    ("Theo Quyết định số 412/QĐ-TTG ngày 02/4/2022;", "Quyết định", "412/QĐ-TTg"),
    ("Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ;", "Nghị quyết", "30c/NQ-CP"),
    ("Chương trình hành động số12- CTr/HU của Ban Thường vụ Huyện ủy;", "Chương trình", "12-CTr/HU"),
    ("Căn cứ Công văn 517/TCCV ngày 03/9/2019 của Tổ công tác;", "Công văn", "517/TCCV"),
    ("theo văn bản số 2208/SNV-CCHC ngày 30/8/2024 của Sở Nội vụ;", "Công văn", "2208/SNV-CCHC"),
    ("Căn cứ Thông tư liên tịch số 07/2016/TTLT-BTC-BKH&ĐT ngày 14/01/2016;", "Thông tư liên tịch",
     "07/2016/TTLT-BTC-BKH&ĐT"),
    ("Căn cứ Báo cáo thẩm định số 41/BCTB-STP ngày 2/6/2021 của Sở Tư pháp;", "Báo cáo", "41/BCTĐ-STP"),
    ("Căn cứ Thông tư số 11/2022/TT-\nBNV ngày 30/12/2022 của Bộ Nội vụ;", "Thông tư", "11/2022/TT-BNV"),
]


@pytest.mark.parametrize("text, kind, symbol", UNSEEN)
def test_unseen_citation_styles(text, kind, symbol):
    found = only(text)
    assert (found.type, found.symbol) == (kind, symbol)


NOT_CITATIONS = [  # snippet, own symbol: nothing is cited
    ("(Kèm theo Quyết định số 77/QĐ-UBND ngày 04/3/2025 của UBND tỉnh)", None),
    ("(Ban hành kèm theo Kế hoạch số 9/KH-UBND ngày 04/3/2025)", None),
    ("Số: 310/KH-UBND\nỦy ban nhân dân huyện ban hành Kế hoạch số 310/KH-UBND như sau:", "310/KH-UBND"),
    ("Kế hoạch của UBND huyện về chuyển đổi số; Nghị quyết Đại hội XIII của Đảng", None),
]


@pytest.mark.parametrize("text, own", NOT_CITATIONS)
def test_not_citations(text, own):
    assert [c.symbol for c in extract_citations(text, own) if c.symbol] == []


def test_one_document_written_two_ways():
    text = ("Thực hiện Quyết định 31/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ; hướng dẫn thi hành "
            "Quyết định số 31/2021/QĐ-TTg; Quyết định số 2629/QĐ-TTg ngày 01/12/2025. Thực hiện Quyết định số 2629/QĐ-T")
    assert [c.symbol for c in extract_citations(text)] == ["31/2021/QĐ-TTg", "2629/QĐ-TTg"]
