"""Index-time analysis of one report: tokens, OCR readings and parsed metadata."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from indexer.docmodel import ReportInfo
from indexer.profile import stage
from indexer.textnorm import Token, token_folds, tokenize

log = logging.getLogger(__name__)


@dataclass(slots=True)
class AnalyzedText:
    tokens: list[Token]
    folds: list[str]
    readings: list[tuple[str, ...]]  # extra folded readings per token (the fold itself excluded)
    best: list[str] | None = None  # the best reading of each token (its fold or one of `readings`), when known

    def forms(self, i: int) -> tuple[str, ...]:
        return (self.folds[i], *self.readings[i])


def ocr_readings(words: list[str]) -> list[tuple[str, ...]]:
    from indexer.ocr import token_readings  # here, not at import: it loads the lexicon

    return token_readings(words)


def analyze_text(text: str) -> AnalyzedText:
    with stage("tokenise"):
        tokens = tokenize(text)
        words = [t.text for t in tokens]
    with stage("normalise"):
        folds = token_folds(text, tokens)
    with stage("ocr"):
        readings = ocr_readings(words)
        extra = [tuple(r for r in dict.fromkeys(rs) if r and r != f) for f, rs in zip(folds, readings)]
        best = [rs[0] if rs and rs[0] else f for f, rs in zip(folds, readings)]
    return AnalyzedText(tokens, folds, extra, best)


def parse_info(text: str, label: str) -> ReportInfo:
    """Parsed metadata; a parser failure costs the metadata, never the report."""
    from indexer.parse import parse_report

    try:
        with stage("parse"):
            return parse_report(text)
    except Exception as exc:
        from indexer.safety import inert_line

        log.warning("metadata extraction failed for %s: %s", inert_line(label), inert_line(repr(exc)))
        return ReportInfo()


def encode_readings(readings: list[tuple[str, ...]], best: list[str] | None = None, folds: list[str] | None = None) -> str:
    """Compact stored form: tokens separated by spaces, extra readings of one token by `|`.

    A token whose fold is its best reading although it has others starts with `|`
    (an empty first reading: the fold), so the best reading of every token can be read back."""
    if best is None or folds is None:
        return " ".join("|".join(r) for r in readings)
    return " ".join(
        ("|" if r and b == f else "") + "|".join(r) for r, b, f in zip(readings, best, folds)
    )


def decode_readings(stored: str, count: int) -> list[tuple[str, ...]]:
    parts = stored.split(" ") if stored else []
    if len(parts) != count:  # stale or foreign data: fall back to folding alone
        return [() for _ in range(count)]
    return [tuple(r for r in p.split("|") if r) if p else () for p in parts]


def best_readings(stored: str, folds: list[str]) -> list[str]:
    """The best reading of each token from the stored form (the fold when it is best or unknown)."""
    parts = stored.split(" ") if stored else []
    if len(parts) != len(folds):
        return list(folds)
    return [p.split("|", 1)[0] or f for p, f in zip(parts, folds)]
