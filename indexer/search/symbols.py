"""Keys under which cited symbols are indexed and looked up (OCR- and typing-tolerant).

The grammar of symbols lives in `indexer.parse.citeindex`; this module only
names the three keys the index stores, so index and query always agree.
"""
from __future__ import annotations

import functools

from indexer.textnorm import fold


def symbol_key_of(symbol: str) -> str:
    """`3041/QĐ-UBND`, `3041/QD-UBND`, `362/QB-UBND` -> `3041/qd-ubnd`, `362/qd-ubnd`."""
    from indexer.parse.citeindex import symbol_key

    return symbol_key(symbol)


@functools.lru_cache(maxsize=1 << 16)  # a corpus cites the same symbols over and over (pure: tables only)
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


def type_code_of(type_word: str | None) -> str | None:
    """The folded code of a type word or code (`Quyết định`, `qđ` -> `qd`); None when it is no type."""
    from indexer.parse.citeindex import _type_codes_by_word

    return _type_codes_by_word().get(" ".join(fold(type_word or "").split()))


@functools.lru_cache(maxsize=1 << 16)  # per citation indexed and per cited symbol a query checks
def typed_number_keys(symbol: str, cited_type: str | None) -> frozenset[str]:
    """`number/code` keys of one citation: its symbol's code, and the code of the type word printed
    before it (`Kế hoạch số 362/QĐ-UBND` answers both `qđ 362` and `kế hoạch 362`)."""
    keys = {k for k in (symbol_typed_number(symbol),) if k}
    number, code = symbol_number(symbol), type_code_of(cited_type)
    if number and code:
        keys.add(f"{number}/{code}")
    return frozenset(keys)
