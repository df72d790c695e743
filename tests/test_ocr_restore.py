"""restore_text / restore_words: OCR titles and unit lines back to proper Vietnamese."""
from __future__ import annotations

import pytest

from indexer.ocr import restore_text, restore_words

RESTORED = [
    ("Keét qua cong tac tuyén truyen cai cach hanh chinh nha nwéc nam 2025",
     "Kết quả công tác tuyên truyền cải cách hành chính nhà nước năm 2025"),
    ("SO KHOA HQC VA CONG NGHE", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),  # caps kept, Q read as O
    ("Péc 1ap - Tw do - Hanh phuc", "Độc lập - Tự do - Hạnh phúc"),
    ("S& Khoa hoc va Cong nghé", "Sở Khoa học và Công nghệ"),  # & is the hook of ở
    ("chi dao cia S¢ Tu phap", "chỉ đạo của Sở Tư pháp"),
    ("muc tiéu ciia Pang", "mục tiêu của Đảng"),  # capital: Đảng, not đang
    ("Quyét dinh s6 362/QB-UBND", "Quyết định số 362/QĐ-UBND"),  # symbol code repaired
    ("Quy IV nam 2025", "Quý IV năm 2025"),
    ("$6: 597/BC-SKHCN", "Số: 597/BC-SKHCN"),
    ("I11. NHIEM VU", "III. NHIỆM VỤ"),
    ("thu tuc hanh chinh dién tir", "thủ tục hành chính điện tử"),
    ("Két qua thyc hign cai cach", "Kết quả thực hiện cải cách"),  # g for ệ
    # personal names: a capitalised run from a surname on
    ("Nguyén Thi Bich Dung", "Nguyễn Thị Bích Dung"),
    ("Vii Pai Thing", "Vũ Đại Thắng"),
    ("Ong Nguyén Van Hung, Pho Giam déc S&", "Ông Nguyễn Văn Hùng, Phó Giám đốc Sở"),
    ("phuong Dé Son", "phường Đồ Sơn"),  # a place, not the surname Đỗ
    # unit lines: caps spread to one-letter tokens, Sở before a name, số before a number
    ("S& NOI VU", "SỞ NỘI VỤ"),
    ("SO TAI CHINH", "SỞ TÀI CHÍNH"),
    ("Sé Y té", "Sở Y tế"),
    ("Ké hoach sé 12", "Kế hoạch số 12"),
    ("CONG HOA XA HOI CHU NGHIA VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]


@pytest.mark.parametrize(("printed", "expected"), RESTORED)
def test_restore_text(printed: str, expected: str) -> None:
    assert restore_text(printed) == expected


def test_clean_text_is_returned_as_printed() -> None:
    text = "Báo cáo kết quả thực hiện công tác cải cách hành chính quý IV năm 2025 của Sở Nội vụ"
    assert restore_text(text) == text


def test_punctuation_and_spacing_kept() -> None:
    assert restore_text("  (cia)  ,S6;  ") == "  (của)  ,Số;  "


def test_restore_words_keeps_length_and_case() -> None:
    words = ["BAO", "CAO", "Ket", "qua"]
    restored = restore_words(words)
    assert restored == ["BÁO", "CÁO", "Kết", "quả"]


def test_empty() -> None:
    assert restore_text("") == ""
    assert restore_words([]) == []


@pytest.mark.parametrize(
    "printed,restored",
    [
        ("Quy 1/2025", "Quý 1/2025"),
        ("bao cao quy I nam 2025", "báo cáo quý I năm 2025"),
        ("quy dinh", "quy định"),  # no number after it: the lexicon word stands
    ],
)
def test_counting_word_before_a_number(printed, restored):
    assert restore_text(printed) == restored
