"""The dashboard's overview is computed once per commit and read back from the generation after."""
from __future__ import annotations

import shutil

from tui_app_factory import CORPUS

from indexer.api import Library, cached_overview, library_overview, update_index
from indexer.overview_cache import OVERVIEW_FILE
from indexer.store.layout import CACHE_FILES


class Counting:
    """A `locked` that counts the index accesses made through it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, call):
        self.calls += 1
        return call()


def _index(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    update_index([corpus], index)
    return corpus, index


def test_the_second_overview_is_read_back_and_equals_the_computed_one(tmp_path):
    _, index = _index(tmp_path)
    library = Library.open(index)
    first, second = Counting(), Counting()
    computed = cached_overview(library, first)
    again = cached_overview(Library.open(index), second)
    assert list(index.glob(f"generation-*/{OVERVIEW_FILE}"))
    # the key, the list of reports, their one batch and the end of the batches; then only the key
    assert first.calls == 4 and second.calls == 1
    assert again.to_dict() == computed.to_dict() == library_overview(library).to_dict()


def test_a_commit_makes_the_copy_stale(tmp_path):
    corpus, index = _index(tmp_path)
    before = cached_overview(Library.open(index))
    for path in sorted(corpus.glob("*.txt"))[:1]:
        path.unlink()
    update_index([corpus], index)
    after = cached_overview(Library.open(index))
    assert after.total == before.total - 1 == Library.open(index).count


def test_a_damaged_copy_is_computed_again(tmp_path):
    _, index = _index(tmp_path)
    expected = cached_overview(Library.open(index)).to_dict()
    [copy] = index.glob(f"generation-*/{OVERVIEW_FILE}")
    copy.write_bytes(copy.read_bytes()[:100])
    counting = Counting()
    assert cached_overview(Library.open(index), counting).to_dict() == expected
    assert counting.calls == 4  # read the reports again


def test_the_reports_are_read_a_batch_at_a_time_under_the_lock(tmp_path, monkeypatch):
    """A search waits for one batch at most, never for the whole pass over the corpus."""
    _, index = _index(tmp_path)
    library = Library.open(index)
    monkeypatch.setattr(library, "entry_batches", lambda: Library.entry_batches(library, 2))
    counting = Counting()
    overview = cached_overview(library, counting)
    assert overview.total == 5
    assert counting.calls == 1 + 1 + 3 + 1  # key, list, batches of 2 + 2 + 1, end


def test_the_copy_is_removed_with_its_generation():
    assert OVERVIEW_FILE in CACHE_FILES and OVERVIEW_FILE + ".tmp" in CACHE_FILES
