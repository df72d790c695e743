"""The synthetic scale corpus: N reports recombined from the seed reports' lines.

Each report keeps a real header (first 12 lines of a seed) and a body of
randomly drawn seed paragraphs with numbers varied, so token statistics and
OCR noise stay realistic while the volume grows. Deterministic for a seed.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\b\d{1,3}\b")


def seed_lines() -> list[list[str]]:
    return [p.read_text(encoding="utf-8").split("\n") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def make_report(rng: random.Random, sources: list[list[str]], body_lines: int) -> str:
    header_src = rng.choice(sources)
    lines = header_src[:12]
    while len(lines) < body_lines:
        src = rng.choice(sources)
        start = rng.randrange(12, max(13, len(src) - 8))
        for line in src[start : start + rng.randint(3, 8)]:
            lines.append(NUMBER.sub(lambda m: str(rng.randint(1, 999)), line) if rng.random() < 0.3 else line)
    return "\n".join(lines) + "\n"


def write_corpus(target: Path, count: int, *, seed: int = 2025, body_lines: int = 250) -> list[Path]:
    rng = random.Random(seed)
    sources = seed_lines()
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = target / f"synth_{i:05d}.txt"
        path.write_text(make_report(rng, sources, body_lines), encoding="utf-8")
        paths.append(path)
    return paths
