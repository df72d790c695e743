"""A syllable its neighbours disown is read as the word the context asks for, when the printed
token is a way the OCR prints that word (indexer/ocr/context.py). Invented phrases."""
from __future__ import annotations

import pytest

from indexer.ocr import token_readings
from indexer.ocr.context import reread
from indexer.ocr.restore import restore_text


def first_readings(words: list[str]) -> list[str | None]:
    return [r[0] if r and r[0].isalpha() else None for r in token_readings(words)]


# (printed phrase, the document's readings or None, the token looked at, its reading after)
CASES = [
    ("truéc khi sip xép lai", None, "sip", "sap"),  # ắ printed `i` (the letter table), sắp xếp
    ("va pé nghi cong nhan", None, "pé", "de"),  # đ printed `p`: đề nghị, not dạ (two letters changed)
    ("nop hd so troc tuyén", {"truc"}, "troc", "truc"),  # ự printed `o`: no table has it, the document reads trực
    ("nop hd so troc tuyén", None, "troc", "troc"),  # ... and without the document, no vowel swap
    ("nop hd so troc tuyén", {"tru"}, "troc", "troc"),  # nor when the document never reads trực
    ("bao cao 6 thang dau nam", {"thong", "thung"}, "thang", "thang"),  # a counting word beside its number
    ("to chirc Hoi thi tim hiéu", {"thu"}, "thi", "thi"),  # hội thi is a word: nothing disowned
    ("phudng Long Anh dat chuan", {"lang"}, "Long", "long"),  # part of a capitalised name
    ("ky cua Ban", {"cau"}, "cua", "cua"),  # a function word joins no neighbour by nature
    ("Hoat dong caa Ban Chi dao", None, "caa", "cua"),  # before a name: no word runs into it, a function word may head it
    ("Hoat dong cau Ban Chi dao", {"cua"}, "cau", "cau"),  # ... printed intact, it stays
]


@pytest.mark.parametrize(("printed", "known", "token", "expected"), CASES)
def test_a_disowned_syllable_takes_the_word_of_its_context(printed: str, known: set[str] | None, token: str, expected: str) -> None:
    words = printed.split()
    readings = first_readings(words)
    after = reread(words, readings, frozenset(known) if known is not None else None)
    assert after[words.index(token)] == expected


def test_a_syllable_printed_intact_changes_only_for_a_syllable_the_document_reads() -> None:
    words = "thuc hién sip xép don vi".split()  # `sip` printed for sắp: a real syllable in plain letters
    readings = first_readings(words)
    assert readings[2] == "sip"
    assert reread(words, readings, None)[2] == "sip"
    assert reread(words, readings, frozenset({"sap"}))[2] == "sap"


@pytest.mark.parametrize(("printed", "restored"), [
    ("Danh gia két qua va pé nghi cong nhan", "Đánh giá kết quả và đề nghị công nhận"),
    ("bao cao tai cac cudc hop giao ban", "báo cáo tại các cuộc họp giao ban"),
    ("Hoat dong caa Ban Chi dao huyén", "Hoạt động của Ban Chỉ đạo huyện"),  # not cáu bẳn: Ban opens a name
])
def test_restored_titles(printed: str, restored: str) -> None:
    assert restore_text(printed) == restored


def test_a_title_restored_with_the_document_s_readings() -> None:
    title = "truéc khi thyc hién sip xép don vi"
    known = {"truéc": "truoc", "thyc": "thuc", "hién": "hien", "sip": "sip", "xép": "xep", "don": "don", "vi": "vi", "sap": "sap"}
    assert restore_text(title) != "trước khi thực hiện sắp xếp đơn vị"  # alone, `sip` stays síp
    assert restore_text(title, known) == "trước khi thực hiện sắp xếp đơn vị"


@pytest.mark.parametrize(("printed", "restored"), [
    # a lexicon word holding a function word as spelt (để ẩn, khi thế) pays for the common syllable
    # it respells beside it: the two words apart win
    ("thuc hién Dé an sb 06 cua tinh", "thực hiện Đề án số 06 của tỉnh"),
    ("tao khi thé thi dua sdi noi", "tạo khí thế thi đua sôi nổi"),
    ("xay dung co s& du liéu", "xây dựng cơ sở dữ liệu"),
])
def test_a_word_respelling_a_common_syllable_beside_a_function_word(printed: str, restored: str) -> None:
    assert restore_text(printed) == restored


def test_no_word_runs_into_a_capitalised_name() -> None:
    restored = restore_text("Hoat dong cau Ban Chi dao")
    assert restored.split()[3:] == ["Ban", "Chỉ", "đạo"]  # not cáu bẳn (grumpy) across the name's capital
