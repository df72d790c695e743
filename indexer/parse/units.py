"""Proper names of issuing bodies: `S& Khoa hoc va Cong nghé` -> `Sở Khoa học và Công nghệ`.

A printed name is first matched (OCR-tolerantly, whole) against the known units
(indexer/data/units_*.json); otherwise it is split into a kind of body (`Sở`,
`Ủy ban nhân dân`), a kind of place (`phường`) and a name, the name restored
to proper Vietnamese and capitalised the way official names are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.parse.fuzzy import alternation, folded, function_word, matched_index, phrase_pattern
from indexer.parse.phrase_trie import WordTrie
from indexer.parse.place_names import keep_place_letters, typographic_apostrophes
from indexer.parse.place_tables import commonest_place_spellings, district_spelling, tabled_spelling
from indexer.parse.provinces import folded_spellings, province_named, spell_place
from indexer.parse.restore import restore
from indexer.textnorm import OCR_LETTER_GLYPHS, fold
from indexer.vietnamese.bodies import national_bodies, place_kinds, place_spellings, province_kinds
from indexer.vietnamese.data import load_json as load
from indexer.vietnamese.letters import GENERIC_E, marked_letters_class

UNIT_TABLES = ("units_haiphong.json",)
PROVINCE_TAIL = r"\s+(?:{kind})\s+{name}"  # "Sở X thành phố Hải Phòng" = "Sở X"


@dataclass(frozen=True, slots=True)
class KnownUnit:
    name: str  # proper display name: "Sở Ngoại vụ", "UBND phường Lê Chân"
    parent: str | None
    codes: tuple[str, ...]
    variants: tuple[str, ...]  # spellings matched in text, proper Vietnamese


COMMITTEE = "UBND"  # the short name of the People's Committee, the body a place's unit is named after


def _acronym_bodies() -> list[dict]:
    """Bodies whose short name is an acronym (UBND, HĐND): a tabled unit name is also printed spelt out."""
    return [b for b in _kinds()[0] if " " not in b.get("short", " ")]


def _place_unit(kind: str, place: str, parent: str) -> KnownUnit:
    committee = next(b["name"] for b in _acronym_bodies() if b["short"] == COMMITTEE)
    return KnownUnit(f"{COMMITTEE} {kind} {place}", parent, (), (
        f"{COMMITTEE} {kind} {place}", f"{committee} {kind} {place}", f"{kind} {place}"))


@cache
def known_units() -> tuple[KnownUnit, ...]:
    units: list[KnownUnit] = []
    for table_name in UNIT_TABLES:
        table = load(table_name)
        parent = table["parent"]
        for entry in table["city_level"] + table["departments"]:
            name = entry["name"]
            variants = {name, *(name.replace(b["short"], b["name"]) for b in _acronym_bodies())}
            units.append(KnownUnit(name, None if name == parent else parent, tuple(entry["codes"]), tuple(variants)))
        for kind in place_kinds():
            if "units" in kind:
                units += [_place_unit(kind["name"], place, parent) for place in table[kind["units"]]]
    return tuple(units)


@cache
def _variant_index() -> tuple[WordTrie, tuple[KnownUnit, ...]]:
    pairs = sorted(((v, u) for u in known_units() for v in u.variants), key=lambda p: len(p[0]), reverse=True)
    # Longest spelling first: `match` then takes "UBND phường X" over "phường X".
    # Matched at one place at a time, word by word: only the spellings whose words fit the text are tried
    # (their alternation cost ~0.45 s to compile in every fresh process).
    return WordTrie([v for v, _ in pairs], "u"), tuple(u for _, u in pairs)


@cache
def _province_tail() -> re.Pattern[str]:
    """`thành phố Hải Phòng` after a tabled unit's name: the table's province, with the kind it is named with."""
    kinds = {p["name"]: p["kind"] for p in load("provinces.json")["provinces"]}
    tails = []
    for province in {load(t)["province"] for t in UNIT_TABLES}:
        kind = next(k for k in province_kinds() if k["name"] == kinds[province])
        printed = "|".join([phrase_pattern(kind["name"]), *folded_spellings(place_spellings(kind)[1:])])
        tails.append(PROVINCE_TAIL.format(kind=printed, name=phrase_pattern(province)))
    return re.compile("|".join(tails))


def lookup_known(printed: str) -> KnownUnit | None:
    """The known unit a whole printed name reads as, if any: the first tabled spelling (longest first)
    that reads as the whole name, or as the name up to a province tail (`… thành phố Hải Phòng`)."""
    regex, owners = _variant_index()
    text = folded(printed.strip(" \t\n.,;:-–")).strip()
    # The variants' pattern is matched up to each place the name may end: compiling it into a second,
    # whole-name pattern cost 0.35 s a process.
    ends = [len(text)] + [i for i in range(len(text)) if text[i].isspace() and _province_tail().fullmatch(text, i)]
    found = [matched_index(m, "u") for end in ends if (m := regex.fullmatch(text, 0, end))]
    return owners[min(found)] if found else None


def known_unit_at(ftext: str, pos: int, end: int | None = None) -> tuple[KnownUnit, int] | None:
    """The longest known unit named at `pos` of folded text, and where its name ends."""
    regex, owners = _variant_index()
    m = regex.match(ftext, pos, len(ftext) if end is None else end)
    return (owners[matched_index(m, "u")], m.end()) if m else None


@cache
def _national_index() -> tuple[WordTrie, tuple[str, ...]]:
    names = tuple(sorted(national_bodies(), key=len, reverse=True))
    return WordTrie(list(names), "n"), names


def national_body(printed: str) -> str | None:
    """The national body (`Bộ Tư pháp`) a whole printed unit name reads as, OCR-tolerantly, if any."""
    regex, names = _national_index()
    m = regex.fullmatch(folded(printed.strip(" .,;:-–")).strip())
    return names[matched_index(m, "n")] if m else None


def unit_by_code(code: str) -> KnownUnit | None:
    return next((u for u in known_units() if code in u.codes), None)


# --- generic naming for units absent from the tables ---------------------------------

@cache
def _kinds() -> tuple[list[dict], list[str]]:
    data = load("unit_kinds.json")
    bodies = sorted(data["bodies"], key=lambda b: len(b["name"]), reverse=True)
    places = [p["name"] for p in data["places"]]
    return bodies, places


@cache
def _body_regex() -> tuple[WordTrie, tuple[dict, ...]]:
    bodies, _ = _kinds()
    owners, spellings = [], []
    for body in bodies:
        for spelling in [body["name"], *body.get("variants", [])]:
            owners.append(body)
            spellings.append(spelling)
    return WordTrie(spellings, "b"), tuple(owners)


@cache
def _place_regex() -> re.Pattern[str]:
    return alternation(_kinds()[1], "q")


def body_at(ftext: str, pos: int) -> tuple[dict, int] | None:
    regex, owners = _body_regex()
    m = regex.match(ftext, pos)
    return (owners[matched_index(m, "b")], m.end()) if m else None


def place_kind_at(printed: str) -> str | None:
    """The kind of place a printed name starts with (`thành phố`, `phường` …), as the table spells it."""
    m = _place_regex().match(folded(printed))
    if not m or len(printed) > m.end() and printed[m.end()].isalnum():
        return None
    return _kinds()[1][matched_index(m, "q")] if m.end() == len(_kinds()[1][matched_index(m, "q")]) else None


def place_at(ftext: str, pos: int) -> bool:
    return _place_regex().match(ftext, pos) is not None


@cache
def _conjunction() -> tuple[str, str]:  # `và`, typed or folded: lower case in a name (`Thể thao và Du lịch`)
    return function_word("and"), fold(function_word("and"))


def _capitalise_field(words: list[str]) -> list[str]:
    out, start_of_part = [], True
    for w in words:
        if w.lower() in _conjunction() or w in (",", "-", "–"):
            out.append(w.lower() if w.isalpha() else w)
            start_of_part = True
            continue
        out.append(w[:1].upper() + w[1:].lower() if start_of_part else w.lower())
        start_of_part = False
    return out


def _capitalise_place(words: list[str]) -> list[str]:
    return [w[:1].upper() + w[1:].lower() for w in words]


def _join(words: list[str]) -> str:
    return re.sub(r"\s+([,])", r"\1", " ".join(words))


def _place_in(ftext: str) -> re.Match[str] | None:
    """A kind of place that starts a place name (not the `xã` of `Văn hóa - Xã hội`)."""
    for m in _place_regex().finditer(ftext):
        before = ftext[:m.start()].rstrip()
        if before.endswith(("-", "–", ",")) or re.match(r"\s*hoi\b", ftext[m.end():]):
            continue
        return m
    return None


def _words_before(text: str, offset: int) -> int:
    return len(text[:offset].split())


def _name_rest(printed: list[str], restored: list[str], naming: str) -> str:
    """Kind of place + name, or field name, capitalised officially. Kinds are read on the
    printed words (OCR-tolerant patterns), names taken from the restored ones."""
    text = " ".join(printed)
    ftext = folded(text)
    m = _place_in(ftext)
    if m and _looks_proper(text):
        printed_kind, kind = text[m.start():m.end()].lower(), _kinds()[1][matched_index(m, "q")]
        if fold(printed_kind) == printed_kind and fold(kind) != kind:
            m = None  # typed text: `HẢI QUAN` (no tone) is not `quận`; `TĨNH` (a wrong tone) is still `tỉnh`
    if m is None:
        if naming == "place":  # `Huyện ủy Đông Anh`: a place named without its kind
            restored = _place_spelling(None, printed, restored, _looks_proper(text))
        words = [w for w in re.split(r"(\s+|,|[\-–])", " ".join(restored)) if w.strip()]
        return _join(_capitalise_place(words) if naming == "place" else _capitalise_field(words))
    place = _kinds()[1][matched_index(m, "q")]
    head_words, name_start = _words_before(text, m.start()), _words_before(text, m.end())
    head = _join(_capitalise_field([w for w in re.split(r"(\s+|,)", " ".join(restored[:head_words])) if w.strip()]))
    name = _place_spelling(place, printed[name_start:], restored[name_start:], _looks_proper(text))
    return f"{head} {place} {_join(_capitalise_place(name))}".strip()


def _place_spelling(kind: str | None, printed: list[str], restored: list[str], typed: bool) -> list[str]:
    """A province or (on OCR text) a district or commune as its table spells it, else the restored name,
    letters kept. `kind` None: a place printed without its kind (only a province or district is looked up)."""
    if province_named(" ".join(printed)):
        return spell_place(printed)
    tabled = None if typed else tabled_spelling(kind, printed) if kind else district_spelling(None, printed)
    kept = keep_place_letters(printed, restored)
    return tabled or (kept if typed else commonest_place_spellings(printed, kept))


_PROPER_LETTERS = re.compile(marked_letters_class(leaving_out=GENERIC_E), re.I)  # not the generic é
_OCR_DEBRIS = re.compile(rf"[{re.escape(OCR_LETTER_GLYPHS)}]|[^\W\d_]\d|\d[^\W\d_]")


def _looks_proper(printed: str) -> bool:
    """Typed Vietnamese (`CỤC HẢI QUAN`): kept as printed, never "restored" (to `Hải quận`). OCR prints
    few letters beyond `é` and leaves debris (`S&`, `L8`); text without diacritics is restored."""
    return _PROPER_LETTERS.search(printed) is not None and not _OCR_DEBRIS.search(printed)


def name_unit(printed: str) -> str | None:
    """Proper name for a printed unit name (`SO NGOAI VU`, `Uy ban nhan dan phuong L& Chan`)."""
    printed = " ".join(printed.split()).strip(" .,;:-–")
    if not printed:
        return None
    known = lookup_known(printed)
    if known:
        return known.name
    national = None if _looks_proper(printed) else national_body(printed)
    if national:
        return national
    words = printed.split()
    restored = words if _looks_proper(printed) else (restore(printed) or printed).split()
    if len(restored) != len(words):  # the restorer merged or split words: keep the printed ones
        restored = words
    ftext = folded(printed)
    body = body_at(ftext, 0)
    if body:
        kind, end = body
        consumed = _words_before(printed, end)
        rest = _name_rest(words[consumed:], restored[consumed:], kind["naming"])
        return typographic_apostrophes((kind.get("short", kind["name"]) + " " + rest).strip())
    if _place_regex().match(ftext):  # "PHƯỜNG LÊ CHÂN" heading a ward's report = its People's Committee
        return typographic_apostrophes("UBND " + _name_rest(words, restored, "place"))
    return None


def place_of(unit: str | None) -> tuple[str, str, list[str]] | None:
    """The kind of place, the words up to it and the place name of a unit (`UBND xã Ia Phìn` ->
    `xã`, `UBND xã`, [Ia, Phìn]); None for a unit named after no place."""
    m = _place_in(folded(unit or ""))
    name = unit[m.end():].split() if unit and m else []
    return (_kinds()[1][matched_index(m, "q")], unit[:m.end()], name) if unit and m and name else None


def parent_of(unit: str | None) -> str | None:
    known = lookup_known(unit) if unit else None
    return known.parent if known else None


def lacks_place(unit: str) -> bool:
    """`UBND`, `UBND tỉnh`: a body named without the place it governs (a header that says only ỦY BAN NHÂN DÂN)."""
    body = body_at(folded(unit), 0)
    if body is None or body[0]["naming"] != "place":
        return False
    rest = unit[body[1]:].strip()
    return not rest or place_kind_at(rest) == rest.lower()


def body_short(unit: str) -> str | None:
    """The kind of body a unit name starts with, in its short form (`UBND`, `Sở`, `Thành ủy`)."""
    body = body_at(folded(unit), 0)
    return body[0].get("short", body[0]["name"]) if body else None
