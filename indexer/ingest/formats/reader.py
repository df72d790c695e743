"""One file's bytes -> its text page by page, whatever the format (sniffed from the bytes).

The readers import their libraries (PDFium, Pillow, python-docx: ~100 ms) when a file
of their kind first comes; `cchc search` and a folder of `.txt` never load them."""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from pathlib import Path

from indexer.ingest.formats import ocr
from indexer.ingest.formats.cache import ExtractCache
from indexer.ingest.formats.kinds import Kind, sniff
from indexer.ingest.formats.model import Extracted, Unreadable, clean_page
from indexer.ingest.read import MAX_REPORT_BYTES, MB, BadReport, decode_report

OTHER_REASONS = {
    Kind.OTHER_ZIP: "zip archive that is not a Word document (.xlsx, .odt and .zip are not read)",
    Kind.OTHER_OLE: "old Office file that is not a Word document (.xls and .ppt are not read)",
}
PageProgress = Callable[[int, int], None]  # (pages of this file done, pages in this file)


def page_count(raw: bytes) -> int:
    """Pages in the file, cheaply, for a progress bar counted in pages (1 when unknown)."""
    kind = sniff(raw)
    if kind is Kind.PDF:
        from indexer.ingest.formats.pdf import pdf_page_count

        return pdf_page_count(raw)
    if kind is Kind.IMAGE:
        from indexer.ingest.formats.image import image_page_count

        return image_page_count(raw)
    return 1


def read_image(raw: bytes, on_page: PageProgress, workers: int | None) -> Extracted:
    from indexer.ingest.formats.image import image_page_count, image_pages

    ocr.require_tesseract()
    total = image_page_count(raw)
    done = 0

    def page_done(_page: int) -> None:
        nonlocal done
        done += 1
        on_page(done, total)

    texts = ocr.ocr_pages(image_pages(raw), page_done, workers)
    pages = [clean_page(unicodedata.normalize("NFC", texts[number])) for number in sorted(texts)]
    return Extracted(pages, "ocr", sorted(texts), ocr.engine_name())


def _read(raw: bytes, kind: Kind, on_page: PageProgress, workers: int | None) -> Extracted:
    if kind is Kind.PDF:
        from indexer.ingest.formats.pdf import read_pdf

        return read_pdf(raw, on_page, workers)
    if kind is Kind.IMAGE:
        return read_image(raw, on_page, workers)
    if kind in (Kind.DOCX, Kind.DOC):
        from indexer.ingest.formats.word import read_doc, read_docx

        return read_docx(raw) if kind is Kind.DOCX else read_doc(raw)
    raise Unreadable(OTHER_REASONS[kind])


def extract(
    path: Path | str,
    raw: bytes,
    *,
    cache: ExtractCache | None = None,
    sha: str | None = None,
    on_page: PageProgress | None = None,
    ocr_workers: int | None = None,
) -> Extracted:
    """The text of `raw` (the bytes of `path`), page by page; BadReport with a one-line reason when
    there is none. Plain text is decoded as `.txt` always was; other formats are cached by `sha`
    (sha256 of `raw`) in `cache` when one is given."""
    path = Path(path)
    progress = on_page or (lambda _done, _total: None)
    kind = sniff(raw)
    if kind is Kind.TEXT:
        extracted = Extracted([decode_report(path, raw)], "text")
        progress(1, 1)
        return extracted
    sha = sha or hashlib.sha256(raw).hexdigest()
    cached = cache.get(sha) if cache else None
    if cached is not None:
        progress(len(cached.pages), len(cached.pages))
        return cached
    try:
        extracted = _read(raw, kind, progress, ocr_workers)
    except Unreadable as error:
        raise BadReport(path, error.reason) from None
    except Exception as error:  # PDFium, Pillow and python-docx meet hostile files: one skip, never the run
        detail = " ".join(str(error).split())[:200]
        raise BadReport(path, f"could not read this {kind.value} file ({type(error).__name__}: {detail})") from None
    if not any(page.strip() for page in extracted.pages):
        raise BadReport(path, _no_text_reason(extracted))
    size = len(extracted.text.encode("utf-8"))
    if size > MAX_REPORT_BYTES:  # the analysis cost follows the text, not the file (a scan's text is small)
        raise BadReport(path, f"text too large ({size / MB:.1f} MB of text > {MAX_REPORT_BYTES // MB} MB limit)")
    progress(len(extracted.pages), len(extracted.pages))
    if cache:
        cache.put(sha, extracted)
    return extracted


def _no_text_reason(extracted: Extracted) -> str:
    pages = len(extracted.pages)
    if extracted.ocr_pages:
        return f"no text found by OCR ({pages} page{'s' * (pages != 1)}: blank, a picture, or too blurred to read)"
    return "no text in the file (empty document)"
