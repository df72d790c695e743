"""A deterministic generator of realistic CCHC reports for benchmarks.

    python bench/make_corpus.py --n 10000 --seed 1 --ocr-share 0.7 --out DIR

Each report gets a header of its own (province, unit, symbol, place and date,
type, title with a period), an opening that cites documents from a shared pool
(a few cited by many reports, most by few), sections whose paragraphs are
recombined from the hand-restored seed texts (tests/data/eval/seeds-restored)
with units, numbers, dates and citations replaced and clauses spliced across
paragraphs, figure paragraphs from templates of our own, and a signature
block. Paragraphs are wrapped at a width drawn per report, as a scan would.
A share of the reports then goes through an OCR channel learnt from the
seeds' confusion table (tests/data/eval/ocr_confusions.tsv). The last line
printed is the share of duplicate lines: a line cache must not make the
benchmark meaningless.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_parts import Pools, Seeds, header, opening, signature  # noqa: E402
from ocr_channel import OcrChannel  # noqa: E402

NUMBER = re.compile(r"(?<![\d/.-])(?!20[12]\d\b)\d{1,4}(?![\d/%])")
YEAR = re.compile(r"\b20[12]\d\b")


class Report:
    """One generated report; all randomness comes from `rng`."""

    def __init__(self, rng: random.Random, pools: Pools, seeds: Seeds) -> None:
        self.rng, self.pools, self.seeds = rng, pools, seeds
        self.meta = pools.draw_meta(rng)

    def vary(self, text: str) -> str:
        rng, meta = self.rng, self.meta
        text = self.seeds.replace_units(text, meta["unit"], meta["unit_short"])
        text = self.seeds.replace_citations(text, lambda: self.pools.citation_text(rng, meta["year"]))
        text = YEAR.sub(lambda m: str(meta["year"] + rng.choice((-1, 0, 0, 0, 1)) if rng.random() < 0.5 else meta["year"]), text)
        text = NUMBER.sub(lambda m: str(max(1, int(int(m.group()) * rng.uniform(0.4, 2.2)))) if rng.random() < 0.6 else m.group(), text)
        return self.pools.synonyms(rng, text)

    def paragraph(self) -> str:
        rng = self.rng
        if rng.random() < 0.18:
            return self.pools.figures(rng, self.meta)
        kind = rng.choice(("prose", "prose", "bullet", "bullet", "bullet"))
        first = rng.choice(self.seeds.paragraphs[kind])
        while len(first) < 100:  # one-line paragraphs would repeat verbatim
            first = f"{first.rstrip('.;')}, {rng.choice(self.seeds.clauses)}"

        second = rng.choice(self.seeds.paragraphs[kind])
        if rng.random() < 0.45:  # splice: head of one paragraph, tail of another
            first = splice(rng, first, second)
        elif rng.random() < 0.3:
            first = f"{first.rstrip(';.')}; {second[:1].lower()}{second[1:]}" if kind == "bullet" else f"{first} {second}"
        return self.vary(self.seeds.mutate(rng, first))

    def body(self, target_chars: int) -> list[str]:
        rng, pools, meta = self.rng, self.pools, self.meta
        blocks, size = [], 0
        headings = pools.headings_for(rng, meta)
        numbering = rng.choice(("{}.", "{}.", "{})"))
        for number, heading in enumerate(headings, 1):
            if rng.random() < 0.6:  # headings often name the period or the unit
                heading = f"{heading} {rng.choice((meta['period'], meta['unit_short'])).upper()}"
            blocks.append(f"{roman(number)}. {heading}")
            for sub in range(1, rng.randint(1, 3) + 1):
                blocks.append(f"{numbering.format(sub)} {pools.sub_heading(rng)}")
                for _ in range(rng.randint(2, 6)):
                    text = self.paragraph()
                    blocks.append(text)
                    size += len(text)
                if size >= target_chars * (number / len(headings)):
                    break
        return blocks

    def text(self) -> str:
        rng = self.rng
        width = rng.randint(64, 90)
        target = int(min(30_000, max(2_500, rng.lognormvariate(9.25, 0.45))))  # median ~10 KB
        lines = header(rng, self.pools, self.meta)
        for para in opening(rng, self.pools, self.meta):
            lines += wrap(rng, para, width)
        for block in self.body(target):
            lines.append("")
            lines += [block] if is_heading(block) else wrap(rng, block, width + rng.randint(-8, 8))
        lines += [""] + signature(rng, self.pools, self.meta)
        return "\n".join(lines) + "\n"


def splice(rng: random.Random, first: str, second: str) -> str:
    a, b = re.split(r"(?<=[,;]) ", first), re.split(r"(?<=[,;]) ", second)
    if len(a) < 2 or len(b) < 2:
        return first
    return " ".join(a[: rng.randint(1, len(a) - 1)] + b[rng.randint(1, len(b) - 1) :])


def roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(n, 10) - 1]


def is_heading(block: str) -> bool:
    return len(block) < 120 and bool(re.match(r"^(?:[IVX]+\.|\d+[.)]) ", block))


def wrap(rng: random.Random, text: str, width: int) -> list[str]:
    """Greedy wrap at a width that wobbles a little line by line, like a scanned page."""
    lines, current = [], ""
    limit = width + rng.randint(-6, 6)
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current, limit = word, width + rng.randint(-6, 6)
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def duplicate_share(texts: list[str], seen: set[bytes], counts: list[int]) -> None:
    """Accumulate non-blank lines (and their characters) seen before, by digest to keep memory small."""
    for text in texts:
        for line in text.split("\n"):
            line = line.strip()
            if not line:
                continue
            key = hashlib.blake2b(line.encode(), digest_size=8).digest()
            counts[0] += 1
            counts[2] += len(line)
            if key in seen:
                counts[1] += 1
                counts[3] += len(line)
            else:
                seen.add(key)


def generate(out: Path, n: int, seed: int, ocr_share: float, quiet: bool = False) -> dict[str, float]:
    rng = random.Random(seed)
    pools, seeds, channel = Pools.load(), Seeds.load(), OcrChannel.load()
    out.mkdir(parents=True, exist_ok=True)
    seen: set[bytes] = set()
    counts, total_bytes, damaged = [0, 0, 0, 0], 0, 0
    for i in range(n):
        report_rng = random.Random(rng.getrandbits(64))
        text = Report(report_rng, pools, seeds).text()
        if report_rng.random() < ocr_share:
            text = channel.damage(report_rng, text)
            damaged += 1
        data = text.encode("utf-8")
        (out / f"gen_{i:06d}.txt").write_bytes(data)
        total_bytes += len(data)
        duplicate_share([text], seen, counts)
        if not quiet and (i + 1) % 1000 == 0:
            print(f"  {i + 1}/{n}", file=sys.stderr, flush=True)
    return {
        "reports": n,
        "bytes": total_bytes,
        "ocr_damaged": damaged,
        "lines": counts[0],
        "duplicate_line_share": counts[1] / max(1, counts[0]),
        "duplicate_char_share": counts[3] / max(1, counts[2]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ocr-share", type=float, default=0.7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    stats = generate(args.out, args.n, args.seed, args.ocr_share, args.quiet)
    print(
        f"{stats['reports']} reports, {stats['bytes'] / 1e6:.1f} MB "
        f"({stats['bytes'] / max(1, stats['reports']) / 1000:.1f} KB each), "
        f"{stats['ocr_damaged']} OCR-damaged, {stats['lines']} non-blank lines"
    )
    print(
        f"duplicate lines: {stats['duplicate_line_share']:.1%} "
        f"(of the characters on non-blank lines: {stats['duplicate_char_share']:.1%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
