"""`PhraseSet` and `PhrasesThen` find exactly what the plain alternation of the same phrases finds:
skipping the word starts whose first two runs open no phrase, and dispatching by first character,
must never drop a match nor pick another phrase.

Table-driven: the topic triggers (`parse.topics`), the document types before a symbol
(`parse.citations.type_before`) and a hand-written set (one-word phrases, a word that is a phrase alone
and the start of longer ones, a letter that may vanish), on the bundled reports' openings and on
sentences written here that print each phrase split by each kind of separator, OCR-damaged, at the very
end of the text and inside runs longer than the ones the scan checks."""
from __future__ import annotations

import re

import pytest
from helpers_phrases import damaged, report_openings

from indexer.parse.fuzzy import alternation, folded, function_word, word_pattern
from indexer.parse.named import _law_regex
from indexer.parse.phrase_scan import RUN_CHECKED, PhraseSet, PhrasesThen
from indexer.parse.tables import doc_type_names
from indexer.vietnamese.data import load_json
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS

SEPARATORS = [" ", "  ", "\n", " - ", ", ", " ,", "\n\n", ",-"]


def _topics() -> list[str]:
    return sorted({t for topic in load_json("topics.json")["topics"] for t in topic["triggers"]}, key=len, reverse=True)


PHRASE_SETS = {
    "topics": _topics,
    "types": lambda: list(doc_type_names()),
    "hand": lambda: ["công tác chỉ đạo", "công vụ", "công", "cải cách hành chính", "dân chủ ở cơ sở", "ở", "TTHC"],
}



def _texts(phrases: list[str]) -> list[str]:
    reports = report_openings(1500)
    printed = []
    for i, p in enumerate(phrases):
        split = SEPARATORS[i % len(SEPARATORS)].join(p.split())
        long_run = "x" * (RUN_CHECKED + 3)
        printed.append(f"Kính gửi: {p}; của {p.upper()}, ({damaged(split)}) {split}.{long_run}.{split}"
                       f" {p.split()[0]}{long_run} {split} số {split}")
    # tokens longer than the scan remembers (no whitespace: words split by list punctuation and dots)
    glued = [".".join(",".join(p.split()) for p in phrases[i:i + 12]) for i in range(0, len(phrases), 12)]
    return [folded(t) for t in reports + printed + glued + ["", "đ d 1 ( ) ."]]


def _word_char(ch: str) -> bool:
    return ("0" <= ch <= "9") or ("a" <= ch <= "z") or ch in OCR_LETTER_GLYPHS


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_phrase_set_finds_what_the_plain_alternation_finds(name):
    phrases = PHRASE_SETS[name]()
    plain, phrase_set = alternation(phrases, "p"), PhraseSet(phrases)
    found = 0
    for text in _texts(phrases):
        expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for pos in range(len(text))
                    if _word_char(text[pos]) and (pos == 0 or not _word_char(text[pos - 1]))
                    and (m := plain.match(text, pos)) and m.lastgroup]
        assert list(phrase_set.finditer(text)) == expected, (name, text[:40])
        found += len(expected)
    assert found >= 4 * len(phrases)  # the printed phrases are found: not a comparison of two misses


@pytest.mark.parametrize("name", ["types", "hand"])  # (the topics' plain pattern is slow to search everywhere)
def test_phrases_then_searches_like_the_plain_pattern(name):
    """As `type_before` asks: a phrase, then a tail reaching the window's end."""
    phrases = PHRASE_SETS[name]()
    tail = rf"[\s:]*(?:(?:{word_pattern(function_word('number'))})[\s:]*)?$"
    fast, plain = PhrasesThen(phrases, tail), re.compile(rf"(?:{alternation(phrases).pattern}){tail}")
    found = 0
    for text in _texts(phrases):
        for end in range(len(text) + 1):
            for start in (max(0, end - 80), max(0, end - 7)):
                got, want = fast.search(text, start, end), plain.search(text, start, end)
                assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), (name, text[start:end])
                found += want is not None
    assert found >= len(phrases)


def test_a_phrase_set_with_no_known_first_letter_still_finds_it():
    """`ở` alone may print as nothing but its tone: every word start is tried."""
    text = folded("dân chủ ở cơ sở, o co so")
    plain = alternation(["ở cơ sở"], "p")
    expected = [(0, m.start(), m.end()) for pos in range(len(text)) if (m := plain.match(text, pos))
                and _word_char(text[pos]) and (pos == 0 or not _word_char(text[pos - 1]))]
    assert expected and list(PhraseSet(["ở cơ sở"]).finditer(text)) == expected


def test_the_law_grammar_searches_like_its_whole_pattern():
    """`named._law_regex`: a kind of law, then its name; searched from every offset, as `_law_occurrences` does."""
    fast = _law_regex()
    plain = re.compile(fast.pattern)
    texts = _texts(load_json("named_instruments.json")["kinds"])
    found = 0
    for text in texts:
        for pos in range(0, len(text) + 1):
            got, want = fast.search(text, pos, len(text)), plain.search(text, pos)
            assert (got and (got.span(), got.span("name"))) == (want and (want.span(), want.span("name"))), text[pos:pos + 40]
            found += want is not None
    assert found > 100
