"""Shared text: near-copied paragraphs found on clean and OCR text; own text stays original."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.compare.shared import shared_passages
from indexer.compare.words import paragraphs, skeleton

FIXTURES = Path(__file__).parent / "data" / "fixtures"


def fixture(name):
    return (FIXTURES / f"{name}.txt").read_text("utf-8")


SKELETON_CASES = [
    # the many scans of one word share one key
    (["của", "cua", "cia", "ctia", "caa", "cuia"], "c|"),
    (["chức", "chirc", "chic", "chuc", "chtrc"], "ch|c"),
    (["nước", "nudc", "nuéc", "nwéc"], "n|c"),
    (["người", "ngudi", "nguoi"], "ng|"),
    (["phố", "phd", "phé", "pho"], "ph|"),
    (["Đảng", "Pang", "Dang", "dang"], "d|ng"),
    (["được", "dugc", "duoc"], "d|c"),
    (["năm", "nim", "ndm", "niam"], "n|m"),
    (["lập", "1ap", "lap"], "l|p"),
    (["KẾT", "KET", "Két"], "k|t"),
]


@pytest.mark.parametrize(("forms", "key"), SKELETON_CASES, ids=[c[1] for c in SKELETON_CASES])
def test_skeleton_merges_ocr_variants(forms, key):
    assert {skeleton(f) for f in forms} == {key}


@pytest.mark.parametrize(("word", "key"), [("UBND", "ubnd"), ("CCHC", "cchc"), ("2025", "2025"), ("TTHC", "tthc")])
def test_acronyms_and_numbers_stay_whole(word, key):
    assert skeleton(word) == key


def test_paragraphs_split_on_blank_lines_and_list_items():
    text = "Mở đầu dòng một\ndòng hai\n\n\n- mục một\n- mục hai\ntiếp mục hai\n\na) điểm a"
    assert [(p.line, p.end_line) for p in paragraphs(text)] == [(1, 2), (5, 5), (6, 7), (9, 9)]


@pytest.mark.parametrize("other", ["compare_b", "compare_b_ocr"])
def test_fixture_shared_paragraph_found_on_clean_and_ocr_text(other):
    passages, original_a, original_b = shared_passages(fixture("compare_a"), fixture(other))
    by_line = {p.a_line: p for p in passages}
    template = by_line[16]  # the city template paragraph both wards copied
    assert (template.b_line, template.b_end_line) == (16, 16)
    assert template.containment >= 0.9
    assert 20 not in by_line  # A's own account (children drawing) has no copy in B
    assert all(p.a_line != 18 for p in passages)  # figures paragraph differs: not a copy
    assert 0.0 < original_a.original_ratio < 1.0
    assert original_a.shared_paragraphs == len({p.a_line for p in passages})


def test_common_vocabulary_alone_is_not_copying():
    a = ("Phường đẩy mạnh tuyên truyền cải cách hành chính tại bộ phận một cửa, hướng dẫn người dân "
         "nộp hồ sơ trực tuyến và thanh toán phí qua ứng dụng ngân hàng trong năm 2025.")
    b = ("Sở tổ chức hội nghị tuyên truyền cải cách hành chính cho cán bộ, công chức, giới thiệu chỉ số "
         "hài lòng và kết quả khảo sát của doanh nghiệp trên địa bàn thành phố trong năm 2025.")
    passages, original_a, _ = shared_passages(a, b)
    assert passages == []
    assert original_a.original_ratio == 1.0


def test_identical_text_is_all_shared():
    text = fixture("compare_a")
    passages, original_a, original_b = shared_passages(text, text)
    assert passages and all(p.a_line == p.b_line for p in passages)
    assert original_a.original_ratio < 0.2


def test_a_template_repeated_in_the_other_report_gives_one_row_per_copy():
    template = fixture("compare_a").split("\n")[15]  # the city template paragraph
    assert len(template) > 200
    other = "\n\n".join([template, "Phường tổ chức hội thi vẽ tranh cho thiếu nhi.", template, template])
    passages, original_a, original_b = shared_passages(fixture("compare_a"), other)
    assert [(p.a_line, p.b_line) for p in passages] == [(16, 1), (16, 5), (16, 7)]
    assert original_b.shared_paragraphs == 3 and original_a.shared_paragraphs == 1
