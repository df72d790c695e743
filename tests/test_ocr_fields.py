"""Glyph slips between the tokens of a field (indexer/ocr/fields.py): a horn printed as an apostrophe,
a quarter's numeral printed with look-alike glyphs. Invented titles, written from the layout."""
from __future__ import annotations

import pytest

from indexer.ocr.fields import tidy_field
from indexer.parse.restore import restore

CASES = [
    ("thu'c hién Ké hoach s6 12", "thuc hién Ké hoach s6 12"),  # ư printed u'
    ("THU'C HIEN NGHI QUYET", "THUC HIEN NGHI QUYET"),
    ("chu tru’ong cua Pang", "chu truong cua Pang"),  # the typographic apostrophe too
    ("xa K’Nớ huyen Lac Duong", "xa K’Nớ huyen Lac Duong"),  # after a consonant: a name's apostrophe
    ("huyện Đắk R’lấp", "huyện Đắk R’lấp"),
    ("xa Ia H’Drai", "xa Ia H’Drai"),
    ("co'so dir liéu", "co'so dir liéu"),  # `coso` is no syllable: left for the restorer
    ("Két qua cong tac Quy | nam 2025", "Két qua cong tac Quy I nam 2025"),  # a bar for I
    ("Két qua quý l/2025", "Két qua quý I/2025"),
    ("công tác quý IH năm 2024", "công tác quý III năm 2024"),  # H: two I's joined
    ("công tác quý II] năm 2024", "công tác quý III năm 2024"),  # a bracket for I
    ("công tác quý |V năm 2024", "công tác quý IV năm 2024"),
    ("Kết quả Quý 1 năm 2025", "Kết quả Quý 1 năm 2025"),  # an arabic 1 is how some write it
    ("Kết quả quý 11 năm 2025", "Kết quả quý 11 năm 2025"),
    ("quy hoach | quy che", "quy hoach | quy che"),  # a bar after another word: a cell border
    ("quý VI năm 2025", "quý VI năm 2025"),  # no quarter VI: left alone
    ("MỤC TIÊU QUÁẢN LÝ ĐẤT ĐAI", "MỤC TIÊU QUẢN LÝ ĐẤT ĐAI"),  # a vowel printed twice, two marks
    ("nâng cao múức độ hài lòng", "nâng cao mức độ hài lòng"),  # the one with more marks is kept
    ("người đứng đầu cơ quan", "người đứng đầu cơ quan"),  # ư beside ơ: two vowels, nothing doubled
    ("Kết quả xoá bỏ thủ tục", "Kết quả xoá bỏ thủ tục"),
    ("PHÁT TRIỂN ỨNG DỤNG DỮ. LIỆU DÂN CƯ", "PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU DÂN CƯ"),  # a speck read as a stop
    ("KẾT QUẢ NĂM 2025. PHƯƠNG HƯỚNG", "KẾT QUẢ NĂM 2025. PHƯƠNG HƯỚNG"),  # no word across it
    ("BÁO CÁO TỔNG KẾT. KẾ HOẠCH NĂM", "BÁO CÁO TỔNG KẾT. KẾ HOẠCH NĂM"),
    ("triển khai số. Hóa đơn điện tử", "triển khai số. Hóa đơn điện tử"),  # lower case: a sentence may end
]


@pytest.mark.parametrize(("printed", "tidied"), CASES)
def test_tidy_field(printed: str, tidied: str) -> None:
    assert tidy_field(printed) == tidied


@pytest.mark.parametrize(("printed", "restored"), [
    ("thu'c hién cong tac dan van nam 2024", "thực hiện công tác dân vận năm 2024"),
    ("Két qua cong tac cai cach hanh chinh Quy | nam 2025", "Kết quả công tác cải cách hành chính Quý I năm 2025"),
    ("Kết quả công tác cải cách hành chính quý IH năm 2025", "Kết quả công tác cải cách hành chính quý III năm 2025"),
])
def test_a_restored_title(printed: str, restored: str) -> None:
    assert restore(printed) == restored
