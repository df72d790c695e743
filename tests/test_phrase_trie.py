"""`WordTrie` matches exactly what the plain alternation of the same phrases matches (`match` and
`fullmatch`, with and without an end position): checking the words one by one must never drop a match
nor pick another phrase or another end.

The known unit spellings (what `parse.units` matches with it) and a hand-written set (a one-letter
word that may vanish, `ở`, is tried as a whole phrase), at every position of folded text: the bundled
reports' openings and sentences written here printing each phrase typed, in capitals, OCR-damaged and
with its words split by a line break or list punctuation."""
from __future__ import annotations

import re

import pytest
from helpers_phrases import damaged, report_openings

from indexer.parse.fuzzy import alternation, folded
from indexer.parse.phrase_trie import WordTrie
from indexer.parse.units import known_units
from indexer.vietnamese.bodies import issuers, national_bodies
from indexer.vietnamese.data import load_json

SEPARATORS = [" ", "  ", "\n", " - ", ", ", " ,", "\n\n"]


def _units() -> list[str]:
    return sorted({v for u in known_units() for v in u.variants}, key=len, reverse=True)


def _longest_first(names: list[str]) -> list[str]:
    return sorted(set(names), key=len, reverse=True)


PHRASE_SETS = {  # the tables parse matches with a WordTrie
    "units": _units,
    "issuers": lambda: _longest_first([s for e in issuers() for s in [e["name"], *e["variants"]]]),
    "provinces": lambda: _longest_first([p["name"] for p in load_json("provinces.json")["provinces"]]),
    "bodies": lambda: _longest_first([s for b in load_json("unit_kinds.json")["bodies"]
                                      for s in [b["name"], *b.get("variants", [])]]),
    "national": lambda: _longest_first(list(national_bodies())),
    "hand": lambda: ["phường Tân Hòa", "phường", "Sở Nội vụ", "Sở", "ở", "xã ở", "UBND", "Ủy ban nhân dân"],
}



def _texts(phrases: list[str]) -> list[str]:
    reports = report_openings(1500)
    printed = []
    for i, p in enumerate(phrases[::2]):
        split = SEPARATORS[i % len(SEPARATORS)].join(p.split())
        printed.append(f"Kính gửi: {p}; của {p.upper()}, ({damaged(split)}) {split}.")
    return [folded(t) for t in reports + printed + ["", "đ d 1 ( ) ."]]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.lastgroup == b.lastgroup


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_word_trie_matches_like_the_plain_alternation(name):
    phrases = PHRASE_SETS[name]()
    trie, plain = WordTrie(phrases, "u"), alternation(phrases, "u")
    matched = 0
    for text in _texts(phrases):
        for pos in range(len(text) + 1):
            for end in (None, pos + 12, pos + 40):
                found = trie.match(text, pos, end)
                assert _same(found, plain.match(text, pos, len(text) if end is None else end)), (name, text[pos:pos + 30], end)
                matched += found is not None
    assert matched >= len(phrases[::2])  # the printed phrases are found: not a comparison of two misses


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_word_trie_fullmatches_like_the_plain_alternation(name):
    """As `lookup_known` asks: a whole printed name, or the name up to each space (a tail cut off)."""
    phrases = PHRASE_SETS[name]()
    trie, plain = WordTrie(phrases, "u"), alternation(phrases, "u")
    names = [folded(damaged(p)) for p in phrases] + [folded(p.upper() + " thành phố Hải Phòng") for p in phrases[::3]]
    matched = 0
    for text in names + _texts(phrases)[-5:]:
        for end in [len(text)] + [i for i, ch in enumerate(text) if ch.isspace()]:
            found = trie.fullmatch(text, 0, end)
            assert _same(found, plain.fullmatch(text, 0, end)), (name, text[:end])
            matched += found is not None
    assert matched >= len(phrases)  # every damaged spelling reads as some phrase, whole
