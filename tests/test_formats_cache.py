"""Extracted text cached beside the index by content hash: OCR runs once per file."""
from __future__ import annotations

import hashlib

import pytest
from helpers_formats import docx_file, sample_pages, scanned_pdf
from test_formats_read import requires_tesseract

from indexer.ingest.formats import ExtractCache, Extracted, extract
from indexer.ingest.formats import ocr as ocr_module
from indexer.ingest.formats.cache import CACHE_FOLDER


@requires_tesseract
def test_second_read_of_an_unchanged_scan_runs_no_ocr(tmp_path, monkeypatch):
    raw = scanned_pdf(sample_pages(), dpi=150)
    cache = ExtractCache(tmp_path / "index")
    first = extract(tmp_path / "scan.pdf", raw, cache=cache)
    sha = hashlib.sha256(raw).hexdigest()
    assert (tmp_path / "index" / CACHE_FOLDER / f"{sha}.json").is_file()

    def no_ocr(*_args, **_kwargs):
        raise AssertionError("OCR ran on a cached file")

    monkeypatch.setattr(ocr_module, "ocr_image", no_ocr)
    progress: list[tuple[int, int]] = []
    again = extract(tmp_path / "renamed.pdf", raw, cache=cache, on_page=lambda d, t: progress.append((d, t)))
    assert again == first
    assert progress == [(2, 2)]


def test_damaged_or_outdated_entries_are_read_again(tmp_path):
    raw = docx_file(sample_pages())
    sha = hashlib.sha256(raw).hexdigest()
    cache = ExtractCache(tmp_path)
    entry = tmp_path / CACHE_FOLDER / f"{sha}.json"
    entry.parent.mkdir()
    for bad in (b"{not json", b'{"format": 999, "pages": ["old"], "method": "docx"}', b'{"format": 1, "pages": [3]}', b"[]"):
        entry.write_bytes(bad)
        assert cache.get(sha) is None
        assert extract(tmp_path / "r.docx", raw, cache=cache).pages[0].startswith("ỦY BAN NHÂN DÂN")
        assert cache.get(sha) is not None


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path):
    cache = ExtractCache(tmp_path)
    sha = "ab" * 32
    assert cache.put(sha, Extracted(["một", "hai"], "pdf-text"))
    assert cache.put(sha, Extracted(["ba"], "pdf-text"))
    assert cache.get(sha) == Extracted(["ba"], "pdf-text")
    assert [p.name for p in (tmp_path / CACHE_FOLDER).iterdir()] == [f"{sha}.json"]


def test_a_read_only_index_folder_only_means_no_cache(tmp_path):
    (tmp_path / "file").write_text("x")
    cache = ExtractCache(tmp_path / "file")  # the index "folder" is a file: nothing can be created under it
    assert cache.put("cd" * 32, Extracted(["x"], "docx")) is False
    assert cache.get("cd" * 32) is None


def test_prune_keeps_what_is_indexed(tmp_path):
    cache = ExtractCache(tmp_path)
    keep, drop = "a" * 64, "b" * 64
    cache.put(keep, Extracted(["x"], "docx"))
    cache.put(drop, Extracted(["y"], "docx"))
    assert cache.prune({keep}) == 1
    assert cache.get(keep) is not None and cache.get(drop) is None


def test_sha_must_be_a_digest(tmp_path):
    cache = ExtractCache(tmp_path)
    assert cache.get("../../etc/passwd") is None
    with pytest.raises(ValueError):
        cache.put("../escape", Extracted(["x"], "docx"))
