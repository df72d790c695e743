"""The reading stage: documents read before analysis, progress counted in pages, failures kept."""
from __future__ import annotations

from helpers_formats import docx_file, sample_pages, scanned_pdf, text_pdf
from test_formats_errors import encrypted_pdf
from test_formats_read import requires_tesseract

from indexer.ingest import read_report_bytes
from indexer.ingest.formats import ExtractCache
from indexer.ingest.formats.kinds import is_document
from indexer.ingest.formats.stage import PageProgress, read_documents


def folder(tmp_path, scanned: bool):
    files = {
        "a.txt": "Báo cáo số 1\n".encode(),
        "digital.pdf": text_pdf(sample_pages()),
        "word.docx": docx_file(sample_pages()),
        "secret.pdf": encrypted_pdf(),
    }
    if scanned:
        files["scan.pdf"] = scanned_pdf(sample_pages(), dpi=120)
    items = []
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
        items.append((name, tmp_path / name))
    return items


def test_magic_bytes_say_what_the_stage_reads():
    assert is_document(b"%PDF-1.7\n") and is_document(b"PK\x03\x04") and is_document(b"\x89PNG\r\n\x1a\n")
    assert not is_document("Báo cáo".encode()) and not is_document(b"")


def test_documents_are_read_into_the_cache_and_pages_counted(tmp_path):
    items = folder(tmp_path, scanned=False)
    seen: list[tuple[int, int, str]] = []
    progress = PageProgress(total=len(items), report=lambda d, t, label: seen.append((d, t, label)))
    cache = ExtractCache(tmp_path / "index")
    result = read_documents(items, read_report_bytes, cache, progress)
    assert result.read == {"digital.pdf", "word.docx", "secret.pdf"}
    assert result.failed == {"secret.pdf": "encrypted PDF (needs a password to open)"}
    assert len(list((tmp_path / "index" / "extracted").glob("*.json"))) == 2
    # 1 text file (counted later, by the analysis) + 2 + 2 + 1 pages
    assert progress.total == 6 and progress.done == 5
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert all(d <= t for d, t, _ in seen)


@requires_tesseract
def test_scan_progress_names_the_file_and_page(tmp_path):
    items = folder(tmp_path, scanned=True)
    labels: list[str] = []
    progress = PageProgress(total=len(items), report=lambda _d, _t, label: labels.append(label))
    read_documents(items, read_report_bytes, ExtractCache(tmp_path / "index"), progress)
    assert "scan.pdf (page 1/2)" in labels and "scan.pdf (page 2/2)" in labels
