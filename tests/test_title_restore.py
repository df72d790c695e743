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


# An invented scanned decision: `thi` reads thi in its body (thi hành, Hội thi) and thủ in its title.
DECISION = (
    "UY BAN NHAN DAN\nXA LANG MO\nS6: 15/QD-UBND\nQUYET DINH\n"
    "Vé viéc cong bé danh muc thi tuc hanh chinh ndi bé\n"
    "Diéu 1. Quyét dinh nay cé hiéu luc thi hanh ké tir ngay ky.\n"
    "Diéu 2. Can bé tham gia Héi thi tim hiéu phap luat; ky thi tuyén dung; thi hanh nghiém.\n"
    "Diéu 3. Cong khai thu tuc hanh chinh tai Bo phan Mét cira; rut ngan thoi gian giai quyét thu tuc.\n"
    "Diéu 4. Ra soat thu tuc hanh chinh, don gian hoa thu tuc, thu tuc noi bé va thu tuc lién thong.\n"
)


def test_a_title_reads_its_tokens_where_they_are_printed() -> None:
    from indexer.parse.restore import document

    with document(DECISION):
        restored = restore("Vé viéc cong bé danh muc thi tuc hanh chinh ndi bé")
    assert restored is not None and "thủ tục hành chính" in restored


@pytest.mark.parametrize(("printed", "shown"), [
    ("Trién khai Nghi quyét s6 13-NQ/TU ngay 06/9/2023", "Nghị quyết số 13-NQ/TU ngày"),  # no TỪ
    ("Thuc hién Ké hoach s6 41-KH/HU cua Huyén uy", "Kế hoạch số 41-KH/HU của"),  # no HƯ
    ("Chuong trinh s6 12-CTr/PU cua Pang uy", "Chương trình số 12-CTr/ĐU của"),  # Đ printed P: the tabled code
    ("Quyét dinh s6 15/QD-UBND", "Quyết định số 15/QĐ-UBND"),
    ("UBND TINH HA NAM-SO NOI VU", "UBND TỈNH HÀ NAM-SỞ NỘI VỤ"),  # no number before: words, not codes
])
def test_a_symbol_s_codes_stay_codes(printed: str, shown: str) -> None:
    restored = restore(printed)
    assert restored is not None and shown in restored


@pytest.mark.parametrize(("words", "run", "at"), [
    (["a", "b", "c", "b", "c"], ["b", "c"], 1),  # the first place
    (["a", "b", "c"], ["c", "a"], None),  # not consecutive
    (["a", "b"], ["a", "b", "c"], None),  # longer than the text
    (["a", "b"], [], None),
])
def test_find_run(words: list[str], run: list[str], at: int | None) -> None:
    from indexer.parse.restore import find_run

    assert find_run(words, run) == at
