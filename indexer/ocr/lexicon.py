"""pyvi's word list as an inventory of real syllables, bigrams and spellings.

`pyvi/models/words.txt` holds ~31k entries (5.7k single syllables, the rest
multi-syllable words), one per line, with diacritics. We read it as a plain
data file: importing pyvi's tokenizer would cost more than a second.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import cast

from indexer.textnorm import fold, nfc
from indexer.vietnamese.data import load_lines, read_pyvi_words
from indexer.vietnamese.phonology import is_syllable


@dataclass(frozen=True)
class Lexicon:
    syllable_weight: dict[str, float]  # folded syllable -> log(1 + #entries using it)
    prefixes: frozenset[str]  # every prefix of a folded syllable, for pruning
    bigrams: frozenset[tuple[str, str]]  # folded adjacent syllables inside a word
    spellings: dict[str, tuple[str, ...]]  # folded syllable -> spellings, commonest first
    word_spellings: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]  # folded word -> its spellings
    preferred: frozenset[tuple[str, ...]]  # spellings from ocr_extra_words.txt: they win ties
    spelled_weight: dict[str, float]  # spelled syllable -> log(1 + #entries using that spelling)

    def is_known(self, folded: str) -> bool:
        return folded in self.syllable_weight


def _split(lines: list[str]) -> list[list[str]]:
    return [line.lower().split() for line in lines if line.strip() and not line.startswith("#")]


def _preferred() -> list[list[str]]:
    """Administrative words and names we add; their spelling wins a tie (điện tử, not điện từ)."""
    return _split([nfc(line) for line in load_lines("ocr_extra_words.txt")])


def _entries() -> list[list[str]]:
    return _preferred() + _split(nfc(read_pyvi_words()).splitlines())


def _syllable_fold(spelled: str) -> str | None:
    folded = fold(spelled)
    return folded if is_syllable(folded) else None


@cache
def lexicon() -> Lexicon:
    entries = _entries()
    uses: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    bigrams: set[tuple[str, str]] = set()
    word_spellings: defaultdict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    folds: dict[str, str | None] = {}  # spelled syllable -> its fold, None if no syllable
    for syllables in entries:
        folded = tuple(folds[s] if s in folds else folds.setdefault(s, _syllable_fold(s)) for s in syllables)
        if None in folded:
            continue  # loanwords (acid, video) and abbreviations are no OCR target
        folded = cast(tuple[str, ...], folded)  # no None left (checked above)
        spelled = tuple(syllables)
        for original, f in zip(spelled, folded):
            uses[f] += 1
            spellings[f][original] += 1
        if len(folded) > 1:
            bigrams.update(zip(folded, folded[1:]))
            if spelled not in word_spellings[folded]:
                word_spellings[folded].append(spelled)
    weight = {s: math.log1p(n) for s, n in uses.items()}
    prefixes = frozenset(s[:i] for s in weight for i in range(len(s) + 1))
    ranked = {f: tuple(s for s, _ in c.most_common()) for f, c in spellings.items()}
    words = {f: tuple(v) for f, v in word_spellings.items()}
    preferred = frozenset(tuple(w) for w in _preferred() if len(w) > 1)
    spelled_weight = {s: math.log1p(n) for c in spellings.values() for s, n in c.items()}
    return Lexicon(weight, prefixes, frozenset(bigrams), ranked, words, preferred, spelled_weight)
