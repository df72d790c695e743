"""`district_spelling` tries only the district names its word trie leaves: the same spelling as trying
every name of the kind that may begin with the printing's first letter (its former way).

Every district name of the table, as printed, in capitals and OCR-damaged, under its own kind and
under none, and a few printings that are no district."""
from __future__ import annotations

import pytest

from indexer.parse.fuzzy import folded, phrase_regex
from indexer.parse.place_tables import _district_kinds, _districts_by_start, _spaced, district_spelling
from indexer.vietnamese.data import load_json

DAMAGE = [("ô", "o"), ("ơ", "o"), ("ư", "u"), ("đ", "d"), ("Đ", "D"), ("ắ", "a"), ("ế", "é")]


def _tried_everywhere(kind: str | None, printed: list[str]) -> list[str] | None:
    ftext = folded(_spaced(" ".join(printed)).strip())
    if not ftext:
        return None
    kinds = [kind] if kind else _district_kinds()
    fitting = {n for k in kinds for n in _districts_by_start(k).get(ftext[0], ()) if phrase_regex(_spaced(n)).fullmatch(ftext)}
    return fitting.pop().split() if len(fitting) == 1 else None


def _damaged(name: str) -> str:
    for proper, printed in DAMAGE:
        name = name.replace(proper, printed)
    return name


def _printings() -> list[tuple[str, str]]:
    districts = load_json("districts.json")["districts"]
    return [(d["kind"], form) for d in districts[::3] for form in (d["name"], d["name"].upper(), _damaged(d["name"]))]


@pytest.mark.parametrize("any_kind", [False, True], ids=["own kind", "any kind"])
def test_district_spelling_is_the_one_found_trying_every_name(any_kind):
    found = 0
    for kind, printed in _printings() + [("huyện", "Ủy ban"), ("quận", "1"), ("huyện", "Krong")]:
        k = None if any_kind else kind
        expected = _tried_everywhere(k, printed.split())
        assert district_spelling(k, printed.split()) == expected, (k, printed)
        found += expected is not None
    assert found > 100
