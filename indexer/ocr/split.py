"""Two syllables printed as one token: `déis6` is đổi số (the OCR lost the space).

A token with OCR damage that reads as no syllable, even with an edit, is cut in two where each piece reads as a
syllable through the channel (`ocr_substitutions.tsv`, no edits) and each
piece is held by a lexicon word: with the other piece, or with the
neighbour on its side (chuyển đổi + đổi số). The cheapest such cut wins.
"""
from __future__ import annotations

from collections.abc import Sequence

from indexer.ocr.channel import candidates
from indexer.ocr.lexicon import lexicon

MIN_PIECE = 2  # letters of each piece: `s6` is số, a lone letter is an initial
MAX_COST = 3.0  # both pieces' channel costs together


def _pieces(token: str) -> list[tuple[float, str, str, str, str]]:
    """(cost, left printed, right printed, left reading, right reading) for every cut of `token`."""
    found = []
    for cut in range(MIN_PIECE, len(token) - MIN_PIECE + 1):
        left, right = token[:cut], token[cut:]
        if not (left[-1].isalpha() or right[0].isalpha()):
            continue
        for a, cost_a in candidates(left, allow_edits=False).items():
            for b, cost_b in candidates(right, allow_edits=False).items():
                if cost_a + cost_b <= MAX_COST:
                    found.append((cost_a + cost_b, left, right, a, b))
    return found


def split_token(token: str, before: str | None, after: str | None) -> tuple[str, str, str, str] | None:
    """(left printed, right printed, left reading, right reading) for a token printed for two syllables
    (`before`, `after`: the neighbours' readings), or None."""
    bigrams = lexicon().bigrams
    held = []
    for cost, left, right, a, b in _pieces(token):
        joined = (a, b) in bigrams
        if (joined or (before, a) in bigrams) and (joined or (b, after) in bigrams):
            held.append((cost, left, right, a, b))
    if not held:
        return None
    _cost, left, right, a, b = min(held)
    return left, right, a, b


def _damaged_whole(token: str) -> bool:
    """OCR damage (a mark or stand-in glyph: `déis6`) that no reading of the whole token explains,
    even with an edit (`ctla` is của). Plain letters run together are an address (`motcua` in a URL)."""
    return not (token.isascii() and token.isalpha()) and not candidates(token)


def splits(words: Sequence[str], readings: Sequence[str | None], repairable: Sequence[bool]) -> dict[int, tuple[str, str, str, str]]:
    """Index -> its split, for each repairable token that reads as no syllable."""
    found = {}
    for i, (word, reading) in enumerate(zip(words, readings)):
        if repairable[i] and reading is None and len(word) >= 2 * MIN_PIECE and _damaged_whole(word):
            before = readings[i - 1] if i > 0 else None
            after = readings[i + 1] if i + 1 < len(readings) else None
            split = split_token(word, before, after)
            if split is not None:
                found[i] = split
    return found
