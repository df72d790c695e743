"""A letter's OCR forms are the OCR's: a clean report's own marks (`sẽ`) are no misprint of `số`, and a
long query's marked lone vowel may come out as any plain vowel (`troc` for trực). Invented reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.api import Library, update_index
from indexer.search.variants import printed_forms, spelled_with_marks


@pytest.mark.parametrize(("word", "typed", "words", "printed", "accepted"), [
    ("truc", "trực", 3, "troc", True),  # ự printed o: no letter table has it, the consonants hold
    ("thong", "thông", 5, "thang", True),
    ("truc", "trực", 2, "troc", False),  # two words: too unspecific for a whole-vowel swap
    ("truc", "trực", 2, "trec", True),  # ... but ư printed e is a form the channel table lists
    ("che", "chế", 3, "chu", False),  # no final consonant: `phổ biến chủ` is no biên chế
    ("tuyen", "tuyến", 3, "tuyan", False),  # a nucleus of several vowels keeps its table forms
    ("truc", "truc", 3, "trec", False),  # typed without marks: the user's letters
])
def test_a_lone_marked_vowel_in_a_long_query(word: str, typed: str, words: int, printed: str, accepted: bool) -> None:
    assert printed_forms(word, typed, words).accepts(printed) is accepted


@pytest.mark.parametrize(("printed", "marked"), [("sẽ", True), ("Sẽ", True), ("sé", False), ("se", False), ("s6", False)])
def test_real_marks_are_told_from_the_ocr_s_generic_accent(printed: str, marked: bool) -> None:
    assert spelled_with_marks(printed) is marked


def test_a_token_printed_with_its_own_marks_is_no_misprint() -> None:
    forms = printed_forms("so", "số", 3)
    assert forms.accepts("se")  # the fold alone cannot tell
    assert forms.accepts_printed("se", "sé") and not forms.accepts_printed("se", "sẽ")
    assert forms.accepts_printed("so", "số")


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("clean-marks-docs")
    (folder / "typed.txt").write_text(
        "BÁO CÁO\nNăm tới chính quyền sẽ tiếp tục rà soát thủ tục.\nCán bộ được tập huấn nghiệp vụ.\n", encoding="utf-8")
    (folder / "digital.txt").write_text(
        "KẾ HOẠCH\nXây dựng chính quyền số năm 2026.\nNgười dân đăng ký trực tuyến tại nhà.\n", encoding="utf-8")
    (folder / "scanned.txt").write_text(
        "BAO CAO\nKét qua cong tac nam 2025 cua xa Lang Mo.\nTrién khai xay dung chinh quyén sé va do thi thong minh.\n"
        "Nguoi dan dang ky trec tuyén ho so.\nTang cuong ung dung cong nghé thang tin trong quan ly.\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("clean-marks-index") / "index"
    update_index([folder], index)
    return Library.open(index)


def listed(library: Library, query: str) -> dict[str, set[int]]:
    result = library.search(query, limit=20, with_facets=False)
    return {Path(h.path).name: {lh.line for lh in h.lines} for h in result.hits}


def test_a_clean_report_s_other_syllable_is_not_listed(library: Library) -> None:
    assert listed(library, "chính quyền số") == {"digital.txt": {2}, "scanned.txt": {3}}
    assert library.search("chính quyền số", limit=20, with_facets=False).total == 2


@pytest.mark.parametrize(("query", "line"), [("đăng ký trực tuyến", 4), ("ứng dụng công nghệ thông tin", 5)])
def test_a_whole_vowel_misread_in_a_long_query(library: Library, query: str, line: int) -> None:
    assert line in listed(library, query).get("scanned.txt", set())


@pytest.fixture(scope="module")
def scanned_library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("slip-docs")
    (folder / "scan.txt").write_text(
        "BAO CAO\nKién toan Ban Chi dao cai cach hanh chinh cua xa.\n"
        "Thong tin trén béo chi (Bao Lang Son) va Cong thong tin cua xa.\n"
        "Rà soat thi tuc hanh chinh noi bo.\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("slip-index") / "index"
    update_index([folder], index)
    return Library.open(index)


def test_a_slipped_word_needs_the_others_read_as_typed(scanned_library: Library) -> None:
    # `béo chi Bao` is báo chí Báo: `ban` one edit from bao and `đ` printed `B` are two doubts, not one
    assert listed(scanned_library, "Ban Chỉ đạo") == {"scan.txt": {2}}


def test_one_slip_beside_words_read_as_typed_still_counts(scanned_library: Library) -> None:
    assert 4 in listed(scanned_library, "thủ tục hành chính nội bộ").get("scan.txt", set())
