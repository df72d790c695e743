"""Choose readings for a run of tokens: a lattice decoded with max-marginals.

Each repairable token offers a few candidate syllables scored by the channel
(how the OCR garbles it), the lexicon (how productive the syllable is) and the
document (how often the syllable is printed cleanly nearby). Adjacent
candidates that form a two-syllable lexicon word earn a bonus, each syllable
joining at most one neighbour (a syllable belongs to one word). For every candidate we
compute the best whole-sequence score that passes through it (forward +
backward Viterbi); candidates close to the best are kept as extra readings,
so a real collision (té = tế / tổ with no context) keeps both.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import add

from indexer.ocr.lexicon import lexicon
from indexer.vietnamese import roman
from indexer.vietnamese.data import load_lines

LEXICON_WEIGHT = 0.2  # per nat of log(1 + #lexicon words using the syllable)
DOC_WEIGHT = 0.5  # per nat of log(1 + #clean occurrences in the document)
BIGRAM_BONUS = 1.8  # the pair is (part of) a lexicon word
UNKNOWN_PENALTY = 3.0  # plain fold kept although no real syllable
SINGLE_LETTER_PENALTY = 0.5  # b), c), initials: a lone letter is often just that
KEEP_MARGIN = 1.0  # alternative readings within this score of the best
MAX_READINGS = 3
MAX_CANDIDATES = 6


@dataclass(frozen=True, slots=True)
class Slot:
    """Candidate readings of one token and their emission scores (shared between tokens: immutable)."""

    options: tuple[str, ...]
    scores: tuple[float, ...]


def fixed(reading: str) -> Slot:
    return Slot((reading,), (0.0,))


def scored(costs: dict[str, float], doc_counts: Counter[str], plain: str, own: str | None) -> Slot:
    """`own` is what this very token added to `doc_counts`: it is no evidence for itself."""
    return scored_static(static_options(costs, plain), doc_counts, own)


@dataclass(frozen=True, slots=True)
class StaticOptions:
    """What a token's slot owes to the token alone (cacheable per distinct token):
    each reading's channel cost and lexicon prior, and the plain fold when it is no syllable."""

    readings: tuple[str, ...]
    bases: tuple[float, ...]
    plain: str | None  # kept as a last resort (a name, an initial), at `plain_base`
    plain_base: float


def static_options(costs: dict[str, float], plain: str) -> StaticOptions:
    weight = lexicon().syllable_weight
    bases = tuple(-cost + LEXICON_WEIGHT * weight.get(reading, 0.0) for reading, cost in costs.items())
    if plain in costs:
        return StaticOptions(tuple(costs), bases, None, 0.0)
    penalty = SINGLE_LETTER_PENALTY if len(plain) == 1 else UNKNOWN_PENALTY
    return StaticOptions(tuple(costs), bases, plain, -penalty)


class _Evidence(dict):
    """Clean occurrences -> their score, DOC_WEIGHT * log1p(n), each computed once."""

    def __missing__(self, occurrences: int) -> float:
        score = self[occurrences] = DOC_WEIGHT * math.log1p(occurrences)
        return score


_EVIDENCE = _Evidence()


def scored_static(static: StaticOptions, doc_counts: Counter[str], own: str | None) -> Slot:
    """Add the document's evidence (clean occurrences of each reading) to the static scores."""
    count, evidence = doc_counts.get, _EVIDENCE
    if own is None:  # (r == own is False for every reading: the same counts, one comparison fewer)
        ranked = sorted([(base + evidence[count(r, 0)], r) for base, r in zip(static.bases, static.readings)],
                        reverse=True)
    else:
        ranked = sorted([(base + evidence[count(r, 0) - (r == own)], r)
                         for base, r in zip(static.bases, static.readings)], reverse=True)
    if len(ranked) > MAX_CANDIDATES:
        del ranked[MAX_CANDIDATES:]
    if ranked:  # two word bonuses at most can lift an option: weaker ones can never be kept
        floor = ranked[0][0] - 2 * BIGRAM_BONUS - KEEP_MARGIN
        if ranked[-1][0] < floor:  # (sorted: only then is any option below it)
            ranked = [(s, r) for s, r in ranked if s >= floor]
    plain = static.plain
    if plain is not None:  # not a syllable: maybe a name, an initial, a list letter
        ranked.append((static.plain_base + evidence[count(plain, 0) - (plain == own)], plain))
    if not ranked:
        return Slot((), ())
    scores, readings = zip(*ranked)
    return Slot(readings, scores)


NEG = float("-inf")
_ONE = (1).__eq__


@cache
def number_words() -> frozenset[str]:
    return frozenset(load_lines("ocr_number_words.txt"))


@lru_cache(maxsize=500_000)
def _joins(left: str, right: str) -> bool:
    """The pair is a lexicon word, or a counting word and its number (số 118)."""
    if right[:1].isdigit() or roman.is_folded_small(right):
        return left in number_words()
    return (left, right) in lexicon().bigrams


@cache
def _followers() -> dict[str, frozenset[str]]:
    """Each syllable -> the syllables that follow it inside a lexicon word (`_joins` by lookup)."""
    after: dict[str, set[str]] = {}
    for left, right in lexicon().bigrams:
        after.setdefault(left, set()).add(right)
    return {left: frozenset(rights) for left, rights in after.items()}


_NO_FOLLOWERS: frozenset[str] = frozenset()


@lru_cache(maxsize=200_000)
def _numeral(reading: str) -> bool:
    """A number or a small roman numeral: `_joins` asks for a counting word before it."""
    return reading[:1].isdigit() or roman.is_folded_small(reading)


@lru_cache(maxsize=500_000)
def _pair_links(left_options: tuple[str, ...], right_options: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """(option of the left slot, option of the right one) pairs that form a word: `_joins` of every
    pair, with each left option's followers looked up once (the slots of a lattice offer up to 7)."""
    if len(left_options) == 1 and len(right_options) == 1:
        return ((0, 0),) if _joins(left_options[0], right_options[0]) else ()
    numerals = [_numeral(right) for right in right_options]
    followers, counting = _followers(), number_words()
    links = []
    for p, left in enumerate(left_options):
        after, counts = followers.get(left, _NO_FOLLOWERS), left in counting
        if after or counts:
            links += [(p, o) for o, right in enumerate(right_options) if (counts if numerals[o] else right in after)]
    return tuple(links)


def _forward(scores: list[tuple[float, ...]], links: list[tuple[tuple[int, int], ...]]) -> tuple[list, list]:
    """Per option: best prefix score ending there free, and joined to the previous token.

    A syllable belongs to one word: a token joined to its left neighbour
    cannot also join its right one, so overlapping pairs are not counted twice.
    """
    last_free, last_joined, bonus = list(scores[0]), [NEG] * len(scores[0]), BIGRAM_BONUS
    free, joined = [last_free], [last_joined]
    for emit, pairs in zip(scores[1:], links[1:]):
        best_any = max(max(last_free), max(last_joined))
        best_join = [NEG] * len(emit)
        for p, o in pairs:
            if last_free[p] > best_join[o]:
                best_join[o] = last_free[p]
        last_free = [e + best_any for e in emit]
        last_joined = [e + bonus + j for e, j in zip(emit, best_join)]
        free.append(last_free)
        joined.append(last_joined)
    return free, joined


def _backward(scores: list[tuple[float, ...]], links: list[tuple[tuple[int, int], ...]]) -> tuple[list, list[float]]:
    """Per option: best suffix score after it given it is free; and given it is joined to the
    previous token (the same for every option of a token: it cannot join the next one)."""
    free, joined = [[0.0] * len(scores[-1])], [0.0]
    for index in range(len(scores) - 2, -1, -1):
        emit, after_free, after_joined = scores[index + 1], free[-1], joined[-1]
        unjoined = max(map(add, emit, after_free))
        joining = [NEG] * len(scores[index])
        for p, o in links[index + 1]:
            through = emit[o] + BIGRAM_BONUS + after_joined
            if through > joining[p]:
                joining[p] = through
        free.append([j if j > unjoined else unjoined for j in joining])
        joined.append(unjoined)
    free.reverse()
    joined.reverse()
    return free, joined


def decode(slots: list[Slot], done: dict | None = None) -> list[tuple[str, ...]]:
    """Readings per slot, best first, within KEEP_MARGIN of the best path.

    Where two neighbours cannot form a word, nothing passes between them: the
    lattice splits into independent runs, each decoded alone (exactly the same
    max-marginals up to a constant). A run of the same slots (a phrase the
    document repeats) is decoded once; `done` carries those runs to another call
    whose slots are the same objects, all kept alive by the caller (ids are the key)."""
    if not slots:
        return []
    done = {} if done is None else done
    options = [slot.options for slot in slots]
    links = list(map(_pair_links, options, options[1:]))  # links[i]: slot i with slot i + 1
    readings: list[tuple[str, ...]] = []
    start = 0
    for end in [i for i, link in enumerate(links, 1) if not link] + [len(slots)]:
        if end - start == 1:
            single = options[start]
            if len(single) > 1:  # a shared slot: decided once (its id, an int, keys it beside the runs)
                single = done.get(id(slots[start])) or done.setdefault(id(slots[start]), _decode_one(slots[start]))
            readings.append(single)
        elif all(map(_ONE, map(len, options[start:end]))):  # nothing to choose
            readings.extend(options[start:end])
        else:
            run = slots[start:end]
            key = tuple(map(id, run))  # slots are shared objects, alive for this call
            decoded = done.get(key)
            if decoded is None:
                decoded = done[key] = _decode_run(run, [(), *links[start:end - 1]])
            readings.extend(decoded)
        start = end
    return readings


def _decode_one(slot: Slot) -> tuple[str, ...]:
    """A token no neighbour forms a word with: its own scores decide."""
    if len(slot.options) == 1:
        return slot.options
    return _kept(slot.scores, slot.options)


def _kept(through: Sequence[float], options: tuple[str, ...]) -> tuple[str, ...]:
    """The options within KEEP_MARGIN of the best, best first (ties: the greater option), MAX_READINGS
    at most. Only the kept ones are sorted (most often one): the same order as sorting all, then cutting."""
    if len(options) == 1:
        return options
    cut = max(through) - KEEP_MARGIN
    kept = [(s, o) for s, o in zip(through, options) if s >= cut]
    if len(kept) == 1:
        return (kept[0][1],)
    kept.sort(reverse=True)
    return tuple([o for _s, o in kept[:MAX_READINGS]])


def _decode_pair(left: Slot, right: Slot, pairs: tuple[tuple[int, int], ...]) -> list[tuple[str, ...]]:
    """Two tokens that may form a word: the forward-backward of `_decode_run`, written out
    (same sums in the same order, so the same floats)."""
    best_left, best_right = max(left.scores), max(right.scores)
    through_left = [e + best_right for e in left.scores]
    through_right = [e + best_left for e in right.scores]
    for a, b in pairs:
        joined = left.scores[a] + (right.scores[b] + BIGRAM_BONUS)
        if joined > through_left[a]:
            through_left[a] = joined
        if joined > through_right[b]:
            through_right[b] = joined
    return [_kept(through_left, left.options), _kept(through_right, right.options)]


def _decode_run(slots: list[Slot], links: list[tuple[tuple[int, int], ...]]) -> list[tuple[str, ...]]:
    if len(slots) == 2:
        return _decode_pair(slots[0], slots[1], links[1])
    scores = [slot.scores for slot in slots]
    (fwd_free, fwd_joined), (bwd_free, bwd_joined) = _forward(scores, links), _backward(scores, links)
    readings: list[tuple[str, ...]] = []
    for options, ff, fj, bf, bj in zip([slot.options for slot in slots], fwd_free, fwd_joined, bwd_free, bwd_joined):
        if len(options) == 1:  # no choice: the scores through it do not matter
            readings.append(options)
            continue
        through = [a + b if a + b >= c + bj else c + bj for a, b, c in zip(ff, bf, fj)]
        readings.append(_kept(through, options))
    return readings
