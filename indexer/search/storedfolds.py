"""The stored `folds` and `info` fields (schema 9): compressed against the report's own text.

Stored as text (schema 8) the folds were a quarter of the index: a fold is the printed
word lower-cased without its marks, so most of it is already in the report's text. zlib
with that text as its preset dictionary keeps a quarter of them (tantivy's own block
compression kept half). Tokens are separated by a space and lines by a line break, so
the tokens per line (what `line_tokens` stored before) come back with the folds.

Deriving the folds from the text at read time instead (fold the whole text, tokenise
it) was measured 15-25x slower than decompressing them: a page of hits pays for it.

An empty value means the matcher folds the text itself (`doctext.encode_folds`).

The metadata (`info`, JSON) quotes the text too (citations, figures, headings as printed):
compressed the same way it takes two thirds of what tantivy's compression left.
"""
from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence

from indexer.errors import CchcError

LEVEL = 6  # level 9 saved under 1% more, measured on generated reports, and writes slower


class DamagedStored(CchcError):
    """A stored field does not decompress against the text, or does not fit it."""


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
    return pack(text, "\n".join(" ".join(words) for words in lines).encode("utf-8", "surrogatepass"))


def pack(text: str, plain: bytes) -> bytes:
    """`plain` compressed with `text` as the preset dictionary."""
    packer = zlib.compressobj(LEVEL, zdict=_dictionary(text))
    return packer.compress(plain) + packer.flush()


def unpack(text: str, stored: bytes, label: str, what: str) -> bytes:
    """What `pack` was given; DamagedStored (naming `what` of `label`) when `stored` is not the whole of it."""
    try:
        unpacker = zlib.decompressobj(zdict=_dictionary(text))
        plain = unpacker.decompress(stored) + unpacker.flush()
    except zlib.error as exc:
        raise damaged(label, what, str(exc)) from None
    if not unpacker.eof or unpacker.unused_data:
        raise damaged(label, what, "cut short or run on")
    return plain


def decode_stored_folds(text: str, stored: bytes, label: str = "a report") -> tuple[str, array]:
    """(every fold, space-separated; tokens per line) from a stored value; DamagedStored if it does not fit `text`."""
    plain = unpack(text, stored, label, "token folds")
    try:
        lines = plain.decode("utf-8", "surrogatepass").split("\n")
    except UnicodeDecodeError as exc:
        raise damaged(label, "token folds", str(exc)) from None
    if len(lines) != text.count("\n") + 1:
        raise damaged(label, "token folds", "they do not fit its text")
    counts = array("I", [line.count(" ") + 1 if line else 0 for line in lines])
    return " ".join(line for line in lines if line), counts


def damaged(label: str, what: str, why: str) -> DamagedStored:
    return DamagedStored(f"the index's stored {what} of {label} are damaged ({why}); "
                         "run `cchc index --rebuild` to rebuild it")
