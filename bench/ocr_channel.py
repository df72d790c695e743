"""An OCR channel learnt from the seeds: how a correct word comes out of the scanner.

Word level: tests/data/eval/ocr_confusions.tsv (garbled, correct, count).
Character level, for words the table never saw: the per-character
substitutions read off the equal-length pairs of that same table.
Capital Đ follows tests/data/eval/ocr_char_patterns.md (P 62%, D 22%, B 12%, DP 4%).
"""
from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFUSIONS = ROOT / "tests" / "data" / "eval" / "ocr_confusions.tsv"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
CAPITAL_D = (("P", 62), ("D", 22), ("B", 12), ("DP", 4))


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def caps_glyph(rng: random.Random, ch: str) -> str:
    """Caps headings lose every mark; O comes out as Q now and then, a letter may drop."""
    roll = rng.random()
    if ch == "O" and roll < 0.15:
        return "Q"
    return "" if ch.isalpha() and roll > 0.985 else ch


@dataclass
class OcrChannel:
    words: dict[str, tuple[list[str], list[int]]]  # correct (lower) -> garbled forms, counts
    chars: dict[str, tuple[list[str], list[int]]]  # correct char -> printed chars, counts

    @classmethod
    def load(cls) -> OcrChannel:
        words: defaultdict[str, Counter[str]] = defaultdict(Counter)
        chars: defaultdict[str, Counter[str]] = defaultdict(Counter)
        with CONFUSIONS.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                garbled, correct, count = row["garbled"].lower(), row["correct"].lower(), int(row["count"])
                if row["kind"] in ("symbol", "roman_numeral", "token_split_merge"):
                    continue
                words[correct][garbled] += count
                if len(garbled) == len(correct):
                    for g, c in zip(garbled, correct):
                        if not c.isascii():
                            chars[c][g] += count
        freeze = lambda table: {k: (list(v), list(v.values())) for k, v in table.items()}  # noqa: E731
        return cls(freeze(words), freeze(chars))

    def garble_word(self, rng: random.Random, word: str, keep: float) -> str:
        if rng.random() < keep:
            return word
        lower = word.lower()
        entry = self.words.get(lower)
        if entry:
            printed = rng.choices(*entry)[0]
        else:
            printed = "".join(rng.choices(*self.chars[c])[0] if c in self.chars else c for c in lower)
        if word[:1] == "Đ":
            printed = rng.choices([p for p, _ in CAPITAL_D], [w for _, w in CAPITAL_D])[0] + printed[1:]
        if len(word) > 1 and word.isupper():
            return printed.upper()
        if word[:1].isupper():
            return printed[:1].upper() + printed[1:]
        return printed

    def damage(self, rng: random.Random, text: str) -> str:
        keep = rng.uniform(0.02, 0.2)  # scans differ: some pages come out far cleaner
        glue = rng.uniform(0.0, 0.05)  # the space after `.`, `;`, `:` lost
        out = []
        for line in text.split("\n"):
            letters = [ch for ch in line if ch.isalpha()]
            if len(letters) > 3 and all(ch.isupper() for ch in letters):
                # caps headings lose every mark, and O often comes out as Q
                out.append("".join(caps_glyph(rng, ch) for ch in strip_marks(line)))
                continue
            line = WORD.sub(lambda m: self.garble_word(rng, m.group(), keep), line)
            if glue and rng.random() < glue * 10:
                line = re.sub(r"([.;:]) (?=\w)", lambda m: m.group(1) if rng.random() < 0.5 else m.group(), line)
            out.append(line)
        return "\n".join(out)
