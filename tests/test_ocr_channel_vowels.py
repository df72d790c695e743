"""Confusions of the OCR channel (indexer/data/ocr_substitutions.tsv, indexer/ocr/channel.py):
ư printed as a plain `e` between consonants, and the stand-ins of ă/â (`i`, `ai`, `ia`, `d`) read only
before a final consonant (ă and â never end a syllable). Invented phrases, written from the layout."""
from __future__ import annotations

import pytest

from indexer.ocr import token_readings
from indexer.ocr.channel import candidates


def best(costs: dict[str, float]) -> str:
    return min(costs, key=costs.__getitem__)


# (printed token, its cheapest reading)
CHEAPEST = [
    ("trec", "truc"),  # trực: ư printed e
    ("treong", "truong"),  # trương
    ("thec", "thuc"),  # thực
    ("niam", "nam"),  # năm: ă printed ia before m
    ("tdm", "tom"),  # ô before the final m stays the likelier reading
    ("Oy", "uy"),  # Ủy printed Oy: a capitalised word's first letter takes the lower-case rules
    ("oy", "uy"),
    ("Vvéi", "voi"),  # với, its capital V doubled
    ("pang", "dang"),  # đảng: đ printed as a lower-case p
    ("p6i", "doi"),  # đổi
    ("Pay", "day"),  # đẩy, the capital P as before
    ("i¢", "lo"),  # l printed i: lở / lệ (the document decides)
]


@pytest.mark.parametrize(("printed", "reading"), CHEAPEST)
def test_the_cheapest_reading(printed: str, reading: str) -> None:
    assert best(candidates(printed)) == reading


# (printed token, a reading the channel must not offer): an ă/â stand-in as the last letter
NOT_OFFERED = [
    ("hai", "ha"),  # hai, not hạ: `ai` for ă needs a final consonant after it
    ("tai", "ta"),
    ("nhii", "nha"),
    ("tri", "tra"),  # i for ă at the end
    ("tre", "tru"),  # e for ư only between consonants
    ("phong", "dhong"),  # p for đ is no ph
]


@pytest.mark.parametrize("code", ["VT", "BTP", "STP", "NB", "CTR"])
def test_an_all_caps_code_takes_no_lower_case_rule(code: str) -> None:
    # `t` for ư inside `VT` would make the archive mark `Lưu: VT` a syllable (vư); codes are read by rule
    assert candidates(code, allow_edits=False) == {}


@pytest.mark.parametrize(("printed", "reading"), NOT_OFFERED)
def test_a_vowel_that_cannot_end_a_syllable_is_not_read_at_the_end(printed: str, reading: str) -> None:
    assert reading not in candidates(printed, allow_edits=False)


# (printed phrase, token looked at, its best reading in the phrase)
IN_CONTEXT = [
    ("chinh quyén dia phuong hai cép", "hai", "hai"),  # hai cấp, not hạ cấp
    ("nop hd so trec tuyén tai nha", "trec", "truc"),  # trực tuyến, no neighbour needed
    ("chu treong cua Tinh uy", "treong", "truong"),  # chủ trương
    ("dang ky khai sinh trec tuyén", "trec", "truc"),
    ("hop tryc tuyén", "tryc", "truc"),  # the y form still reads trực
    ("ty i¢ hd so dung han", "i¢", "le"),  # tỷ lệ
    ("cong tac xay dung pang", "pang", "dang"),  # đảng
]


@pytest.mark.parametrize(("phrase", "token", "reading"), IN_CONTEXT)
def test_reading_in_a_phrase(phrase: str, token: str, reading: str) -> None:
    words = phrase.split()
    assert token_readings(words)[words.index(token)][0] == reading


# (printed phrase, token, a reading the index must hold for it): in a phrase this short the other
# reading may still come first (`Oy` alone reads o), the document's evidence decides; search finds both
INDEXED = [
    ("cua Oy ban nhan dan tinh", "Oy", "uy"),  # Ủy ban
    ("Tinh iy Lam Dong", "iy", "uy"),  # Tỉnh ủy
]


@pytest.mark.parametrize(("phrase", "token", "reading"), INDEXED)
def test_a_reading_the_index_holds(phrase: str, token: str, reading: str) -> None:
    words = phrase.split()
    assert reading in token_readings(words)[words.index(token)]


# (printed phrase, number token, the readings it gets): the number first; a syllable its digits print
# only beside a neighbour it makes a word with (tỷ lệ)
NUMBERS = [
    ("ty 18 s6 ho so dung han", "18", ("18", "le")),  # tỷ lệ
    ("ngay 18 thang 3 nam 2025", "18", ("18",)),  # a date: no word with ngày or tháng
    ("dat 10 diem", "10", ("10",)),
]


@pytest.mark.parametrize(("phrase", "token", "readings"), NUMBERS)
def test_digits_printed_for_a_syllable(phrase: str, token: str, readings: tuple[str, ...]) -> None:
    words = phrase.split()
    assert token_readings(words)[words.index(token)] == readings
