"""Typed reads of tantivy results (the stub types `get_first` as Any | None and lacks `count`), and the
stored summary a hit list reads instead of a report's whole metadata."""
from __future__ import annotations

import zlib
from typing import Any

import orjson
import tantivy

from indexer.model import ReportInfo
from indexer.search.storedfolds import damaged, pack, remember_encoded, unpack

# What a hit shows of a report's metadata (`Hit`): its stored `info` is ~8 KB of JSON (sections,
# citations, figures, topics), parsing it per hit cost more than the rest of the hit.
SUMMARY_KEYS = ("unit", "symbol", "doc_type", "date", "title")
# Text compression: level 6 as the folds (storedfolds.LEVEL); per report, no dictionary shared between
# reports (measured on 2,000 generated reports: 7.3 MB against lz4's 10.6 MB in tantivy's store).
TEXT_LEVEL = 6


def encode_summary(info: ReportInfo) -> str:
    return orjson.dumps({key: getattr(info, key) for key in SUMMARY_KEYS}).decode()


def stored_summary(doc: tantivy.Document) -> dict[str, Any]:
    """The hit's metadata: the `summary` field (SUMMARY_KEYS), none of them set when it is missing or unreadable."""
    try:
        found = orjson.loads(doc.get_first("summary") or "{}")
    except orjson.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def stored_info(doc: tantivy.Document, text: str | None = None) -> dict[str, Any]:
    """The report's metadata as the parser gave it (`ReportInfo.to_dict`): compressed against the text since
    schema 9 (`storedfolds.pack`), plain JSON before (a report carried over from an older index).
    `text`: the report's `stored_text` when the caller has it already (not decompressed twice)."""
    value = doc.get_first("info")
    if isinstance(value, bytes):
        label = stored_str(doc, "path") or "a report"
        value = unpack(stored_text(doc) if text is None else text, value, label, "metadata") if value else b"{}"
    try:
        found = orjson.loads(value or "{}")
    except orjson.JSONDecodeError as exc:
        raise damaged(stored_str(doc, "path") or "a report", "metadata", str(exc)) from None
    return found if isinstance(found, dict) else {}


def encode_info(text: str, info: ReportInfo) -> bytes:
    # orjson writes the dataclass as `to_dict()` would (same keys, same order), without asdict's deep copy
    return pack(text, orjson.dumps(info))


def encode_text(text: str) -> bytes:
    """The stored text (schema 11): zlib, a third of tantivy's own block compression (lz4) saved."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), TEXT_LEVEL)


def stored_text(doc: tantivy.Document) -> str:
    """The report's NFC text: zlib-compressed since schema 11, a plain text field before (an older index
    read for its reports); DamagedStored when it does not decompress."""
    value = doc.get_first("text")
    if not isinstance(value, bytes):
        return "" if value is None else str(value)
    try:
        encoded = zlib.decompress(value)
        text = encoded.decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise damaged(stored_str(doc, "path") or "a report", "text", str(exc)) from None
    remember_encoded(text, encoded)  # the dictionary of its readings and folds, read next: not encoded again
    return text


def encode_readings_field(text: str, readings: str) -> bytes:
    """The stored readings (`pipeline.encode_readings`), compressed against the text since schema 11."""
    return pack(text, readings.encode("utf-8", "surrogatepass")) if readings else b""


def stored_readings(doc: tantivy.Document, text: str) -> str:
    """The stored readings string (see `encode_readings_field`; plain text before schema 11)."""
    value = doc.get_first("readings")
    if not isinstance(value, bytes):
        return "" if value is None else str(value)
    if not value:
        return ""
    plain = unpack(text, value, stored_str(doc, "path") or "a report", "OCR readings")
    try:
        return plain.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        raise damaged(stored_str(doc, "path") or "a report", "OCR readings", str(exc)) from None


def stored_citations(doc: tantivy.Document) -> list[dict[str, Any]]:
    """The citations the parser read (from the whole `info`): only a query citing a document asks."""
    return stored_info(doc).get("citations") or []


def stored_str(doc: tantivy.Document, name: str) -> str:
    """A stored text field, "" when the document has none."""
    value = doc.get_first(name)
    return "" if value is None else str(value)


def stored_bytes(doc: tantivy.Document, name: str) -> bytes:
    """A stored bytes field, b"" when the document has none."""
    value = doc.get_first(name)
    return value if isinstance(value, bytes) else b""


def result_count(result: tantivy.SearchResult) -> int:
    """Hits counted by a `count=True` search (0 when not counted)."""
    # The real SearchResult has `count` (int | None); tantivy's bundled stub omits it.
    return result.count or 0  # type: ignore[attr-defined]
