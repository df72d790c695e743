"""Bytes of a report -> text, with the encoding found from the bytes alone.

Order of evidence: a byte-order mark; NUL bytes (UTF-16 without a mark, or a
binary file); strict UTF-8; then, for 8-bit files, every Vietnamese 8-bit
decoding is tried and the one whose words are real Vietnamese syllables wins.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from indexer.ingest.legacy import decode_tcvn3, decode_vni
from indexer.vietnamese.phonology import is_marked_syllable

# A guess at an 8-bit encoding is kept only if at least this share of the
# words and symbols with non-ASCII letters read as Vietnamese...
MIN_VIETNAMESE_SHARE = 0.80
# ...and it beats the runner-up by this much (otherwise: "unsure", skipped).
MIN_LEAD_OVER_RUNNER_UP = 0.10
# UTF-16 without a byte-order mark: ASCII-heavy text has a NUL in every other byte.
UTF16_NUL_SHARE = 0.30
UTF16_NUL_NOISE = 0.02  # ...and almost none in the other (U+0100, U+2000 have a zero byte)
# Encodings are judged on the first bytes only: enough words, bounded time.
SNIFF_BYTES = 256 * 1024
# A file whose byte-order mark names its encoding may still hold a few broken
# sequences (a bad sector, a truncated copy): up to this share become U+FFFD.
MAX_DAMAGED_SHARE = 0.001

BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Typographic punctuation that any Vietnamese document may hold: neither for nor
# against a decoding. (Not `© ® § « » · ¹ ¼ ½ ¾ ×`: TCVN3 letters read as symbols.)
NEUTRAL_SYMBOLS = set("–—‘’“”„…•°±€™\u00a0\ufeff")
WORD_RE = re.compile(r"[^\W\d_]+")


class NotText(ValueError):
    """The bytes are not text this tool can read; str() is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16", "cp1258", "tcvn3", "vni", ...


def decode_report_bytes(raw: bytes) -> Decoded:
    """The text in NFC (Windows-1258 writes tone marks as separate characters)."""
    found = _decode(raw)
    return Decoded(unicodedata.normalize("NFC", found.text), found.encoding)


def _decode(raw: bytes) -> Decoded:
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return Decoded(_strict(raw, codec), codec.removesuffix("-sig"))
    if b"\x00" in raw:
        return Decoded(_strict(raw, _utf16_without_bom(raw)), "utf-16")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _best_8bit_guess(raw)


def _strict(raw: bytes, codec: str) -> str:
    """Decode as the byte-order mark says; a few damaged sequences become U+FFFD."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        text = raw.decode(codec, errors="replace")
        if text.count("\ufffd") <= max(1, len(text) * MAX_DAMAGED_SHARE):
            return text
        raise NotText(f"invalid {codec.removesuffix('-sig').upper()} at byte {error.start}") from None


def _utf16_without_bom(raw: bytes) -> str:
    sample = raw[:SNIFF_BYTES]
    half = max(1, len(sample) // 2)
    nul_even = sample[0::2].count(0) / half
    nul_odd = sample[1::2].count(0) / half
    if nul_odd >= UTF16_NUL_SHARE and nul_even <= UTF16_NUL_NOISE and len(raw) % 2 == 0:
        return "utf-16-le"
    if nul_even >= UTF16_NUL_SHARE and nul_odd <= UTF16_NUL_NOISE and len(raw) % 2 == 0:
        return "utf-16-be"
    raise NotText("binary file (NUL bytes)")


def _cp1258(raw: bytes) -> str:
    return raw.decode("cp1258", errors="replace")


def _utf8_with_damage(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "cp1258": _cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "utf-8": _utf8_with_damage,  # a UTF-8 file with a few broken bytes
}


def vietnamese_share(text: str) -> float:
    """Share of non-ASCII words that are Vietnamese syllables, counting each stray
    non-ASCII symbol (a sign the font trick was not undone) as a foreign word."""
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    for word in WORD_RE.findall(text):
        if not word.isascii():
            if is_marked_syllable(word):
                good += 1
            else:
                bad += 1
    stray = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isalpha() and ch not in NEUTRAL_SYMBOLS
                and not unicodedata.combining(ch))
    total = good + bad + stray
    return good / total if total else 0.0


def _best_8bit_guess(raw: bytes) -> Decoded:
    sample = raw[:SNIFF_BYTES]
    readings = {name: decode(sample) for name, decode in CANDIDATES.items()}
    scored = sorted(((vietnamese_share(text), name) for name, text in readings.items()), reverse=True)
    (best_share, best), (runner_up_share, runner_up) = scored[0], scored[1]
    same_reading = unicodedata.normalize("NFC", readings[best]) == unicodedata.normalize("NFC", readings[runner_up])
    clear_lead = best_share - runner_up_share >= MIN_LEAD_OVER_RUNNER_UP or same_reading
    if best_share >= MIN_VIETNAMESE_SHARE and clear_lead:
        return Decoded(CANDIDATES[best](raw), best)
    raise NotText("not UTF-8/UTF-16/Windows-1258/TCVN3/VNI Vietnamese text (encoding unsure)")
