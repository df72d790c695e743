"""The legacy tables and the syllable judge, against text as it is found in old
files (written from outside knowledge of the fonts, not from our own table)."""
from __future__ import annotations

import pytest

from indexer.ingest.decode import decode_report_bytes, vietnamese_share
from indexer.ingest.legacy import decode_tcvn3, decode_vni
from indexer.vietnamese.phonology import is_marked_syllable

# (bytes as a .VnTime / VNI-Times document holds them, read as Latin-1) -> Unicode
TCVN3_SEEN = {
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam": "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "§éc lËp - Tù do - H¹nh phóc": "Độc lập - Tự do - Hạnh phúc",
    "Uû ban nh©n d©n thµnh phè H¶i Phßng": "Uỷ ban nhân dân thành phố Hải Phòng",
    "B¸O C¸O": "BÁO CÁO",  # capitals typed with a .VnTimeH font: lower-case codes
    "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM": "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Së Néi vô; ®¬n vÞ; n¨m 2025; ­u tiªn; ph­¬ng ¸n": "Sở Nội vụ; đơn vị; năm 2025; ưu tiên; phương án",
}
VNI_SEEN = {
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam": "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Ñoäc laäp - Töï do - Haïnh phuùc": "Độc lập - Tự do - Hạnh phúc",
    "UÛY BAN NHAÂN DAÂN": "ỦY BAN NHÂN DÂN",
    "Sôû Noäi vuï; ñôn vò; naêm 2025; öu tieân; phöông aùn": "Sở Nội vụ; đơn vị; năm 2025; ưu tiên; phương án",
    "Aùnh saùng; quyeát ñònh; nguyeãn; khuyeán khích; thöïc hieän": "Ánh sáng; quyết định; nguyễn; khuyến khích; thực hiện",
}


@pytest.mark.parametrize("seen", TCVN3_SEEN)
def test_tcvn3_as_found_in_old_files(seen):
    assert decode_tcvn3(seen.encode("latin-1")) == TCVN3_SEEN[seen]


@pytest.mark.parametrize("seen", VNI_SEEN)
def test_vni_as_found_in_old_files(seen):
    assert decode_vni(seen.encode("latin-1")) == VNI_SEEN[seen]


@pytest.mark.parametrize("table", [TCVN3_SEEN, VNI_SEEN], ids=["tcvn3", "vni"])
def test_whole_legacy_headings_are_detected(table):
    raw = "\r\n".join(table).encode("latin-1")
    assert decode_report_bytes(raw).text == "\r\n".join(table.values())


SYLLABLES = {
    True: ["việt", "Nghĩa", "ĐẢNG", "quyết", "giờ", "gì", "khuya", "nguyễn", "trường", "thuỷ", "thủy", "oan", "hoà", "a"],
    False: ["viêịt", "ñy", "xyz", "café", "ViÖt", "caa", "thưươ", "bn", "aàá"],
}


@pytest.mark.parametrize("word,valid", [(w, v) for v, ws in SYLLABLES.items() for w in ws])
def test_is_marked_syllable(word, valid):
    assert is_marked_syllable(word) is valid


def test_share_counts_stray_symbols_against_a_reading():
    assert vietnamese_share("Cộng hòa xã hội") == 1.0
    assert vietnamese_share("Céng hoµ x· héi") < 0.5
    assert vietnamese_share("ASCII only") == 0.0
