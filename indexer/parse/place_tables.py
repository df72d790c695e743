"""Place names as the statistics office's administrative catalogue spells them, for OCR text.

Districts (districts.json) are matched OCR-tolerantly and whole, communes (communes.json, ten times as
many) only where the printed letters fit (place_names.letters_fit) exactly one name. Names neither
table knows keep the restorer's spelling, except a plain syllable it spelt the way a common word is
spelt rather than a name (`HOA` -> Hòa, not hóa): the tables' own counts say how names spell it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from indexer.parse.fuzzy import first_chars, folded, phrase_regex
from indexer.parse.phrase_trie import WordTrie
from indexer.parse.place_names import APOSTROPHES, bare, fits_all, plain
from indexer.vietnamese.data import load_json as load

PLACE_SYLLABLE_MIN = 5  # names a spelling must head to replace the restorer's
PLACE_SYLLABLE_LEAD = 4  # times as many names as the restorer's spelling: only a clearly unusual choice yields


@cache
def _district_kinds() -> tuple[str, ...]:
    """The kinds of district the districts table names (quận, huyện, thị xã, thành phố)."""
    return tuple(sorted({d["kind"] for d in load("districts.json")["districts"]}))


@cache
def _districts_by_start(kind: str) -> dict[str, tuple[str, ...]]:
    """District names of `kind` by each folded character an OCR printing of them can start with: only
    those are compiled and tried (the OCR-tolerant patterns are costly to build)."""
    starts: dict[str, set[str]] = {}
    for name in {d["name"] for d in load("districts.json")["districts"] if d["kind"] == kind}:
        for ch in first_chars(_spaced(name)):
            starts.setdefault(ch, set()).add(name)
    return {ch: tuple(sorted(names)) for ch, names in starts.items()}


def _spaced(name: str) -> str:
    return re.sub(rf"[{APOSTROPHES}]", " ", name)


def district_spelling(kind: str | None, printed: Sequence[str]) -> list[str] | None:
    """The districts table's spelling of a `kind` (huyện, quận, thị xã …; None: any) whose name the printed
    words read as, OCR-tolerantly (`Krong Pic` -> `Krông Pắc`); None unless exactly one name fits."""
    found = _district_spelling(kind, tuple(printed))
    return list(found) if found else None


@lru_cache(maxsize=4096)  # a document names its unit's place again and again: each name is looked up once
def _district_spelling(kind: str | None, printed: tuple[str, ...]) -> tuple[str, ...] | None:
    ftext = folded(_spaced(" ".join(printed)).strip())
    if not ftext:
        return None
    kinds = [kind] if kind else _district_kinds()
    fitting = {n for k in kinds for n in _district_candidates(k, ftext)
               if phrase_regex(_spaced(n)).fullmatch(ftext)}
    return tuple(fitting.pop().split()) if len(fitting) == 1 else None


@cache
def _district_trie(kind: str) -> tuple[WordTrie, tuple[str, ...]]:
    names = tuple(sorted({n for by_start in _districts_by_start(kind).values() for n in by_start}))
    return WordTrie([_spaced(n) for n in names], "d"), names


def _district_candidates(kind: str, ftext: str) -> list[str]:
    """The names of `kind` that may read as the whole of `ftext`, among those it may begin: the word trie's
    word-by-word check leaves few to compile (the names' patterns cost ~1 ms each to compile)."""
    starting = set(_districts_by_start(kind).get(ftext[0], ()))
    trie, names = _district_trie(kind)
    return [names[i] for i in trie.candidates(ftext, 0, len(ftext)) if names[i] in starting]


@cache
def _communes_by_shape(kind: str) -> dict[tuple[int, ...], tuple[str, ...]]:
    """Commune names of `kind` by the letter count of each word (OCR stand-ins replace one glyph by one)."""
    shapes: dict[tuple[int, ...], list[str]] = {}
    for name in load("communes.json").get(kind, []):
        shapes.setdefault(tuple(len(bare(w)) for w in name.split()), []).append(name)
    return {shape: tuple(names) for shape, names in shapes.items()}


def commune_spelling(kind: str, printed: Sequence[str]) -> list[str] | None:
    """The communes table's spelling of a `kind` (xã, phường, thị trấn) whose printed letters fit exactly one
    name, marks added or stand-ins undone (`Ia Phin` -> `Ia Phìn`); None when none or several fit."""
    found = _commune_spelling(kind, tuple(printed))
    return list(found) if found else None


@lru_cache(maxsize=4096)
def _commune_spelling(kind: str, printed: tuple[str, ...]) -> tuple[str, ...] | None:
    shape = tuple(len(bare(w)) for w in printed)
    fitting = {n for n in _communes_by_shape(kind).get(shape, ()) if fits_all(n.split(), printed)}
    return tuple(_apostrophe_as_printed(p, w) for p, w in zip(printed, fitting.pop().split())) if len(fitting) == 1 else None


def _apostrophe_as_printed(printed: str, spelled: str) -> str:
    """`K’NO` spelt `KNớ` by the table: the printed apostrophe kept, after the same letter (`K’Nớ`)."""
    at = next((i for i, ch in enumerate(printed) if ch in APOSTROPHES), None)
    if at is None or any(ch in APOSTROPHES for ch in spelled) or not 0 < at < len(spelled):
        return spelled
    return spelled[:at] + "’" + spelled[at:]


@cache
def _place_syllables() -> dict[str, Counter[str]]:
    """How the names of the administrative tables spell each folded syllable (`hoa`: Hòa 273, Hóa 53, Hoa 29 …)."""
    names = [d["name"] for d in load("districts.json")["districts"]]
    names += [n for kind, listed in load("communes.json").items() if not kind.startswith("_") for n in listed]
    counts: dict[str, Counter[str]] = {}
    for word in (w for n in names for w in n.split()):
        counts.setdefault(plain(word), Counter())[word] += 1
    return counts


def commonest_place_spelling(printed: str, restored: str) -> str:
    """A plainly printed syllable of a place name the tables do not know spelt as place names mostly spell
    it (`HOA` -> Hòa, not the common word hóa): the restorer's lexicon knows words, not names."""
    counts = _place_syllables().get(plain(restored))
    if not counts or not printed.isascii() or not printed.isalpha():
        return restored
    best, n = counts.most_common(1)[0]
    own = counts.get(restored[:1].upper() + restored[1:].lower(), 0)
    return best if n >= PLACE_SYLLABLE_MIN and n >= PLACE_SYLLABLE_LEAD * own else restored


def commonest_place_spellings(printed: Sequence[str], restored: Sequence[str]) -> list[str]:
    """`commonest_place_spelling` for each syllable the restorer spelt alone: two that make a word of its
    lexicon (`Đồng Tâm`) were spelt as that word, which says more than the syllables' counts."""
    from indexer.ocr.lexicon import lexicon  # loaded already: the words were restored

    spellings = lexicon().word_spellings
    in_word = set()
    for k in range(len(restored) - 1):
        pair = (restored[k].lower(), restored[k + 1].lower())
        if pair in spellings.get((plain(pair[0]), plain(pair[1])), ()):
            in_word |= {k, k + 1}
    return [r if k in in_word else commonest_place_spelling(p, r) for k, (p, r) in enumerate(zip(printed, restored))]


def tabled_spelling(kind: str, printed: Sequence[str]) -> list[str] | None:
    """A district's or a commune's name as the administrative tables spell it, if they know it."""
    return district_spelling(kind, printed) or commune_spelling(kind, printed)
