"""Heading tree, OCR numerals and section kinds; topics with evidence lines (table-driven)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.parse import parse_report
from indexer.parse.sections import parse_sections, roman_value, section_kind
from indexer.parse.topics import detect_topics, load_taxonomy

ROMANS = [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("IX", 9), ("|", 1), ("I1", 2), ("Il", 2), ("I11", 3), ("ABC", None)]


@pytest.mark.parametrize("printed, value", ROMANS)
def test_roman_numerals_as_ocr_prints_them(printed, value):
    assert roman_value(printed) == value


KINDS = [
    ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "chi_dao"),
    ("CONG TAC CHIi PAO, PIEU HANH", "chi_dao"),
    ("KẾT QUẢ THỰC HIỆN", "ket_qua"),
    ("KET QUA PAT PUQC", "ket_qua"),
    ("KẾT QUẢ THỰC HIỆN CÔNG TÁC CHỈ ĐẠO", "ket_qua"),
    ("ĐÁNH GIÁ CHUNG", "danh_gia"),
    ("DPANH GIA CHUNG", "danh_gia"),
    ("TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "danh_gia"),
    ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2025", "phuong_huong"),
    ("NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025", "phuong_huong"),
    ("KIẾN NGHỊ, ĐỀ XUẤT", "kien_nghi"),
    ("PE XUAT, KIEN NGHI", "kien_nghi"),
    ("MỤC ĐÍCH, YÊU CẦU", "other"),
    ("TỔ CHỨC THỰC HIỆN", "other"),
]


@pytest.mark.parametrize("heading, kind", KINDS)
def test_section_kinds(heading, kind):
    assert section_kind(heading) == kind


DOC = """BÁO CÁO
|. KET QUA THUC HIEN
1. Cong tac chi dao
noi dung
2. Ket qua cu the
2.1. Tuyen truyen truc quan
a) Long ghep noi dung
b) Hoi nghi
I1. PANH GIA CHUNG
1. Uu diem
I11. PHUONG HUONG NHIEM VU NAM 2026
1. PANH GIA LAI:
"""


def test_tree_levels_lines_and_repaired_numbers():
    roots = parse_sections(DOC)
    assert [(s.number, s.kind, s.line, s.end_line) for s in roots] == [
        ("I", "ket_qua", 2, 8), ("II", "danh_gia", 9, 10), ("III", "phuong_huong", 11, 11), ("IV", "danh_gia", 12, 12)]
    first = roots[0]
    assert [(c.number, c.level) for c in first.children] == [("1", 2), ("2", 2)]
    (decimal,) = first.children[1].children
    assert (decimal.number, decimal.level, [c.number for c in decimal.children]) == ("2.1", 3, ["a", "b"])


def test_numbered_sentences_are_not_roman_without_caps():
    roots = parse_sections("1. Tiếp tục triển khai kế hoạch\n2. Đẩy mạnh tuyên truyền\n")
    assert [(s.number, s.level) for s in roots] == [("1", 1), ("2", 1)]


TOPICS = [
    ("Tiếp nhận hồ sơ tại Bộ phận Một cửa", "mot_cua"),
    ("tiép nhan tai Bo phan Mot cira", "mot_cua"),
    ("duy tri He thong quan ly chat lugng TCVN ISO 9001:2015", "iso_9001"),
    ("kich hoat tai khoan VNeID muc do 2", "de_an_06"),
    ("nâng cao Chỉ số PAR Index và SIPAS", "chi_so"),
    ("dich vy cong truc tuyén toan trinh", "dich_vu_cong"),
    ("sắp xếp tổ chức bộ máy tinh gọn", "to_chuc_bo_may"),
    ("chuyén d6i s6 trong co quan", "chuyen_doi_so"),
]


@pytest.mark.parametrize("text, topic", TOPICS)
def test_topics_on_clean_and_ocr_text(text, topic):
    hits = {h.topic: h.lines for h in detect_topics("dòng đầu\n" + text)}
    assert hits.get(topic) == [2]


def test_taxonomy_has_the_six_pillars_and_labels():
    ids = {t.id for t in load_taxonomy()}
    assert {"the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"} <= ids
    assert all(t.label and t.triggers for t in load_taxonomy())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐIVX0123456789/-.:;,()\n \t&$é"), max_size=400))
def test_parse_never_fails(text):
    info = parse_report(text)
    assert all(c.line >= 1 and c.end_line >= c.line for c in info.citations)
