"""Behaviour the issue-14 speed-ups must keep: prefilters and memos change no answer."""
from __future__ import annotations

from indexer.parse.figures import extract_figures
from indexer.parse.place_names import printings, stand_ins_undone


def test_stand_in_at_the_first_letter_passes_the_first_letter_check() -> None:
    # `P` and `6` start no spelling with their own letter: only the stand-in rules let them through.
    assert stand_ins_undone("Pong", "Đông") == 1
    assert stand_ins_undone("H6", "Hồ") == 1
    assert stand_ins_undone("Hoa", "Hòa") == 0
    assert stand_ins_undone("IA", "Lạ") is None
    assert stand_ins_undone("Hoa", "") is None


def test_printings_keeps_every_repeat_in_text_order() -> None:
    text = "UBND xã Ia Phin báo cáo. Xã Ia Phìn đã họp. Tại Ia Phin, Ia Phin họp."
    assert printings(text, ["Ia", "Phìn"]) == [["Ia", "Phin"], ["Ia", "Phìn"], ["Ia", "Phin"], ["Ia", "Phin"]]


def test_measure_is_read_only_before_a_noun() -> None:
    with_noun = extract_figures("Đã đăng 60 lượt tin bài trên cổng.")
    assert [(f.measure, f.unit is not None) for f in with_noun] == [("lượt", True)]
    without = extract_figures("Đã có 60 lượt người, 12 hồ sơ.")
    assert all(f.measure is None or f.unit is not None for f in without)
