"""The lattice's cut of kept readings equals its plain definition: sort every option by its score
(ties: the greater option first), keep those within KEEP_MARGIN of the best, MAX_READINGS at most.
The fast path sorts only the kept options; ties and near-margin scores are drawn on purpose."""
from __future__ import annotations

import random

from indexer.ocr import lattice


def plain_kept(through: list[float], options: tuple[str, ...]) -> tuple[str, ...]:
    ranked = sorted(zip(through, options), reverse=True)
    cut = ranked[0][0] - lattice.KEEP_MARGIN
    return tuple([o for s, o in ranked if s >= cut][: lattice.MAX_READINGS])


def test_kept_equals_its_definition() -> None:
    rng = random.Random(11)
    grid = [0.0, -0.5, -1.0, -1.5, -2.0, 0.25, -0.75]  # equal scores and scores exactly at the margin
    several = 0
    for _ in range(3000):
        options = tuple(rng.sample(["tế", "tổ", "té", "te", "tê", "tè", "tể"], rng.randrange(2, 8)))
        through = [rng.choice(grid) if rng.random() < 0.5 else rng.uniform(-3, 1) for _ in options]
        got = lattice._kept(through, options)
        assert got == plain_kept(through, options), (through, options)
        several += len(got) > 1
    assert several  # the draws did keep more than one reading at times


def test_kept_of_one_option_is_that_option() -> None:
    assert lattice._kept([-4.0], ("cua",)) == ("cua",)
