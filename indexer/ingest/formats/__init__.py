"""Reading the files officials actually have: text, PDF (text layer or scanned), Word, page images.

    extracted = extract(path, raw, cache=ExtractCache(index_dir), on_page=progress)
    extracted.text            # pages joined by a line holding only "\\f" (see model.py)
    starts = page_starts(extracted.text); page_of_line(12, starts)

The kind of file is sniffed from its bytes (kinds.py). A file with no text to
read raises `indexer.ingest.BadReport` with a one-line reason: encrypted or
damaged PDF, a PDF without pages, an image too small to read, scans while
tesseract is not installed (the reason says how to install it), a `.doc`
without antiword or catdoc.
"""
from __future__ import annotations

from importlib import import_module

from indexer.ingest.formats.model import (
    INSTALL_TESSERACT,
    PAGE_BREAK,
    PAGE_JOIN,
    Extracted,
    is_page_break,
    page_of_line,
    page_starts,
)

# Loaded on first use (PEP 562): the search path needs only the page helpers above.
_LAZY = {
    "ExtractCache": "cache", "extract": "reader", "page_count": "reader",
    "tesseract_problem": "ocr", "SUFFIXES": "kinds", "Kind": "kinds", "sniff": "kinds",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f"indexer.ingest.formats.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "INSTALL_TESSERACT", "PAGE_BREAK", "PAGE_JOIN", "SUFFIXES", "ExtractCache", "Extracted", "Kind",
    "extract", "is_page_break", "page_count", "page_of_line", "page_starts", "sniff", "tesseract_problem",
]
