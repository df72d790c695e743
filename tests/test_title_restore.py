"""Titles of OCR'd reports restored as a whole field (indexer.parse.restore.restore): the channel's vowel
rules and the administrative collocations of indexer/data/ocr_extra_words.txt. Invented titles, written from
the layout (a trích yếu under the type word), never copied from a report."""
from __future__ import annotations

import pytest

from indexer.parse.restore import restore

TITLES = [
    # a plain `hai` stays hai: `ai` for ă needs a final consonant (was hạ cấp)
    ("Ve van hanh chinh quyén dia phuong hai cép tai xa", "Về vận hành chính quyền địa phương hai cấp tại xã"),
    # gắn với: `gin` printed for gắn, the collocation outweighs the intact syllable gìn
    ("Day manh cong tac dan van gin véi cai cach hanh chinh", "Đẩy mạnh công tác dân vận gắn với cải cách hành chính"),
    # cấp thẻ: `cép` is cộp by the channel alone, the pair says cấp
    ("Huéng dan cép thé bao hiém y té cho tré em", "Hướng dẫn cấp thẻ bảo hiểm y tế cho trẻ em"),
    # ư printed e: trực tuyến
    ("Ké hoach cung cap dich vu cong trec tuyén nam 2026", "Kế hoạch cung cấp dịch vụ công trực tuyến năm 2026"),
]


@pytest.mark.parametrize(("printed", "restored"), TITLES)
def test_a_title_restored(printed: str, restored: str) -> None:
    assert restore(printed) == restored
