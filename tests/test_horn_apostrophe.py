"""A horn printed as an apostrophe (`thu'c` for thực): one word for the tokenizer, read as thực by the
OCR channel, found by `thực hiện` and restored as THỰC HIỆN in the readable view. Invented text."""
from __future__ import annotations

import pytest

from indexer.api import Library, readable_lines, update_index
from indexer.ocr.channel import candidates
from indexer.ocr.restore import restore_text
from indexer.textnorm import tokenize

# An invented OCR report: the horn of ư/ơ printed as an apostrophe, in capitals and in lower case.
REPORT = "\n".join([
    "UBND PHUONG AN BINH",
    "BAO CAO",
    "KET QUA THU'C HIEN CONG TAC CAI CACH HANH CHINH",
    "Phuong da thu'c hien tot viec tiep nhan ho so cua nguo'i dan.",
    "Tiep tuc thu’c hien ke hoach trong nam.",
])


@pytest.mark.parametrize("text,words", [
    ("THU'C HIEN", ["THU'C", "HIEN"]),
    ("thu’c hien", ["thu’c", "hien"]),
    ("Tru'o'ng", ["Tru'o'ng"]),
    ("huyện Đắk R’lấp", ["huyện", "Đắk", "R’lấp"]),  # a name's apostrophe stays inside the name too
    ("'trích dẫn' và l'", ["trích", "dẫn", "và", "l"]),  # quotes around words are no part of them
    ("5'6", ["5", "6"]),  # between digits: minutes and seconds, not a word
])
def test_an_apostrophe_between_letters_is_inside_the_word(text, words):
    assert [t.text for t in tokenize(text)] == words


@pytest.mark.parametrize("printed", ["thu'c", "THU'C", "thu’c"])
def test_the_channel_reads_the_apostrophe_as_the_horn(printed):
    costs = candidates(printed)
    assert min(costs, key=costs.__getitem__) == "thuc"


@pytest.mark.parametrize("printed,restored", [
    ("THU'C HIEN", "THỰC HIỆN"),
    ("thu'c hien", "thực hiện"),
    ("tru'o'ng hop", "trường hợp"),
])
def test_the_restorer_spells_the_horn(printed, restored):
    assert restore_text(printed, split=True) == restored


def test_the_readable_view_reads_the_heading_as_thuc_hien():
    lines = readable_lines(REPORT)
    assert len(lines) == len(REPORT.split("\n"))
    assert "THỰC HIỆN" in lines[2]
    assert "thực hiện" in lines[3] and "'" not in lines[3]


def test_thuc_hien_finds_every_line_printed_with_the_apostrophe(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "apostrophe.txt").write_text(REPORT + "\n", encoding="utf-8")
    update_index([corpus], tmp_path / "index", rebuild=True)
    library = Library.open(tmp_path / "index")
    for query in ("thực hiện", '"thực hiện"', "thuc hien", "thu'c hien"):
        hits = library.search(query, limit=10).hits
        assert hits, query
        assert {lh.line for lh in hits[0].lines if lh.starts} >= {3, 4, 5}, query
