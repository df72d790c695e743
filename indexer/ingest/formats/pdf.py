"""PDF -> pages: the text layer where it is real text, OCR where it is not.

pypdfium2 (Google's PDFium, the engine of Chrome's viewer) both extracts the
text layer and renders a page to an image for OCR, so one library serves
digitally made PDFs, scans and the mixed kind (a scan carrying a signature stamp
as its only text). PDFium is not thread-safe: everything here runs in the
calling thread; only tesseract runs in parallel (ocr.ocr_pages).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from indexer.ingest.formats import ocr
from indexer.ingest.formats.image import grey_pgm
from indexer.ingest.formats.model import Extracted, Unreadable, clean_page

RENDER_DPI = 300  # tesseract's own recommendation for body text
MAX_RENDER_SIDE_PX = 7000  # posters and A0 plans are rendered smaller, not at 300 dpi
MIN_TEXT_CHARS = 30  # fewer letters than this on a page: no real text layer (a page number, a stamp)
MIN_READABLE_SHARE = 0.75  # below: a layer of private-use or unmapped glyphs (fonts without a Unicode map)
SCAN_COVERAGE = 0.5  # an image over half the page with little text over it is a scan
SCAN_TEXT_CHARS = 400  # ...and "little" is less than about five lines of a page of text

PDFIUM_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (needs a password to open)",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (unsupported security handler)",
    pdfium_c.FPDF_ERR_FORMAT: "damaged PDF (not a readable PDF structure)",
}


_ZERO_COUNT = re.compile(rb"/Count\s+0(?![0-9])")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass(slots=True)
class LayerPage:
    text: str
    needs_ocr: bool


def open_pdf(raw: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        if _empty_page_tree(raw):  # PDFium refuses a document without pages rather than open it
            raise Unreadable("PDF has no pages") from None
        raise Unreadable(PDFIUM_ERRORS.get(getattr(error, "err_code", None), f"damaged PDF ({error})")) from None
    if len(document) == 0:
        document.close()
        raise Unreadable("PDF has no pages")
    return document


def _empty_page_tree(raw: bytes) -> bool:
    """A page tree that says it counts 0 pages and no page object anywhere (in uncompressed objects)."""
    return bool(_ZERO_COUNT.search(raw)) and not _PAGE_OBJECT.search(raw)


def pdf_page_count(raw: bytes) -> int:
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError:
        return 1
    with document:
        return max(1, len(document))


def readable_share(text: str) -> float:
    """Share of the visible characters that are Latin letters, digits or punctuation."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    good = sum(ch.isdigit() or unicodedata.category(ch)[0] in "PS" or "LATIN" in unicodedata.name(ch, "") for ch in visible)
    return good / len(visible)


def _image_coverage(page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    area = max(width * height, 1.0)
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_pos()
        best = max(best, (right - left) * (top - bottom) / area)
    return best


def read_layer(page: pdfium.PdfPage) -> LayerPage:
    textpage = page.get_textpage()
    try:
        text = clean_page(unicodedata.normalize("NFC", textpage.get_text_bounded()))
    finally:
        textpage.close()
    letters = sum(ch.isalnum() for ch in text)
    if letters < MIN_TEXT_CHARS or readable_share(text) < MIN_READABLE_SHARE:
        return LayerPage(text, needs_ocr=True)
    scanned = letters < SCAN_TEXT_CHARS and _image_coverage(page) >= SCAN_COVERAGE
    return LayerPage(text, needs_ocr=scanned)


def render(page: pdfium.PdfPage) -> bytes:
    width, height = page.get_size()  # points, 1/72 inch
    scale = min(RENDER_DPI / 72, MAX_RENDER_SIDE_PX / max(width, height, 1.0))
    bitmap = page.render(scale=scale, grayscale=True, draw_annots=True)
    try:
        return grey_pgm(bitmap.to_pil())
    finally:
        bitmap.close()


def read_pdf(raw: bytes, on_page: Callable[[int, int], None], workers: int | None = None) -> Extracted:
    document = open_pdf(raw)
    with document:
        total = len(document)
        layers = [read_layer(document[i]) for i in range(total)]
        to_ocr = [i + 1 for i, layer in enumerate(layers) if layer.needs_ocr]
        done = total - len(to_ocr)
        on_page(done, total)
        if not to_ocr:
            return Extracted([layer.text for layer in layers], "pdf-text")
        ocr.require_tesseract()

        def images() -> Iterator[tuple[int, bytes]]:
            for number in to_ocr:
                yield number, render(document[number - 1])

        def page_done(_page: int) -> None:
            nonlocal done
            done += 1
            on_page(done, total)

        texts = ocr.ocr_pages(images(), page_done, workers)
    pages = [_better(layer.text, texts.get(number)) for number, layer in enumerate(layers, start=1)]
    method = "pdf-ocr" if len(to_ocr) == total else "pdf-mixed"
    return Extracted(pages, method, to_ocr, ocr.engine_name())


def _better(layer: str, ocr_text: str | None) -> str:
    """The OCR text of a page, or its text layer when OCR found less (a blank scan with a typed stamp)."""
    if ocr_text is None:
        return layer
    read = clean_page(unicodedata.normalize("NFC", ocr_text))
    return read if sum(ch.isalnum() for ch in read) >= sum(ch.isalnum() for ch in layer) else layer
