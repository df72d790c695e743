"""Vietnamese letters: the tone marks, and the forms the OCR prints for each letter.

The forms come from `indexer/data/ocr_letter_forms.tsv`, one table for every
OCR-tolerant matcher: the parser's phrase patterns read its `phrases` column,
figure extraction its narrower `count_nouns` column.
"""
from __future__ import annotations

import unicodedata
from functools import cache

from indexer.vietnamese.data import load_json, load_rows

_ALPHABET = load_json("letters.json")
TONE_MARKS: str = _ALPHABET["tone_marks"]  # huyền, sắc, ngã, hỏi, nặng (combining, as NFD writes them)
VOWELS: str = _ALPHABET["vowels"]
# Lower-case letters only Vietnamese writes: hats, horns, breves, đ, and every vowel with a tone.
MARKED_LETTERS = _ALPHABET["marked_bases"] + "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONE_MARKS)
OCR_GENERIC_ACCENTS: str = _ALPHABET["ocr_generic_accents"]  # the OCR prints these for any accent: they tell nothing
GENERIC_E = OCR_GENERIC_ACCENTS[0]  # é, the commonest: marked-letter tests that count it do so apart
# Lettered list items run a) b) c) d) đ) e) …: the Vietnamese alphabet keeps đ after d.
LIST_ITEM_LETTER = "[a-zđ]"
FORM_TABLE = "ocr_letter_forms.tsv"


def marked_letters_class(leaving_out: str = "") -> str:
    """A regex character class of the marked letters, less `leaving_out` (a test for typed Vietnamese
    leaves out `é`, the OCR's generic accent, which it counts apart)."""
    return "[" + "".join(ch for ch in MARKED_LETTERS if ch not in leaving_out) + "]"

MATCHERS = ("phrases", "count_nouns")
VANISHES = "-"  # the form `-`: the letter may be lost altogether


@cache
def letter_forms(matcher: str) -> dict[str, tuple[str, ...]]:
    """Letter -> the folded forms the OCR prints for it, for one matcher; `""` = it may vanish.
    Letters without forms for that matcher are left out (they match their fold alone)."""
    if matcher not in MATCHERS:
        raise ValueError(f"no OCR-form column {matcher!r} (columns: {', '.join(MATCHERS)})")
    table = {}
    for row in load_rows(FORM_TABLE):
        forms = row[matcher].split()
        if forms:
            for letter in row["letter"].split():  # a vowel's tones share one row of forms
                table[letter] = tuple("" if form == VANISHES else form for form in forms)
    return table
