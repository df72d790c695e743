"""OCR repair: the folded syllables each printed token most likely stands for.

Used at index time (every reading is indexed at the token's position, next
to the plain fold) and to restore metadata for display. Clean text with real
diacritics passes through as its fold.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from indexer.ocr.channel import candidates
from indexer.ocr.lattice import Decoded, Slot, StaticOptions, decode, fixed, scored_static, static_options
from indexer.ocr.lexicon import lexicon
from indexer.ocr.spellings import capitalised_spellings
from indexer.ocr.tokens import Kind, code_reading, is_clean_document, kind_of, roman_reading
from indexer.textnorm import fold

__all__ = ["token_readings", "restore_words", "restore_text"]

# Extra cost to read a plain-letter real syllable (cac, tha) as another one.
KNOWN_WORD_PENALTY = 0.9
# Cheaper reading for a head of names (so = Sở) printed capitalised before a name.
NAME_HEAD_BONUS = 1.2
# A two-digit number read as the syllable its digits print (18 = lệ): below the number by more than
# the lattice keeps (KEEP_MARGIN), unless a lexicon word with a neighbour lifts it.
DIGITS_AS_SYLLABLE_COST = 2.5


def _clean_syllables(words: Sequence[str], kinds: Sequence[Kind]) -> list[str | None]:
    """The syllable each token prints intact (plain letters or real marks), else None."""
    return list(map(_intact, words, kinds))


@lru_cache(maxsize=200_000)
def _intact(word: str, kind: Kind) -> str | None:
    folded = fold(word)
    ok = kind in (Kind.WORD, Kind.TRUSTED) and word.isalpha() and lexicon().is_known(folded)
    return folded if ok else None


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


class _Layout:
    """What both passes share: the slot of every token that is not a word to repair (it
    owes nothing to the document statistics), and each such word with its name-head flag."""

    def __init__(self, words: Sequence[str], kinds: Sequence[Kind]) -> None:
        self.fixed: list[Slot | None] = []
        self.words: list[tuple[int, str, bool]] = []  # (index, token, heads a name)
        last = len(words) - 1
        add_fixed, add_word = self.fixed.append, self.words.append
        word_kind, code, number, roman = Kind.WORD, Kind.CODE, Kind.NUMBER, Kind.ROMAN  # locals: one per token
        for i, (word, kind) in enumerate(zip(words, kinds)):
            slot = None
            if kind is word_kind:
                head = word[:1].isupper() and _name_head(word, words[i + 1] if i < last else "")
                add_word((i, word, head))
            elif kind is code:
                slot = _code_slot(word, _in_symbol(i, kinds))
            elif kind is number and i > 0 and _quarter_in_ones(word, words[i - 1]):
                slot = Slot((word, roman_reading(word)), (0.0, 0.0))
            elif kind is number and len(word) == 2:
                slot = _number_slot(word)
            else:
                slot = _fixed_slot(word, kind is roman)
            add_fixed(slot)


class _Slots:
    """The slots of one decoding pass over a document.

    A slot depends on the token, its neighbours' kinds and capitals, what the token
    itself contributed to the document statistics (`seen[i]`), and those statistics:
    within a pass the same key gives the same (shared) slot, and a second pass reuses
    the first pass's slot wherever none of its readings changed count, so the lattice
    runs made of unchanged slots are not decoded again."""

    def __init__(self, seen: Sequence[str | None], previous: _Slots | None = None) -> None:
        self.counts = Counter(s for s in seen if s is not None)
        self.built: dict[tuple, Slot] = {}
        self.previous = previous
        # Slots of equal readings and scores, one object (shared with the previous pass): the decoder
        # keys runs on their slots (identity), so a run whose scores came out the same in the second
        # pass (most: a token's own reading is no evidence for itself) is not decoded again.
        self.canon: dict[tuple, Slot] = {} if previous is None else previous.canon
        self.recounted: set[str] = set()  # readings whose count differs from the previous pass
        if previous is not None:
            now, then = self.counts, previous.counts
            self.recounted = {r for r in now.keys() | then.keys() if now.get(r, 0) != then.get(r, 0)}

    def word_slot(self, key: tuple[str, bool, str | None]) -> Slot:
        slot = self.built.get(key)
        if slot is None:
            static = _static_options(key[0], key[1])
            slot = self._unchanged(key, static)
            if slot is None:
                slot = scored_static(static, self.counts, key[2])
                slot = self.canon.setdefault((slot.options, slot.scores), slot)
            self.built[key] = slot
        return slot

    def _unchanged(self, key: tuple, static: StaticOptions) -> Slot | None:
        if self.previous is None:
            return None
        slot = self.previous.built.get(key)
        if slot is None or static.plain in self.recounted or not self.recounted.isdisjoint(static.readings):
            return None
        return slot

    def build(self, layout: _Layout, seen: Sequence[str | None]) -> list[Slot]:
        slots = layout.fixed.copy()
        known, word_slot = self.built.get, self.word_slot  # most words repeat a key: one lookup, no call
        for i, word, head in layout.words:
            key = (word, head, seen[i])
            slots[i] = known(key) or word_slot(key)
        return slots  # type: ignore[return-value]  # every None was a word, now filled


def _name_head(word: str, following: str) -> bool:
    return word[:1].isupper() and following[:1].isupper() and not _all_caps(word)


@lru_cache(maxsize=100_000)
def _static_options(word: str, name_head: bool) -> StaticOptions:
    costs = _word_costs(word)
    return static_options(_before_name(costs) if name_head else costs, fold(word))


@lru_cache(maxsize=10_000)
def _number_slot(word: str) -> Slot:
    """A two-digit number, or a syllable whose letters the OCR printed as digits (`ty 18` = tỷ lệ:
    1 for l, 8 for ệ). The syllable costs more than the number: only a word it makes with a
    neighbour (the lattice's pair bonus) keeps it, as a second reading; the number stays first."""
    costs = candidates(word, allow_edits=False)
    if not costs:
        return fixed(word)
    reading = min(costs, key=costs.__getitem__)
    return Slot((word, reading), (0.0, -DIGITS_AS_SYLLABLE_COST))


@lru_cache(maxsize=100_000)
def _code_slot(word: str, in_symbol: bool) -> Slot:
    return fixed(code_reading(word, in_symbol))  # shared: slots are never mutated


@lru_cache(maxsize=100_000)
def _fixed_slot(word: str, roman: bool) -> Slot:
    return fixed(roman_reading(word) if roman else _plain(word))


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
    kinds = list(map(kind_of, words))
    if is_clean_document(kinds):
        return [_clean_document_reading(word, kind) for word, kind in zip(words, kinds)]
    seen = _clean_syllables(words, kinds)
    layout = _Layout(words, kinds)
    first_pass = _Slots(seen)
    decoded = Decoded()  # slots and lattice runs decided so far, shared by both passes
    first = decode(first_pass.build(layout, seen), decoded)
    # Second pass: a garbled token is usually a word the document uses often,
    # so count what the first pass read everywhere, garbled tokens included.
    syllables = frozenset((Kind.WORD, Kind.TRUSTED))  # (built once, not per token)
    seen = [r[0] if k in syllables else None for r, k in zip(first, kinds)]
    return decode(_Slots(seen, first_pass).build(layout, seen), decoded)


def restore_words(words: Sequence[str], known: Mapping[str, str] | None = None) -> list[str]:
    from indexer.ocr.restore import restore_words as _restore

    return _restore(words, known)


def restore_text(text: str, known: Mapping[str, str] | None = None) -> str:
    from indexer.ocr.restore import restore_text as _restore

    return _restore(text, known)
