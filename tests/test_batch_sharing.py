"""`shared_answers`: this process answers chunks while the worker's are pending, and the answers
still come out in the order of the queries, however fast or slow the worker is."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from cchc_tui import batch


@dataclass
class SlowResult:
    """A worker's chunk: ready after `polls` looks, or never (until someone waits on it)."""
    chunk: list[str]
    polls: int | None
    looked: int = 0

    def ready(self) -> bool:
        self.looked += 1
        return self.polls is not None and self.looked > self.polls

    def get(self) -> list[tuple[str, str]]:
        return [("worker", query) for query in self.chunk]


@dataclass
class FakePool:
    polls: int | None
    sent: list[list[str]] = field(default_factory=list)

    def apply_async(self, _func, args):
        (chunk,) = args
        self.sent.append(chunk)
        return SlowResult(chunk, self.polls)


def queries(n: int) -> list[str]:
    return [f"q{i}" for i in range(n)]


def sharing(n: int, polls: int | None, helpers: int = 1):
    """The answers' generator, the pool, and the queries this process answered (as it goes)."""
    pool = FakePool(polls)
    here: list[str] = []

    def answer_here(query: str):
        here.append(query)
        return ("here", query)

    return batch.shared_answers(pool, helpers, queries(n), answer_here), pool, here  # type: ignore[arg-type]


def run(n: int, polls: int | None, helpers: int = 1):
    answers, pool, here = sharing(n, polls, helpers)
    return list(answers), pool, here


@pytest.mark.parametrize(("n", "polls", "helpers"), [
    (0, 0, 1), (1, 0, 1), (batch.CHUNK * 3 + 5, 0, 1), (500, None, 1), (500, 0, 1), (500, 1, 1), (500, 3, 2),
    (batch.CHUNK * batch.BUFFER * 3, None, 1),
])
def test_every_query_answered_once_in_order(n, polls, helpers):
    answers, pool, here = run(n, polls, helpers)
    assert [query for _, query in answers] == queries(n)
    by_worker = [query for who, query in answers if who == "worker"]
    assert by_worker == list(itertools.chain.from_iterable(pool.sent))
    assert sorted(here + by_worker) == sorted(queries(n))


def test_a_worker_that_keeps_up_leaves_this_process_idle():
    _, pool, here = run(500, polls=0)
    assert here == [] and sum(map(len, pool.sent)) == 500


def test_while_the_worker_starts_this_process_answers_the_rest():
    answers, pool, here = run(500, polls=None)
    assert len(pool.sent) == batch.AHEAD  # the worker never answered before the end: only its first chunks
    assert len(here) == 500 - batch.AHEAD * batch.CHUNK


def test_this_process_runs_at_most_a_buffer_ahead_of_the_output():
    answers, _, here = sharing(batch.CHUNK * batch.BUFFER * 4, polls=None)
    next(answers)
    assert len(here) <= batch.CHUNK * batch.BUFFER
