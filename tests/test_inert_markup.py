"""Report text never acts as markup or hides itself: Markdown export escapes it, zero-width
characters are shown; an over-long query is cut with a note, and cheaply."""
from __future__ import annotations

import pytest

from indexer.compare.export import cell
from indexer.library import MAX_QUERY_WORD_CHARS, bounded_query
from indexer.safety import inert, inert_line, is_inert


@pytest.mark.parametrize(("text", "expected"), [
    ("[bấm vào đây](http://x.example/steal)", "\\[bấm vào đây\\](http://x.example/steal)"),
    ("![ảnh](http://x.example/p.png)", "!\\[ảnh\\](http://x.example/p.png)"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ("<http://x.example>", "\\<http://x.example\\>"),
    ("**khẩn** _mật_ ~~bỏ~~ `mã`", "\\*\\*khẩn\\*\\* \\_mật\\_ \\~\\~bỏ\\~\\~ \\`mã\\`"),
    ("&lt;b&gt;", "\\&lt;b\\&gt;"),
    ("a | b \\ c", "a \\| b \\\\ c"),
    ("ward_a 3041/QĐ-UBND", "ward_a 3041/QĐ-UBND"),  # inside a word `_` is no emphasis: left as is
])
def test_markdown_cells_escape_links_html_and_emphasis(text, expected):
    assert cell(text) == expected


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_characters_are_shown(char):
    text = f"cải{char}cách"
    shown = f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"
    assert inert(text) == f"cải{shown}cách"
    assert char not in inert_line(text)
    assert not is_inert(text)


def test_vietnamese_text_is_left_as_it_is():
    text = "Ủy ban nhân dân phường Lê Chân — «tổ chức bộ máy»\tđạt 100%"
    assert inert(text) == text


def test_a_megabyte_single_token_query_is_cut_with_a_note():
    query, notes = bounded_query("a" * 1_000_000)
    assert query == "a" * MAX_QUERY_WORD_CHARS
    assert notes and "cut" in notes[0]


def test_a_query_over_64_words_says_so():
    _query, notes = bounded_query(" ".join(["cải cách"] * 40))
    assert notes == ["only the first 64 of the query's 80 words are searched"]
    assert bounded_query("tổ chức bộ máy") == ("tổ chức bộ máy", [])


def test_a_quoted_phrase_keeps_its_quotes_when_a_word_is_cut(library):
    long = "x" * 500
    query, _notes = bounded_query(f'"cải cách {long}"')
    assert query == f'"cải cách {"x" * MAX_QUERY_WORD_CHARS}"'
    assert library.search(f'"cải cách {long}"').total == 0
