"""Unicode normalisation, diacritic folding and tokenisation with source offsets.

Every later stage (OCR repair, parsing, indexing, highlighting) works on the
tokens produced here, so offsets always point into the NFC text we store.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from typing import NamedTuple

from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS  # they belong inside a word, not between words

_WORD_CHAR = rf"(?: [^\W_] | [{re.escape(OCR_LETTER_GLYPHS)}] )"  # a letter or digit in any script, or an OCR stand-in
TOKEN_RE = re.compile(
    rf"""
    {_WORD_CHAR}+
    # an apostrophe between two letters is inside the word: the OCR prints the horn of ư/ơ as one
    # (`thu'c` = thực, `Tru’ong` = Trường), and names write one (`K’Nớ`, `R’lấp`)
    (?: (?<=[^\W\d_]) ['’] (?=[^\W\d_]) {_WORD_CHAR}+ )*
    """,
    re.VERBOSE,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2000):  # Latin-1 .. Latin Extended Additional (ạ .. ỹ)
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base:
            table[code] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "D"
    # the look-alike eth: PDF and OCR output print `QÐ-UBND` for QĐ-UBND
    table[ord("ð")] = "d"
    table[ord("Ð")] = "D"
    # the typographic apostrophe inside a word (`thu’c`, `K’Nớ`) is found by the one on keyboards
    table[ord("’")] = "'"
    # Combining marks left over after NFC (unusual stacks) carry no letter.
    for code in range(0x300, 0x370):
        table[code] = ""
    return table


FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case and strip every diacritic: `Đảng` -> `dang`, `tuyén` -> `tuyen`."""
    return nfc(text).translate(FOLD_TABLE).lower()


def lower_nfc(text: str) -> str:
    """Lower-case, keep diacritics: the exact form used to rank clean matches first."""
    return nfc(text).lower()


class Token(NamedTuple):  # a tuple: reports have thousands and queries re-tokenise them
    start: int  # offset in the NFC text
    end: int
    line: int  # 1-based
    text: str  # as printed

    @property
    def fold(self) -> str:
        return fold(self.text)


class LineIndex:
    """Maps character offsets to 1-based line numbers and back."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.text = text

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]

    @property
    def count(self) -> int:
        return len(self.starts)


def tokenize(text: str) -> list[Token]:
    """Split NFC text into word tokens; punctuation and line breaks separate them."""
    # Line by line (no token crosses a line break, and TOKEN_RE looks neither behind nor
    # ahead), each token made by tuple.__new__: NamedTuple's own __new__ is a Python call,
    # a fifth of the tokeniser's time on a report.
    tokens: list[Token] = []
    add, finditer, new = tokens.append, TOKEN_RE.finditer, tuple.__new__
    start = 0
    for line, end in enumerate(_line_ends(text), 1):
        for match in finditer(text, start, end):
            add(new(Token, (match.start(), match.end(), line, match.group())))
        start = end + 1
    return tokens


def _line_ends(text: str) -> list[int]:
    """Offset of each line's end (its line break, or the end of the text for the last)."""
    ends = [m.start() for m in re.finditer("\n", text)]
    ends.append(len(text))
    return ends


def token_folds(text: str, tokens: list[Token]) -> list[str]:
    """`fold` of every token; one pass over the text when folding keeps its length (it almost always does)."""
    folded = text.translate(FOLD_TABLE).lower()
    if len(folded) != len(text):
        return [fold(t.text) for t in tokens]
    return [folded[t.start : t.end] for t in tokens]


def query_words(text: str) -> list[str]:
    """Folded words of a typed query, tokenised exactly like report text."""
    return [fold(m.group()) for m in TOKEN_RE.finditer(nfc(text))]
