"""Place names on OCR text: restoring adds marks or undoes stand-ins, never changes printed letters;
a document's several printings of a name vote. Written from the rule, with invented places."""
from __future__ import annotations

import pytest

from indexer.parse import parse_report
from indexer.parse.place_names import agreed_spelling, keep_place_letters, letters_fit, printings, respell_name
from indexer.parse.place_tables import (
    commonest_place_spelling,
    commonest_place_spellings,
    commune_spelling,
    district_spelling,
)
from indexer.parse.unit_places import place_spelt, respell_institutions, spelled_as_document, title_spelt_as_unit
from indexer.parse.units import name_unit, national_body
from indexer.textnorm import fold
from indexer.vietnamese.data import load_json as load


def folded(text: str | None) -> str:
    return fold(text or "").lower()


FITS = [  # printed, spelled
    ("Hoa", "Hòa"),  # marks added
    ("TAN", "Tân"),  # capitals
    ("H6", "Hồ"),  # a digit standing for a vowel
    ("S&n", "Sơn"),  # a glyph standing for a vowel
    ("Krdng", "Krông"),  # a letter the OCR prints for ô inside a word
    ("Pong", "Đông"),  # the OCR's P for Đ
    ("R'lay", "R’lấy"),  # apostrophes are no letters
]
MISFITS = [
    ("Ia", "Lạ"),  # a consonant for a vowel
    ("Sa", "Xa"),  # another consonant
    ("Binh", "Ninh"),
    ("Dak", "Đã"),  # a printed letter dropped
    ("Mo", "Mộc"),  # a letter added
    ("Pong", "Dông"),  # P stands for Đ, never for a plain D
    ("Tan", "Tin"),  # a plain vowel is no stand-in
]


@pytest.mark.parametrize(("printed", "spelled"), FITS)
def test_marks_and_stand_ins_fit(printed: str, spelled: str) -> None:
    assert letters_fit(printed, spelled)


@pytest.mark.parametrize(("printed", "spelled"), MISFITS)
def test_changed_letters_do_not_fit(printed: str, spelled: str) -> None:
    assert not letters_fit(printed, spelled)


def test_a_restored_word_that_changes_letters_gives_way_to_the_printed_one() -> None:
    assert keep_place_letters(["EA", "TAN", "H6"], ["Lạ", "Tám", "Hồ"]) == ["EA", "TAN", "Hồ"]


def ocr_document(header_place: str, body_places: list[str]) -> str:
    body = "\n".join(f"Uy ban nhan dan xa {p} bao cao két qua thang {k + 1} nam 2025." for k, p in enumerate(body_places))
    return ("UY BAN NHAN DAN              CONG HOA XA HOI CHU NGHIA VIET NAM\n"
            f"XA {header_place}              Péc lap - Tu do - Hanh phuc\n"
            f"S6: 17/BC-UBND              {body_places[0]}, ngay 4 thang 5 nam 2025\n\n"
            f"BAO CAO\nKét qua cong tac cai cach hanh chinh\n\n{body}\n")


def test_the_printings_find_each_other_through_one_damaged_letter() -> None:
    text = ocr_document("BEN POI", ["Ben Doi", "Ben Déi", "Bén Doi"])
    found = printings(text, ["Bến", "Pói"])
    assert ["BEN", "POI"] in found and ["Ben", "Doi"] in found and len(found) >= 4


def test_a_stroke_lost_in_one_printing_is_restored_by_the_others() -> None:
    text = ocr_document("BEN POI", ["Ben Doi", "Ben Doi", "Ben Doi"])
    assert folded(" ".join(agreed_spelling(["Bến", "Pói"], text))) == "ben doi"
    assert "Đ" in " ".join(agreed_spelling(["Bến", "Pói"], text))  # D and P agree only on Đ


def test_printings_that_all_print_p_keep_it() -> None:
    text = ocr_document("LUNG PO", ["Lung Po", "Lung Po", "Lung Po"])
    assert folded(" ".join(agreed_spelling(["Lũng", "Đồ"], text))) == "lung po"


def test_one_damaged_vowel_is_outvoted() -> None:
    text = ocr_document("KIM TING", ["Kim Tung", "Kim Tung", "Kim Tung"])
    assert folded(" ".join(agreed_spelling(["Kim", "Tăng"], text))) == "kim tung"


def test_a_single_printing_keeps_the_name() -> None:
    text = "BAO CAO\nKet qua nam 2025 cua xa Kim Tung.\n"
    assert agreed_spelling(["Kim", "Tăng"], text) == ["Kim", "Tăng"]


def test_typed_documents_are_not_revoted() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN BÌNH\nỦy ban nhân dân xã Tân Ninh, xã Tân Ninh và xã Tân Ninh "
            "cùng báo cáo kết quả thực hiện nhiệm vụ năm 2025 như sau.\n")
    assert spelled_as_document("UBND xã Tân Bình", text) == "UBND xã Tân Bình"


def test_an_unknown_place_keeps_its_printed_letters_end_to_end() -> None:
    info = parse_report(ocr_document("EA KHANH", ["Ea Khanh", "Ea Khanh", "Ea Khanh"]))
    assert folded(info.unit) == "ubnd xa ea khanh"


def test_a_place_damaged_in_the_header_is_read_as_the_body_prints_it() -> None:
    info = parse_report(ocr_document("NAM P6NG", ["Nam Dong", "Nam Dong", "Nam Dong"]))
    assert folded(info.unit) == "ubnd xa nam dong"


def test_unit_names_print_the_typographic_apostrophe() -> None:
    assert name_unit("ỦY BAN NHÂN DÂN XÃ ĐĂK R'VANG") == "UBND xã Đăk R’vang"


@pytest.mark.parametrize(("kind", "printed", "spelled"), [
    ("huyện", "Krong Pic", "Krông Pắc"),  # ô printed o, ắ printed i
    ("huyện", "CHU SE", "Chư Sê"),
    ("thị xã", "Sa Pa", "Sa Pa"),
    ("huyện", "Dak R'lap", "Đắk R’Lấp"),
])
def test_a_district_damaged_by_the_ocr_is_spelt_by_the_table(kind: str, printed: str, spelled: str) -> None:
    assert district_spelling(kind, printed.split()) == spelled.split()


@pytest.mark.parametrize(("kind", "printed"), [("huyện", "Vân Khê Thượng"), ("quận", "Krong Pic"), ("huyện", "")])
def test_no_district_for_an_unknown_name_or_another_kind(kind: str, printed: str) -> None:
    assert district_spelling(kind, printed.split()) is None


def test_the_districts_table_names_each_district_once_per_province() -> None:
    rows = load("districts.json")["districts"]
    keys = [(r["province"], r["kind"], r["name"]) for r in rows]
    assert len(rows) > 600 and len(set(keys)) == len(keys)
    assert {r["kind"] for r in rows} == {"quận", "huyện", "thị xã", "thành phố"}


def test_a_title_spells_the_units_place_as_the_unit_does() -> None:
    printed = "Ve viec kien toan Ban Chi dao huyen Moc Phan, nam 2025"
    restored = "Về việc kiện toàn Ban Chỉ đạo huyện Mộc Phấn, năm 2025"
    assert respell_name(printed, restored, ["Mọc", "Phan"]).endswith("huyện Mọc Phan, năm 2025")
    assert respell_name("HUYEN MOC PHAN", "HUYỆN MỘC PHẤN", ["Mọc", "Phan"]) == "HUYỆN MỌC PHAN"


def test_a_title_keeps_other_names_and_typed_titles() -> None:
    assert respell_name("huyen Lam Son", "huyện Lam Sơn", ["Mọc", "Phan"]) == "huyện Lam Sơn"
    typed = "Kế hoạch của huyện Mộc Phấn"
    assert title_spelt_as_unit(typed, typed, "UBND huyện Mọc Phan") == typed


@pytest.mark.parametrize(("printed", "restored", "unit", "expected"), [
    ("Sa Pa", "Sa Đà", "UBND thị xã Sa Pa", "Sa Pa"),  # the unit's spelling
    ("Lung Mo", "Lừng Mộ", "UBND xã Lũng Mơ", "Lũng Mơ"),
    ("EA TAN", "Lạ Tân", None, "EA Tân"),  # no unit: the printed letters kept
    ("Pa Nẵng", "Pa Nẵng", None, "Đà Nẵng"),  # a province: its table's spelling
])
def test_the_place_of_the_date_line_is_spelt_like_the_unit(printed: str, restored: str, unit: str | None,
                                                           expected: str) -> None:
    assert place_spelt(printed, restored, unit) == expected


@pytest.mark.parametrize(("kind", "printed", "spelled"), [
    ("xã", "Ia Phin", "Ia Phìn"),  # marks added
    ("xã", "DUNG K’NO", "Đưng K’Nớ"),  # the table's `KNớ`, the printed apostrophe kept
    ("xã", "Phudc L6c", "Phước Lộc"),  # stand-ins for vowels undone
])
def test_a_commune_is_spelt_by_the_table_when_one_name_fits(kind: str, printed: str, spelled: str) -> None:
    assert commune_spelling(kind, printed.split()) == spelled.split()


def test_no_commune_for_an_invented_name_or_changed_letters() -> None:
    assert commune_spelling("xã", ["Vân", "Khê", "Thượng", "Nguồn"]) is None
    assert commune_spelling("xã", ["La", "Phin"]) is None  # the table's Ia Phìn is another name


def test_several_fitting_names_give_none() -> None:
    fitting = {n for n in load("communes.json")["xã"] if fold(n).lower() == "tan hoa"}
    assert len(fitting) > 1 and commune_spelling("xã", ["Tan", "Hoa"]) is None


@pytest.mark.parametrize(("printed", "name"), [
    ("BO TU PHAP", "Bộ Tư pháp"), ("B6 NOI VU", "Bộ Nội vụ"), ("NGAN HANG NHA NUOC VIET NAM", "Ngân hàng Nhà nước Việt Nam"),
    ("CUC VAN THU VA LUU TRU’ NHA NUOC", "Cục Văn thư và Lưu trữ nhà nước"),  # tesseract's horn printed as ’
])
def test_a_national_body_damaged_by_the_ocr_takes_its_tabled_name(printed: str, name: str) -> None:
    assert national_body(printed) == name and name_unit(printed) == name


def test_a_national_body_name_with_more_words_is_not_the_body() -> None:
    assert national_body("BO TU PHAP TINH LANG SON") is None


@pytest.mark.parametrize(("printed", "restored", "expected"), [
    ("thuoc Uy ban nhan dan thi xa", "thuộc Ấy ban nhân dân thị xã", "thuộc Ủy ban nhân dân thị xã"),
    ("cua Ban Chi dao tinh", "cá Ban Chủ đạo tỉnh", "cá Ban Chỉ đạo tỉnh"),
    ("CUA BO VAN HOA, THE THAO VA DU LICH", "CỦA BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "CỦA BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    ("muc tieu quan ly tren dia ban", "mục tiêu quản lý trên địa bàn", "mục tiêu quản lý trên địa bàn"),  # no Quận ủy
])
def test_a_bodys_name_in_a_title_takes_its_tabled_spelling(printed: str, restored: str, expected: str) -> None:
    assert respell_institutions(printed, restored) == expected


def test_a_neighbour_one_vowel_apart_named_more_often_is_another_place() -> None:
    text = ocr_document("PHU LOC", ["Phu Loc", "Phu Lac", "Phu Lac", "Phu Lac", "Phu Lac"])
    assert folded(" ".join(agreed_spelling(["Phú", "Lộc"], text))) == "phu loc"


def test_a_title_naming_a_neighbour_one_vowel_apart_keeps_it() -> None:
    assert respell_name("xa Phu Lac", "xã Phú Lạc", ["Phú", "Lộc"]) == "xã Phú Lạc"


def test_a_place_named_without_its_kind_is_looked_up_as_a_province_or_district() -> None:
    assert name_unit("HUYEN UY DONG ANH") == "Huyện ủy Đông Anh"  # not the restorer's Đồng Anh
    assert name_unit("HUYEN UY KRONG PIC") == "Huyện ủy Krông Pắc"
    assert district_spelling(None, ["Krong", "Pic"]) == ["Krông", "Pắc"]


def test_a_plain_syllable_the_restorer_spelt_unusually_takes_the_place_names_spelling() -> None:
    assert commonest_place_spelling("HOA", "Hóa") == "Hòa"  # hóa is a common word, Hòa the common name
    assert commonest_place_spelling("H6A", "Hóa") == "Hóa"  # a glyph says which mark: left alone
    assert commonest_place_spelling("XYZQ", "Xyzq") == "Xyzq"


def test_two_syllables_the_lexicon_spells_as_one_word_are_left_alone() -> None:
    assert commonest_place_spellings(["DONG", "TAM"], ["Đồng", "Tâm"]) == ["Đồng", "Tâm"]
