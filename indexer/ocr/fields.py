"""Glyph slips of a short field (title, unit) that word-by-word restoration cannot see.

The restorer reads word tokens; two slips fall between them:

- a horn printed as an apostrophe inside a word (`thu'c` for thực, `Tru’ong`): the tokenizer cuts
  the word at the apostrophe, and each half reads as a syllable of its own (`thủ’c`). The apostrophe
  is dropped when it follows the vowel u or o and the word joined again is a real syllable; an
  apostrophe after a consonant is a name's (`K’Nớ`, `R’lấp`, `H’Liên`) and stays.
- a quarter's roman numeral printed with look-alike glyphs (`Quý |`, `quý IH`, `quý II]`): bars,
  brackets, `l`, `1` and `!` for I, `H` for two I's joined. Read only right after `quý` (where a
  numeral is expected) and only when the result is a quarter (I to IV); a plain arabic `1`
  (`Quý 1`) is how some reports write it and stays.
- a vowel printed twice with two different marks (`QUÁẢN`, `múức`: an engine that hesitated between
  two readings and printed both): one is kept when the word is then a real syllable, the one
  with more marks (ứ over ú), else the later one.
- a stray period between two capitals words that make one word (`DỮ. LIỆU`, a speck read as a
  full stop): a heading in capitals has no sentence break inside a word.
"""
from __future__ import annotations

import re
import unicodedata

from indexer.ocr.lexicon import lexicon
from indexer.textnorm import fold
from indexer.vietnamese.phonology import is_syllable

_LETTER = r"[^\W\d_]"
# a word with an apostrophe after u/o and letters after it: (head ending in the vowel, tail)
_HORN_APOSTROPHE = re.compile(rf"(?<!{_LETTER})({_LETTER}*[uoUO])['’]({_LETTER}+)")
_ONE_GLYPHS = "I|l1]![" # what the OCR prints for a capital I
_QUARTER = re.compile(rf"(?<!{_LETTER})((?i:qu[yý]))(\s+)([{re.escape(_ONE_GLYPHS)}HV]{{1,4}})(?=[\s,.;:)/-]|$)")
_QUARTERS = ("I", "II", "III", "IV")
_AS_NUMERAL = str.maketrans({**{ch: "I" for ch in _ONE_GLYPHS}, "H": "II"})
_WORD = re.compile(rf"{_LETTER}+")
_STRAY_PERIOD = re.compile(rf"({_LETTER}+)\. ({_LETTER}+)")
_DOUBLED = re.compile(r"[^\W\d_a-zA-Z]{2}")  # two letters with marks in a row: a cheap first look


def _joined(match: re.Match[str]) -> str:
    word = match.group(1) + match.group(2)
    return word if is_syllable(fold(word).lower()) else match.group(0)


def _quarter(match: re.Match[str]) -> str:
    printed = match.group(3)
    numeral = printed.translate(_AS_NUMERAL)
    if printed.isdigit() or numeral not in _QUARTERS:
        return match.group(0)
    return match.group(1) + match.group(2) + numeral


def _marks(ch: str) -> int:
    return len(unicodedata.normalize("NFD", ch)) - 1


def _one_of_two(match: re.Match[str]) -> str:
    """A word with one vowel printed twice, both marked: the word with one of them, when a syllable."""
    word = match.group(0)
    for i in range(len(word) - 1):
        a, b = word[i], word[i + 1]
        if a != b and _marks(a) and _marks(b) and fold(a).lower() == fold(b).lower() and a.isalpha():
            kept = a if _marks(a) > _marks(b) else b
            candidate = word[:i] + kept + word[i + 2 :]
            if not is_syllable(fold(word).lower()) and is_syllable(fold(candidate).lower()):
                return candidate
    return word


def _speck(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    pair = (fold(left).lower(), fold(right).lower())
    if not (left.isupper() and right.isupper()):
        return match.group(0)
    try:
        words = lexicon().bigrams
    except (OSError, ImportError):  # no lexicon: the field is shown as printed
        return match.group(0)
    return f"{left} {right}" if pair in words else match.group(0)


def tidy_field(text: str) -> str:
    """`text` with horn apostrophes dropped, a doubled marked vowel made one, a stray period inside a
    word of capitals dropped and a quarter's numeral read (see the module's doc)."""
    if "'" in text or "’" in text:
        text = _HORN_APOSTROPHE.sub(_joined, text)
    text = _WORD.sub(_one_of_two, text) if _DOUBLED.search(text) else text
    text = _STRAY_PERIOD.sub(_speck, text) if ". " in text else text
    return _QUARTER.sub(_quarter, text)
