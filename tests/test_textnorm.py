"""Folding every Vietnamese letter, in both cases and both normal forms; tokens keep offsets."""
from __future__ import annotations

import unicodedata

import pytest

from indexer.textnorm import fold, query_words, tokenize

# base letter -> the vowel letters (hat/horn/breve variants) that fold to it
VOWEL_FAMILIES = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}
TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # sắc huyền hỏi ngã nặng


def all_letters():
    for base, letters in VOWEL_FAMILIES.items():
        for letter in letters:
            for tone in TONE_MARKS:
                composed = unicodedata.normalize("NFC", letter + tone)
                yield composed, base
    yield "đ", "d"


LETTERS = list(all_letters())


def test_the_table_covers_the_whole_alphabet():
    assert len(LETTERS) == 12 * 6 + 1  # 12 vowel letters x 6 tones, plus đ


@pytest.mark.parametrize("letter,base", LETTERS)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_every_letter_folds_to_its_base(letter, base, form, case):
    typed = unicodedata.normalize(form, case(letter))
    assert fold(typed) == base


@pytest.mark.parametrize(
    "printed,folded",
    [
        ("CẢI CÁCH hành chính", "cai cach hanh chinh"),
        ("tuyén truyén", "tuyen truyen"),  # OCR marks that differ only in diacritics
        ("Đảng", "dang"),
        ("QĐ-UBND", "qd-ubnd"),
        ("QÐ-UBND", "qd-ubnd"),  # eth look-alike
    ],
)
def test_phrases_fold(printed, folded):
    assert fold(printed) == folded


def test_tokens_point_at_the_printed_words():
    text = "S& Khoa hoc\nva Cong nghé: 597/BC-SKHCN"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["S&", "Khoa", "hoc", "va", "Cong", "nghé", "597", "BC", "SKHCN"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.line for t in tokens] == [1, 1, 1, 2, 2, 2, 2, 2, 2]


def test_query_words_tokenise_like_reports():
    assert query_words("Quyết định 3041/QĐ-UBND") == ["quyet", "dinh", "3041", "qd", "ubnd"]
