"""The stored `folds` and `info` fields (schema 9; the folds against a rough fold of the text too since 11).

Stored as text (schema 8) the folds were a quarter of the index: a fold is the printed
word lower-cased without its marks, so most of it is already in the report's text. zlib
with that text as its preset dictionary keeps a quarter of them (tantivy's own block
compression kept half). The tokens per line (what `line_tokens` stored before, uint32)
lead the same stream: one decompression gives both, and nothing is split in Python
(splitting the folds by line cost more than decompressing them).

Deriving the folds from the text at read time instead (fold the whole text, tokenise
it) was measured about 20x slower than decompressing them (12-19 ms against 0.7 ms a
report on a loaded 2-core machine): a page of hits would pay for it on every search.

An empty value means the matcher folds the text itself (`doctext.encode_folds`).

The metadata (`info`, JSON) quotes the text too (citations, figures, headings as printed):
compressed the same way it takes two thirds of what tantivy's compression left.
"""
from __future__ import annotations

import sys
import unicodedata
import zlib
from array import array
from collections.abc import Sequence

from indexer.errors import CchcError

LEVEL = 6  # level 9 saved under 1% more, measured on generated reports, and writes slower


class DamagedStored(CchcError):
    """A stored field does not decompress against the text, or does not fit it."""


# The last text encoded, and its bytes: a hit's text is the dictionary of both its readings and its folds,
# and `stored.stored_text` leaves the bytes it decompressed here (one tuple: read and set at once).
_ENCODED: tuple[str, bytes] = ("", b"")


def remember_encoded(text: str, encoded: bytes) -> None:
    """`encoded` is `text` as `_dictionary` encodes it (the caller decoded it from those bytes)."""
    global _ENCODED
    _ENCODED = (text, encoded)


def _dictionary(text: str) -> bytes:
    # zlib reads at most the last 32 KB of a dictionary: a longer report still round-trips
    last = _ENCODED
    if last[0] is text:  # the same object, not an equal one: no comparison of whole texts
        return last[1]
    encoded = text.encode("utf-8", "surrogatepass")
    remember_encoded(text, encoded)
    return encoded


def _folds_dictionary(text: str) -> bytes:
    """The text, then a rough fold of it (schema 11): most folds are copies of the second part, and half
    the stored folds go (2,000 generated reports: 4.41 -> 2.28 MB). Not the index's own `fold` (a third of
    the cost: NFD in C, ~0.2 ms a report; a page of hits pays it once a report): any fixed function of the
    text serves, as long as both ends compute the same (zlib checks the dictionary it was packed with)."""
    rough = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore").lower()
    return (_dictionary(text) + b"\n" + rough)[-32768:]  # the fold last: zlib keeps a dictionary's end


def encode_stored_folds(text: str, folds: Sequence[str], token_lines: Sequence[int]) -> bytes:
    """The value to store: the tokens per line (`token_lines`: each token's 1-based line) and `folds`, one
    per token, compressed; b"" for no tokens or a fold that could not be split back (empty, or holding a space)."""
    if not folds or len(folds) != len(token_lines) or any(not f or " " in f for f in folds):
        return b""
    counts = array("I", [0]) * (text.count("\n") + 1)
    for line in token_lines:
        counts[line - 1] += 1
    if sys.byteorder != "little":
        counts.byteswap()
    header = len(counts).to_bytes(4, "little") + counts.tobytes()
    return pack_folds(text, header + " ".join(folds).encode("utf-8", "surrogatepass"))


def pack_folds(text: str, plain: bytes) -> bytes:
    """The folds stream (tokens per line, then the folds) as stored: against the text and its rough fold."""
    return pack(text, plain, _folds_dictionary(text))


def pack(text: str, plain: bytes, dictionary: bytes | None = None) -> bytes:
    """`plain` compressed with `text` (or `dictionary`, made from it) as the preset dictionary."""
    packer = zlib.compressobj(LEVEL, zdict=_dictionary(text) if dictionary is None else dictionary)
    return packer.compress(plain) + packer.flush()


def unpack(text: str, stored: bytes, label: str, what: str, dictionary: bytes | None = None) -> bytes:
    """What `pack` was given; DamagedStored (naming `what` of `label`) when `stored` is not the whole of it."""
    try:
        unpacker = zlib.decompressobj(zdict=_dictionary(text) if dictionary is None else dictionary)
        plain = unpacker.decompress(stored) + unpacker.flush()
    except zlib.error as exc:
        raise damaged(label, what, str(exc)) from None
    if not unpacker.eof or unpacker.unused_data:
        raise damaged(label, what, "cut short or run on")
    return plain


def decode_stored_folds(text: str, stored: bytes, label: str = "a report") -> tuple[str, array]:
    """(every fold, space-separated; tokens per line) from a stored value; DamagedStored if it does not fit `text`.
    All of it at C speed: a page of hits decompresses one per report."""
    plain = unpack(text, stored, label, "token folds", _folds_dictionary(text))
    lines = int.from_bytes(plain[:4], "little")
    counts = array("I")
    try:
        counts.frombytes(plain[4 : 4 + 4 * lines])
        folds = plain[4 + 4 * lines :].decode("utf-8", "surrogatepass")
    except (ValueError, UnicodeDecodeError) as exc:
        raise damaged(label, "token folds", str(exc)) from None
    if sys.byteorder != "little":
        counts.byteswap()
    if lines != text.count("\n") + 1 or len(counts) != lines or sum(counts) != folds.count(" ") + 1:
        raise damaged(label, "token folds", "they do not fit its text")
    return folds, counts


def damaged(label: str, what: str, why: str) -> DamagedStored:
    return DamagedStored(f"the index's stored {what} of {label} are damaged ({why}); "
                         "run `cchc index --rebuild` to rebuild it")
