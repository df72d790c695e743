"""Query semantics on the seed corpus: every word must hold, codes are OCR-tolerant through the
confusion table, and phrase reports come before reports with the words apart (marked scattered)."""
from __future__ import annotations

import re

import orjson
import pytest

from indexer.search.variants import confusion_groups, confusion_pattern, is_code_like

VNEID_FILE = "003_bcf0e4ac2e850802"


def test_a_word_found_nowhere_means_no_hits_and_a_suggestion(library):
    result = library.search("chuyen doi so xyzq")
    assert result.total == 0 and result.hits == []
    assert result.missing == ["xyzq"]
    assert "chuyen doi so" in result.suggestions
    assert library.search("chuyen doi so").total > 0


def test_every_word_must_occur_somewhere_in_the_report(library):
    with_both = {h.doc_id for h in library.search("SIPAS ISO", limit=20).hits}
    sipas = {h.doc_id for h in library.search("SIPAS", limit=20).hits}
    iso = {h.doc_id for h in library.search("ISO", limit=20).hits}
    assert with_both == sipas & iso


def test_the_confusion_table_is_data_and_groups_glyphs():
    groups = confusion_groups()
    assert any({"i", "l", "1"} <= set(g) for g in groups) and any({"m", "rn"} <= set(g) for g in groups)
    pattern = confusion_pattern("vneid")
    assert all(re.fullmatch(pattern, form) for form in ("vneid", "vneld", "vnelid", "vne1d", "vneicl"))
    assert not re.fullmatch(pattern, "vnexd")
    assert confusion_pattern("xyz") is None


@pytest.mark.parametrize("typed,code", [("VNeID", True), ("SIPAS", True), ("tthc", True), ("chinh", False),
                                        ("10", False), ("quyen", False)])
def test_only_code_like_words_take_glyph_confusions(typed, code):
    assert is_code_like(typed, typed.lower()) is code


def test_an_acronym_is_found_however_ocr_printed_it(library):
    result = library.search("VNeID", limit=20)
    lines = {lh.line for h in result.hits if h.doc_id == VNEID_FILE for lh in h.lines}
    assert {92, 111, 120, 140, 154, 171, 194, 205} <= lines
    printed = {lh.text[s:e] for h in result.hits for lh in h.lines for s, e in lh.spans}
    assert {"VNelD", "VNelID", "VnelD"} <= printed


def test_phrase_reports_rank_above_scattered_ones(library):
    result = library.search("tổ chức bộ máy", limit=20)
    tiers = [h.scattered for h in result.hits]
    assert tiers == sorted(tiers) and False in tiers and True in tiers  # phrase first, then scattered
    assert result.phrase_total == tiers.count(False)
    for hit in result.hits:
        assert hit.lines and all(lh.scattered is hit.scattered for lh in hit.lines)


def test_phrase_reports_list_only_phrase_lines(library):
    result = library.search("tổ chức bộ máy", limit=20)
    for hit in (h for h in result.hits if not h.scattered):
        for lh in hit.lines:
            if lh.starts:
                printed = " ".join(lh.text[s:e] for s, e in lh.spans)
                assert len(lh.spans) >= 2, printed


def test_a_single_word_has_no_scattered_tier(library):
    result = library.search("SIPAS")
    assert result.phrase_total is None and not any(h.scattered for h in result.hits)


def test_json_keeps_old_keys_and_adds_scattered(library):
    data = orjson.loads(orjson.dumps(library.search("tổ chức bộ máy").to_dict()))
    hit = data["hits"][0]
    assert {"doc_id", "path", "score", "lines", "scattered"} <= set(hit)
    assert {"line", "text", "spans", "starts", "scattered"} <= set(hit["lines"][0])
    assert {"query", "total", "hits", "facets", "suggestions", "phrase_total"} <= set(data)
