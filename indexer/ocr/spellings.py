"""Spellings with diacritics for lone folded syllables.

Two data tables: the commonest spelling of frequent syllables in
administrative prose (`ocr_common_spellings.tsv`, which also flags function
words and heads of names such as Sở, Đảng), and the vowels each OCR stand-in
glyph points to (`ocr_glyph_hints.tsv`). pyvi's lexicon supplies the rest.
"""
from __future__ import annotations

from functools import cache

from indexer.ocr.lexicon import lexicon
from indexer.textnorm import nfc
from indexer.vietnamese import roman
from indexer.vietnamese.data import load_rows


def _spelling_rows() -> tuple[dict[str, str], ...]:
    return load_rows("ocr_common_spellings.tsv")


@cache
def common_spellings() -> dict[str, str]:
    return {row["folded"]: nfc(row["spelling"]) for row in _spelling_rows()}


@cache
def function_words() -> frozenset[str]:
    return frozenset(row["folded"] for row in _spelling_rows() if row["function"] == "1")


@cache
def capitalised_spellings() -> dict[str, str]:
    return {row["folded"]: nfc(row["capitalised"]) for row in _spelling_rows() if row["capitalised"]}


@cache
def glyph_hints() -> dict[str, str]:
    return {row["glyph"]: nfc(row["vowels"]) for row in load_rows("ocr_glyph_hints.tsv")}


def hinted(printed: str) -> str:
    """The marked vowels the stand-in glyphs of a printed token point to."""
    hints = glyph_hints()
    return "".join(hints.get(ch, "") for ch in printed.lower())


@cache
def before_number_spellings() -> dict[str, str]:
    return {row["folded"]: nfc(row["spelling"]) for row in load_rows("ocr_before_number.tsv")}


def syllable_spelling(folded: str, printed: str = "", next_printed: str = "") -> str:
    """Spelling of a lone syllable: what the glyph points to, a capital that makes
    it a name (Sở Nội vụ, Đảng), else the common spelling."""
    options = lexicon().spellings.get(folded, ())
    common = common_spellings().get(folded)
    hints = hinted(printed)
    if hints:  # the glyph outranks the capital: `S6` is Số even at a line start
        if common and any(ch in hints for ch in common):
            return common
        for hint in hints:
            for option in options:
                if hint in option:
                    return option
    if roman.NUMBER_OR_NUMERAL_RE.match(next_printed) and folded in before_number_spellings():
        return before_number_spellings()[folded]
    if printed[:1].isupper() and not next_printed[:1].isdigit() and folded in capitalised_spellings():
        return capitalised_spellings()[folded]
    return common or (options[0] if options else folded)
