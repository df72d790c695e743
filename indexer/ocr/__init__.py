"""OCR repair: the folded syllables each printed token most likely stands for.

Used at index time (every reading is indexed at the token's position, next
to the plain fold) and to restore metadata for display. Clean text with real
diacritics passes through as its fold.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from indexer.ocr.channel import candidates
from indexer.ocr.lattice import Slot, decode, fixed, scored
from indexer.ocr.lexicon import lexicon
from indexer.ocr.spellings import capitalised_spellings
from indexer.ocr.tokens import Kind, code_reading, is_clean_document, kind_of, roman_reading
from indexer.textnorm import fold

__all__ = ["token_readings", "restore_words", "restore_text"]

# Extra cost to read a plain-letter real syllable (cac, tha) as another one.
KNOWN_WORD_PENALTY = 0.9
# Cheaper reading for a head of names (so = Sở) printed capitalised before a name.
NAME_HEAD_BONUS = 1.2


def _clean_syllables(words: Sequence[str], kinds: Sequence[Kind]) -> list[str | None]:
    """The syllable each token prints intact (plain letters or real marks), else None."""
    lex = lexicon()
    intact: list[str | None] = []
    for word, kind in zip(words, kinds):
        folded = fold(word)
        ok = kind in (Kind.WORD, Kind.TRUSTED) and word.isalpha() and lex.is_known(folded)
        intact.append(folded if ok else None)
    return intact


@lru_cache(maxsize=100_000)
def _word_costs(word: str) -> dict[str, float]:
    """Channel costs; a token already spelling a real syllable in plain letters
    is only re-read (never edited) and only against the odds. Shared: do not mutate."""
    plain = fold(word)
    known = lexicon().is_known(plain)
    costs = candidates(word, allow_edits=not known)
    if known and word.isascii():
        return {r: c + (0.0 if r == plain else KNOWN_WORD_PENALTY) for r, c in costs.items()}
    return costs


def _plain(word: str) -> str:
    """The fold, with the look-alike eth (Ð, ð) some typists use for Đ read as d."""
    return fold(word).replace("ð", "d")


def _all_caps(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def _before_name(costs: dict[str, float]) -> dict[str, float]:
    """`Sé Y tế`, `S& Nội vụ`: a capitalised syllable before a capitalised name is
    likelier one that heads names (Sở, Đảng, Quý) — see ocr_common_spellings.tsv."""
    heads = capitalised_spellings()
    return {r: c - NAME_HEAD_BONUS if r in heads else c for r, c in costs.items()}


def _in_symbol(index: int, kinds: Sequence[Kind]) -> bool:
    """A code next to a number or another code: `362/QB-UBND`, `12/KL-TTHDPND`."""
    before = kinds[index - 1] if index > 0 else None
    after = kinds[index + 1] if index + 1 < len(kinds) else None
    return before in (Kind.NUMBER, Kind.CODE) or after is Kind.CODE


def _slots(words: Sequence[str], kinds: Sequence[Kind], seen: Sequence[str | None]) -> list[Slot]:
    """`seen[i]`: the syllable token i contributes to the document statistics."""
    counts = Counter(s for s in seen if s is not None)
    return [_slot(i, words, kinds, seen[i], counts) for i in range(len(words))]


def _slot(index: int, words: Sequence[str], kinds: Sequence[Kind], own: str | None, counts: Counter[str]) -> Slot:
    word, kind = words[index], kinds[index]
    if kind is Kind.ROMAN:
        return fixed(roman_reading(word))
    if kind is Kind.CODE:
        return fixed(code_reading(word, _in_symbol(index, kinds)))
    if kind is Kind.WORD:
        costs = _word_costs(word)
        following = words[index + 1] if index + 1 < len(words) else ""
        if word[:1].isupper() and following[:1].isupper() and not _all_caps(word):
            costs = _before_name(costs)
        return scored(costs, counts, fold(word), own)
    if kind is Kind.NUMBER and index > 0 and _quarter_in_ones(word, words[index - 1]):
        return Slot([word, roman_reading(word)], [0.0, 0.0])
    return fixed(_plain(word))


def _quarter_in_ones(word: str, before: str) -> bool:
    """`QUY 11/2025`: after quý, a number of ones may be the roman II the OCR misread."""
    return 2 <= len(word) <= 3 and set(word) == {"1"} and fold(before) == "quy"


def _clean_document_reading(word: str, kind: Kind) -> tuple[str, ...]:
    """Digital text is read as printed, except a stray OCR glyph word (S6, t6) inside it."""
    if kind is Kind.WORD and not word.isalpha() and any(ch.isalpha() for ch in word):
        costs = _word_costs(word)
        if costs:
            return (min(costs, key=costs.__getitem__),)
    return (_plain(word),)


def token_readings(words: Sequence[str]) -> list[tuple[str, ...]]:
    """For each printed token of a document, in order (Token.text from
    indexer.textnorm.tokenize over the whole document), the folded readings,
    best first, deduplicated (1–3 items). readings[i][0] is the best guess.
    The plain fold of the token may or may not be among them."""
    kinds = [kind_of(word) for word in words]
    if is_clean_document(kinds):
        return [_clean_document_reading(word, kind) for word, kind in zip(words, kinds)]
    seen = _clean_syllables(words, kinds)
    first = decode(_slots(words, kinds, seen))
    # Second pass: a garbled token is usually a word the document uses often,
    # so count what the first pass read everywhere, garbled tokens included.
    seen = [r[0] if k in (Kind.WORD, Kind.TRUSTED) else None for r, k in zip(first, kinds)]
    return decode(_slots(words, kinds, seen))


def restore_words(words: Sequence[str]) -> list[str]:
    from indexer.ocr.restore import restore_words as _restore

    return _restore(words)


def restore_text(text: str) -> str:
    from indexer.ocr.restore import restore_text as _restore

    return _restore(text)
