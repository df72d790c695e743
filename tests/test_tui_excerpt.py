"""Long lines are cut between words (a space within reach), the hit always in view: the core's
`snippet` (the command line's hits) and the app's `excerpt` (a result row), from one rule, `at_words`."""
from __future__ import annotations

import pytest

from cchc_tui.palette import styles
from cchc_tui.widgets.rendering import excerpt
from indexer.api import LineHit, at_words, snippet

WORDS = "một hai ba bốn năm sáu bảy tám chín mười"

AT_WORDS_CASES = [
    # name, text, start, end, keep, expected window text
    ("cut inside words moves inwards", "alpha beta gamma delta", 2, 19, (6, 10), "beta gamma"),
    ("already between words", "alpha beta gamma delta", 6, 16, (6, 10), "beta gamma"),
    ("spaces at the edges dropped", "alpha beta gamma delta", 5, 17, (6, 10), "beta gamma"),
    ("the hit is never cut into", "alpha beta gamma delta", 8, 19, (8, 10), "ta gamma"),
    ("no space within reach: cut stays", "a" + "x" * 40 + " b", 3, 30, (10, 12), "x" * 27),
    ("whole line untouched", "alpha beta", 0, 10, (0, 5), "alpha beta"),
]


@pytest.mark.parametrize(("name", "text", "start", "end", "keep", "expected"), AT_WORDS_CASES,
                         ids=[c[0] for c in AT_WORDS_CASES])
def test_at_words(name, text, start, end, keep, expected):
    lo, hi = at_words(text, start, end, keep)
    assert text[lo:hi] == expected
    assert lo <= keep[0] and hi >= min(keep[1], end)


def words_of(line: str) -> set[str]:
    return set(line.split())


LONG = " ".join([WORDS] * 12)  # ~470 characters of short words: a space is always within reach
HIT_WORD = "QUYẾT_ĐỊNH_3041"


def line_with_hit(at_word: int) -> tuple[str, tuple[int, int]]:
    words = LONG.split()
    words[at_word] = HIT_WORD
    line = " ".join(words)
    start = line.index(HIT_WORD)
    return line, (start, start + len(HIT_WORD))


SNIPPET_CASES = [("hit early", 3), ("hit in the middle", 55), ("hit near the end", 118)]


@pytest.mark.parametrize(("name", "at_word"), SNIPPET_CASES, ids=[c[0] for c in SNIPPET_CASES])
def test_snippet_cuts_between_words_and_keeps_the_hit(name, at_word):
    line, span = line_with_hit(at_word)
    text, spans = snippet(line, [span], width=120, lead=40)
    body = text.strip("…")
    assert set(body.split()) <= words_of(line)  # every word shown is a whole word of the line
    assert not body.startswith(" ") and not body.endswith(" ")
    assert [text[s:e] for s, e in spans] == [HIT_WORD]
    assert len(body) <= 120
    assert text.startswith("…") == (not line.startswith(body)) and text.endswith("…") == (not line.endswith(body))


@pytest.mark.parametrize(("name", "at_word"), SNIPPET_CASES, ids=[c[0] for c in SNIPPET_CASES])
@pytest.mark.parametrize("width", [40, 60, 90])
def test_excerpt_cuts_between_words_and_keeps_the_hit(name, at_word, width):
    line, span = line_with_hit(at_word)
    text = excerpt(LineHit(1, line, [span]), width=width)
    body = text.plain.strip("…")
    assert set(body.split()) <= words_of(line)
    assert HIT_WORD in text.plain
    assert text.cell_len <= width
    assert text.cell_len >= width - 15  # the cut moved at most WORD_SLACK in: the row is still used


def test_excerpt_of_a_line_without_spaces_still_fits_and_shows_the_hit():
    line = "x" * 200 + "3041/QĐ-UBND" + "y" * 50
    start = line.index("3041")
    text = excerpt(LineHit(1, line, [(start, start + 12)]), width=60)
    assert "3041/QĐ-UBND" in text.plain and text.cell_len <= 60 and text.plain.startswith("…")


def test_excerpt_text_stays_literal():
    line = "[bold]x[/] " * 30 + HIT_WORD + " [@click=app.quit]y[/]" * 10
    start = line.index(HIT_WORD)
    text = excerpt(LineHit(1, line, [(start, start + len(HIT_WORD))]), width=60)
    assert "[/]" in text.plain and "[@click=app.quit]" in text.plain
    assert {str(span.style) for span in text.spans} == {styles().match}  # only the hit is styled


def test_each_preview_line_fits_its_row_and_keeps_the_hit():
    from cchc_tui.widgets.hit_preview import preview_text
    from indexer.api import Hit

    line, span = line_with_hit(55)
    hit = Hit(doc_id="d", path="d.txt", score=1.0, title="t", unit="u", symbol=None, date=None, doc_type=None,
              lines=[LineHit(7, line, [span]), LineHit(9, "ngắn " + HIT_WORD, [(5, 5 + len(HIT_WORD))])])
    rows = preview_text(hit, 70).plain.split("\n")[4:]
    assert len(rows) == 2 and all(len(row) <= 70 and HIT_WORD in row for row in rows)


@pytest.mark.parametrize("width", [30, 45, 60])
@pytest.mark.parametrize("tail", ["", " x", " ab cd", "." * 3])
def test_a_hit_at_the_end_of_a_long_line_is_shown_whole(width, tail):
    """(The window once kept a cell for a closing "…" it then did not need, cutting `Mot` to `Mo…`.)"""
    line = " ".join([WORDS] * 3) + " Mot" + tail
    start = line.rindex("Mot")
    text = excerpt(LineHit(1, line, [(start, start + 3)]), width=width)
    assert "Mot" in text.plain and text.cell_len <= width and text.plain.startswith("…")
