"""Texts the phrase-matcher tests read: OCR-style slips of a phrase, and the bundled reports' openings."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLIPS = [("ư", "u"), ("ơ", "o"), ("đ", "d"), ("ủ", "u"), ("ố", "6"), ("ở", "&"), ("l", "1")]  # OCR-style slips


def damaged(text: str, slips: list[tuple[str, str]] = SLIPS) -> str:
    for proper, printed in slips:
        text = text.replace(proper, printed)
    return text


def report_openings(chars: int) -> list[str]:
    """The first `chars` characters of each bundled report."""
    return [p.read_text(encoding="utf-8")[:chars] for p in sorted((ROOT / "corpus").glob("*.txt"))]
