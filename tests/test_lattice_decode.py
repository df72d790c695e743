"""The lattice decoder's fused forward-backward equals its written-out definition: per position the
best free and joined prefix lists, per option the best suffix, max-marginals compared as sums
(the same additions in the same order, so the same floats). Ties and near-margin scores are drawn
on purpose; the decoder's caches (slots alone, repeated runs) change nothing either."""
from __future__ import annotations

import random
from operator import add

from indexer.ocr import lattice
from indexer.ocr.lattice import BIGRAM_BONUS, NEG, Slot

OPTIONS = ["te", "to", "tê", "cong", "tac", "ban", "hanh"]


def plain_run(slots: list[Slot], links: list[tuple[tuple[int, int], ...]]) -> list[tuple[str, ...]]:
    """links[i]: slot i with slot i + 1."""
    scores = [s.scores for s in slots]
    free, joined = [list(scores[0])], [[NEG] * len(scores[0])]
    for emit, pairs in zip(scores[1:], links):
        best_any = max(max(free[-1]), max(joined[-1]))
        best_join = [NEG] * len(emit)
        for p, o in pairs:
            best_join[o] = max(best_join[o], free[-1][p])
        free.append([e + best_any for e in emit])
        joined.append([e + BIGRAM_BONUS + j for e, j in zip(emit, best_join)])
    after, after_joined = [[0.0] * len(scores[-1])], [0.0]
    for index in range(len(scores) - 2, -1, -1):
        emit = scores[index + 1]
        unjoined = max(map(add, emit, after[-1]))
        joining = [NEG] * len(scores[index])
        for p, o in links[index]:
            joining[p] = max(joining[p], emit[o] + BIGRAM_BONUS + after_joined[-1])
        after.append([max(j, unjoined) for j in joining])
        after_joined.append(unjoined)
    after.reverse()
    after_joined.reverse()
    out = []
    for i, slot in enumerate(slots):
        through = [max(a + b, c + after_joined[i]) for a, b, c in zip(free[i], after[i], joined[i])]
        out.append(lattice._kept(through, slot.options))
    return out


def random_run(rng: random.Random) -> tuple[list[Slot], list[tuple[tuple[int, int], ...]]]:
    grid = [0.0, -0.2, -1.0, -1.8, -2.0, 0.8, -2.8]  # BIGRAM_BONUS and KEEP_MARGIN apart: ties
    slots = []
    for _ in range(rng.randrange(2, 8)):
        options = tuple(rng.sample(OPTIONS, rng.choice([1, 1, 2, 3, 5, 7])))
        scores = tuple(rng.choice(grid) if rng.random() < 0.6 else rng.uniform(-4, 1) for _ in options)
        slots.append(Slot(options, scores))
    links = []
    for left, right in zip(slots, slots[1:]):
        pairs = [(p, o) for p in range(len(left.options)) for o in range(len(right.options))]
        links.append(tuple(rng.sample(pairs, rng.randrange(1, len(pairs) + 1))))
    return slots, links


def test_run_decoding_equals_its_definition() -> None:
    rng = random.Random(5)
    several = 0
    for _ in range(4000):
        slots, links = random_run(rng)
        got = list(lattice._decode_run(slots, links))
        assert got == plain_run(slots, links), (slots, links)
        several += any(len(r) > 1 for r in got)
    assert several


def test_decode_decides_repeated_slots_and_runs_once_the_same() -> None:
    one = Slot(("cong", "tac"), (0.0, -0.5))
    fixed = lattice.fixed("ban")
    slots = [one, fixed, one, one, fixed]
    done = lattice.Decoded()
    first = lattice.decode(slots, done)
    assert first == lattice.decode(slots) == lattice.decode(slots, done)
    assert all(len(r) >= 1 for r in first) and first[1] == ("ban",)
    assert lattice.decode([]) == []
