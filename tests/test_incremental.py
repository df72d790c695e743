"""The writer re-processes only what changed, drops what was deleted, and --rebuild starts over."""
from __future__ import annotations

from indexer.api import Library, update_index


def index(corpus, idx, **kw):
    return update_index([corpus], idx, **kw)


def test_first_run_indexes_everything_then_nothing(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    first = index(corpus_copy, idx)
    assert len(first.indexed) == 5 and first.unchanged == 0
    second = index(corpus_copy, idx)
    assert second.indexed == [] and second.unchanged == 5 and second.removed == []


def test_an_edited_file_alone_is_reindexed(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    index(corpus_copy, idx)
    edited = sorted(corpus_copy.glob("*.txt"))[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nPhụ lục: kiểm định chất lượng zebrafish\n", encoding="utf-8")
    summary = index(corpus_copy, idx)
    assert summary.indexed == [str(edited.resolve())]
    assert summary.unchanged == 4
    library = Library.open(idx)
    assert [h.doc_id for h in library.search("zebrafish").hits] == [edited.stem]
    assert library.count == 5


def test_deleted_and_added_files(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    index(corpus_copy, idx)
    gone = sorted(corpus_copy.glob("*.txt"))[0]
    gone.unlink()
    (corpus_copy / "new_report.txt").write_text("Báo cáo mới về một cửa liên thông\n", encoding="utf-8")
    summary = index(corpus_copy, idx)
    assert summary.removed == [str(gone.resolve())]
    assert summary.indexed == [str((corpus_copy / "new_report.txt").resolve())]
    library = Library.open(idx)
    assert library.count == 5
    assert {r.doc_id for r in library.reports()} == {p.stem for p in corpus_copy.glob("*.txt")}


def test_rebuild_starts_over(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    index(corpus_copy, idx)
    summary = index(corpus_copy, idx, rebuild=True)
    assert len(summary.indexed) == 5
    assert Library.open(idx).count == 5


def test_indexing_one_folder_keeps_reports_of_another(corpus_copy, tmp_path):
    idx = tmp_path / "idx"
    other = tmp_path / "other"
    other.mkdir()
    (other / "ward.txt").write_text("Báo cáo của UBND phường\n", encoding="utf-8")
    index(corpus_copy, idx)
    update_index([other], idx)
    assert Library.open(idx).count == 6
    assert index(corpus_copy, idx).removed == []


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "baocao.txt").write_text(f"Báo cáo {folder}\n", encoding="utf-8")
    update_index([tmp_path / "a", tmp_path / "b"], tmp_path / "idx")
    ids = sorted(r.doc_id for r in Library.open(tmp_path / "idx").reports())
    assert len(ids) == 2 and ids[0] == "baocao" and ids[1].startswith("baocao-")
