"""cchc never deletes what it did not create; --rebuild re-reads the index's own roots; a rebuild
is built beside the old index and swapped in at the end; one commit per run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import pytest
import tantivy
from fault_shim import WriterProxy
from typer.testing import CliRunner

import indexer.store.writer as writer_module
from cchc_tui.cli import app
from indexer.api import Library, update_index
from indexer.store.index import current_folder
from indexer.store.layout import LEGACY_MARKER, MARKER

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()


def cchc(*args):
    return runner.invoke(app, [str(a) for a in args])


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>" for p in sorted(folder.rglob("*"))}


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_folder_with_another_programs_meta_json_is_refused_untouched(tmp_path):
    """The issue's reproduction: thesis.docx, photos/ and the reports must all survive."""
    v = tmp_path / "v"
    (v / "photos").mkdir(parents=True)
    (v / "reports").mkdir()
    (v / "meta.json").write_text("{}")
    (v / "thesis.docx").write_text("precious")
    shutil.copy(sorted(CORPUS.glob("000*.txt"))[0], v / "reports")
    before = tree(v)
    line = one_line_error(cchc("index", v / "reports", "--index-dir", v))
    assert "not a cchc index folder" in line and "meta.json" in line
    assert tree(v) == before


def test_a_folder_with_other_files_is_refused_and_an_empty_one_is_taken(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.odt").write_text("mine")
    line = one_line_error(cchc("index", CORPUS, "--index-dir", tmp_path / "full"))
    assert "notes.odt" in line
    assert sorted(os.listdir(tmp_path / "full")) == ["notes.odt"]
    (tmp_path / "empty").mkdir()
    assert cchc("index", CORPUS, "--index-dir", tmp_path / "empty").exit_code == 0
    assert (tmp_path / "empty" / MARKER).is_file()


def test_index_dir_equal_to_the_corpus_folder_never_loses_a_report(tmp_path):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    before = tree(corpus)
    one_line_error(cchc("index", corpus, "--index-dir", corpus))
    one_line_error(cchc("index", corpus, "--index-dir", corpus, "--rebuild"))
    assert tree(corpus) == before


def test_an_index_of_a_newer_cchc_is_refused_never_wiped(tmp_path):
    index_dir = tmp_path / "idx"
    update_index([CORPUS], index_dir)
    marker = orjson.loads((index_dir / MARKER).read_bytes())
    (index_dir / MARKER).write_bytes(orjson.dumps({**marker, "schema_version": 99}))
    before = tree(index_dir)
    for args in (("index", CORPUS), ("index", "--rebuild"), ("search", "cai cach")):
        assert "newer cchc" in one_line_error(cchc(*args, "--index-dir", index_dir))
    assert tree(index_dir) == before


def test_an_older_schema_is_rebuilt_removing_only_cchcs_files(tmp_path):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    (index_dir / "user-notes.odt").write_text("mine")  # dropped into cchc's folder by the user
    old = current_folder(index_dir)
    (old / "stray.bin").write_text("not tantivy's")  # unknown file inside a generation
    marker = orjson.loads((index_dir / MARKER).read_bytes())
    (index_dir / MARKER).write_bytes(orjson.dumps({**marker, "schema_version": 4}))
    result = cchc("index", "--index-dir", index_dir)  # no PATH: the recorded roots
    assert result.exit_code == 0, result.output
    assert "rebuilt the index" in result.stderr and "indexed 5" in result.stdout
    assert (index_dir / "user-notes.odt").read_text() == "mine"
    assert sorted(os.listdir(old)) == ["cchc-generation.json", "stray.bin"]  # only what cchc wrote went
    assert Library.open(index_dir).count == 5


def make_legacy_index(index_dir: Path, corpus: Path) -> None:
    """A schema-4 index as cchc wrote it: tantivy's files in the folder beside cchc-version.json."""
    from indexer.store.schema import build_schema, register_analyzers

    index_dir.mkdir()
    index = tantivy.Index(build_schema(), path=str(index_dir))
    register_analyzers(index)
    writer = index.writer(15_000_000, 1)
    for path in sorted(corpus.glob("*.txt")):
        writer.add_document(tantivy.Document(doc_id=path.stem, path=str(path), sha="0", text="old"))
    writer.commit()
    writer.wait_merging_threads()
    (index_dir / LEGACY_MARKER).write_bytes(orjson.dumps({"schema_version": 4}))
    (index_dir / "compounds.txt").write_text("bien che")


def test_a_legacy_index_is_migrated_from_its_own_report_folders(tmp_path):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    make_legacy_index(index_dir, corpus)
    (index_dir / "keep.me").write_text("mine")
    result = cchc("index", "--rebuild", "--index-dir", index_dir)
    assert result.exit_code == 0, result.output
    assert "indexed 5" in result.stdout  # the reports it held, not the bundled corpus' copies
    assert {r.path for r in Library.open(index_dir).reports()} == {str(p) for p in corpus.glob("*.txt")}
    left = sorted(n for n in os.listdir(index_dir) if not n.startswith("generation-"))
    assert left == [".cchc-writer.lock", MARKER, "keep.me"]


def test_rebuild_without_path_rereads_the_recorded_roots_not_the_sample(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    for i, path in enumerate(sorted(CORPUS.glob("*.txt"))[:3]):
        shutil.copy(path, mine / f"bao-cao-{i}.txt")
    index_dir = tmp_path / "idx"
    assert cchc("index", mine, "--index-dir", index_dir).exit_code == 0
    result = cchc("index", "--rebuild", "--index-dir", index_dir)
    assert result.exit_code == 0, result.output
    assert "indexed 3" in result.stdout and "removed 0" in result.stdout
    assert sorted(r.doc_id for r in Library.open(index_dir).reports()) == ["bao-cao-0", "bao-cao-1", "bao-cao-2"]


def test_a_killed_rebuild_leaves_the_old_index_whole(tmp_path, monkeypatch):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    before = {r.doc_id: r.text for r in Library.open(index_dir).reports()}
    real_open_writer = writer_module.open_writer

    class KilledAfterTwo(WriterProxy):
        def add_document(self, doc):
            self.commits += 1
            if self.commits > 2:
                raise KeyboardInterrupt  # what SIGINT/SIGTERM raise in the middle of the run
            return self._real.add_document(doc)

    monkeypatch.setattr(writer_module, "open_writer", lambda i, d: KilledAfterTwo(real_open_writer(i, d), None))
    with pytest.raises(KeyboardInterrupt):
        update_index([corpus], index_dir, rebuild=True)
    reader = Library.open(index_dir)
    assert {r.doc_id: r.text for r in reader.reports()} == before
    assert len(list(index_dir.glob("generation-*"))) == 1  # the half-built one was removed


COMMITS: list[int] = []


class CountingWriter(WriterProxy):
    def commit(self):
        COMMITS.append(1)
        return self._real.commit()


def test_one_commit_per_run_whatever_its_size(tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    text = sorted(CORPUS.glob("*.txt"))[4].read_text(encoding="utf-8")
    for i in range(30):  # more than the workers' threshold: the parallel path
        (folder / f"r{i}.txt").write_text(f"mau{i}\n{text[:400]}", encoding="utf-8")
    real_open_writer = writer_module.open_writer
    monkeypatch.setattr(writer_module, "open_writer", lambda i, d: CountingWriter(real_open_writer(i, d), None))
    COMMITS.clear()
    update_index([folder], tmp_path / "idx")
    assert len(COMMITS) == 1
    assert Library.open(tmp_path / "idx").count == 30
