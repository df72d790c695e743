"""A phrase's words read at single tokens (formtext.FormText.holds_form, matcher.adjacent's anchors)
answer exactly as scanning the whole report for each word does."""
from __future__ import annotations

import re
from unittest import mock

import pytest
import tantivy

from indexer.api import Library
from indexer.search import formtext
from indexer.search.formtext import FormText, forget_reports, form_pattern
from indexer.search.stored import stored_bytes, stored_readings, stored_text
from indexer.search.storedfolds import decode_stored_folds
from indexer.search.variants import printed_forms

QUERIES = ["tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "chuyển đổi số", "VNeID",
           "t6 chirc bd may", "thi tuc hanh chinh", "một cửa liên thông", "ISO 9001", "dịch vụ công xyzq",
           "chính quyền điện tử", "hài lòng người dân", "Quyết định 3041", "kỷ luật kỷ cương"]
WORDS = [("to", "tổ"), ("chuc", "chức"), ("bo", "bộ"), ("may", "máy"), ("vneid", "VNeID"), ("9001", "9001"),
         ("cong", "công"), ("dien", "điện"), ("tu", "tử"), ("hanh", "hành"), ("chinh", "chính")]


def _reports(library: Library) -> list[FormText]:
    searcher = library.index.searcher()
    found = searcher.search(tantivy.Query.all_query(), limit=100)
    out = []
    for _score, addr in found.hits:
        doc = searcher.doc(addr)
        text = stored_text(doc)
        readings = stored_readings(doc, text)
        out.append(FormText(text, readings, *decode_stored_folds(text, stored_bytes(doc, "folds"))))
    return out


@pytest.mark.parametrize("query_words", [2, 4])
def test_a_token_read_alone_is_a_candidate_exactly_when_the_scan_finds_it(library, query_words):
    patterns = [form_pattern(word, printed_forms(word, typed, query_words)) for word, typed in WORDS]
    checked = 0
    for report in _reports(library):
        for pattern in patterns:
            alone = FormText(report.text, report.readings_text, report.folds_text, _counts(report))
            with mock.patch.object(formtext, "TOKEN_READS", 10**9):  # never fall back to the scan
                read = {i for i in range(report.count) if alone.holds_form(pattern, i)}
            assert read == set(report.positions(pattern)), (pattern.pattern, report.text[:40])
            checked += len(read)
    assert checked > 100  # the words do occur: the comparison is not between empty sets


def test_a_pattern_that_can_reach_past_a_token_is_only_scanned():
    report = FormText("ab cd", "", "ab cd", _array([2]))
    across = re.compile(r"(?:ab\ cd)(?![^ |])")  # a form with a space spans two tokens
    assert report.holds_form(across, 0)
    assert not formtext._token_local(across.pattern)
    assert formtext._token_local(form_pattern("ab", None).pattern)


def test_answers_are_the_same_whichever_way_the_words_are_read(library):
    def answers() -> list[dict]:
        out = []
        for query in QUERIES:
            forget_reports()
            out.append(library.search(query, limit=50).to_dict())
        return out

    default = answers()
    with mock.patch.object(formtext, "TOKEN_READS", 0):  # every word scanned through the report
        scanned = answers()
    with mock.patch.object(formtext, "TOKEN_READS", 10**9):  # every word read at its tokens alone
        alone = answers()
    assert sum(len(hit["lines"]) for result in default for hit in result["hits"]) > 20
    assert default == scanned == alone


def _counts(report: FormText):
    return _array([b - a for a, b in zip(report.first, report.first[1:])])


def _array(counts: list[int]):
    from array import array

    return array("I", counts)


def test_a_slipped_rarest_word_is_found_from_the_next_rarest():
    from indexer.search.formtext import FormTerms
    from indexer.search.matcher import adjacent
    from indexer.search.variants import WordForms

    words = ["cai", "cach", "hanh", "chinh"]
    report = FormText("cai cach hanh chinb", "", "cai cach hanh chinb", _array([4]))
    # `chinh`, the rarest word, is the one slipped: the match starts from `hanh`'s tokens
    terms = FormTerms(report, {w: WordForms(w) for w in words}, {}, {"chinh": 1, "hanh": 2, "cai": 9, "cach": 9})
    assert adjacent(words, terms, 1) == [[0, 1, 2, 3]]
    assert adjacent(words, terms, 0) == []
