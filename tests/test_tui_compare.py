"""Mark two results, press c: the engine's comparison shown side by side."""
from __future__ import annotations

import asyncio

import pytest
from textual.widgets import TabbedContent
from tui_app_factory import keys_for, make_app, open_library, settle, shared_index

from cchc_tui.messages import CompareReports
from cchc_tui.screens.compare import CompareScreen
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.widgets.compare_rows import TABLES
from cchc_tui.widgets.compare_table import CompareTable
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.status_line import StatusLine
from indexer.compare import compare_reports

QUERY = "tuyen truyen cai cach hanh chinh"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def first_row_with_a_line(comparison) -> tuple[str, int, int]:
    for tab, (_, _, build_rows) in TABLES.items():
        for index, row in enumerate(build_rows(comparison)):
            if row.a_line:
                return tab, index, row.a_line
    raise AssertionError("the comparison points at no line of report A")


def test_marking_two_results_and_pressing_c_compares_them(index_dir):
    library = open_library(index_dir)
    hits = library.search(QUERY, limit=50).hits
    assert len(hits) >= 2
    expected = compare_reports(library.get(hits[0].doc_id), library.get(hits[1].doc_id))
    messages = []

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(140, 45), message_hook=messages.append) as pilot:
            await pilot.press(*keys_for(QUERY))
            await settle(pilot)
            await pilot.press("enter", "space", "down", "space", "c")
            await settle(pilot, 0)
            assert isinstance(app.screen, CompareScreen)
            screen = app.screen
            for tab, (_, _, build_rows) in TABLES.items():
                table = screen.query_one(f"#table-{tab}", CompareTable)
                assert len(table.rows_shown) == len(build_rows(expected))
            citations = screen.query_one("#table-citations", CompareTable)
            assert [row.cells[1].plain for row in citations.rows_shown] == [row.key for row in expected.citations]
            tab, index, line = first_row_with_a_line(expected)
            await pilot.press(str(list(TABLES).index(tab) + 1))
            table = screen.query_one(f"#table-{tab}", CompareTable)
            assert app.focused is table
            table.move_cursor(row=index)
            await pilot.press("a")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.doc_id == hits[0].doc_id
            assert app.screen.query_one(ReportView).current_line == line
            await pilot.press("escape")
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("escape")
            assert app.screen.query_one(ResultList).marked == [hits[0].doc_id, hits[1].doc_id]

    asyncio.run(scenario())
    compared = list({id(m): m for m in messages if isinstance(m, CompareReports)}.values())
    assert [(m.left, m.right) for m in compared] == [(hits[0].doc_id, hits[1].doc_id)]


def test_compare_needs_two_marks(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.press(*keys_for("quyet dinh"))
            await settle(pilot)
            await pilot.press("enter", "space", "c")
            await pilot.pause()
            assert not isinstance(app.screen, CompareScreen)

    asyncio.run(scenario())


def test_comparing_a_report_that_is_gone_says_so(index_dir):
    present = next(open_library(index_dir).reports()).doc_id

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(140, 45)) as pilot:
            await settle(pilot)
            app.post_message(CompareReports("no_such_report", present))
            await settle(pilot, 0)
            assert isinstance(app.screen, CompareScreen)
            status = str(app.screen.query_one(StatusLine).render())
            assert "no_such_report" in status and app.screen.comparison is None
            assert not app.screen.query_one(TabbedContent).loading

    asyncio.run(scenario())
