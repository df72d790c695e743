"""Keys under which cited symbols are indexed and looked up (OCR- and typing-tolerant).

The grammar of symbols lives in `indexer.parse.citeindex`; this module only
names the three keys the index stores, so index and query always agree.
"""
from __future__ import annotations

from indexer.textnorm import fold


def symbol_key_of(symbol: str) -> str:
    """`3041/QĐ-UBND`, `3041/QD-UBND`, `362/QB-UBND` -> `3041/qd-ubnd`, `362/qd-ubnd`."""
    from indexer.parse.citeindex import symbol_key

    return symbol_key(symbol)


def symbol_number(symbol: str) -> str | None:
    """The document's number without leading zeros (`09/KH-UBND` -> `9`)."""
    from indexer.parse.citeindex import canonical_symbol, split_symbol

    number = split_symbol(canonical_symbol(symbol)).number
    return str(int(number)) if number and number.isdigit() else None


def symbol_typed_number(symbol: str) -> str | None:
    """Number and type code (`3041/qd`): what `qđ 3041` or `Quyết định 3041` asks for."""
    from indexer.parse.citeindex import canonical_symbol, split_symbol

    parts = split_symbol(canonical_symbol(symbol))
    if not (parts.number and parts.number.isdigit() and parts.type_code):
        return None
    return f"{int(parts.number)}/{fold(parts.type_code)}"
