"""Glyphs the OCR prints in place of Vietnamese letters, and the letter each stands for.

`S&` = Sở, `S¢` = Sở, `V@` = Về, `$6` = Số, `¥` = ý: the symbols belong inside
a word, not between words. Which letter a glyph (symbol or digit) most likely
stands for is read from the OCR channel table, `ocr_substitutions.tsv`: the
cheapest reading of each one-glyph row, so the two cannot disagree.
"""
from __future__ import annotations

from functools import cache

from indexer.vietnamese.data import load_rows

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
