"""Typed reads of tantivy results: the stub types `get_first` as Any | None and lacks `count`."""
from __future__ import annotations

import tantivy


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
