"""The indexing fast paths compute exactly what their plain definitions say.

tokenize walks the text line by line; the lattice's word links look up each
option's lexicon followers. Both are checked here against the one-line
definitions they replace, on texts and option lists that exercise the edges
(blank lines, a token at the very start and end, numbers after counting words).
"""
from __future__ import annotations

import random

from indexer.ocr import lattice
from indexer.ocr.lexicon import lexicon
from indexer.textnorm import TOKEN_RE, Token, tokenize
from indexer.vietnamese import roman


def plain_tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), text.count("\n", 0, m.start()) + 1, m.group()) for m in TOKEN_RE.finditer(text)]


TEXTS = [
    "",
    "\n",
    "một",
    "\n\nhai ba\n",
    "Số: 12/QĐ-UBND\n\n\nngày 3 tháng 4\r\nnăm 2025 — S& Nội vụ; cta\tUBND\n  cuối",
    "dòng không ngắt ở cuối",
]


def test_tokenize_equals_its_definition_on_line_edges():
    for text in TEXTS:
        assert tokenize(text) == plain_tokenize(text), repr(text)


def test_tokenize_equals_its_definition_on_random_texts():
    rng = random.Random(7)
    alphabet = list("aăâbcdđeêg hikl mnoôơ pqrs tuư vxy 0123456789&@$,.;:/-\n\n\t") + ["ế", "ở", "Đ"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        assert tokenize(text) == plain_tokenize(text), repr(text)


def plain_links(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((p, o) for p, a in enumerate(left) for o, b in enumerate(right) if lattice._joins(a, b))


def test_pair_links_equal_joins_of_every_pair():
    pairs = sorted(lexicon().bigrams)[:3000:7]
    syllables = sorted({s for pair in pairs for s in pair})
    counting = sorted(lattice.number_words())[:5]
    numerals = ["118", "2", "ii", "iv", "v", ""]
    rng = random.Random(3)
    found = 0
    for _ in range(400):
        pool = syllables + counting + numerals
        left = tuple(rng.sample(pool, rng.randrange(1, 5)))
        right = tuple(rng.sample(pool, rng.randrange(1, 5)))
        if (len(left), len(right)) == (1, 1):
            right += (rng.choice(pool),)
        got = lattice._pair_links(left, right)
        assert got == plain_links(left, right), (left, right)
        found += bool(got)
    words = [(a, b) for a, b in pairs if not (b[:1].isdigit() or roman.is_folded_small(b))][:50]
    for left, right in words:  # real words (no numeral second): every one of them links
        assert lattice._pair_links((left, "xyz"), (right,)) == plain_links((left, "xyz"), (right,)) != ()
    assert found  # the random draws did exercise some links
