"""Figures found by a digit scan and guarded prefix regexes are the ones the plain regexes find.

`_figure_matches` tries the figure grammar only where a run of digits begins; `prefix_regexes` put a
word-start guard before their alternations. Both must find exactly what `figure_regex().finditer`
and the unguarded alternations find: on the bundled reports and the OCR'd real reports (folded, as
extraction reads them), and on lines written here around the table's own words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.parse.figures import (
    _figure_matches,
    _union,
    figure_regex,
    form_pattern,
    prefix_regexes,
    table,
)
from indexer.parse.fuzzy import folded
from indexer.vietnamese.letters import letter_forms

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    paths = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/data/real30/ocr").glob("*.txt"))[:8]
    data = table()
    # each word as the table writes it, and with its first letter printed as each of its OCR forms
    words = [form + w[1:] for w in data["not_after"] + data["qualifiers"]
             for form in {w[0], *letter_forms("count_nouns").get(w[0].lower(), ())}]
    written = [f"{w} 12 {w}:  3.450 {w}. 7/9 {w}12 ({w}) 100% {w}\n45 " for w in words]
    return [folded(p.read_text(encoding="utf-8")) for p in paths] + [folded(t) for t in written] + ["", "1", "a1 1a 1.2 ,3"]


def _found(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


def test_the_digit_scan_finds_what_finditer_finds():
    total = 0
    for text in _texts():
        expected = _found(figure_regex().finditer(text))
        assert _found(_figure_matches(text)) == expected, text[:40]
        total += len(expected)
    assert total > 100  # figures are found: not a comparison of two empty lists


def _unguarded() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = table()
    return (re.compile(rf"(?:{_union(data['not_after'])})[\s:.]*$"),
            re.compile("|".join(rf"(?P<q{i}>{form_pattern(q)})\s*$" for i, q in enumerate(data["qualifiers"]))))


@pytest.mark.parametrize("which", [0, 1], ids=["not_after", "qualifier"])
def test_guarded_prefix_regexes_search_like_the_plain_ones(which):
    guarded, plain = prefix_regexes()[which], _unguarded()[which]
    assert guarded.pattern != plain.pattern  # the guard is there: the table's words open with a letter
    found = 0
    for text in _texts():
        for end in range(len(text) + 1):
            before = text[max(0, end - 30):end]  # as `_figure` slices it
            got, want = guarded.search(before), plain.search(before)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), before
            found += want is not None
    assert found > 50
