"""The unit's place name, once read, spells the same place elsewhere in the metadata.

The unit is decided with the whole document in view (its printings vote, the provinces and districts
tables spell their names); the title and the place of the date line are restored alone. These
functions carry the unit's spelling over to them, and let an OCR document's printings of the
unit's own place name settle its spelling (parse/place_names.py).
"""
from __future__ import annotations

import re
from functools import cache

from indexer.parse.fuzzy import alternation, folded, matched_index
from indexer.parse.place_names import (
    PUNCTUATION,
    agreed_spelling,
    keep_place_letters,
    letters_fit,
    looks_digital,
    put_words,
    respell_name,
    typographic_apostrophes,
)
from indexer.parse.place_tables import tabled_spelling
from indexer.parse.provinces import province_named
from indexer.parse.units import lookup_known, place_of
from indexer.vietnamese.bodies import issuers
from indexer.vietnamese.data import load_json as load


def spelled_as_document(unit: str | None, text: str) -> str | None:
    """The unit with its place name spelt the way the OCR document's printings of it agree."""
    found = place_of(unit) if unit and not lookup_known(unit) and not looks_digital(text) else None
    if not unit or found is None:
        return unit
    kind, head, name = found
    if province_named(" ".join(name)) or tabled_spelling(kind, name):
        return unit  # a province or a district is spelt by its table
    return f"{head} {' '.join(agreed_spelling(name, text))}"


def _unit_name(unit: str | None) -> list[str]:
    found = place_of(unit)
    return found[2] if found else []


def title_spelt_as_unit(printed: str | None, restored: str | None, unit: str | None) -> str | None:
    """A restored title whose printings of the unit's place name take the unit's spelling."""
    if not restored or not printed or restored == printed:
        return typographic_apostrophes(restored) if restored else restored
    printed = " ".join(printed.split())
    restored = respell_institutions(printed, restored)
    return typographic_apostrophes(respell_name(printed, restored, _unit_name(unit)) if unit else restored)


def place_spelt(printed: str | None, restored: str | None, unit: str | None) -> str | None:
    """The place before `, ngày` as the provinces table or the unit spells it, else restored letters kept."""
    province = province_named(printed)
    if province:
        return str(province["name"])
    if not printed or not restored or restored == printed:
        return restored
    respelt = respell_name(" ".join(printed.split()), restored, _unit_name(unit))
    words, spelled = printed.split(), respelt.split()
    return " ".join(keep_place_letters(words, spelled)) if len(words) == len(spelled) else respelt


@cache
def _institutions() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Names of bodies of two words or more (unit kinds, issuers: the national bodies among them), longest first."""
    names = {b["name"] for b in load("unit_kinds.json")["bodies"]} | {i["name"] for i in issuers()}
    ordered = tuple(sorted((n for n in names if len(n.split()) > 1), key=len, reverse=True))
    return alternation(list(ordered), "i"), ordered


def respell_institutions(printed: str, restored: str) -> str:
    """A restored text whose printings of a body's name (`Uy ban nhan dan`, `Ban Chi dao`) take the tabled
    spelling, word for word: the restorer reads them alone and slips (`Ấy ban`, `Ban Chủ đạo`)."""
    shown, spelled = printed.split(), restored.split()
    if len(shown) != len(spelled):
        return restored
    text = " ".join(shown)
    starts = {m.start(): k for k, m in enumerate(re.finditer(r"\S+", text))}
    regex, names = _institutions()
    for m in regex.finditer(folded(text)):
        at, name = starts.get(m.start()), names[matched_index(m, "i")].split()
        last = at + len(name) - 1 if at is not None else -1
        if at is None or last >= len(shown) or len(" ".join(shown[at:last + 1]).rstrip(PUNCTUATION)) != m.end() - m.start():
            continue  # the match must cover whole printed words
        misfits = sum(not letters_fit(p.strip(PUNCTUATION), w.strip(PUNCTUATION)) for p, w in zip(shown[at:], name))
        if misfits <= (len(name) >= 3):  # the OCR patterns are broad: `quan ly` is no `Quận ủy`
            put_words(spelled, at, name)
    return " ".join(spelled)
