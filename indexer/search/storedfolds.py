"""The stored `folds` field (schema 9): every token's fold, line by line, compressed against the report's text.

Stored as text (schema 8) the folds were a quarter of the index: a fold is the printed
word lower-cased without its marks, so most of it is already in the report's text. zlib
with that text as its preset dictionary keeps a quarter of them (tantivy's own block
compression kept half). Tokens are separated by a space and lines by a line break, so
the tokens per line (what `line_tokens` stored before) come back with the folds.

Deriving the folds from the text at read time instead (fold the whole text, tokenise
it) was measured 15-25x slower than decompressing them: a page of hits pays for it.

An empty value means the matcher folds the text itself (`doctext.encode_folds`).
"""
from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence

from indexer.errors import CchcError

LEVEL = 6  # level 9 saved under 1% more, measured on generated reports, and writes slower


class DamagedFolds(CchcError):
    """The stored folds do not decompress against the text, or do not fit it."""


def _dictionary(text: str) -> bytes:
    # zlib reads at most the last 32 KB of a dictionary: a longer report still round-trips
    return text.encode("utf-8", "surrogatepass")


def encode_stored_folds(text: str, folds: Sequence[str], token_lines: Sequence[int]) -> bytes:
    """The value to store: `folds` (one per token, `token_lines` their 1-based lines) grouped by line,
    compressed; b"" for no tokens or a fold that could not be split back (empty, or holding a separator)."""
    if not folds or len(folds) != len(token_lines) or any(not f or " " in f or "\n" in f for f in folds):
        return b""
    lines: list[list[str]] = [[] for _ in range(text.count("\n") + 1)]
    for fold, line in zip(folds, token_lines):
        lines[line - 1].append(fold)
    plain = "\n".join(" ".join(words) for words in lines).encode("utf-8", "surrogatepass")
    packer = zlib.compressobj(LEVEL, zdict=_dictionary(text))
    return packer.compress(plain) + packer.flush()


def decode_stored_folds(text: str, stored: bytes, label: str = "a report") -> tuple[str, array]:
    """(every fold, space-separated; tokens per line) from a stored value; DamagedFolds if it does not fit `text`."""
    try:
        unpacker = zlib.decompressobj(zdict=_dictionary(text))
        plain = unpacker.decompress(stored) + unpacker.flush()
        complete = unpacker.eof and not unpacker.unused_data
        lines = plain.decode("utf-8", "surrogatepass").split("\n")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise _damaged(label, f"{exc}") from None
    if not complete or len(lines) != text.count("\n") + 1:
        raise _damaged(label, "they do not fit its text")
    counts = array("I", [line.count(" ") + 1 if line else 0 for line in lines])
    return " ".join(line for line in lines if line), counts


def _damaged(label: str, why: str) -> DamagedFolds:
    return DamagedFolds(f"the index's stored token folds of {label} are damaged ({why}); "
                        "run `cchc index --rebuild` to rebuild it")
