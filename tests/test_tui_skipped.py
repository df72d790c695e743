"""The dashboard's index status names the files the last index run skipped, with the reason."""
from __future__ import annotations

import asyncio
import shutil

from textual.geometry import Region
from textual.widgets import Static
from tui_app_factory import CORPUS, build_index, make_app, settle

from cchc_tui.widgets.link_table import LinkTable
from indexer.api import Library, library_overview, update_index


def drawn(widget) -> str:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def corpus_with_a_bad_file(folder):
    folder.mkdir()
    shutil.copy(sorted(CORPUS.glob("*.txt"))[0], folder)
    (folder / "empty.txt").write_bytes(b"")  # nothing to index
    return folder


def test_the_index_records_what_it_skipped_and_forgets_it_once_fixed(tmp_path):
    corpus = corpus_with_a_bad_file(tmp_path / "corpus")
    index = build_index(corpus, tmp_path / "index")
    status = library_overview(Library.open(index)).status
    assert status.skipped == 1
    assert [entry.path for entry in status.skipped_files] == [str(corpus / "empty.txt")]
    assert status.skipped_files[0].reason
    (corpus / "empty.txt").unlink()
    update_index([], index)  # incremental: the folders the index records
    status = library_overview(Library.open(index)).status
    assert status.skipped == 0 and status.skipped_files == []


def test_the_dashboard_lists_each_skipped_file_with_its_reason(tmp_path):
    corpus = corpus_with_a_bad_file(tmp_path / "corpus")
    index = build_index(corpus, tmp_path / "index")
    reason = library_overview(Library.open(index)).status.skipped_files[0].reason

    async def scenario():
        app = make_app(index, start="dashboard")
        async with app.run_test(size=(200, 60)) as pilot:
            await settle(pilot)
            assert "1 file skipped" in str(app.screen.query_one("#dash-status", Static).render())
            table = app.screen.query_one("#table-skipped", LinkTable)
            shown = drawn(table)
            assert "empty.txt" in shown and reason in shown

    asyncio.run(scenario())


def test_an_index_without_the_record_says_so(tmp_path):
    corpus = corpus_with_a_bad_file(tmp_path / "corpus")
    index = build_index(corpus, tmp_path / "index")
    (index / "cchc-skipped.json").unlink()  # an index written before the record existed
    status = library_overview(Library.open(index)).status
    assert status.skipped is None and status.skipped_files == []


def test_the_dashboard_lists_the_first_conflicts_and_one_row_leading_to_the_rest():
    from cchc_tui.dashboard_rows import conflict_rows
    from cchc_tui.messages import ShowConflicts
    from indexer.api import ConflictRow

    conflicts = [ConflictRow(f"{n}/QĐ-UBND", None, "date", f"date {n}", []) for n in range(5)]
    rows = conflict_rows(conflicts, limit=2)
    assert [row.cells[0].plain for row in rows[:2]] == ["0/QĐ-UBND", "1/QĐ-UBND"]
    assert len(rows) == 3 and "3 more" in rows[2].cells[0].plain
    opened = rows[2].target()
    assert isinstance(opened, ShowConflicts) and opened.index == 2  # the Conflicts screen, at the first one not listed
    assert len(conflict_rows(conflicts, limit=5)) == 5
