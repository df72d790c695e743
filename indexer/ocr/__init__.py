"""OCR repair: the folded syllables each printed token most likely stands for.

Used at index time (every reading is indexed at the token's position, next
to the plain fold) and to restore metadata for display. Clean text with real
diacritics passes through as its fold.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from indexer.ocr.channel import candidates
from indexer.ocr.decode import Slot, decode, fixed, scored
from indexer.ocr.lexicon import lexicon
from indexer.ocr.tokens import Kind, code_reading, kind_of, roman_reading
from indexer.textnorm import fold

__all__ = ["token_readings", "restore_words", "restore_text"]

# A document where at least this share of words carries real diacritics is
# digital text: its words are read as printed.
CLEAN_DOCUMENT_SHARE = 0.5
# Extra cost to read a plain-letter real syllable (cac, tha) as another one.
KNOWN_WORD_PENALTY = 1.2


def _is_clean_document(kinds: Sequence[Kind]) -> bool:
    words = sum(k in (Kind.WORD, Kind.TRUSTED) for k in kinds)
    trusted = sum(k is Kind.TRUSTED for k in kinds)
    return words > 0 and trusted >= CLEAN_DOCUMENT_SHARE * words


def _clean_counts(words: Sequence[str], kinds: Sequence[Kind]) -> Counter[str]:
    """How often each syllable is printed intact (plain letters or real marks)."""
    lex = lexicon()
    counts: Counter[str] = Counter()
    for word, kind in zip(words, kinds):
        if kind in (Kind.WORD, Kind.TRUSTED) and word.isalpha():
            folded = fold(word)
            if lex.is_known(folded):
                counts[folded] += 1
    return counts


def _word_costs(word: str) -> dict[str, float]:
    """Channel costs; a token already spelling a real syllable in plain letters
    is only re-read (never edited) and only against the odds."""
    plain = fold(word)
    known = lexicon().is_known(plain)
    costs = candidates(word, allow_edits=not known)
    if known and word.isascii():
        return {r: c + (0.0 if r == plain else KNOWN_WORD_PENALTY) for r, c in costs.items()}
    return costs


def _in_symbol(index: int, kinds: Sequence[Kind]) -> bool:
    """A code right after a number or before another code: `362/QB-UBND`."""
    before = kinds[index - 1] if index > 0 else None
    after = kinds[index + 1] if index + 1 < len(kinds) else None
    return before is Kind.NUMBER or after is Kind.CODE


def _slot(index: int, words: Sequence[str], kinds: Sequence[Kind], counts: Counter[str]) -> Slot:
    word, kind = words[index], kinds[index]
    if kind is Kind.ROMAN:
        return fixed(roman_reading(word))
    if kind is Kind.CODE:
        return fixed(code_reading(word, _in_symbol(index, kinds)))
    if kind is Kind.WORD:
        return scored(_word_costs(word), counts, fold(word))
    return fixed(fold(word))


def token_readings(words: Sequence[str]) -> list[tuple[str, ...]]:
    """For each printed token of a document, in order (Token.text from
    indexer.textnorm.tokenize over the whole document), the folded readings,
    best first, deduplicated (1–3 items). readings[i][0] is the best guess.
    The plain fold of the token may or may not be among them."""
    kinds = [kind_of(word) for word in words]
    if _is_clean_document(kinds):
        return [(fold(word),) for word in words]
    counts = _clean_counts(words, kinds)
    first = decode([_slot(i, words, kinds, counts) for i in range(len(words))])
    # Second pass: a garbled token is usually a word the document uses often,
    # so count what the first pass read everywhere, garbled tokens included.
    counts = Counter(r[0] for r, k in zip(first, kinds) if k in (Kind.WORD, Kind.TRUSTED))
    return decode([_slot(i, words, kinds, counts) for i in range(len(words))])


def restore_words(words: Sequence[str]) -> list[str]:
    from indexer.ocr.restore import restore_words as _restore

    return _restore(words)


def restore_text(text: str) -> str:
    from indexer.ocr.restore import restore_text as _restore

    return _restore(text)
