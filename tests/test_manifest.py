"""The manifest (indexer/store/manifest.py): unchanged files are not read again, and a manifest
that is missing, damaged or stale costs a slower run, never a report."""
from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest

import indexer.store.changes as changes
import indexer.store.writer as writer
from indexer.api import Library, update_index
from indexer.ingest import read_report
from indexer.store.index import current_folder
from indexer.store.layout import GENERATION_MARKER, MANIFEST_FILE, new_generation, remove_generation
from indexer.store.manifest import UNKNOWN, Indexed, read_manifest, write_manifest

LATER_NS = 10_000_000_000


@pytest.fixture
def later(monkeypatch):
    """Runs begin 10 s after now: the files written by the test are not `racy` (store/manifest.py)."""
    monkeypatch.setattr(writer, "run_start", lambda: time.time_ns() + LATER_NS)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files the change check hashes."""
    seen: list[str] = []
    real = changes.read

    def counting(path: Path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(changes, "read", counting)
    return seen


def texts(index_dir: Path) -> dict[str, str]:
    reports = list(Library.open(index_dir).reports())
    assert len({r.path for r in reports}) == len(reports), "one document per file"
    return {r.path: r.text for r in reports}


def files_of(corpus: Path) -> dict[str, str]:
    return {str(p.resolve()): read_report(p) for p in sorted(corpus.glob("*.txt"))}


def test_unchanged_files_are_not_read_again(corpus_copy, tmp_path, later, reads):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    reads.clear()
    summary = update_index([corpus_copy], idx)
    assert summary.unchanged == 5 and summary.indexed == []
    assert reads == []


def test_a_touched_file_is_hashed_once_then_trusted(corpus_copy, tmp_path, later, reads):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    touched = sorted(corpus_copy.glob("*.txt"))[1]
    os.utime(touched, ns=(time.time_ns(), time.time_ns()))
    reads.clear()
    assert update_index([corpus_copy], idx).indexed == []
    assert reads == [touched.name]
    reads.clear()
    update_index([corpus_copy], idx)
    assert reads == []


def test_an_edit_of_the_same_size_with_its_mtime_put_back_is_seen(corpus_copy, tmp_path, later):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    edited = sorted(corpus_copy.glob("*.txt"))[3]
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("a", "o", 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or an unzip would
    assert edited.stat().st_size == before.st_size and edited.stat().st_mtime_ns == before.st_mtime_ns
    assert update_index([corpus_copy], idx).indexed == [str(edited.resolve())]
    assert texts(idx) == files_of(corpus_copy)


def test_files_changed_just_before_a_run_are_hashed_at_the_next(tmp_path):
    folder = new_generation(tmp_path)
    (folder / "meta.json").write_bytes(orjson.dumps({"opstamp": 7}))
    since = time.time_ns()
    old, fresh = (1, since - 3 * 10**9, since - 3 * 10**9), (1, since - 10**9, since - 10**9)
    write_manifest(folder, 7, {"a": Indexed("a", "1", old), "b": Indexed("b", "2", fresh)}, since)
    read = read_manifest(folder, 2)
    assert read is not None
    assert read["a"].stamp == old and read["b"].stamp == UNKNOWN


def test_a_manifest_of_another_commit_is_not_trusted(tmp_path):
    folder = new_generation(tmp_path)
    (folder / "meta.json").write_bytes(orjson.dumps({"opstamp": 8}))
    write_manifest(folder, 7, {"a": Indexed("a", "1")}, time.time_ns())
    assert read_manifest(folder, 1) is None
    (folder / "meta.json").write_bytes(orjson.dumps({"opstamp": 7}))
    assert read_manifest(folder, 1) is not None
    assert read_manifest(folder, 2) is None  # not as many documents as the index holds


@pytest.mark.parametrize("damage", [b"", b"{", b"[]", b'{"format": "cchc-manifest"}',
                                    b'{"format": "cchc-manifest", "opstamp": 1, "docs": 1, "since": 0, "files": [[1]]}'])
def test_a_damaged_manifest_reads_as_none(tmp_path, damage):
    folder = new_generation(tmp_path)
    (folder / "meta.json").write_bytes(orjson.dumps({"opstamp": 1}))
    (folder / MANIFEST_FILE).write_bytes(damage)
    assert read_manifest(folder, 1) is None


def run_without_manifest(monkeypatch, corpus: Path, idx: Path):
    """A run killed after its commit, before its manifest (or one whose manifest could not be written)."""
    with monkeypatch.context() as patch:
        patch.setattr(writer, "write_manifest", lambda *args: None)
        return update_index([corpus], idx)


def test_a_stale_manifest_costs_nothing(corpus_copy, tmp_path, later, monkeypatch, reads):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    files = sorted(corpus_copy.glob("*.txt"))
    files[0].unlink()
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nthêm một dòng\n", encoding="utf-8")
    (corpus_copy / "moi.txt").write_text("Báo cáo mới\n", encoding="utf-8")
    second = run_without_manifest(monkeypatch, corpus_copy, idx)
    assert len(second.indexed) == 2 and len(second.removed) == 1
    reads.clear()
    third = update_index([corpus_copy], idx)  # the manifest names the first commit: the documents are read
    assert third.indexed == [] and third.removed == [] and third.unchanged == 5
    assert len(reads) == 5  # every file hashed, as before the manifest
    assert texts(idx) == files_of(corpus_copy)
    reads.clear()
    update_index([corpus_copy], idx)  # and the third run's manifest is trusted again
    assert reads == []


@pytest.mark.parametrize("damage", [b"garbage", b""])
def test_a_damaged_manifest_in_an_index_costs_nothing(corpus_copy, tmp_path, later, damage):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    (current_folder(idx) / MANIFEST_FILE).write_bytes(damage)
    edited = sorted(corpus_copy.glob("*.txt"))[4]
    edited.write_text("Báo cáo đã sửa\n", encoding="utf-8")
    summary = update_index([corpus_copy], idx)
    assert summary.indexed == [str(edited.resolve())] and summary.unchanged == 4
    assert texts(idx) == files_of(corpus_copy)


def test_the_manifest_lists_every_document(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx, rebuild=True)
    folder = current_folder(idx)
    listed = read_manifest(folder, Library.open(idx).count)
    assert listed is not None
    assert {path: entry.doc_id for path, entry in listed.items()} == {r.path: r.doc_id for r in Library.open(idx).reports()}


def test_a_generation_with_a_manifest_is_removed_whole(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    update_index([corpus_copy], idx)
    folder = current_folder(idx)
    assert (folder / MANIFEST_FILE).is_file() and (folder / GENERATION_MARKER).is_file()
    remove_generation(folder)
    assert not folder.exists()
