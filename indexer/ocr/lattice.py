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
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from indexer.ocr.lexicon import lexicon

NUMBER_WORDS = Path(__file__).resolve().parent.parent / "data" / "ocr_number_words.txt"

LEXICON_WEIGHT = 0.2  # per nat of log(1 + #lexicon words using the syllable)
DOC_WEIGHT = 0.5  # per nat of log(1 + #clean occurrences in the document)
BIGRAM_BONUS = 1.8  # the pair is (part of) a lexicon word
UNKNOWN_PENALTY = 3.0  # plain fold kept although no real syllable
SINGLE_LETTER_PENALTY = 0.5  # b), c), initials: a lone letter is often just that
KEEP_MARGIN = 1.0  # alternative readings within this score of the best
MAX_READINGS = 3
MAX_CANDIDATES = 6


@dataclass
class Slot:
    """Candidate readings of one token and their emission scores."""

    options: list[str]
    scores: list[float]


def fixed(reading: str) -> Slot:
    return Slot([reading], [0.0])


def scored(costs: dict[str, float], doc_counts: Counter[str], plain: str, own: str | None) -> Slot:
    """`own` is what this very token added to `doc_counts`: it is no evidence for itself."""
    lex = lexicon()

    def seen(reading: str) -> float:
        return math.log1p(doc_counts.get(reading, 0) - (reading == own))

    def score(reading: str, cost: float) -> float:
        prior = LEXICON_WEIGHT * lex.syllable_weight.get(reading, 0.0)
        return -cost + prior + DOC_WEIGHT * seen(reading)

    ranked = sorted(((score(r, c), r) for r, c in costs.items()), reverse=True)[:MAX_CANDIDATES]
    # Two word bonuses at most can lift an option: weaker ones can never be kept.
    ranked = [(s, r) for s, r in ranked if s >= ranked[0][0] - 2 * BIGRAM_BONUS - KEEP_MARGIN]
    if plain not in costs:  # not a syllable: maybe a name, an initial, a list letter
        penalty = SINGLE_LETTER_PENALTY if len(plain) == 1 else UNKNOWN_PENALTY
        ranked.append((-penalty + DOC_WEIGHT * seen(plain), plain))
    return Slot([r for _, r in ranked], [s for s, _ in ranked])


NEG = float("-inf")


@cache
def number_words() -> frozenset[str]:
    lines = NUMBER_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _joins(left: str, right: str) -> bool:
    """The pair is a lexicon word, or a counting word and its number (số 118)."""
    if right[:1].isdigit() or (right[:1] in "iv" and set(right) <= set("iv") and len(right) <= 4):
        return left in number_words()
    return (left, right) in lexicon().bigrams


def _links(slots: list[Slot]) -> list[list[tuple[int, int]]]:
    """links[i]: (option of slot i-1, option of slot i) pairs that form a word."""
    links: list[list[tuple[int, int]]] = [[]]
    for prev, slot in zip(slots, slots[1:]):
        links.append(
            [(p, o) for p, left in enumerate(prev.options) for o, right in enumerate(slot.options) if _joins(left, right)]
        )
    return links


def _forward(slots: list[Slot], links: list[list[tuple[int, int]]]) -> list[list[tuple[float, float]]]:
    """Per option: best prefix score ending (free, joined to the previous token).

    A syllable belongs to one word: a token joined to its left neighbour
    cannot also join its right one, so overlapping pairs are not counted twice.
    """
    rows = [[(e, NEG) for e in slots[0].scores]]
    for slot, pairs in zip(slots[1:], links[1:]):
        last = rows[-1]
        best_any = max(max(pair) for pair in last)
        joined = [NEG] * len(slot.options)
        for p, o in pairs:
            joined[o] = max(joined[o], last[p][0])
        rows.append([(e + best_any, e + BIGRAM_BONUS + j) for e, j in zip(slot.scores, joined)])
    return rows


def _backward(slots: list[Slot], links: list[list[tuple[int, int]]]) -> list[list[tuple[float, float]]]:
    """Per option: best suffix score after it, given it is (free, joined)."""
    rows = [[(0.0, 0.0)] * len(slots[-1].options)]
    for index in range(len(slots) - 2, -1, -1):
        nxt, after = slots[index + 1], rows[-1]
        unjoined = max(e + b[0] for e, b in zip(nxt.scores, after))
        joining = [NEG] * len(slots[index].options)
        for p, o in links[index + 1]:
            joining[p] = max(joining[p], nxt.scores[o] + BIGRAM_BONUS + after[o][1])
        rows.append([(max(unjoined, j), unjoined) for j in joining])
    rows.reverse()
    return rows


def decode(slots: list[Slot]) -> list[tuple[str, ...]]:
    """Readings per slot, best first, within KEEP_MARGIN of the best path."""
    if not slots:
        return []
    links = _links(slots)
    forward, backward = _forward(slots, links), _backward(slots, links)
    readings = []
    for slot, fwd, bwd in zip(slots, forward, backward):
        through = sorted(((max(f[0] + b[0], f[1] + b[1]), o) for o, f, b in zip(slot.options, fwd, bwd)), reverse=True)
        top = through[0][0]
        kept = [o for s, o in through if s >= top - KEEP_MARGIN][:MAX_READINGS]
        readings.append(tuple(kept))
    return readings
