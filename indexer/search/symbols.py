"""Keys under which cited symbols are indexed and looked up (OCR- and typing-tolerant)."""
from __future__ import annotations

import re

from indexer.textnorm import fold

LEADING_NUMBER = re.compile(r"^\s*0*(\d+)")
NOT_KEY_CHARS = re.compile(r"[^a-z0-9/\-.]")


def symbol_key_of(symbol: str) -> str:
    """`3041/QĐ-UBND`, `3041/QD-UBND`, `3041 / qđ-ubnd` -> `3041/qd-ubnd`."""
    return NOT_KEY_CHARS.sub("", fold(symbol))


def symbol_number(symbol: str) -> str | None:
    """The document's number without leading zeros (`09/KH-UBND` -> `9`)."""
    match = LEADING_NUMBER.match(symbol)
    return match.group(1) if match else None
