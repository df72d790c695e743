"""`/` on the search screen: what help says it does (go to the search box), and a character in a query."""
from __future__ import annotations

import asyncio
import io

import pytest
from rich.console import Console
from tui_app_factory import keys_for, make_app, settle, shared_index

from cchc_tui.screens.help import HelpScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.search_bar import SearchBar


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def shown(app) -> str:
    """The search box as painted (the text, not the widget's state)."""
    bar = app.screen.query_one(SearchBar)
    return "".join(segment.text for segment in bar.render_line(0)).strip()


def test_slash_from_the_dashboard_then_again_leaves_the_box_empty(index_dir):
    async def scenario():
        app = make_app(index_dir, start="dashboard")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            await pilot.press("slash")
            await settle(pilot, 0)
            assert isinstance(app.screen, SearchScreen)
            await pilot.press("slash")  # the help's "/ Search" again: no `/` typed into the empty box
            await settle(pilot)
            bar = app.screen.query_one(SearchBar)
            assert app.focused is bar and bar.value == ""
            assert "/" not in shown(app)

    asyncio.run(scenario())


def test_slash_from_the_results_goes_to_the_box_and_typing_replaces_the_query(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for("tuyen truyen"), "enter")
            await settle(pilot)
            assert isinstance(app.focused, ResultList)
            await pilot.press("slash")
            await pilot.pause()
            bar = app.screen.query_one(SearchBar)
            assert app.focused is bar and bar.value == "tuyen truyen"
            await pilot.press(*keys_for("mot cua"))
            await settle(pilot)
            assert bar.value == "mot cua" and shown(app).startswith("mot cua")

    asyncio.run(scenario())


def test_slash_inside_a_query_is_typed(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for("3041/qd"))
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "3041/qd"
            assert shown(app).startswith("3041/qd")
            assert app.screen.query_one(ResultList).hits  # the symbol is found

    asyncio.run(scenario())


def test_help_says_what_slash_does(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            console = Console(width=300, record=True, file=io.StringIO())  # wide: one row per binding
            console.print(app.screen.render_table())
            row = next(line for line in console.export_text().splitlines() if line.strip().startswith("/ "))
            assert "search box" in row and "3041/QĐ-UBND" in row

    asyncio.run(scenario())
