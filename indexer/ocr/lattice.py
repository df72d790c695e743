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
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import add, attrgetter

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


@dataclass(frozen=True, slots=True, eq=False)
class Slot:
    """Candidate readings of one token and their emission scores (shared between tokens: immutable;
    equal by identity, hashed in C: the decoder keys what it decided on the slots themselves)."""

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
_OPTIONS = attrgetter("options")
_LINKED = re.compile(b"\x01+")


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


class Decoded(dict):
    """What `decode` decided, carried from one call to the next (the second pass): a slot (decided
    alone, no neighbour forming a word with it) -> its readings, and a run of slots -> theirs. Slots
    hash by identity and the keys hold them, so a key always means the very same slots."""

    def __missing__(self, slot: Slot) -> tuple[str, ...]:
        readings = self[slot] = slot.options if len(slot.options) == 1 else _kept(slot.scores, slot.options)
        return readings


def decode(slots: list[Slot], done: Decoded | None = None) -> list[tuple[str, ...]]:
    """Readings per slot, best first, within KEEP_MARGIN of the best path.

    Where two neighbours cannot form a word, nothing passes between them: the
    lattice splits into independent runs, each decoded alone (exactly the same
    max-marginals up to a constant). A slot alone or a run of the same slots (a phrase
    the document repeats) is decoded once; `done` carries them to another call."""
    done = Decoded() if done is None else done
    options = list(map(_OPTIONS, slots))
    links = list(map(_pair_links, options, options[1:]))  # links[i]: slot i with slot i + 1
    readings = list(map(done.__getitem__, slots))  # each slot decided alone; then the runs, over them
    # A run of linked neighbours is a run of 1s in one byte per link: found in C, not token by token.
    for linked in _LINKED.finditer(bytes(map(bool, links))):
        start, end = linked.start(), linked.end() + 1
        run = tuple(slots[start:end])
        decoded = done.get(run)
        if decoded is None:
            decoded = done[run] = _decode_run(run, links[start:end - 1])
        readings[start:end] = decoded
    return readings


def _decode_run(slots: Sequence[Slot], links: list[tuple[tuple[int, int], ...]]) -> Sequence[tuple[str, ...]]:
    """Max-marginals of a run (links[i]: slot i with slot i + 1): per option, the best path through it,
    free or joined to its left neighbour (a syllable belongs to one word: joined, it cannot join
    its right one). Nothing to choose: the options as they are."""
    if all(map(_ONE, map(len, [slot.options for slot in slots]))):
        return [slot.options for slot in slots]
    if len(slots) == 2:
        return _decode_pair(slots[0], slots[1], links[0])
    scores = [slot.scores for slot in slots]
    prefix, joined_before = _forward(scores, links)
    after, joined_after = _backward(scores, links)
    readings = [slots[0].options if len(slots[0].options) == 1
                else _kept([e + b for e, b in zip(scores[0], after[0])], slots[0].options)]
    for i in range(1, len(slots)):
        options = slots[i].options
        if len(options) == 1:  # no choice: the scores through it do not matter
            readings.append(options)
            continue
        free, tail = prefix[i], joined_after[i]  # free: e + free is the best path to it, free
        readings.append(_kept([t if (t := e + free + b) >= (u := j + tail) else u
                               for e, b, j in zip(scores[i], after[i], joined_before[i])], options))
    return readings


def _forward(scores: list[tuple[float, ...]], links: list[tuple[tuple[int, int], ...]]) -> tuple[list[float], list]:
    """Per token from the second: the best prefix score before it (its free options add their emission
    to it), and per option the best prefix ending there joined to the previous token."""
    prefix: list[float] = [0.0]
    joined: list[list[float]] = [[]]  # (nothing before the first token)
    free_max, joined_max, bonus = max(scores[0]), NEG, BIGRAM_BONUS
    before = None  # the first token's free scores are its emissions
    for emit, last, pairs in zip(scores[1:], scores, links):
        best_any = free_max if free_max >= joined_max else joined_max
        best_join = [NEG] * len(emit)
        for p, o in pairs:
            through = last[p] if before is None else last[p] + before
            if through > best_join[o]:
                best_join[o] = through
        last_joined = [e + bonus + j for e, j in zip(emit, best_join)]
        prefix.append(best_any)
        joined.append(last_joined)
        free_max, joined_max, before = max(emit) + best_any, max(last_joined), best_any  # (rounding is monotone)
    return prefix, joined


def _backward(scores: list[tuple[float, ...]], links: list[tuple[tuple[int, int], ...]]) -> tuple[list, list[float]]:
    """Per option: best suffix score after it given it is free; and given it is joined to the
    previous token (the same for every option of a token: it cannot join the next one)."""
    after_free, after_joined, bonus = [0.0] * len(scores[-1]), 0.0, BIGRAM_BONUS
    free, joined = [after_free], [after_joined]
    for index in range(len(scores) - 2, -1, -1):
        emit = scores[index + 1]
        unjoined = max(map(add, emit, after_free))
        joining = [NEG] * len(scores[index])
        for p, o in links[index]:
            through = emit[o] + bonus + after_joined
            if through > joining[p]:
                joining[p] = through
        after_free, after_joined = [j if j > unjoined else unjoined for j in joining], unjoined
        free.append(after_free)
        joined.append(unjoined)
    free.reverse()
    joined.reverse()
    return free, joined


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
