"""A marked syllable in a query of two words or more may be printed with its letters in the forms the OCR
prints for them (the OCR's generic accent: `ố` as `é`; `ư` lost, `đ` as `p`, `l` as `i`), a token the index
reads as some other syllable or as none."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.api import Library, update_index
from indexer.search.variants import mark_parts, marked_vowel_printings, parts_regex, printed_forms


def test_the_misread_vowels_come_from_the_substitution_table() -> None:
    printings = marked_vowel_printings()
    assert "e" in printings["o"] and "e" in printings["a"]  # é stands for ố and for á
    assert all(v in "aeiouy" for shown in printings.values() for v in shown)


@pytest.mark.parametrize(("typed", "word", "printed"), [
    ("số", "so", "se"), ("Một", "mot", "met"), ("phận", "phan", "phen"), ("hướng", "huong", "hieng")])
def test_a_marked_vowel_may_be_printed_as_another(typed: str, word: str, printed: str) -> None:
    parts = mark_parts(typed, word)
    assert parts is not None and re.fullmatch(parts_regex(parts), printed)


@pytest.mark.parametrize(("typed", "word"), [("so", "so"), ("tin", "tin"), ("Ban", "ban")])
def test_unmarked_letters_stay_as_typed(typed: str, word: str) -> None:
    assert mark_parts(typed, word) is None


def test_a_word_alone_and_codes_keep_their_own_forms() -> None:
    assert printed_forms("so", "số", 1).is_plain
    code = printed_forms("vneid", "VNeID", 3)
    assert code.pattern is not None and re.fullmatch(code.pattern, "vneld")


@pytest.fixture(scope="module")
def small_library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("marks-docs")
    (folder / "typed.txt").write_text(
        "BÁO CÁO\nKết quả xây dựng chính quyền số năm 2025 của xã Vân Khê.\n"
        "Bộ phận Một cửa của xã tiếp nhận hồ sơ trực tuyến.\n", encoding="utf-8")
    (folder / "scanned.txt").write_text(
        "BAO CAO\nKét qua cong tac nam 2025 cua xa Lang Mo.\n"
        "Trién khai xay dung chinh quyén sé va do thi thong minh.\n"
        "Bo phan Mét cira xa tiép nhan ho so.\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("marks-index") / "index"
    update_index([folder], index)
    return Library.open(index)


def phrase_lines(library: Library, query: str) -> set[tuple[str, int]]:
    result = library.search(query, limit=20, with_facets=False)
    return {(Path(h.path).name, lh.line) for h in result.hits for lh in h.lines if lh.starts and not lh.scattered}


def test_a_misread_mark_still_finds_the_phrase_beside_an_exact_one(small_library: Library) -> None:
    assert phrase_lines(small_library, "chính quyền số") == {("typed.txt", 2), ("scanned.txt", 3)}


def test_a_misread_mark_in_one_word_of_three(small_library: Library) -> None:
    assert ("scanned.txt", 4) in phrase_lines(small_library, "Bộ phận Một cửa")


def test_a_misread_mark_in_a_two_word_query(small_library: Library) -> None:
    assert ("scanned.txt", 4) in phrase_lines(small_library, "Một cửa")


@pytest.mark.parametrize(("typed", "word", "printed"), [
    ("người", "nguoi", "ngoi"), ("đứng", "dung", "ping"), ("luật", "luat", "iuat")])
def test_letter_forms_of_the_measured_table_in_a_long_query(typed: str, word: str, printed: str) -> None:
    forms = printed_forms(word, typed, 3)
    assert forms.accepts(printed) and not printed_forms(word, typed, 1).accepts(printed)


@pytest.mark.parametrize(("typed", "word", "printed"), [
    ("báo", "bao", "bo"),  # a letter lost: `bộ, cơ` is no báo cáo
    ("người", "nguoi", "ngai"),  # two letters changed: `Ngãi dân` is no người dân
    ("chủ", "chu", "chua"),  # a rare form: `dân chưa` is no dân chủ
])
def test_a_two_word_query_admits_one_common_change_and_no_loss(typed: str, word: str, printed: str) -> None:
    assert not printed_forms(word, typed, 2).accepts(printed)
    assert printed_forms(word, typed, 2).accepts(word)


def test_a_two_word_query_still_takes_one_changed_letter() -> None:
    assert printed_forms("luat", "luật", 2).accepts("iuat")
    assert printed_forms("mot", "Một", 2).accepts("met")


@pytest.fixture(scope="module")
def letters_library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("letters-docs")
    (folder / "clean.txt").write_text(
        "BÁO CÁO\nUBND tỉnh Quảng Ngãi\ndân cư và các cơ quan, bộ, cơ quan ngang bộ; dân chưa quen.\n"
        "Người đứng đầu cơ quan chịu trách nhiệm; tăng cường kỷ luật, kỷ cương.\n", encoding="utf-8")
    (folder / "scanned.txt").write_text(
        "BAO CAO\nKét qua cong tac nam 2025 cua xa Lang Mo.\n"
        "d) Ngudi ping dau co quan chiu trach nhiém vé tién do.\n"
        "Tang cwong ky iuat, ky cuong trong thuc thi cong vu.\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("letters-index") / "index"
    update_index([folder], index)
    return Library.open(index)


def test_lost_and_changed_letters_find_the_scanned_phrase(letters_library: Library) -> None:
    assert phrase_lines(letters_library, "người đứng đầu") == {("clean.txt", 4), ("scanned.txt", 3)}
    assert phrase_lines(letters_library, "kỷ luật, kỷ cương") == {("clean.txt", 4), ("scanned.txt", 4)}
    assert ("scanned.txt", 4) in phrase_lines(letters_library, "kỷ luật")


def test_no_new_hits_on_clean_words(letters_library: Library) -> None:
    assert phrase_lines(letters_library, "báo cáo") == {("clean.txt", 1), ("scanned.txt", 1)}
    assert phrase_lines(letters_library, "người dân") == set()
    assert phrase_lines(letters_library, "dân chủ") == set()
