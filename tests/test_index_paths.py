"""One odd path never stops a run: names that are not UTF-8, unreadable or vanished folders,
paths over PATH_MAX; doc ids stay unique; unreachable roots keep their reports."""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import unicodedata
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from cchc_tui.cli import app
from indexer.api import Library, update_index

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCES = sorted(CORPUS.glob("*.txt"))
runner = CliRunner()


def cchc(*args):
    return runner.invoke(app, [a if isinstance(a, str) else os.fsdecode(a) for a in args])


def ids(index_dir) -> list[str]:
    return sorted(r.doc_id for r in Library.open(index_dir).reports())


def test_names_that_are_not_utf8_are_indexed_shown_escaped_and_found(tmp_path):
    root = tmp_path / "r"
    root.mkdir()
    bad_file = os.fsdecode(os.fsencode(root) + b"/B\xe1o c\xe1o.txt")
    shutil.copy(SOURCES[0], bad_file)
    bad_folder = os.fsdecode(os.fsencode(root) + b"/th\xf0")
    os.mkdir(bad_folder)
    shutil.copy(SOURCES[1], os.path.join(bad_folder, "x.txt"))
    index_dir = os.fsdecode(os.fsencode(tmp_path) + b"/ix\xe9")  # the index folder's name too
    result = cchc("index", str(root), "--index-dir", index_dir, "--json")
    assert result.exit_code == 0, result.output
    summary = orjson.loads(result.stdout)
    assert f"{root}/B\\xe1o c\\xe1o.txt" in summary["indexed"]
    assert f"{root}/th\\xf0/x.txt" in summary["indexed"]
    assert summary["index_dir"].endswith("ix\\xe9")
    found = orjson.loads(cchc("search", "cai cach", "--index-dir", index_dir, "--json").stdout)
    assert "B\\xe1o c\\xe1o" in {h["doc_id"] for h in found["hits"]}
    shown = cchc("show", bad_file, "--index-dir", index_dir)  # by the file's real name
    assert shown.exit_code == 0 and "B\\xe1o c\\xe1o" in shown.stdout
    again = cchc("index", "--index-dir", index_dir)
    assert "indexed 0, unchanged 2" in again.stdout
    os.unlink(bad_file)
    assert "removed 1" in cchc("index", "--index-dir", index_dir).stdout


def test_a_previously_indexed_folder_made_unreadable_keeps_its_reports(tmp_path, monkeypatch):
    root = tmp_path / "r"
    (root / "locked").mkdir(parents=True)
    shutil.copy(SOURCES[0], root / "open.txt")
    shutil.copy(SOURCES[1], root / "locked" / "inside.txt")
    index_dir = tmp_path / "idx"
    update_index([root], index_dir)
    real_scandir, real_stat = os.scandir, os.stat
    locked = str(root / "locked")

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if os.fspath(path).startswith(locked + "/"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    for _ in range(2):  # every later run, not only the first
        result = cchc("index", root, "--index-dir", index_dir)
        assert result.exit_code == 0, result.output
        assert f"skipped {locked}: cannot open folder: permission denied" in result.stderr
        assert "removed 0" in result.stdout
    monkeypatch.undo()
    assert ids(index_dir) == ["inside", "open"]


def test_a_path_longer_than_path_max_is_skipped_with_its_reason(tmp_path, monkeypatch):
    root = tmp_path / "deep"
    root.mkdir()
    shutil.copy(SOURCES[0], root / "short.txt")
    monkeypatch.chdir(root)
    for _ in range(24):  # 24 x 200 characters > PATH_MAX (4096)
        os.mkdir("d" * 200)
        os.chdir("d" * 200)
    shutil.copy(SOURCES[1], "bottom.txt")
    result = cchc("index", root, "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert "indexed 1" in result.stdout
    assert "too long" in result.stderr and "Traceback" not in result.output


def test_doc_ids_stay_unique_across_runs_including_hash_suffixed_ones(tmp_path):
    for folder in "abc":
        (tmp_path / folder).mkdir()
    suffix = hashlib.sha1(str(tmp_path / "b" / "x.txt").encode()).hexdigest()[:6]
    shutil.copy(SOURCES[0], tmp_path / "c" / f"x-{suffix}.txt")  # takes the id b/x.txt would get
    index_dir = tmp_path / "idx"
    update_index([tmp_path / "c"], index_dir)
    shutil.copy(SOURCES[1], tmp_path / "a" / "x.txt")
    shutil.copy(SOURCES[2], tmp_path / "b" / "x.txt")
    update_index([tmp_path / "a", tmp_path / "b"], index_dir)
    found = ids(index_dir)
    assert len(found) == len(set(found)) == 3


def test_nfc_and_nfd_spellings_of_a_name_give_distinct_nfc_ids(tmp_path):
    name = "Báo cáo quý 1"
    shutil.copy(SOURCES[0], tmp_path / f"{unicodedata.normalize('NFC', name)}.txt")
    shutil.copy(SOURCES[1], tmp_path / f"{unicodedata.normalize('NFD', name)}.txt")
    update_index([tmp_path], tmp_path / "idx")
    found = ids(tmp_path / "idx")
    assert len(set(found)) == 2
    assert all(i == unicodedata.normalize("NFC", i) for i in found)
    assert name in found  # the plain id, as a user types it
    assert cchc("show", name, "--index-dir", tmp_path / "idx").exit_code == 0


def test_show_accepts_the_symlink_path_a_report_was_indexed_from(tmp_path):
    real = shutil.copytree(CORPUS, tmp_path / "real")
    os.symlink(real, tmp_path / "link")
    update_index([tmp_path / "link"], tmp_path / "idx")
    path = tmp_path / "link" / SOURCES[0].name
    result = cchc("show", str(path), "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert SOURCES[0].stem in result.stdout


def test_an_unreachable_root_keeps_its_reports_even_through_a_rebuild(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(SOURCES[0], a)
    for source in SOURCES[1:3]:
        shutil.copy(source, b)
    index_dir = tmp_path / "idx"
    update_index([a], index_dir)
    update_index([b], index_dir)  # corpora accumulate in one index
    assert len(ids(index_dir)) == 3
    b.rename(tmp_path / "b-unmounted")
    for extra in ((), ("--rebuild",)):
        result = cchc("index", "--index-dir", index_dir, *extra)
        assert result.exit_code == 0, result.output
        assert f"{b}: not reachable (unmounted or removed?), its 2 report(s) kept" in result.stderr
        assert len(ids(index_dir)) == 3
    (tmp_path / "b-unmounted").rename(b)
    result = cchc("index", "--index-dir", index_dir)
    assert "not reachable" not in result.stderr and "unchanged 3" in result.stdout


@pytest.mark.parametrize("folder_form", ["relative", "absolute"])
def test_rebuild_with_a_path_makes_the_index_exactly_that(tmp_path, monkeypatch, folder_form):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, source in ((a, SOURCES[0]), (b, SOURCES[1])):
        folder.mkdir()
        shutil.copy(source, folder)
    update_index([a, b], tmp_path / "idx")
    monkeypatch.chdir(tmp_path)
    target = "b" if folder_form == "relative" else str(b)
    assert cchc("index", target, "--rebuild", "--index-dir", tmp_path / "idx").exit_code == 0
    assert ids(tmp_path / "idx") == [SOURCES[1].stem]
    marker = orjson.loads((tmp_path / "idx" / "cchc-index.json").read_bytes())
    assert marker["roots"] == [str(b)]
