"""Reading the files officials actually have: text, PDF (text layer or scanned), Word, page images.

    extracted = extract(path, raw, cache=ExtractCache(index_dir), on_page=progress)
    extracted.text            # pages joined by a line holding only "\\f" (see model.py)
    starts = page_starts(extracted.text); page_of_line(12, starts)

The kind of file is sniffed from its bytes (sniff.py). A file with no text to
read raises `indexer.ingest.BadReport` with a one-line reason: encrypted or
damaged PDF, a PDF without pages, an image too small to read, scans while
tesseract is not installed (the reason says how to install it), a `.doc`
without antiword or catdoc.
"""
from indexer.ingest.formats.cache import ExtractCache
from indexer.ingest.formats.extract import extract, page_count
from indexer.ingest.formats.model import (
    INSTALL_TESSERACT,
    PAGE_BREAK,
    PAGE_JOIN,
    Extracted,
    is_page_break,
    page_of_line,
    page_starts,
)
from indexer.ingest.formats.ocr import tesseract_problem
from indexer.ingest.formats.sniff import SUFFIXES, Kind, sniff

__all__ = [
    "INSTALL_TESSERACT", "PAGE_BREAK", "PAGE_JOIN", "SUFFIXES", "ExtractCache", "Extracted", "Kind",
    "extract", "is_page_break", "page_count", "page_of_line", "page_starts", "sniff", "tesseract_problem",
]
