"""Header, foot, period and unit naming: one row per layout or OCR damage (table-driven)."""
from __future__ import annotations

import pytest

from indexer.parse import parse_report
from indexer.parse.periods import find_period
from indexer.parse.signature import restore_person_name
from indexer.parse.units import name_unit


def header(left1: str, left2: str, number: str, place_date: str, kind: str = "BÁO CÁO", title: str = "Kết quả năm 2025") -> str:
    """A two-column official header as digital extraction prints it."""
    return (f"{left1}      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{left2}      Độc lập - Tự do - Hạnh phúc\n\n"
            f"Số: {number}      {place_date}\n\n{kind}\n{title}\n\nThực hiện nhiệm vụ được giao, báo cáo như sau:\n")


HEADERS = [  # text, unit, parent, symbol, date, place, doc_type
    (header("UBND TỈNH BẮC NINH", "SỞ NỘI VỤ", "245/BC-SNV", "Bắc Ninh, ngày 15 tháng 6 năm 2025"),
     "Sở Nội vụ", "UBND tỉnh Bắc Ninh", "245/BC-SNV", "2025-06-15", "Bắc Ninh", "Báo cáo"),
    (header("ỦY BAN NHÂN DÂN", "XÃ YÊN PHONG", "12/KH-UBND", "Yên Phong, ngày 03 tháng 01 năm 2025", "KẾ HOẠCH"),
     "UBND xã Yên Phong", None, "12/KH-UBND", "2025-01-03", "Yên Phong", "Kế hoạch"),
    (header("UBND QUẬN BA ĐÌNH", "PHÒNG NỘI VỤ", "7/TTr-PNV", "Ba Đình, ngày 9 tháng 9 năm 2024", "TỜ TRÌNH"),
     "Phòng Nội vụ", "UBND quận Ba Đình", "7/TTr-PNV", "2024-09-09", "Ba Đình", "Tờ trình"),
    (header("UBND TỈNH NGHỆ AN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "88/BC-SVHTTDL", "Nghệ An, ngày  tháng 12 năm 2025"),
     "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Nghệ An", "88/BC-SVHTTDL", None, "Nghệ An", "Báo cáo"),
    ("UBND TỈNH LÀO CAI\nSỞ Y TẾ                      Lào Cai, ngày 2 tháng 1 năm 2025\nSố: 3/BC-SYT\n\nBÁO CÁO\nKết quả\n",
     "Sở Y tế", "UBND tỉnh Lào Cai", "3/BC-SYT", "2025-01-02", "Lào Cai", "Báo cáo"),
    # OCR, Hải Phòng seed style
    ("UBND THANH PHO HAI PHONG CONG HOA XA HQI CHU NGHIA VIET NAM\nSO KHOA HQC VA CONG NGHE Péc 1ap - Tw do - Hanh phuc\n\n"
     "$6:597/BC-SKHCN Hai Phong, ngay 5 thang 12 nam 2025\n\n] . BAO CAO\nKeét qua cong tac nam 2025\n\nPhuc déap Cong van",
     "Sở Khoa học và Công nghệ", "UBND thành phố Hải Phòng", "597/BC-SKHCN", "2025-12-05", "Hải Phòng", "Báo cáo"),
    (" PHUONG LE CHAN Péc 1ap - Tu do - Hanh phic\nS6:365 /BC-UBND Phuong L8 Chan, ngay 01 thang 12 ndm 2025\nBAO CAO\n\n"
     "ConNg tac tuyén truyén niim 2025\n\nThuc hién Coéng vin",
     "UBND phường Lê Chân", "UBND thành phố Hải Phòng", "365/BC-UBND", "2025-12-01", "phường Lê Chân", "Báo cáo"),
]


@pytest.mark.parametrize("text, unit, parent, symbol, date, place, doc_type", HEADERS)
def test_header_fields(text, unit, parent, symbol, date, place, doc_type):
    info = parse_report(text)
    assert (info.unit, info.unit_parent, info.symbol, info.date, info.place, info.doc_type) == (
        unit, parent, symbol, date, place, doc_type)


BODY_UNITS = [  # no header: the unit is the subject of the reporting verb
    (" BAO CAO\n\nKét qua nam 2025\n\nCan cir Quyét dinh sé 3041/QD-UBND ngay 26/7/2025 caa UBND\nthanh phé. UBND\n"
     "phuong Kinh Mén bao cdo két qua thuc hién nhu sau:\n", "UBND phường Kinh Môn"),
    ("KẾ HOẠCH\nTuyên truyền năm 2025\n\nThực hiện Quyết định số 1/QĐ-UBND ngày 2/1/2025 của UBND tỉnh, Sở Xây dựng ban hành "
     "kế hoạch như sau:\n", "Sở Xây dựng"),
]


@pytest.mark.parametrize("text, unit", BODY_UNITS)
def test_unit_from_body(text, unit):
    assert parse_report(text).unit == unit


UNIT_NAMES = [
    ("SO KHOA HQC VA CONG NGHE", "Sở Khoa học và Công nghệ"),
    ("S& Khoa hoc va Cong nghé", "Sở Khoa học và Công nghệ"),
    ("Uy ban nhan dan phuong L& Chan", "UBND phường Lê Chân"),
    ("S& Vin hoa, Thé thao va Du lich thanh phé Hai Phong", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
    ("ỦY BAN NHÂN DÂN XÃ YÊN PHONG", "UBND xã Yên Phong"),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
    ("UBND TỈNH BẮC NINH", "UBND tỉnh Bắc Ninh"),
    ("PHƯỜNG BẾN THÀNH", "UBND phường Bến Thành"),
    ("THANH TRA TỈNH", "Thanh tra tỉnh"),
    # absent from the tables, OCR'd: kinds read on the print, names restored
    ("Uy ban nhan dan x& Yén Dinh", "UBND xã Yên Định"),
    ("SO TAI CHINH TINH NGHE AN", "Sở Tài chính tỉnh Nghệ An"),
    ("VAN PHONG HDND VA UBND HUYEN AN LAO", "Văn phòng HĐND và UBND huyện An Lão"),
    ("không phải đơn vị", None),
]


@pytest.mark.parametrize("printed, proper", UNIT_NAMES)
def test_unit_names(printed, proper):
    assert name_unit(printed) == proper


PERIODS = [
    ("Kết quả thực hiện cải cách hành chính Quý 1/2025", "Quý 1/2025"),
    ("Két qua thyc hign cai cach hanh chinh Quy 1/2025", "Quý 1/2025"),
    ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUY 11/2025", "Quý 2/2025"),
    ("báo cáo quý III năm 2025", "Quý 3/2025"),
    ("Tuyén truyén nha nwéc 6 thiang cudi nim 2025", "6 tháng cuối năm 2025"),
    ("Kết quả 6 tháng đầu năm 2024", "6 tháng đầu năm 2024"),
    ("Báo cáo tháng 3/2025", "tháng 3/2025"),
    ("Kết quả năm 2025, phương hướng nhiệm vụ năm 2026", "năm 2025"),
    ("Chương trình giai đoạn 2021-2025", "giai đoạn 2021-2025"),
    ("triển khai Chỉ thị số 27/CT-TTg", None),
]


@pytest.mark.parametrize("title, period", PERIODS)
def test_periods(title, period):
    assert find_period(title) == period


NAMES = [
    ("Nguyén Thi Bich Dung", "Nguyễn Thị Bích Dung"),
    ("Pham Viét Anh", "Phạm Viết Anh"),
    ("Vii Pai Thing", "Vũ Đại Thắng"),
    ("Trần Văn Hùng", "Trần Văn Hùng"),
    ("Giam Doc So", None),  # no surname: not a person
]


@pytest.mark.parametrize("printed, proper", NAMES)
def test_person_names(printed, proper):
    assert restore_person_name(printed) == proper


FOOT = ("\n\nNơi nhận:                                 KT. GIÁM ĐỐC\n- UBND tỉnh (b/c);                     PHÓ GIÁM ĐỐC\n"
        "- Lãnh đạo Sở;\n- Lưu: VT, VP.\n\n                                   Nguyễn Minh Tuấn\n")


def test_foot_signer_role_and_recipients():
    info = parse_report("BÁO CÁO\nKết quả\n\nNội dung." + FOOT)
    assert (info.signer, info.signer_role) == ("Nguyễn Minh Tuấn", "Phó Giám đốc")
    assert info.recipients == ["UBND tỉnh (b/c)", "Lãnh đạo Sở", "Lưu: VT, VP"]


def test_e_signature_gives_the_name():
    text = "BÁO CÁO\nKết quả\n\nNơi nhận:\n- Lưu: VT.\nVii Pai Thing\n\tVũ Đại Thắng<vudaithang@haiphong.gov.vn> đã ký lên văn bản này\n"
    assert parse_report(text).signer == "Vũ Đại Thắng"


def test_cong_van_title_from_vv_line():
    text = "UBND TỈNH QUẢNG NINH\nVĂN PHÒNG\nSố: 2150/VP-TH\nV/v triển khai Chỉ thị số 27/CT-TTg\nQuảng Ninh, ngày 20 tháng 8 năm 2025\n"
    info = parse_report(text)
    assert (info.doc_type, info.title, info.unit) == ("Công văn", "triển khai Chỉ thị số 27/CT-TTg", "Văn phòng UBND tỉnh Quảng Ninh")


def test_responds_to_first_directive_after_lead():
    text = "BÁO CÁO\nKết quả\n\nPhúc đáp Công văn số 3320/SNV-CCHC ngày 30/10/2025 của Sở Nội vụ, căn cứ Quyết định số 1/QĐ-UBND\n"
    assert parse_report(text).responds_to == "3320/SNV-CCHC"


def test_empty_text_parses_to_nothing():
    info = parse_report("")
    assert (info.unit, info.symbol, info.citations, info.sections) == (None, None, [], [])


LAYOUTS = [  # text, doc_type, title, date
    ("UBND TỈNH HƯNG YÊN\nSố: 9/QĐ-UBND\nHưng Yên, ngày 05/3/2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch cải cách hành chính năm 2025\n"
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     "Quyết định", "Về việc ban hành Kế hoạch cải cách hành chính năm 2025", "2025-03-05"),
    ("SỞ Y TẾ\nSố: 3/BC-SYT\nLào Cai, ngày 2 tháng 1 năm 2025\n\nBÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025\n\nThực hiện chỉ đạo...\n",
     "Báo cáo", "SƠ KẾT 6 THÁNG ĐẦU NĂM 2025", "2025-01-02"),
    ("SỞ Y TẾ\nSố: 4/KH-SYT\nLào Cai, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nKIỂM TRA CẢI CÁCH HÀNH CHÍNH\nNĂM 2025\n\nThực hiện chỉ đạo...\n",
     "Kế hoạch", "KIỂM TRA CẢI CÁCH HÀNH CHÍNH NĂM 2025", "2025-01-02"),
]


@pytest.mark.parametrize("text, doc_type, title, date", LAYOUTS)
def test_type_title_and_date_layouts(text, doc_type, title, date):
    info = parse_report(text)
    assert (info.doc_type, info.title, info.date) == (doc_type, title, date)


OCR_RECIPIENTS = [  # printed item, shown item
    ("- S6 VH,TT&DL; )", "Sở VH,TT&DL"),
    ("- Cac phong thudc S¢;", "Các phòng thuộc Sở"),
    ("- UBND thanh phé (dé b/c);", "UBND thành phố (dé b/c)"),
    ("- S& Vian héa Thé thao va Du lich (b/c);", "Sở Văn hóa, Thể thao và Du lịch (b/c)"),
    ("- CB,CC phuong;", "CB,CC phường"),
    ("- Lb S¢;", "Lb S¢"),  # debris stays as printed rather than invented
    ("- Luu: VT.", "Lưu: VT"),
]


@pytest.mark.parametrize("printed, shown", OCR_RECIPIENTS)
def test_ocr_recipients(printed, shown):
    info = parse_report("BAO CAO\nKet qua\n\nNoi nhan:\n" + printed + "\n")
    assert info.recipients == [shown]
