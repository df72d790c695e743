"""`cchc index` on a folder of mixed files: each indexed, page numbers on hits, skips counted."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_badfiles import cli
from helpers_formats import PHRASE_ON_PAGE_2, docx_file, png, sample_pages, scanned_pdf, text_pdf
from test_formats_errors import encrypted_pdf, fake_word_97
from test_formats_read import requires_tesseract

from indexer.ingest import discover

PAGED = ("digital.pdf", "scan.pdf", "word.docx")


def mixed_folder(root: Path) -> Path:
    folder = root / "office"
    (folder / "scans").mkdir(parents=True)
    pages = sample_pages()
    (folder / "plain.txt").write_text("\n".join(pages[0] + pages[1]) + "\n", encoding="utf-8")
    (folder / "digital.pdf").write_bytes(text_pdf(pages))
    (folder / "scans" / "scan.pdf").write_bytes(scanned_pdf(pages, dpi=150))
    (folder / "scans" / "photo.PNG").write_bytes(png(pages[0], dpi=150))
    (folder / "word.docx").write_bytes(docx_file(pages))
    (folder / "~$word.docx").write_bytes(b"\x05owner lock")  # Word's lock file: not a document, not a skip
    (folder / "secret.pdf").write_bytes(encrypted_pdf())
    (folder / "icon.png").write_bytes(png(["x"], dpi=12))
    (folder / "old.doc").write_bytes(fake_word_97())
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04")  # not a report format: not even listed
    return folder


def test_discovery_takes_every_report_format(tmp_path):
    folder = mixed_folder(tmp_path)
    files, skipped = discover([folder])
    assert sorted(p.name for p in files) == sorted(
        ["plain.txt", "digital.pdf", "scan.pdf", "photo.PNG", "word.docx", "secret.pdf", "icon.png", "old.doc"])
    assert skipped == []


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    folder, index_dir = mixed_folder(root), root / "index"
    run = cli("index", str(folder), "--json", index_dir=index_dir)
    return folder, index_dir, run


@requires_tesseract
def test_each_format_is_indexed_and_bad_files_are_one_line_skips(mixed_index):
    folder, _index_dir, run = mixed_index
    assert run.code == 0
    summary = json.loads(run.stdout)
    assert sorted(Path(p).name for p in summary["indexed"]) == sorted(["plain.txt", *PAGED, "photo.PNG"])
    reasons = {Path(s["path"]).name: s["reason"] for s in summary["skipped"]}
    assert reasons["secret.pdf"] == "encrypted PDF (needs a password to open)"
    assert reasons["icon.png"].startswith("image too small to read")
    assert "doc" in reasons["old.doc"] and len(reasons) == 3
    counts = summary["skipped_by_reason"]
    assert counts["encrypted PDF"] == 1 and counts["image too small to read"] == 1 and sum(counts.values()) == 3
    assert all(f"skipped {folder}" in line for line in run.stderr.strip().split("\n"))


@requires_tesseract
def test_metadata_and_citations_from_every_format(mixed_index):
    from indexer.api import Library

    _folder, index_dir, _run = mixed_index
    library = Library.open(index_dir)
    for name in ("plain", "digital", "scan", "word", "photo"):
        info = library.get(name).info
        assert (info.symbol, info.doc_type, info.date) == ("27/BC-UBND", "Báo cáo", "2025-04-14"), name
        cited = {c.symbol for c in info.citations}
        assert {"15/KH-UBND", "08/QĐ-UBND"} <= cited, (name, cited)


@requires_tesseract
def test_phrase_hits_carry_their_page(mixed_index):
    _folder, index_dir, _run = mixed_index
    run = cli("search", f'"{PHRASE_ON_PAGE_2}"', "--json", "--limit", "10", index_dir=index_dir)
    hits = {hit["doc_id"]: hit for hit in json.loads(run.stdout)["hits"]}
    assert {"plain", "digital", "scan", "word"} <= set(hits)
    for doc_id in ("digital", "scan", "word"):
        assert {line["page"] for line in hits[doc_id]["lines"]} == {2}, doc_id
    assert {line["page"] for line in hits["plain"]["lines"]} == {1}
    human = cli("search", f'"{PHRASE_ON_PAGE_2}"', "--limit", "10", index_dir=index_dir).stdout
    assert "p.2 l." in human


@requires_tesseract
def test_show_marks_page_breaks(mixed_index):
    _folder, index_dir, _run = mixed_index
    shown = cli("show", "scan", index_dir=index_dir).stdout
    assert "──── page 2 ────" in shown and "\f" not in shown


@requires_tesseract
def test_rebuild_reads_scans_from_the_cache(mixed_index, monkeypatch):
    from indexer.ingest.formats import ocr

    _folder, index_dir, _run = mixed_index
    assert any((index_dir / "extracted").glob("*.json"))

    def no_ocr(*_args, **_kwargs):
        raise AssertionError("OCR ran again for an unchanged scan")

    monkeypatch.setattr(ocr, "ocr_image", no_ocr)
    again = cli("index", str(_folder), "--rebuild", "--json", index_dir=index_dir)
    assert again.code == 0
    assert len(json.loads(again.stdout)["indexed"]) == 5


def test_without_tesseract_scans_are_skipped_with_the_install_line_and_the_rest_indexed(tmp_path, monkeypatch):
    from indexer.ingest.formats import ocr

    monkeypatch.setattr(ocr, "tesseract_problem", lambda: "tesseract is not installed (install tesseract: sudo apt-get "
                        "install tesseract-ocr tesseract-ocr-vie)")
    folder = mixed_folder(tmp_path)
    run = cli("index", str(folder), "--json", index_dir=tmp_path / "index")
    assert run.code == 0
    summary = json.loads(run.stdout)
    assert sorted(Path(p).name for p in summary["indexed"]) == ["digital.pdf", "plain.txt", "word.docx"]
    reasons = {Path(s["path"]).name: s["reason"] for s in summary["skipped"]}
    for name in ("scan.pdf", "photo.PNG"):
        assert reasons[name].startswith("scanned pages need OCR, but tesseract is not installed")
        assert "sudo apt-get install tesseract-ocr tesseract-ocr-vie" in reasons[name]


def test_progress_counts_pages_and_names_the_file(tmp_path):
    from indexer.api import update_index

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "digital.pdf").write_bytes(text_pdf(sample_pages()))
    (folder / "plain.txt").write_text("Báo cáo số 1\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    summary = update_index([folder], tmp_path / "index", progress=lambda d, t, label: seen.append((d, t, label)))
    assert len(summary.indexed) == 2
    assert seen[-1][:2] == (3, 3)  # two pages of the PDF + the text file
    assert any(label.endswith("digital.pdf (page 2/2)") for _, _, label in seen)
    assert "skipped 0" in summary.line()


def test_documents_may_be_larger_than_text_files(tmp_path):
    from indexer.ingest import MAX_REPORT_BYTES, BadReport, read_report_bytes
    from indexer.ingest.formats import extract

    padding = b"%" + b"0" * (MAX_REPORT_BYTES + 1024) + b"\n"  # a PDF comment: pictures make scans this large
    big_pdf = tmp_path / "big.pdf"
    big_pdf.write_bytes(text_pdf(sample_pages()) + padding)
    assert extract(big_pdf, read_report_bytes(big_pdf)).method == "pdf-text"
    big_text = tmp_path / "big.txt"
    big_text.write_bytes(b"a" * (MAX_REPORT_BYTES + 1))
    with pytest.raises(BadReport, match="too large"):
        read_report_bytes(big_text)
