"""Glyphs the OCR prints in place of Vietnamese letters, and the letter each stands for.

`S&` = Sở, `S¢` = Sở, `V@` = Về, `$6` = Số, `¥` = ý: the symbols belong inside
a word, not between words. Which letter a glyph (symbol or digit) most likely
stands for is read from the OCR channel table, `ocr_substitutions.tsv`: the
cheapest reading of each one-glyph row, so the two cannot disagree.

The glyph groups of words that are no syllable (acronyms: `VNelD` for VNeID) are the
rows of that table marked `latin: both`, joined with `ocr_latin_confusions.tsv`, which
lists only what the channel table does not (`rn` for m, `cl` for d).
"""
from __future__ import annotations

from functools import cache

from indexer.vietnamese.data import load_rows, load_tsv

OCR_LETTER_GLYPHS = "&¢@€§¥$"


@cache
def glyph_letters() -> dict[str, str]:
    """Symbol or digit -> the folded letter it likeliest stands for (`6` -> o, `@` -> e, `|` -> l);
    on equal cost the row listed first wins."""
    best: dict[str, tuple[float, str]] = {}
    for row in load_rows("ocr_substitutions.tsv"):
        glyph, reading, cost = row["printed"], row["reading"], float(row["cost"])
        if len(glyph) != 1 or glyph.isalpha() or len(reading) != 1 or reading == "-":
            continue
        if glyph not in best or cost < best[glyph][0]:
            best[glyph] = (cost, reading)
    return {glyph: reading for glyph, (_, reading) in best.items()}


@cache
def latin_confusion_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of folded glyphs the OCR prints for one another in Latin words, each longest first:
    the pairs of the channel table marked `latin: both` and the lines of ocr_latin_confusions.tsv,
    joined where they share a member."""
    pairs = [(row["printed"], row["reading"]) for row in load_rows("ocr_substitutions.tsv") if row["latin"] == "both"]
    lines = [[m.strip() for m in row if m.strip()] for row in load_tsv("ocr_latin_confusions.tsv")]
    groups: list[set[str]] = []
    for members in [list(p) for p in pairs] + lines:
        joined = set(members).union(*(g for g in groups if g & set(members)))
        groups = [g for g in groups if not g & joined] + [joined]
    return tuple(tuple(sorted(g, key=lambda m: (-len(m), m))) for g in groups)
