"""What kind of printed token is this, before any syllable repair.

Numbers, legal-symbol codes and roman numerals are read by rule; tokens that
carry real Vietnamese diacritics (not the OCR's generic `é`) are trusted as
printed; everything else is a word to repair.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import cache, lru_cache

from indexer.ocr.channel import candidates
from indexer.ocr.lexicon import lexicon
from indexer.textnorm import fold
from indexer.vietnamese import roman
from indexer.vietnamese.data import load_lines
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import MARKED_LETTERS, OCR_GENERIC_ACCENTS

# A document where at least this share of words carries real diacritics is
# digital text: its words are read as printed.
CLEAN_DOCUMENT_SHARE = 0.5
CAPS_WORD_MAX_COST = 1.3  # Q for O costs 0.3, P for Đ 0.3, g for ợ 1.2

# Letters only a real Vietnamese text prints: hats, horns, breves, đ, tones on
# them. The OCR's generic mark `é`/`è` is excluded: it stands for any accent.
_TRUSTED_MARKS = frozenset(MARKED_LETTERS + "ð") - set(OCR_GENERIC_ACCENTS)  # ð: the look-alike eth typed for đ

CAPS_CODE_RE = re.compile(
    r"""
    ^ (?= (?: .*[A-ZĐÐ]){2} )   # two capitals at least: S6 and T6 are words
      [A-Z0-9ĐÐ]{2,} [a-z]? $   # UBND, QB, TTHDPND, SKHCN, TTg, QÐ
    """,
    re.VERBOSE,
)


class Kind(Enum):
    NUMBER = "number"  # no letters at all
    TRUSTED = "trusted"  # real diacritics, a real syllable
    CODE = "code"  # all-caps abbreviation, not a syllable
    ROMAN = "roman"
    WORD = "word"  # a syllable to repair

    # Members are singletons: identity is equality, and hashing by it (in C) spares Enum's Python-level
    # __hash__ on every token's cache key (`_intact(word, kind)`: hundreds of thousands of calls a run).
    __hash__ = object.__hash__


@cache
def symbol_codes() -> frozenset[str]:
    return frozenset(fold(line) for line in load_lines("ocr_symbol_codes.txt"))


def _has_letter(token: str) -> bool:
    return any(ch.isalpha() or ch in OCR_LETTER_GLYPHS for ch in token)


@lru_cache(maxsize=100_000)
def kind_of(token: str) -> Kind:
    if not _has_letter(token):
        return Kind.NUMBER
    if roman.OCR_TOKEN_RE.match(token):
        return Kind.ROMAN
    folded = fold(token).replace("ð", "d")
    if any(ch in _TRUSTED_MARKS for ch in token.lower()) and lexicon().is_known(folded):
        return Kind.TRUSTED
    if CAPS_CODE_RE.match(token) and (folded in symbol_codes() or not _known_or_repairable(token)):
        return Kind.CODE
    return Kind.WORD


def _known_or_repairable(token: str) -> bool:
    """Caps headings lose O to Q (HQC, PUQC): a cheap repair makes them words."""
    return lexicon().is_known(fold(token)) or any(cost <= CAPS_WORD_MAX_COST for cost in candidates(token, allow_edits=False).values())


roman_reading = roman.folded_reading


def is_clean_document(kinds: Sequence[Kind]) -> bool:
    """Digital text: at least half its words carry real diacritics."""
    trusted = kinds.count(Kind.TRUSTED)  # (counted in C: called on every document and field)
    words = kinds.count(Kind.WORD) + trusted
    return words > 0 and trusted >= CLEAN_DOCUMENT_SHARE * words


def _code_variants(code: str) -> list[str]:
    """Readings of a damaged code: Đ printed as DP/DB/P/B (QB, NB, PA, TTHDPND), I as 1."""
    undoubled = code.replace("dp", "d").replace("db", "d")
    variants = [undoubled, undoubled.replace("1", "i").replace("0", "o")]  # 1SO = ISO
    for index, ch in enumerate(undoubled):
        if ch in "pb":
            variants.append(undoubled[:index] + "d" + undoubled[index + 1 :])
    return variants


def code_reading(token: str, in_symbol: bool) -> str:
    """The folded code a caps token stands for; damaged Đ repaired inside a symbol."""
    folded = fold(token).replace("ð", "d")  # eth typed for Đ: QÐ-UBND
    codes = symbol_codes()
    if folded in codes or not in_symbol:
        return folded
    for variant in _code_variants(folded):
        if variant in codes:
            return variant
    return folded
