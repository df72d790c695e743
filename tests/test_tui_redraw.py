"""The search screen draws again only what a new result changed, and what it draws is what a
full repaint would draw (no line left over from the previous results)."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_tui_search_pages import REPORTS, write_reports
from tui_app_factory import build_index, keys_for, make_app, settle, shared_index

from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.facet_panel import FacetPanel
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.search_bar import SearchBar
from indexer.api import Hit, LineHit


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    return shared_index(tmp_path_factory)


def screen_strips(app) -> list:
    """The screen as composited now, each widget's cached lines included."""
    app.screen.query_one(SearchBar).cursor_blink = False  # (a blink between the two pictures is no difference)
    return app.screen._compositor.render_strips()


async def repainted(pilot) -> list:
    """The screen after every widget on it was drawn afresh (every cached line thrown away)."""
    for widget in pilot.app.screen.walk_children(with_self=True):
        widget.refresh()
    await pilot.pause()
    return screen_strips(pilot.app)


async def search(pilot, query: str) -> None:
    await pilot.press("escape") if pilot.app.screen.query_text else None
    await settle(pilot)
    await pilot.press(*keys_for(query))
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (160, 40)])  # without and with the preview
def test_each_new_result_on_screen_is_what_a_full_repaint_shows(index_dir: Path, size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = make_app(index_dir)
        async with app.run_test(size=size) as pilot:
            await settle(pilot, 0)
            for query in ["tuyen truyen", "cai cach hanh chinh", "3041", "mot cua", "zebrafoxtrot", "tuyen truyen"]:
                await search(pilot, query)
                assert screen_strips(app) == await repainted(pilot), query
            await pilot.press("down", "down", "down")  # into the results, then two hits down
            await pilot.pause()
            assert app.screen.query_one(ResultList).highlighted == 2
            assert screen_strips(app) == await repainted(pilot)

    asyncio.run(scenario())


def test_the_rest_of_the_hits_after_the_first_page_is_what_a_full_repaint_shows(tmp_path: Path) -> None:
    index = build_index(write_reports(tmp_path / "docs", REPORTS), tmp_path / "idx")

    async def scenario() -> None:
        app = make_app(index)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            await search(pilot, "thu tuc hanh chinh")
            assert len(app.screen.query_one(ResultList).hits) == REPORTS
            assert screen_strips(app) == await repainted(pilot)
            await pilot.press("down", "end")
            await pilot.pause()
            assert screen_strips(app) == await repainted(pilot)

    asyncio.run(scenario())


def hit(number: int, line: str = "một cửa") -> Hit:
    return Hit(f"doc{number}", f"doc{number}.txt", 1.0, "UBND", None, None, "2025-01-01", f"Báo cáo {number}",
               [LineHit(3, line, [(0, len(line))])])


def test_hits_listed_again_at_the_same_places_are_not_built_again(index_dir: Path) -> None:
    built: list[int] = []

    async def scenario() -> None:
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            results = app.screen.query_one(ResultList)
            prompt_at = results.prompt_at
            results.prompt_at = lambda index: built.append(index) or prompt_at(index)  # type: ignore[method-assign]
            results.show_hits([hit(k) for k in range(3)])
            await pilot.pause()
            first = list(built)
            built.clear()
            results.show_hits([hit(k) for k in range(3)] + [hit(9)], keep_position=True)  # the same three, one more
            await pilot.pause()
            again = list(built)
            built.clear()
            results.show_hits([hit(0), hit(1, "khác"), hit(2)], keep_position=True)  # the second shown otherwise
            await pilot.pause()
            assert screen_strips(app) == await repainted(pilot)
            return first, again, list(built)

    first, again, changed = asyncio.run(scenario())
    assert sorted(set(first)) == [0, 1, 2]
    assert again == [3]
    assert sorted(set(changed)) == [1, 2]


def test_facets_counted_as_before_draw_no_line_and_a_changed_count_its_line_only(index_dir: Path) -> None:
    facets = {"unit": {"Sở Nội vụ": 3, "Sở Y tế": 1}, "year": {"2025": 4}}

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            panel = screen.query_one(FacetPanel)
            panel.show_facets(facets)
            await pilot.pause()
            drawn: list[int] = []
            refresh_line = panel.refresh_line
            panel.refresh_line = lambda y: drawn.append(y) or refresh_line(y)  # type: ignore[method-assign]
            panel.show_facets({name: dict(counts) for name, counts in facets.items()})
            same = list(drawn)
            panel.show_facets({"unit": {"Sở Nội vụ": 3, "Sở Y tế": 2}, "year": {"2025": 4}})
            await pilot.pause()
            assert screen_strips(app) == await repainted(pilot)
            return same, drawn

    same, changed = asyncio.run(scenario())
    assert same == []
    assert changed == [2]  # Units, Sở Nội vụ, then Sở Y tế (its count)
