"""Files with no text to read: one line each, naming the reason (and the cure where there is one)."""
from __future__ import annotations

import io
import os
import stat

import pytest
from helpers_formats import png, sample_pages, scanned_pdf, text_pdf

from indexer.ingest import BadReport
from indexer.ingest.formats import INSTALL_TESSERACT, extract
from indexer.ingest.formats import ocr as ocr_module

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def reason_of(tmp_path, name: str, raw: bytes) -> str:
    with pytest.raises(BadReport) as caught:
        extract(tmp_path / name, raw)
    assert "\n" not in caught.value.reason
    assert str(caught.value).startswith(str(tmp_path / name))
    return caught.value.reason


@pytest.fixture
def no_programs(monkeypatch, tmp_path):
    """A PATH with no tesseract, antiword or catdoc on it."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    ocr_module.tesseract_problem.cache_clear()
    yield empty
    ocr_module.tesseract_problem.cache_clear()


def encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="confidential")
    return bytes(pdf.output())


def pdf_without_pages() -> bytes:
    """A well-formed PDF whose page tree is empty (what a broken export writes)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_encrypted_pdf(tmp_path):
    assert reason_of(tmp_path, "secret.pdf", encrypted_pdf()) == "encrypted PDF (needs a password to open)"


def test_damaged_pdf(tmp_path):
    assert reason_of(tmp_path, "broken.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4).startswith("damaged PDF")


def test_truncated_pdf_is_damaged_not_a_crash(tmp_path):
    raw = text_pdf(sample_pages())
    try:
        extracted = extract(tmp_path / "cut.pdf", raw[: len(raw) // 3])
    except BadReport as bad:
        assert "PDF" in bad.reason or "no text" in bad.reason
    else:  # PDFium rebuilds what it can of a cut file: then the text it kept is real text
        assert extracted.pages


def test_pdf_without_pages(tmp_path):
    assert reason_of(tmp_path, "empty.pdf", pdf_without_pages()) == "PDF has no pages"


def test_image_too_small(tmp_path):
    assert reason_of(tmp_path, "icon.png", png(["x"], dpi=12)).startswith("image too small to read (99x140 px")


def test_damaged_image(tmp_path):
    raw = png(sample_pages()[0])
    assert reason_of(tmp_path, "half.png", raw[:200]).startswith("damaged")


def test_scans_without_tesseract_say_how_to_install_it(tmp_path, no_programs):
    reason = reason_of(tmp_path, "scan.pdf", scanned_pdf(sample_pages(), dpi=100))
    assert reason.startswith("scanned pages need OCR, but tesseract is not installed")
    assert INSTALL_TESSERACT in reason
    assert INSTALL_TESSERACT in reason_of(tmp_path, "photo.png", png(sample_pages()[0], dpi=100))


def test_text_layer_pdf_needs_no_tesseract(tmp_path, no_programs):
    assert extract(tmp_path / "digital.pdf", text_pdf(sample_pages())).method == "pdf-text"


def fake_word_97() -> bytes:
    """The marks sniffing looks for: the OLE2 signature and Word's `WordDocument` stream name."""
    return OLE2 + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1024)


def test_doc_without_converter(tmp_path, no_programs):
    reason = reason_of(tmp_path, "old.doc", fake_word_97())
    assert reason.startswith("Word 97-2003 .doc needs antiword or catdoc")


def test_doc_through_the_converter_keeps_its_pages(tmp_path, no_programs):
    """The converter is a program on PATH; this stand-in prints what antiword prints: UTF-8, pages split by form feeds."""
    fake = no_programs / "antiword"
    fake.write_text("#!/bin/sh\nprintf 'Báo cáo trang một\\fTrang hai\\n'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    if not os.access(fake, os.X_OK):
        pytest.skip("cannot run a script from the temporary folder")
    extracted = extract(tmp_path / "old.doc", fake_word_97())
    assert extracted.method == "doc-antiword" and extracted.pages == ["Báo cáo trang một", "Trang hai"]


def test_other_office_files_are_named(tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert reason_of(tmp_path, "sheet.xlsx", buffer.getvalue()).startswith("zip archive that is not a Word document")
    assert reason_of(tmp_path, "sheet.xls", OLE2 + bytes(2048)).startswith("old Office file that is not a Word document")


def test_a_library_failure_on_a_hostile_file_is_one_skip(tmp_path, monkeypatch):
    from indexer.ingest.formats import word

    def explode(_raw):
        raise RuntimeError("unexpected structure\nsecond line")

    monkeypatch.setattr(word, "read_docx", explode)
    from helpers_formats import docx_file

    reason = reason_of(tmp_path, "odd.docx", docx_file(sample_pages()))
    assert reason.startswith("could not read this docx file (RuntimeError: unexpected structure")
