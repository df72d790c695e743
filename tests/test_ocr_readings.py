"""token_readings: one table per confusion family, garbled token in context -> expected reading.

Each case is a short printed phrase, the index of the token under test, and
the reading expected first (or, for collisions, the set that must be kept).
"""
from __future__ import annotations

import pytest

from indexer.ocr import token_readings
from indexer.textnorm import tokenize


def readings_of(phrase: str, index: int) -> tuple[str, ...]:
    words = [t.text for t in tokenize(phrase)]
    return token_readings(words)[index]


def best(phrase: str, index: int, expected: str, family: str):
    return pytest.param(phrase, index, expected, id=f"{family}:{phrase.split()[index] if index < len(phrase.split()) else phrase}")


BEST_CASES = [
    # ô / ơ family: hat read as a digit, a letter, & or ¢
    best("s6 lieu thong ke", 0, "so", "o-digit"),
    best("t6 chirc hoi nghi", 0, "to", "o-digit"),
    best("thanh phd Hai Phong", 1, "pho", "o-d"),
    best("nguoi dan va doanh nghiép", 0, "nguoi", "plain"),
    best("S& Noi vu thanh pho", 0, "so", "o-ampersand"),
    best("S¢ Tu phap thanh pho", 0, "so", "o-cent"),
    best("cac ngudi lam viéc", 1, "nguoi", "o-d"),
    best("HQC tap va lam viec", 0, "hoc", "O-Q"),
    # u family: cia ctia caa for của, ir for ứ
    best("ket qua ctia don vi", 2, "cua", "u-ti"),
    best("chi dao ciia Uy ban", 2, "cua", "u-ii"),
    best("té chirc thuc hién", 1, "chuc", "u-ir"),
    best("nha nwéc", 1, "nuoc", "u-w"),
    best("co quan nha nudc", 3, "nuoc", "o-d"),
    best("thyc hién ké hoach", 0, "thuc", "u-y"),
    # ă / â family read as i
    best("trong nim 2025", 1, "nam", "a-i"),
    best("van ban chi dao", 0, "van", "plain"),
    # l read as 1 or I
    best("Péc 1ap - Tw do", 1, "lap", "l-1"),
    best("quan Iy nha nuoc", 1, "ly", "l-I"),
    best("quan 1y nha nuoc", 1, "ly", "l-1"),
    # capital Đ read as P, DP
    best("Péc 1ap - Tw do", 0, "doc", "D-P"),
    best("lanh dao cua Pang", 3, "dang", "D-P"),
    best("DPang uy phuong", 0, "dang", "D-DP"),
    # ê family and é
    best("tuyén truyén", 0, "tuyen", "e-acute"),
    best("V@ ban hanh van ban", 0, "ve", "e-at"),
    best("Keét qua cong tac", 0, "ket", "spurious"),
    # glyph stand-ins
    best("$6: 597/BC-SKHCN", 0, "so", "S-dollar"),
    best("¥ nghia cua cong tac", 0, "y", "y-yen"),
    best("kinh té - x4 hoi", 2, "xa", "a-4"),
    best("dugc thuc hien", 0, "duoc", "o-g"),
    best("cong thong tin dién tr", 4, "tu", "u-r"),
    best("nguoi dan ctr tri", 2, "cu", "u-tr"),
    best("kién toan té chirc by may", 4, "bo", "o-y"),
    best("ket qua chire nang", 2, "chuc", "c-e"),
    # context decides a collision
    best("té chirc thuc hién", 0, "to", "collision-context"),
    best("kinh té - xa hoi", 1, "te", "collision-context"),
    best("béo céo ket qua", 0, "bao", "a-acute"),
    best("béo céo ket qua", 1, "cao", "a-acute"),
]


@pytest.mark.parametrize(("phrase", "index", "expected"), BEST_CASES)
def test_best_reading(phrase: str, index: int, expected: str) -> None:
    assert readings_of(phrase, index)[0] == expected


SYMBOL_CASES = [
    ("Quyet dinh so 362/QB-UBND ngay 5/3/2025", "QB", "qd"),
    ("Nghi dinh so 118/2025/NB-CP cua Chinh phu", "NB", "nd"),
    ("Phuong an so 01/PA-NV ngay 2/1/2025", "PA", "da"),
    ("Quyet dinh 15/QD-UBND", "QD", "qd"),
    ("Nghi quyet cua TTHDPND phuong", "TTHDPND", "tthdpnd"),  # outside a symbol: as printed
    ("Ket luan 12/KL-TTHDPND ngay", "TTHDPND", "tthdnd"),
    ("tiéu chuan TCVN 1SO 9001:2015", "1SO", "iso"),
    ("Quyet dinh so 362/QÐ-UBND", "QÐ", "qd"),  # eth typed for Đ
]


@pytest.mark.parametrize(("phrase", "code", "expected"), SYMBOL_CASES)
def test_symbol_codes(phrase: str, code: str, expected: str) -> None:
    words = [t.text for t in tokenize(phrase)]
    assert token_readings(words)[words.index(code)][0] == expected


CLEAN_TEXTS = [
    "Kết quả công tác tuyên truyền cải cách hành chính nhà nước năm 2025",
    "Sở Khoa học và Công nghệ đã ban hành Kế hoạch số 68/KH-SKHCN ngày 06/5/2025",
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
    "Quyết định số 3041/QĐ-UBND của Ủy ban nhân dân thành phố Hải Phòng",
]


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_text_reads_as_its_fold(text: str) -> None:
    tokens = tokenize(text)
    assert token_readings([t.text for t in tokens]) == [(t.fold,) for t in tokens]


COLLISIONS = [
    ("ding", {"dung", "dang"}),  # đúng / đăng: the hat of ă and the accent of ú both print as i
    ("ning", {"nang", "nung"}),
]


def test_stray_glyph_word_in_clean_text_is_repaired() -> None:
    text = "Kết quả công tác tuyên truyền của Sở Nội vụ năm 2025 theo Kế hoạch S6 68/KH-SNV"
    words = [t.text for t in tokenize(text)]
    readings = token_readings(words)
    assert readings[words.index("S6")] == ("so",)
    assert all(r == (t.lower(),) or not t.isalpha() for t, r in zip(words, readings) if t.isascii())


@pytest.mark.parametrize(("token", "kept"), COLLISIONS)
def test_collision_without_context_keeps_both(token: str, kept: set[str]) -> None:
    assert set(readings_of(token, 0)) >= kept


def test_e_acute_alone_reads_as_e_hat() -> None:
    # `té` alone: é stands for ê far more often than for ô; context must say tổ
    assert readings_of("té", 0)[0] == "te"
    assert readings_of("té chirc", 0)[0] == "to"


def test_readings_are_short_and_deduplicated() -> None:
    words = [t.text for t in tokenize("S& Khoa hoc va Cong nghé béo céo két qua nhu sau cia ctia caa S Sé")]
    for readings in token_readings(words):
        assert 1 <= len(readings) <= 3
        assert len(set(readings)) == len(readings)


def test_empty_document() -> None:
    assert token_readings([]) == []


CONTEXT_CASES = [
    # a counting word joins the number after it: `sé 118` is số 118, `sé` alone tế/sẽ
    ("Nghi dinh sé 118/2025/ND-CP", "sé", "so"),
    ("Ké hoach sé 362/KH-UBND", "sé", "so"),
    # a capitalised head before a name: `Sé Ngoai vu` is Sở Ngoại vụ
    ("trién khai cua Sé Ngoai vu", "Sé", "so"),
    # the document's own vocabulary: `dai` between chuyén and s6, where `doi` is printed plainly
    ("chuyén doi s6 va chuyén doi s6 va chuyén ddi s6", "ddi", "doi"),
]


@pytest.mark.parametrize(("phrase", "token", "expected"), CONTEXT_CASES)
def test_context_decides(phrase: str, token: str, expected: str) -> None:
    words = [t.text for t in tokenize(phrase)]
    assert token_readings(words)[words.index(token)][0] == expected


def test_quarter_in_ones_keeps_the_roman_reading() -> None:
    assert set(readings_of("QUY 11/2025", 1)) == {"11", "ii"}
    assert readings_of("ngay 11/2025", 1) == ("11",)


def test_document_frequency_breaks_a_tie() -> None:
    # `caa` is cua or cau; the document's plainly printed words decide which comes first
    def first_reading(prefix: str) -> tuple[str, ...]:
        words = [t.text for t in tokenize(prefix + " nhiem vu caa to chuc")]
        return token_readings(words)[words.index("caa")]

    assert set(first_reading("")) == {"cua", "cau"}
    assert first_reading("cua cua cua cua cua")[0] == "cua"
    assert first_reading("cau cau cau cau cau")[0] == "cau"
