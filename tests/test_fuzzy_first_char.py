"""`FirstCharAlternation` matches exactly what the plain alternation of the same phrases matches.

Table-driven: the known unit spellings (what `parse.units` matches with it) and a few
hand-written phrase sets, tried at every position of the bundled reports and of
invented strings, with `match` and `fullmatch`: same span, same group, or both None."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.parse.fuzzy import FirstCharAlternation, alternation
from indexer.parse.units import known_units

ROOT = Path(__file__).resolve().parent.parent
INVENTED = [
    "Ủy ban nhân dân phường Tân Hòa báo cáo",
    "UBND XÃ AN PHÚ; Uy ban nhan dan xa An Phu",
    "S& Nội vụ, Sở Nội Vụ, so noi vu",
    "đ Đ d D ư ơ 1 ( ) .",
    "",
]


def _unit_spellings() -> list[str]:
    return sorted({v for u in known_units() for v in u.variants}, key=len, reverse=True)


PHRASE_SETS = {
    "units": _unit_spellings,
    "hand": lambda: ["phường", "phường Tân Hòa", "Sở Nội vụ", "xã", "UBND", "Ủy ban nhân dân"],
}


def _texts() -> list[str]:
    reports = [p.read_text(encoding="utf-8")[:3000] for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return reports + INVENTED


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.lastgroup == b.lastgroup


@pytest.mark.parametrize("name", sorted(PHRASE_SETS))
def test_first_char_alternation_matches_like_the_plain_alternation(name):
    phrases = PHRASE_SETS[name]()
    fast, plain = FirstCharAlternation(phrases, "u"), alternation(phrases, "u")
    tried = matched = 0
    for text in _texts():
        for pos in range(len(text) + 1):
            found = fast.match(text, pos)
            assert _same(found, plain.match(text, pos)), (name, text[pos:pos + 30])
            tried, matched = tried + 1, matched + (found is not None)
        assert _same(fast.fullmatch(text), plain.fullmatch(text)), (name, text[:30])
    assert tried > 1000 and matched > 0  # a phrase does occur: the comparison is not of two misses
