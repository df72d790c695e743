"""Ordinary faults are one line, never a traceback and never a false "corrupted": a full disk
during indexing or while writing the compounds cache, a vanished index folder, a bad date, a
damaged compounds cache, a file over the size limit or over its time budget."""
from __future__ import annotations

import errno
import shutil
from concurrent.futures import Future
from pathlib import Path

import orjson
import pytest
from fault_shim import WriterProxy
from typer.testing import CliRunner

import indexer.store.prepare as prepare_module
import indexer.store.writer as writer_module
from cchc_tui.cli import app
from indexer.api import Library, update_index
from indexer.search.compounds import CACHE_FILE, compounds, read_cache
from indexer.store.index import current_folder

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()


def cchc(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def indexed(tmp_path):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nthêm một dòng mới\n", encoding="utf-8")
    return corpus, index_dir, {r.doc_id: r.text for r in Library.open(index_dir).reports()}


def assert_one_line_and_intact(result, index_dir: Path, before: dict[str, str], cause: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert str(index_dir) in lines[0] and cause in lines[0]
    assert {r.doc_id: r.text for r in Library.open(index_dir).reports()} == before
    assert list(index_dir.rglob("*.tmp")) == []


def test_disk_full_at_the_commit(indexed, monkeypatch):
    corpus, index_dir, before = indexed
    real_open_writer = writer_module.open_writer

    class DiskFull(WriterProxy):
        def commit(self):
            raise ValueError('An index writer was killed: IoError(Os { code: 28, kind: StorageFull, '
                             'message: "No space left on device" })')

    monkeypatch.setattr(writer_module, "open_writer", lambda i, d: DiskFull(real_open_writer(i, d), None))
    for extra in ((), ("--rebuild",)):
        result = cchc("index", corpus, "--index-dir", index_dir, *extra)
        assert_one_line_and_intact(result, index_dir, before, "No space left on device")
    assert len(list(index_dir.glob("generation-*"))) == 1


def test_disk_full_while_writing_the_compounds_cache(indexed, monkeypatch):
    corpus, index_dir, before = indexed
    (current_folder(index_dir) / CACHE_FILE).unlink()
    real_write_text = Path.write_text

    def write_text(self, *args, **kwargs):
        if self.name == CACHE_FILE + ".tmp":
            real_write_text(self, "half")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    result = cchc("index", corpus, "--index-dir", index_dir)
    assert_one_line_and_intact(result, index_dir, before, "No space left on device")


def test_index_folder_vanishing_during_the_run_is_one_line(indexed, monkeypatch):
    corpus, index_dir, _before = indexed
    real_make = writer_module.index_keys

    def make_and_vanish(doc_id, prepared):
        shutil.rmtree(index_dir)
        return real_make(doc_id, prepared)

    monkeypatch.setattr(writer_module, "index_keys", make_and_vanish)
    result = cchc("index", corpus, "--index-dir", index_dir)
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(index_dir) in lines[0]


@pytest.mark.parametrize("args", [("", "--from", "2025-13-45x"), ("cai cach", "--to", "hôm qua"),
                                  ("", "--unit", "phuong", "--from", "abcd")])
def test_a_bad_date_is_never_reported_as_a_corrupted_index(corpus_index, args):
    result = cchc("search", *args, "--index-dir", corpus_index)
    assert result.exit_code in (1, 2)
    assert "corrupted" not in result.stderr and "--rebuild" not in result.stderr
    assert "not a date" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("damage", [b"\xff\xfe not utf-8 \x80", b"", b"bien che\nto chuc"])
def test_a_damaged_compounds_cache_is_not_used_and_is_written_again(indexed, damage):
    corpus, index_dir, _before = indexed
    query = ["search", "tổ chức bộ máy", "--json", "--index-dir", index_dir]
    good = orjson.loads(cchc(*query).stdout)
    cache = current_folder(index_dir) / CACHE_FILE
    cache.write_bytes(damage)
    compounds.cache_clear()
    assert read_cache(cache.parent) is None
    damaged = cchc(*query)
    assert damaged.exit_code == 0, damaged.output
    assert orjson.loads(damaged.stdout) == good
    assert cchc("index", corpus, "--index-dir", index_dir).exit_code == 0
    assert read_cache(cache.parent) is not None


def test_a_rebuild_writes_a_fresh_compounds_cache(indexed):
    corpus, index_dir, _before = indexed
    (current_folder(index_dir) / CACHE_FILE).write_bytes(b"\xff")
    assert cchc("index", "--rebuild", "--index-dir", index_dir).exit_code == 0
    assert read_cache(current_folder(index_dir)) is not None


def test_a_file_over_its_time_budget_is_skipped_with_the_reason(tmp_path, monkeypatch):
    shutil.copy(sorted(CORPUS.glob("*.txt"))[2], tmp_path / "slow.txt")
    monkeypatch.setattr(prepare_module, "SECONDS_PER_FILE", 0.001)
    result = cchc("index", tmp_path / "slow.txt", "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert "per-file time budget" in result.stderr and "indexed 0" in result.stdout


def test_an_alarm_python_swallowed_still_spends_the_budget(monkeypatch):
    # the alarm falling inside a gc callback or a __del__ is reported as unraisable, not raised: as if
    # the handler did nothing, the analysis runs on past the budget and must still count as over it
    import time

    monkeypatch.setattr(prepare_module, "_alarm", lambda _signum, _frame: None)
    monkeypatch.setattr(prepare_module, "SECONDS_PER_FILE", 0.001)
    monkeypatch.setattr(prepare_module, "guarded_analysis", lambda key, sha, text: time.sleep(0.02) or "analysed")
    result = prepare_module.budgeted_analysis("slow.txt", "sha", "text")
    assert isinstance(result, prepare_module.Failed) and "per-file time budget" in result.reason
    monkeypatch.setattr(prepare_module, "SECONDS_PER_FILE", 5.0)
    assert prepare_module.budgeted_analysis("quick.txt", "sha", "text") == "analysed"


def test_a_file_over_the_size_limit_is_skipped_before_it_costs_anything(tmp_path):
    from indexer.ingest import MAX_REPORT_BYTES

    (tmp_path / "huge.txt").write_bytes(b"bao cao " * (MAX_REPORT_BYTES // 8 + 1))
    result = cchc("index", tmp_path / "huge.txt", "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0 and "MB limit" in result.stderr


class FakePool:
    """Records how much estimated memory is in flight when each item is submitted."""

    def __init__(self) -> None:
        self.in_flight: list[int] = []
        self.peak = 0

    def submit(self, func, item):
        future: Future = Future()
        future.set_result(item.key)
        self.in_flight.append(prepare_module.memory_estimate(item))
        self.peak = max(self.peak, sum(self.in_flight))
        future.add_done_callback(lambda _f: None)
        return _Tracked(future, self)


class _Tracked:
    def __init__(self, future: Future, pool: FakePool) -> None:
        self.future, self.pool = future, pool

    def result(self):
        self.pool.in_flight.pop(0)
        return self.future.result()


def test_workers_never_hold_more_than_the_memory_budget_in_flight():
    mb = 1024 * 1024
    items = [prepare_module.Changed(Path(f"/r{i}.txt"), f"r{i}", size) for i, size in
             enumerate([2 * mb] * 6 + [10_000] * 20 + [2 * mb] * 3)]
    pool = FakePool()
    results = list(prepare_module.bounded_map(pool, items, workers=4))
    assert results == [item.key for item in items]  # in order, all of them
    assert pool.peak <= prepare_module.MEMORY_IN_FLIGHT


def test_a_file_whose_analysis_fails_is_skipped_alone(tmp_path, monkeypatch):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    real_analysis = prepare_module.analyse_text
    victim = sorted(corpus.glob("*.txt"))[1]

    def analyse_text(key, sha, text):
        if key == str(victim):
            raise IndexError("list index out of range")
        return real_analysis(key, sha, text)

    monkeypatch.setattr(prepare_module, "analyse_text", analyse_text)
    result = cchc("index", corpus, "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert f"skipped {victim}: could not be analysed (IndexError" in result.stderr
    assert "indexed 4" in result.stdout
