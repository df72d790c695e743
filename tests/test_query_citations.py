"""Citations typed in a query are terms of their own: only reports citing that number match,
and the lines shown are where the citation is printed (OCR forms included)."""
from __future__ import annotations

import pytest

from indexer.search.citequery import extract_citations

# Three short reports of our own: an OCR-damaged citation, a citation of another issuer, none.
REPORTS = {
    "a_ocr.txt": "UBND PHƯỜNG AN BIÊN\nBÁO CÁO\nCăn cứ Quyết định số 3041/QB-UBND ngày 26/7/2025 của UBND thành phố;\n"
                 "Kết quả công tác cải cách hành chính quý III.\n",
    "b_ttg.txt": "UBND XÃ TÂN HƯNG\nKẾ HOẠCH\nThực hiện Quyết định số 3042/QĐ-TTg ngày 01/3/2025 của Thủ tướng;\n"
                 "Nâng cao chất lượng cải cách hành chính.\n",
    "c_none.txt": "UBND XÃ BẠCH ĐẰNG\nBÁO CÁO\nCăn cứ các quyết định của UBND thành phố về cải cách hành chính;\n"
                  "Kết quả thực hiện quyết định năm 2025.\n",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from indexer.api import Library, update_index

    folder = tmp_path_factory.mktemp("cite-reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    update_index([folder], folder / "index")
    return Library.open(folder / "index")


@pytest.mark.parametrize("typed,number,code", [
    ("3042/QĐ-UBND", "3042", "qd"), ("QĐ 3042", "3042", "qd"), ("Quyết định số 3042", "3042", "qd"),
    ("quyet dinh 3041", "3041", "qd"), ("Kế hoạch 15", "15", "kh"), ("57-NQ/TW", "57", "nq"),
])
def test_a_number_with_a_type_is_a_citation_term(typed, number, code):
    cites, rest = extract_citations(typed)
    assert [(c.number, c.code) for c in cites] == [(number, code)]
    assert rest.strip() == ""


@pytest.mark.parametrize("typed", ["ISO 9001", "chính quyền địa phương 2 cấp", "quyết định", "3041"])
def test_no_citation_without_both_number_and_type(typed):
    assert extract_citations(typed)[0] == []


def test_the_words_around_a_citation_stay_words():
    cites, rest = extract_citations("Quyết định số 3042/QĐ-UBND cải cách")
    assert [c.key for c in cites] == ["3042/qd-ubnd"] and rest.split() == ["cải", "cách"]


@pytest.mark.parametrize("query", ["3042/QĐ-UBND", "9999/QĐ-UBND", "QĐ 9999", "Quyết định 9999", "Quyết định số 3043"])
def test_a_number_nobody_cites_finds_nothing(small, query):
    assert small.search(query).total == 0


def test_the_type_alone_does_not_satisfy_a_numbered_query(small):
    assert small.search("quyết định").total == 3  # every report says "quyết định"
    assert {h.doc_id for h in small.search("Quyết định 3041").hits} == {"a_ocr"}


@pytest.mark.parametrize("query", ["3041/QĐ-UBND", "QĐ 3041", "Quyết định 3041", "quyet dinh so 3041"])
def test_an_ocr_printed_citation_is_found_on_its_line(small, query):
    result = small.search(query)
    assert [h.doc_id for h in result.hits] == ["a_ocr"]
    (line,) = result.hits[0].lines
    assert line.line == 3 and "3041/QB-UBND" in line.text
    assert any(line.text[s:e] == "3041" for s, e in line.spans)


def test_the_issuer_in_a_whole_symbol_counts(small):
    assert small.search("3042/QĐ-UBND").total == 0
    assert [h.doc_id for h in small.search("3042/QĐ-TTg").hits] == ["b_ttg"]
    assert [h.doc_id for h in small.search("Quyết định 3042").hits] == ["b_ttg"]


def test_citation_and_words_both_hold(small):
    assert [h.doc_id for h in small.search("QĐ 3041 cải cách").hits] == ["a_ocr"]
    assert small.search("QĐ 3041 thủ tướng").total == 0


def test_seed_corpus_zero_hits(library):
    for query in ("3042/QĐ-UBND", "9999/QĐ-UBND", "Quyết định 3042"):
        assert library.search(query).total == 0, query
    assert library.search("Quyết định 3041").total == 2
