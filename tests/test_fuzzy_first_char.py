"""`FirstCharAlternation` and `PhraseSet` match exactly what the plain alternation of the same phrases
matches: dispatching by first character (`first_chars`) must never drop a match.

Table-driven: the known unit spellings (what `parse.units` matches with it), the topic triggers
(what `parse.topics` matches with `PhraseSet`) and a hand-written set, tried at every position
of folded text (what the parsers match on): the bundled reports, and sentences written here that
print each phrase, with and without OCR-style damage."""
from __future__ import annotations

import re

import pytest
from helpers_phrases import SLIPS, damaged, report_openings

from indexer.parse.fuzzy import FirstCharAlternation, alternation, folded
from indexer.parse.phrase_scan import PhraseSet
from indexer.parse.units import known_units
from indexer.vietnamese.data import load_json
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import letter_forms

SLIPS_BUT_DIGITS = SLIPS[:-1]  # OCR-style slips, no letter printed as a digit


def _units() -> list[str]:
    return sorted({v for u in known_units() for v in u.variants}, key=len, reverse=True)


def _topics() -> list[str]:
    return sorted({t for topic in load_json("topics.json")["topics"] for t in topic["triggers"]}, key=len, reverse=True)


PHRASE_SETS = {
    "units": _units,
    "topics": _topics,
    "hand": lambda: ["phường", "phường Tân Hòa", "Sở Nội vụ", "xã", "UBND", "Ủy ban nhân dân", "ở"],
}



def _texts(phrases: list[str]) -> list[str]:
    reports = report_openings(2000)
    # each phrase as typed, in capitals, damaged, and with its first letter printed as each of its
    # OCR forms (the empty one: a vowel the OCR lost)
    printed = [f"Kính gửi: {p}; báo cáo của {p.upper()}, ({damaged(p, SLIPS_BUT_DIGITS)}) "
               + " ".join(f"{form}{p[1:]};" for form in sorted(letter_forms("phrases").get(p[:1].lower(), ())))
               for p in phrases[::3]]
    return [folded(t) for t in reports + printed + ["", "đ d 1 ( ) ."]]


def _word_char(ch: str) -> bool:
    return ("0" <= ch <= "9") or ("a" <= ch <= "z") or ch in OCR_LETTER_GLYPHS


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.lastgroup == b.lastgroup


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_first_char_alternation_matches_like_the_plain_alternation(name):
    phrases = PHRASE_SETS[name]()
    fast, plain = FirstCharAlternation(phrases, "u"), alternation(phrases, "u")
    matched = 0
    for text in _texts(phrases):
        for pos in range(len(text) + 1):
            found = fast.match(text, pos)
            assert _same(found, plain.match(text, pos)), (name, text[pos:pos + 30])
            matched += found is not None
        assert _same(fast.fullmatch(text), plain.fullmatch(text)), (name, text[:30])
    assert matched >= len(phrases[::3])  # each printed phrase is found: not a comparison of two misses


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_phrase_set_finds_what_the_plain_alternation_finds(name):
    phrases = PHRASE_SETS[name]()
    plain, phrase_set = alternation(phrases, "p"), PhraseSet(phrases)
    for text in _texts(phrases):
        # a phrase set matches at word starts (a word character there, none before): the plain
        # alternation tried at every such position (a lone vowel that may vanish, `ở`, matches nothing)
        expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for pos in range(len(text))
                    if _word_char(text[pos]) and (m := plain.match(text, pos)) and m.lastgroup]
        assert list(phrase_set.finditer(text)) == expected, (name, text[:40])
