"""Vietnamese syllables: is a word one that Vietnamese can spell?

Two grammars. `is_syllable` judges a folded syllable (no tones, no hats,
đ→d), as OCR repair and comparison see words: it rejects OCR debris such as
`cia`, `ctia`, `chirc`, `nwec`, `1ap`, `phd` that no syllable can spell.
`is_marked_syllable` judges a word with its marks, to tell the right decoding
of an 8-bit file (`Việt`) from the wrong ones (`ViÖt`, `Viêịt`).

A syllable is ONSET + RHYME, where the rhyme is (medial) + nucleus + (coda).
The inventories of both grammars are data (`indexer/data/syllables.json`);
the spelling conventions below are rules.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.vietnamese.data import load_json
from indexer.vietnamese.letters import TONE_MARKS, VOWELS

_GRAMMAR = load_json("syllables.json")  # the onsets, rhymes and nuclei of both grammars
_PLAIN_RHYMES: list[str] = _GRAMMAR["folded"]["plain_rhymes"]
_GLIDE_RHYMES: list[str] = _GRAMMAR["folded"]["glide_rhymes"]
_AFTER_QU_ONLY = frozenset(_GRAMMAR["folded"]["after_qu_only"])

# Spelling conventions: k/gh/ngh before front vowels only, c/g/ng never there.
_FRONT = ("e", "i", "y")


def _spelling_ok(onset: str, rhyme: str) -> bool:
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset == "c":  # /kw/ is spelled qu, so no c + glide u
        return not front and not (rhyme.startswith("u") and rhyme in _GLIDE_RHYMES)
    if onset == "ng":
        return not front
    if onset == "g":
        return not front or rhyme.startswith("i")  # `gi` is read as g + i (gìn)
    if rhyme in _AFTER_QU_ONLY:
        return onset == "qu"  # quynh, quyt: the u of qu is the glide
    if onset == "qu":
        return not rhyme.startswith("u") and rhyme not in _GLIDE_RHYMES  # no `quu`, `quoa`
    return True


FOLDED_ONSETS: tuple[str, ...] = tuple(_GRAMMAR["folded"]["onsets"])
_ONSETS = frozenset(FOLDED_ONSETS)
_RHYME_SET = frozenset(_PLAIN_RHYMES + _GLIDE_RHYMES)


@lru_cache(maxsize=65536)
def is_syllable(folded: str) -> bool:
    """True when `folded` (lowercase, no diacritics) can spell a Vietnamese syllable."""
    for onset_len in (3, 2, 1, 0):
        onset, rhyme = folded[:onset_len], folded[onset_len:]
        if onset_len and onset not in _ONSETS:
            continue
        if rhyme in _RHYME_SET and _spelling_ok(onset, rhyme):
            return True
    return False


def _alternation(name: str, parts: list[str]) -> str:
    return f"(?P<{name}>" + "|".join(re.escape(part) for part in parts) + ")"


# A syllable with its marks (toneless here: the tone is checked apart); each list tried in its order.
_MARKED = _GRAMMAR["marked"]
CODAS: tuple[str, ...] = tuple(_MARKED["codas"])  # the same with or without marks
MARKED_SYLLABLE_RE = re.compile(
    "^" + _alternation("onset", _MARKED["onsets"]) + "?" + _alternation("nucleus", _MARKED["nuclei"])
    + _alternation("coda", _MARKED["codas"]) + "?$"
)


def is_marked_syllable(word: str) -> bool:
    """True for `việt`, `Nghĩa`, `ĐẢNG`; False for `viêịt`, `caf`+`é` stacks, `xyz`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(mark) for mark in TONE_MARKS)
    if tones > 1 or not _tone_on_vowel(decomposed):
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return MARKED_SYLLABLE_RE.match(toneless) is not None


PLAIN_VOWELS = "".join(dict.fromkeys(unicodedata.normalize("NFD", v)[0] for v in VOWELS))  # aeiouy: the folded vowels


def _tone_on_vowel(decomposed: str) -> bool:
    """`ñ` is n + tilde in NFD: a tone mark must sit on a vowel (`ơ` = o + horn + tone)."""
    base = ""
    for ch in decomposed:
        if not unicodedata.combining(ch):
            base = ch
        elif ch in TONE_MARKS and base not in PLAIN_VOWELS:
            return False
    return True
