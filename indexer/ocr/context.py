"""Second look at a syllable its neighbours disown: the word the context asks for.

The channel (`ocr_substitutions.tsv`) rewrites a printed token glyph by glyph
and misses confusions it has no rule for: `sip xép` (ắ printed `i`), `pé nghi`
(đ printed `p`), `trec tuyén` (ự printed `e`). A reading that forms no lexicon
word with either neighbour is weak; where another syllable forms a word with
a neighbour, and the printed token is a way the OCR prints that syllable, the
other syllable is the better reading:

- the letter forms of `ocr_letter_forms.tsv` (the per-letter table every
  OCR-tolerant matcher reads) print that syllable as the token;
- or, a whole-vowel confusion no table lists, the token keeps the syllable's
  onset and final consonants and only its vowel differs — accepted only when
  the document reads that syllable elsewhere (`known`), the evidence that it
  is one of the document's words.

The evidence has to be good, so: a real syllable printed in plain letters
(`sip`, `thi`) changes only for a syllable the document reads elsewhere; a
frequent word of administrative prose (`ocr_common_spellings.tsv`) yields only
to another one; a counting word beside its number (`6 tháng`), function words
(của, và, là: they join no neighbour by nature) and the parts of a capitalised
name are left alone (no word runs into a name either: before one, a damaged
token may be a function word, `caa Ban` is của Ban); a neighbour already in a word on its far side is not
taken from it; and a token with two equally good rivals keeps its reading
(fewer letters printed as another letter wins: `pé` is đề, not dạ).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from functools import cache, lru_cache

from indexer.ocr.lattice import number_words
from indexer.ocr.lexicon import lexicon
from indexer.ocr.spellings import common_spellings, function_words
from indexer.textnorm import fold
from indexer.vietnamese import phonology
from indexer.vietnamese.letters import letter_forms

TABLE, VOWEL = 0, 1  # how the rival is supported, best first
PLAIN_VOWELS = frozenset(phonology.PLAIN_VOWELS)


@cache
def _partners() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Folded syllable -> the syllables forming a lexicon word after it, and before it."""
    after: defaultdict[str, set[str]] = defaultdict(set)
    before: defaultdict[str, set[str]] = defaultdict(set)
    for left, right in lexicon().bigrams:
        after[left].add(right)
        before[right].add(left)
    return {k: frozenset(v) for k, v in after.items()}, {k: frozenset(v) for k, v in before.items()}


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Letter (marks kept) -> its fold and the folded forms the letter table prints for it (never none)."""
    table = letter_forms("phrases")
    return {ch: tuple(dict.fromkeys([fold(ch), *(f for f in table.get(ch, ()) if f)])) for ch in table}


@lru_cache(maxsize=200_000)
def _prints(plain: str, spelled: str) -> int | None:
    """Fewest letters of `spelled` printed as another letter (not their own fold) for the letter
    table to print it as the folded token `plain`; None when the table cannot print it so."""
    if not spelled:
        return None if plain else 0
    own = fold(spelled[0])
    best = None
    for form in _forms().get(spelled[0]) or (own,):
        if plain.startswith(form):
            rest = _prints(plain[len(form):], spelled[1:])
            if rest is not None and (best is None or rest + (form != own) < best):
                best = rest + (form != own)
    return best


@lru_cache(maxsize=100_000)
def _split(folded: str) -> tuple[str, str, str]:
    """Onset, vowels, final consonants of a folded syllable (`gi`/`qu` onsets kept with their vowel)."""
    start = next((i for i, ch in enumerate(folded) if ch in PLAIN_VOWELS), len(folded))
    end = start
    while end < len(folded) and folded[end] in PLAIN_VOWELS:
        end += 1
    return folded[:start], folded[start:end], folded[end:]


def _intact(printed: str) -> bool:
    """A real syllable printed in plain letters: no sign of damage."""
    return printed.isalpha() and printed.isascii() and lexicon().is_known(fold(printed))


def _support(printed: str, rival: str, known: Collection[str] | None) -> tuple[int, int] | None:
    """How well the printed token supports reading it as `rival`, best first: (tier, letters
    printed as another letter); None: not at all."""
    return _support_of(printed, rival, known is not None and rival in known)


@lru_cache(maxsize=200_000)  # the document matters only as whether it reads `rival` elsewhere: tokens and rivals recur
def _support_of(printed: str, rival: str, rival_known: bool) -> tuple[int, int] | None:
    plain = fold(printed)
    intact = _intact(printed)
    if intact and not rival_known:
        return None  # a real syllable printed intact changes only for a syllable the document uses
    changes = [c for spelled in lexicon().spellings.get(rival, ()) if (c := _prints(plain, spelled)) is not None]
    if changes:
        return TABLE, min(changes)
    onset, vowels, coda = _split(plain)
    rival_onset, rival_vowels, rival_coda = _split(rival)
    same_frame = (onset, coda) == (rival_onset, rival_coda) and vowels and rival_vowels
    if same_frame and not intact and plain.isalpha() and rival_known:
        return VOWEL, len(vowels)
    return None


def _name_part(words: Sequence[str], i: int) -> bool:
    """A capitalised token beside another capitalised one (not an all-caps heading): a name."""
    def capital(k: int) -> bool:
        return 0 <= k < len(words) and words[k][:1].isupper() and not words[k].isupper()
    return capital(i) and (capital(i - 1) or capital(i + 1))


def _counts(words: Sequence[str], i: int, reading: str) -> bool:
    """A counting word beside a number (`tháng 9`, `6 tháng`): it belongs with the number."""
    beside = [words[k] for k in (i - 1, i + 1) if 0 <= k < len(words)]
    return reading in number_words() and any(w[:1].isdigit() for w in beside)


def _joined(readings: Sequence[str | None], i: int, step: int) -> bool:
    """Token `i` forms a word with its neighbour on the `step` side."""
    j = i + step
    if not 0 <= j < len(readings) or readings[i] is None or readings[j] is None:
        return False
    pair = (readings[i], readings[j]) if step > 0 else (readings[j], readings[i])
    return pair in lexicon().bigrams


def _can_take(readings: Sequence[str | None], k: int, step: int) -> bool:
    """Neighbour `k` (on the `step` side) may join the token: it is free on its far side, or the
    syllable there has a word of its own further on (`sip xép don vi`: đơn vị, so xếp is free for sắp)."""
    return not _joined(readings, k, step) or _joined(readings, k + step, step)


def reread(words: Sequence[str], readings: Sequence[str | None], known: Collection[str] | None = None) -> list[str | None]:
    """`readings` (folded, None = no word to repair) with each disowned syllable replaced by the one
    its context asks for, when the printed token supports it; neighbours are judged as first read."""
    bigrams, function, common = lexicon().bigrams, function_words(), common_spellings()
    after, before = _partners()
    out = list(readings)
    for i, reading in enumerate(readings):
        left = readings[i - 1] if i > 0 else None
        right = readings[i + 1] if i + 1 < len(readings) else None
        if reading is None or reading in function or (left is None and right is None) or _name_part(words, i):
            continue
        before_name = i + 1 < len(words) and words[i][:1].islower() and words[i + 1][:1].isupper()
        if before_name:
            right = None  # no word runs into a name (`caa Ban Chỉ đạo`)
        if (left, reading) in bigrams or (reading, right) in bigrams or _counts(words, i, reading):
            continue
        rivals: set[str] = set()
        if right is not None and _can_take(readings, i + 1, 1):
            rivals |= before.get(right, frozenset())
        if left is not None and _can_take(readings, i - 1, -1):
            rivals |= after.get(left, frozenset())
        if reading in common:  # a frequent word of administrative prose yields only to another one
            rivals &= common.keys()
        if before_name and not _intact(words[i]):
            rivals |= function  # what heads a name joins no word: `caa Ban` is của Ban
        ranked = sorted(
            (support, rival) for rival in rivals - {reading}
            if (support := _support(words[i], rival, known)) is not None
        )
        if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]):
            out[i] = ranked[0][1]
    return out
