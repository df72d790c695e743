"""Roman numerals as reports number their parts (`I.`, `II.`, `Quý IV`), and as the OCR prints them.

Reports count sections and quarters with I, V and X only (nothing reaches L);
the OCR prints the I as `1`, `l` or `|` (`I1.`, `Il.`, `|.` for II. and I.).
Every roman pattern of the core is built here from these two alphabets.
"""
from __future__ import annotations

import re

NUMERALS = "IVX"
VALUES = {"I": 1, "V": 5, "X": 10}
OCR_ONES = "|l1"  # what the OCR prints for I
FOLDED_DIGITS = NUMERALS.lower() + OCR_ONES  # a numeral in folded (lower-case) text
PRINTED_DIGITS = NUMERALS + FOLDED_DIGITS  # a numeral as printed, either case

# A heading numeral at a line start: `II. KẾT QUẢ`, `I11: ...`.
PRINTED_NUMERAL = rf"[{re.escape(PRINTED_DIGITS)}]{{1,5}}"
# The same in folded text (`quy ii/2025`, `iv. nhiem vu`), at most four digits.
FOLDED_NUMERAL = rf"[{re.escape(FOLDED_DIGITS)}]{{1,4}}"
# A proper numeral as typed in clean text (capitals only).
CLEAN_NUMERAL = rf"[{NUMERALS}]{{1,4}}"

# A whole token that is a roman numeral as the OCR prints it.
OCR_TOKEN_RE = re.compile(
    r"""
    ^ (?= .* [I|] )          # at least one capital I or bar: plain 1/11 stay numbers
      (?: [I|1l]{1,4}        # I, II, III as the OCR prints them (I11, Il)
        | [I|1l]? [VX] [I|1l]{0,3}   # IV, VI, VIII, IX
      ) $
    """,
    re.VERBOSE,
)
# A token that opens with a number or a printed numeral (`số 5`, `Quý II`, `khóa XV`).
NUMBER_OR_NUMERAL_RE = re.compile(r"^(?:\d|[IVXL1|]+\b)")

_OCR_ONE_TO_I = str.maketrans({"1": "i", "l": "i", "|": "i"})


def folded_reading(token: str) -> str:
    """`I1` -> `ii`, `|V` -> `iv`: the folded numeral an OCR'd numeral token stands for."""
    return token.lower().translate(_OCR_ONE_TO_I)


def is_folded_small(reading: str) -> bool:
    """A folded numeral of i and v only, up to four digits (`ii`, `iv`): a quarter or a part number."""
    return reading[:1] in "iv" and set(reading) <= set("iv") and len(reading) <= 4


def roman_value(printed: str) -> int | None:
    """`I11` -> 3, `Il` -> 2, `|` -> 1, `IV` -> 4; None when it is no numeral."""
    letters = printed.upper().replace("|", "I").replace("L", "I").replace("1", "I")
    if not re.fullmatch(r"X{0,2}(?:IX|IV|V?I{0,3})", letters) or not letters:
        return None
    total, previous = 0, 0
    for ch in reversed(letters):
        value = VALUES[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def to_roman(value: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out
