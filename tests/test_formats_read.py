"""Each format read back to its text, page by page, from fixtures the tests build themselves."""
from __future__ import annotations

import os

import pytest
from helpers_formats import PAGE_1_BODY, PAGE_2_BODY, PHRASE_ON_PAGE_2, docx_file, png, sample_pages, scanned_pdf, text_pdf

from indexer.ingest.formats import PAGE_BREAK, Kind, extract, page_count, page_of_line, page_starts, sniff
from indexer.ingest.formats.ocr import tesseract_problem
from indexer.textnorm import fold

# CI installs tesseract (scripts/install-system-packages.sh): there a missing engine is a failure, not a skip.
requires_tesseract = pytest.mark.skipif(
    tesseract_problem() is not None and not os.environ.get("CI"), reason=f"OCR not available: {tesseract_problem()}"
)


def words(text: str) -> list[str]:
    return text.split()


def word_recall(read: str, expected_lines: list[str]) -> float:
    """Share of the expected words (diacritics kept) found in the text read, in multiset terms."""
    from collections import Counter

    got, want = Counter(words(read)), Counter(w for line in expected_lines for w in words(line))
    return sum((got & want).values()) / sum(want.values())


def test_sniffing_goes_by_the_bytes_not_the_name():
    assert sniff(text_pdf(sample_pages())) is Kind.PDF
    assert sniff(docx_file(sample_pages())) is Kind.DOCX
    assert sniff(png(["x"], dpi=50)) is Kind.IMAGE
    assert sniff("Báo cáo".encode()) is Kind.TEXT
    assert sniff(b"PK\x03\x04not really a zip") is Kind.OTHER_ZIP


def test_text_layer_pdf_keeps_pages_and_exact_text(tmp_path):
    extracted = extract(tmp_path / "baocao.pdf", text_pdf(sample_pages()))
    assert extracted.method == "pdf-text" and extracted.ocr_pages == []
    assert len(extracted.pages) == 2
    assert "Quyết định số 08/QĐ-UBND ngày 10/02/2025" in extracted.pages[0]
    assert all(line in extracted.pages[1] for line in PAGE_2_BODY if line)
    lines = extracted.text.split("\n")
    assert lines.count(PAGE_BREAK) == 1
    starts = page_starts(extracted.text)
    phrase_line = next(n for n, line in enumerate(lines, start=1) if "sắp xếp tổ chức bộ máy tinh gọn" in line)
    assert page_of_line(phrase_line, starts) == 2
    assert page_of_line(1, starts) == 1


def test_docx_reads_heading_table_side_by_side_and_page_breaks(tmp_path):
    extracted = extract(tmp_path / "baocao.docx", docx_file(sample_pages()))
    assert extracted.method == "docx" and len(extracted.pages) == 2
    first_line = extracted.pages[0].split("\n")[0]
    assert first_line.startswith("ỦY BAN NHÂN DÂN") and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first_line
    assert "Số: 27/BC-UBND" in extracted.pages[0]
    assert extracted.pages[1].startswith("2. Cải cách thủ tục hành chính")


def test_page_count_for_progress():
    assert page_count(text_pdf(sample_pages())) == 2
    assert page_count(png(["x"], dpi=50)) == 1
    assert page_count("văn bản".encode()) == 1


def test_plain_text_is_read_as_before(tmp_path):
    extracted = extract(tmp_path / "a.txt", "Báo cáo\r\nsố 1\n".encode())
    assert extracted.method == "text" and extracted.pages == ["Báo cáo\nsố 1\n"]
    assert page_starts(extracted.text) == [1]


@requires_tesseract
def test_scanned_pdf_is_read_by_vietnamese_ocr_page_by_page(tmp_path):
    progress: list[tuple[int, int]] = []
    extracted = extract(tmp_path / "scan.pdf", scanned_pdf(sample_pages()), on_page=lambda d, t: progress.append((d, t)))
    assert extracted.method == "pdf-ocr" and extracted.ocr_pages == [1, 2]
    assert "vie" in extracted.engine
    assert progress[-1] == (2, 2) and [d for d, _ in progress] == sorted(d for d, _ in progress)
    # Diacritics come back from the Vietnamese model, not just the bare letters.
    assert word_recall(extracted.pages[0], PAGE_1_BODY) >= 0.85
    assert word_recall(extracted.pages[1], PAGE_2_BODY) >= 0.85
    assert "số 08/QĐ-UBND" in extracted.pages[0]
    assert fold(PHRASE_ON_PAGE_2) in fold(extracted.pages[1])


@requires_tesseract
def test_png_page_is_ocr_read(tmp_path):
    extracted = extract(tmp_path / "photo.png", png(sample_pages()[0]))
    assert extracted.method == "ocr" and extracted.ocr_pages == [1]
    assert word_recall(extracted.text, PAGE_1_BODY) >= 0.85


@requires_tesseract
def test_mixed_pdf_ocrs_only_the_page_without_text(tmp_path):
    from pypdfium2 import PdfDocument

    merged = PdfDocument.new()
    merged.import_pages(PdfDocument(text_pdf([sample_pages()[0]])))
    merged.import_pages(PdfDocument(scanned_pdf([sample_pages()[1]])))
    target = tmp_path / "mixed.pdf"
    merged.save(str(target))
    extracted = extract(target, target.read_bytes())
    assert extracted.method == "pdf-mixed" and extracted.ocr_pages == [2]
    assert word_recall(extracted.pages[1], PAGE_2_BODY) >= 0.85
