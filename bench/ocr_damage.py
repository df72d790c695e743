"""Deterministic OCR damage of the sample corpus' kind, for evaluation copies of clean fixtures.

The damage model is read from the two measured tables in tests/data/eval/ (never invented here):
- ocr_confusions.tsv: whole-word readings (garbled form, correct form, count), e.g. của -> cia / ctia;
- ocr_char_patterns.md §5: per-character output shares, e.g. ố -> é 33%, d 28%, 6 21%.
A word found in the word table is replaced by one of its measured readings (weighted by count) most of
the time; any other word is damaged character by character from the §5 shares. All-caps words lose every
diacritic (as the seeds' headings do), a word-initial capital Đ becomes P/D/B/DP, Đ inside a legal
symbol becomes D or B (QĐ -> QD/QB), heading roman numerals get the I/1/l/| confusion.

Line breaks are never added or removed, so the damaged copy keeps the clean file's line numbers.
The same seed and file name always give the same output.

    python bench/ocr_damage.py tests/data/blind tests/data/blind/ocr [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL_DATA = REPO / "tests" / "data" / "eval"
# Share of known words replaced by a measured whole-word reading (else damaged per character).
WORD_TABLE_RATE = 0.7
# Stray capital inside a lower-case word ("cOng", "ChU"): rare in the seeds.
CASE_NOISE_RATE = 0.005
ROMAN_DAMAGE_RATE = 0.3
# Word-initial capital Đ in the seeds: P 62%, D 22%, B 12%, DP/DB 4%.
CAPITAL_D = (("P", 62), ("D", 22), ("B", 12), ("DP", 2), ("DB", 2))
SYMBOL_D = (("D", 80), ("B", 20))
ROMAN_READINGS = {"I": ("|", "1", "l"), "II": ("Il", "I1", "11"), "III": ("I11", "Il1", "II1")}
WORD = re.compile(r"\w+", re.UNICODE)
SYMBOL_TOKEN = re.compile(r"\S*\d\S*[/\-]\S*[A-ZĐ]\S*|\S*[A-ZĐ]{2,}\S*[/\-]\S*")
ROMAN_HEAD = re.compile(r"^(\s*)(III|II|I)(\.)")


@dataclass
class DamageModel:
    words: dict[str, list[tuple[str, int]]]
    chars: dict[str, list[tuple[str, float]]]


def load_word_table(path: Path) -> dict[str, list[tuple[str, int]]]:
    readings: dict[str, list[tuple[str, int]]] = {}
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 5 or cols[4] in ("symbol", "roman_numeral", "token_split_merge"):
            continue
        garbled, correct, count = cols[0], unicodedata.normalize("NFC", cols[1]).lower(), int(cols[2])
        if " " in correct or " " in garbled:
            continue
        readings.setdefault(correct, []).append((garbled, count))
    return readings


def load_char_table(path: Path) -> dict[str, list[tuple[str, float]]]:
    """Parse the '| correct | n | `out` share%, … |' rows of §5 of ocr_char_patterns.md."""
    table: dict[str, list[tuple[str, float]]] = {}
    in_section = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.startswith("## 5.")
        if not in_section or not line.startswith("| ") or "`" not in line:
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        # a dropped letter is written `∅ (dropped)` inside the backticks (and once `∅` before the note)
        outputs = re.findall(r"`([^`]*)`(?: \(dropped\))? (\d+)%", cells[2])
        table[unicodedata.normalize("NFC", cells[0])] = [
            ("" if out.startswith("∅") else out, float(share)) for out, share in outputs
        ]
    return table


def load_model(eval_dir: Path = EVAL_DATA) -> DamageModel:
    return DamageModel(
        words=load_word_table(eval_dir / "ocr_confusions.tsv"),
        chars=load_char_table(eval_dir / "ocr_char_patterns.md"),
    )


def pick(rng: random.Random, choices) -> str:
    outputs, weights = zip(*choices)
    return rng.choices(outputs, weights=weights, k=1)[0]


def strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare)


def with_case_of(original: str, garbled: str) -> str:
    if original[:1].isupper() and garbled:
        return garbled[0].upper() + garbled[1:]
    return garbled


def damage_caps(word: str, rng: random.Random) -> str:
    """All-caps words: every diacritic lost; a leading Đ read as P/D/B."""
    head = ""
    if word.startswith("Đ"):
        head, word = pick(rng, CAPITAL_D), word[1:]
    return head + strip_marks(word).replace("Đ", "D")


def damage_chars(word: str, rng: random.Random, model: DamageModel) -> str:
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        if i == 0 and ch == "Đ":
            out.append(pick(rng, CAPITAL_D))
            continue
        choices = model.chars.get(low)
        read = pick(rng, choices) if choices else low
        if ch.isupper():
            # The seeds' digit and glyph stand-ins (1, 6, &) are readings of lower-case letters.
            read = read.upper() if read.isalpha() else strip_marks(ch)
        out.append(read)
    return "".join(out)


def case_noise(word: str, rng: random.Random) -> str:
    if len(word) > 2 and word.islower() and rng.random() < CASE_NOISE_RATE:
        i = rng.randrange(1, len(word))
        return word[:i] + word[i].upper() + word[i + 1:]
    return word


def damage_word(word: str, rng: random.Random, model: DamageModel) -> str:
    if word.isdigit():
        return word
    if len(word) > 1 and word.isupper():
        return damage_caps(word, rng)
    readings = model.words.get(word.lower())
    if readings and rng.random() < WORD_TABLE_RATE:
        return case_noise(with_case_of(word, pick(rng, readings)), rng)
    return case_noise(damage_chars(word, rng, model), rng)


def damage_symbol(token: str, rng: random.Random) -> str:
    """Legal symbols keep their letters and digits; only Đ is misread (QĐ -> QD / QB)."""
    return "".join(pick(rng, SYMBOL_D) if ch == "Đ" else ch for ch in token)


def damage_roman(line: str, rng: random.Random) -> str:
    m = ROMAN_HEAD.match(line)
    if not m or rng.random() >= ROMAN_DAMAGE_RATE:
        return line
    return m.group(1) + rng.choice(ROMAN_READINGS[m.group(2)]) + line[m.end(2):]


def damage_plain(text: str, rng: random.Random, model: DamageModel) -> str:
    parts, last = [], 0
    for m in WORD.finditer(text):
        parts.append(text[last:m.start()])
        parts.append(damage_word(m.group(), rng, model))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def damage_line(line: str, rng: random.Random, model: DamageModel) -> str:
    line = damage_roman(line, rng)
    parts, last = [], 0
    for m in SYMBOL_TOKEN.finditer(line):
        parts.append(damage_plain(line[last:m.start()], rng, model))
        parts.append(damage_symbol(m.group(), rng))
        last = m.end()
    parts.append(damage_plain(line[last:], rng, model))
    return "".join(parts)


def damage_text(text: str, rng: random.Random, model: DamageModel) -> str:
    text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    return "\n".join(damage_line(line, rng, model) for line in lines)


def damage_file(src: Path, dst: Path, seed: int, model: DamageModel) -> None:
    # A string seed is hashed with SHA-512 by random.seed: stable across runs and PYTHONHASHSEED.
    rng = random.Random(f"{seed}:{src.name}")
    dst.write_text(damage_text(src.read_text(encoding="utf-8"), rng, model), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="folder of clean .txt files")
    parser.add_argument("dst", type=Path, help="folder for the damaged copies (same names)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    model = load_model()
    args.dst.mkdir(parents=True, exist_ok=True)
    sources = sorted(args.src.glob("*.txt"))
    for src in sources:
        damage_file(src, args.dst / src.name, args.seed, model)
    print(f"{len(sources)} files damaged into {args.dst} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
