"""Proper Vietnamese spelling of OCR tokens, for showing restored metadata.

The folded reading of each token comes from `token_readings`; the marks come
from pyvi's lexicon: runs of readings that form a lexicon word take that
word's spelling (longest words first), a syllable left alone takes its
commonest spelling (`ocr_common_spellings.tsv`, else the lexicon's).
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from indexer.ocr.lexicon import lexicon
from indexer.ocr.tokens import Kind, kind_of, symbol_codes
from indexer.textnorm import fold, nfc, tokenize

DATA = Path(__file__).resolve().parent.parent / "data"
MAX_WORD = 4  # longest lexicon word tried, in syllables


@cache
def common_spellings() -> dict[str, str]:
    with (DATA / "ocr_common_spellings.tsv").open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return {row["folded"]: nfc(row["spelling"]) for row in csv.DictReader(rows, delimiter="\t")}


@cache
def _code_spellings() -> dict[str, str]:
    path = DATA / "ocr_symbol_codes.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return {fold(line): line for line in lines if line and not line.startswith("#")}


def syllable_spelling(folded: str) -> str:
    return common_spellings().get(folded) or lexicon().spelling.get(folded, folded)


def _segment(readings: Sequence[str | None]) -> list[str | None]:
    """Spell a run of folded syllables (None = not a word), longest lexicon words first."""
    words = lexicon().word_spelling
    spelled: list[str | None] = [None if r is None else syllable_spelling(r) for r in readings]
    index = 0
    while index < len(readings):
        for size in range(min(MAX_WORD, len(readings) - index), 1, -1):
            key = readings[index : index + size]
            if None not in key and tuple(key) in words:
                spelled[index : index + size] = words[tuple(key)]
                index += size - 1
                break
        index += 1
    return spelled


def _with_case(printed: str, spelled: str) -> str:
    letters = [ch for ch in printed if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return spelled.upper()
    if printed[:1].isupper() or printed[:1] in ("$", "|"):  # `$6:` = Số:
        return spelled[:1].upper() + spelled[1:]
    return spelled


def _fixed_spelling(word: str, kind: Kind, reading: str) -> str:
    if kind is Kind.ROMAN:
        return "I" * len(word)
    if kind is Kind.CODE:
        return _code_spellings().get(reading, word) if reading in symbol_codes() else word
    return word


def restore_words(words: Sequence[str]) -> list[str]:
    """Best proper-Vietnamese spelling of each printed token, case kept as printed:
    'Keét qua cong tac tuyén truyen' -> 'Kết quả công tác tuyên truyền'."""
    from indexer.ocr import token_readings

    best = [r[0] for r in token_readings(words)]
    kinds = [kind_of(word) for word in words]
    repairable = [r if k is Kind.WORD and lexicon().is_known(r) else None for r, k in zip(best, kinds)]
    spelled = _segment(repairable)
    restored = []
    for word, kind, reading, spelling in zip(words, kinds, best, spelled):
        if spelling is None:
            restored.append(_fixed_spelling(word, kind, reading))
        else:
            restored.append(_with_case(word, spelling))
    return restored


def restore_text(text: str) -> str:
    """restore_words applied to the tokens of a short text, punctuation and spacing kept."""
    text = nfc(text)
    tokens = tokenize(text)
    pieces, last = [], 0
    for token, word in zip(tokens, restore_words([t.text for t in tokens])):
        pieces.append(text[last : token.start])
        pieces.append(word)
        last = token.end
    pieces.append(text[last:])
    return "".join(pieces)
