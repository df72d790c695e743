"""Choose readings for a run of tokens: a lattice decoded with max-marginals.

Each repairable token offers a few candidate syllables scored by the channel
(how the OCR garbles it), the lexicon (how productive the syllable is) and the
document (how often the syllable is printed cleanly nearby). Adjacent
candidates that form a lexicon word earn a bonus. For every candidate we
compute the best whole-sequence score that passes through it (forward +
backward Viterbi); candidates close to the best are kept as extra readings,
so a real collision (té = tế / tổ with no context) keeps both.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from indexer.ocr.lexicon import lexicon

LEXICON_WEIGHT = 0.2  # per nat of log(1 + #lexicon words using the syllable)
DOC_WEIGHT = 0.7  # per nat of log(1 + #clean occurrences in the document)
BIGRAM_BONUS = 1.8  # the pair is (part of) a lexicon word
TRIGRAM_BONUS = 1.0  # extra when three in a row form a lexicon word
UNKNOWN_PENALTY = 3.0  # plain fold kept although no real syllable
SINGLE_LETTER_PENALTY = 2.0  # b), c), initials: a lone letter is often just that
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
    if plain not in costs:  # not a syllable: maybe a name, an initial, a list letter
        penalty = SINGLE_LETTER_PENALTY if len(plain) == 1 else UNKNOWN_PENALTY
        ranked.append((-penalty + DOC_WEIGHT * seen(plain), plain))
    return Slot([r for _, r in ranked], [s for s, _ in ranked])


def _link(left: str, right: str) -> float:
    return BIGRAM_BONUS if (left, right) in lexicon().bigrams else 0.0


def _forward(slots: list[Slot]) -> list[list[float]]:
    best = [list(slots[0].scores)]
    for prev, slot in zip(slots, slots[1:]):
        row = []
        for option, emission in zip(slot.options, slot.scores):
            row.append(emission + max(b + _link(p, option) for p, b in zip(prev.options, best[-1])))
        best.append(row)
    return best


def _backward(slots: list[Slot]) -> list[list[float]]:
    best = [[0.0] * len(slots[-1].options)]
    for slot, nxt in zip(reversed(slots[:-1]), reversed(slots[1:])):
        row = []
        for option in slot.options:
            row.append(max(b + e + _link(option, n) for n, e, b in zip(nxt.options, nxt.scores, best[0])))
        best.insert(0, row)
    return best


def decode(slots: list[Slot]) -> list[tuple[str, ...]]:
    """Readings per slot, best first, within KEEP_MARGIN of the best path."""
    if not slots:
        return []
    forward, backward = _forward(slots), _backward(slots)
    readings = []
    for slot, fwd, bwd in zip(slots, forward, backward):
        through = sorted(((f + b, o) for o, f, b in zip(slot.options, fwd, bwd)), reverse=True)
        top = through[0][0]
        kept = [o for s, o in through if s >= top - KEEP_MARGIN][:MAX_READINGS]
        readings.append(tuple(kept))
    return readings
