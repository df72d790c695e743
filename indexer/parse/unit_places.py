"""The unit's place name, once read, spells the same place elsewhere in the metadata.

The unit is decided with the whole document in view (its printings vote, the provinces and districts
tables spell their names); the title and the place of the date line are restored alone. These
functions carry the unit's spelling over to them, and let an OCR document's printings of the
unit's own place name settle its spelling (parse/place_names.py).
"""
from __future__ import annotations

from indexer.parse.place_names import (
    agreed_spelling,
    keep_place_letters,
    looks_digital,
    respell_name,
    tabled_spelling,
    typographic_apostrophes,
)
from indexer.parse.units import lookup_known, place_of, province_named


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
    if not restored or not printed or not unit or restored == printed:
        return typographic_apostrophes(restored) if restored else restored
    return typographic_apostrophes(respell_name(" ".join(printed.split()), restored, _unit_name(unit)))


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
