"""The dashboard's flows end to end, driven from the keyboard as a user would."""
from __future__ import annotations

import asyncio

import pytest
from tui_app_factory import keys_for, make_app, open_library, settle, shared_index

from cchc_tui.screens.citations import CitationsScreen
from cchc_tui.screens.citing import CitingScreen
from cchc_tui.screens.compare import CompareScreen
from cchc_tui.screens.conflicts import ConflictsScreen
from cchc_tui.screens.dashboard import DashboardScreen
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.link_table import LinkTable
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.status_line import StatusLine
from indexer.api import Filters, citations, library_overview


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


def test_dashboard_conflict_opens_the_report_at_the_line(index_dir):
    conflict = library_overview(open_library(index_dir)).conflicts[1]
    side = conflict.sides[-1]

    async def scenario():
        app = make_app(index_dir, start="dashboard")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            assert isinstance(app.screen, DashboardScreen)
            table = app.screen.query_one("#table-conflicts", LinkTable)
            table.focus()
            table.move_cursor(row=1)
            await pilot.press("enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, ConflictsScreen)
            rows = app.screen.query_one(LinkTable)
            rows.move_cursor(row=app.screen.starts[1] + len(conflict.sides) - 1)
            await pilot.press("enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.doc_id == side.doc_id
            view = app.screen.query_one(ReportView)
            assert view.current_line == side.line
            assert view.screen_row(side.line) is not None  # in view, not just current
            assert f"line {side.line} of" in status(app)
            await pilot.press("escape")
            assert isinstance(app.screen, ConflictsScreen)

    asyncio.run(scenario())


def test_citations_to_a_citing_report_at_the_line(index_dir):
    library = open_library(index_dir)
    document = next(d for d in citations(library.reports()) if d.symbol == "3041/QĐ-UBND")
    ref = document.citing[0]

    async def scenario():
        app = make_app(index_dir, start="dashboard")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            await pilot.press("f4")
            await settle(pilot, 0)
            assert isinstance(app.screen, CitationsScreen)
            await pilot.press("slash", *keys_for("3041 qd"), "enter")
            await settle(pilot, 0)
            table = app.screen.query_one(LinkTable)
            assert [row.cells[0].plain for row in table.link_rows] == ["3041/QĐ-UBND"]
            await pilot.press("enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, CitingScreen)
            assert len(app.screen.items) == len(document.citing)
            context = str(app.screen.query_one("#citing-context").render())
            assert "3041" in context
            await pilot.press("enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.doc_id == ref.doc_id
            assert app.screen.query_one(ReportView).current_line == ref.line

    asyncio.run(scenario())


def test_search_filter_open_next_match_back(index_dir):
    library = open_library(index_dir)
    unit = "Sở Ngoại vụ"
    expected = library.search("tuyen truyen", limit=50, filters=Filters(unit=unit)).hits

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for("tuyen truyen"))
            await settle(pilot)
            await pilot.press("ctrl+f")
            await pilot.pause()
            app.screen.query_one("#filter-unit").value = unit
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, SearchScreen)
            assert [h.doc_id for h in app.screen.query_one(ResultList).hits] == [h.doc_id for h in expected]
            assert f"unit: {unit}" in status(app)
            await pilot.press("enter", "enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            view = app.screen.query_one(ReportView)
            first = view.current_line
            assert first == expected[0].lines[0].line
            await pilot.press("n")
            await pilot.pause()
            assert view.current_line == expected[0].lines[1].line
            assert status(app).startswith("match 2/")
            await pilot.press("escape")
            await settle(pilot, 0)
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.filters == Filters(unit=unit)

    asyncio.run(scenario())


def test_mark_two_compare_and_export_markdown(index_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_EXPORT_DIR", str(tmp_path))

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for("tuyen truyen"))
            await settle(pilot)
            await pilot.press("enter", "space", "down", "space")
            results = app.screen.query_one(ResultList)
            marked = list(results.marked)
            assert len(marked) == 2
            await pilot.press("down", "space")  # a third mark is refused, not swapped in
            assert results.marked == marked
            await pilot.press("c")
            await settle(pilot, 0)
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("m")
            await pilot.pause()
            exported = app.screen.exported
            assert exported is not None and exported.parent == tmp_path
            text = exported.read_text(encoding="utf-8")
            assert marked[0] in text and marked[1] in text
            assert str(exported) in status(app)

    asyncio.run(scenario())
