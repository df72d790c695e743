"""OCR-tolerant word keys and paragraphs: what text comparison works on.

Two scans of the same template garble the same word differently (`cua`,
`cia`, `ctia`, `caa` are all *của*), so comparing folded words directly
misses most copies. A Vietnamese syllable is onset + vowel nucleus + final
consonant, and the OCR damage concentrates in the nucleus (the accented
vowels). The *skeleton* key keeps the onset and the final and drops the
nucleus: `ctia`/`cua` -> `c|`, `chirc`/`chuc` -> `ch|c`, `nudc`/`nuoc` -> `n|c`.
Collisions (`cac`/`cuc`) are harmless once keys are compared in runs of three.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from indexer.textnorm import fold, tokenize
from indexer.vietnamese.glyphs import glyph_letters
from indexer.vietnamese.letters import LIST_ITEM_LETTER
from indexer.vietnamese.phonology import CODAS, FOLDED_ONSETS, is_syllable
from indexer.vietnamese.roman import PRINTED_DIGITS

# Onsets, longest first so `ngh` wins over `ng` and `n`.
# The syllable grammar's onsets and codas (syllables.json), longest first: the first that fits is taken.
ONSETS = sorted(FOLDED_ONSETS, key=lambda onset: (-len(onset), onset))
FINALS = tuple(sorted(CODAS, key=lambda coda: (-len(coda), coda)))
# Digits and glyphs the OCR prints for letters (see ocr_char_patterns.md):
# after this the skeleton sees letters only.
GLYPH_TO_LETTER = str.maketrans(glyph_letters())


@lru_cache(maxsize=65536)
def skeleton(word: str, printed: str | None = None) -> str:
    """`onset|final` of a word (or of its OCR reading, `printed` being the token
    as printed); numbers and acronyms stay whole."""
    letters = fold(word)
    if letters.isdigit() or not letters:
        return letters
    read = letters.translate(GLYPH_TO_LETTER)
    if (printed or word).isupper() and not is_syllable(read):
        return letters  # CCHC, UBND, TTHC: acronyms are their own key
    letters = read
    onset = next((o for o in ONSETS if letters.startswith(o)), "")
    if onset == "p":  # Vietnamese has `ph` but no bare `p-`: it is Đ read as P
        onset = "d"
    rest = letters[len(onset):]
    final = next((f for f in FINALS if rest.endswith(f) and len(rest) > len(f)), "")
    return f"{onset}|{final}"


@lru_cache(maxsize=4096)
def word_keys(text: str) -> tuple[str, ...]:
    """Skeleton keys of the words of a short text (a heading), in order.

    Measured on the seeds, OCR readings change no section pairing (all 20
    ordered pairs): skeletons of the printed words."""
    return tuple(key for _, key in _keyed_tokens(text))


def _keyed_tokens(text: str, best: Sequence[str] | None = None) -> list[tuple[int, str]]:
    """(line, key) of every word; of its best OCR reading when the document's readings are given
    (indexer.pipeline.best_readings of what the index stored: never re-read here). Measured on the
    seeds, readings find the same shared passages as skeletons of the printed words alone."""
    tokens = tokenize(text)
    readings = best if best is not None and len(best) == len(tokens) else [t.text for t in tokens]
    return [(t.line, skeleton(r, t.text)) for t, r in zip(tokens, readings)]


@dataclass(slots=True)
class Paragraph:
    line: int  # first line, 1-based
    end_line: int
    text: str  # lines joined with "\n", as printed
    keys: list[str]  # skeleton keys of its words


# A line that starts a new item even without a blank line before it.
ITEM_START_RE = re.compile(
    rf"""
    ^\s*(?:
        [-+•*–—]                       # bullet
      | {LIST_ITEM_LETTER}\)                # a) b) c)
      | \d+(?:\.\d+)*\.?\s             # 1. / 2.1. numbered item
      | [{re.escape(PRINTED_DIGITS)}]{{1,4}}\.\s   # roman heading (OCR may print I as 1, l or |)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


def paragraphs(text: str, best: Sequence[str] | None = None) -> list[Paragraph]:
    """Blocks of consecutive non-blank lines, also split where a new list item starts; `best`, the
    best reading of every token of `text`, when known (see _keyed_tokens)."""
    blocks: list[tuple[int, list[str]]] = []
    after_blank = True
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            after_blank = True
            continue
        if after_blank or ITEM_START_RE.match(line):
            blocks.append((number, []))
        blocks[-1][1].append(line)
        after_blank = False
    keys_by_line: dict[int, list[str]] = {}
    for line_number, key in _keyed_tokens(text, best):
        keys_by_line.setdefault(line_number, []).append(key)
    result = []
    for first, lines in blocks:
        if lines:
            last = first + len(lines) - 1
            keys = [k for n in range(first, last + 1) for k in keys_by_line.get(n, ())]
            result.append(Paragraph(first, last, "\n".join(lines), keys))
    return result
