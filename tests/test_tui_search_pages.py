"""A typed search shows its first page of hits first, then the rest, the highlight kept in between."""
from __future__ import annotations

import asyncio
from pathlib import Path

from tui_app_factory import build_index, keys_for, make_app, settle

from cchc_tui.app import FIRST_PAGE, SEARCH_LIMIT
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.status_line import StatusLine

REPORTS = FIRST_PAGE + 7  # more than a first page, fewer than the limit: every one ends up listed


def write_reports(folder: Path, count: int) -> Path:
    folder.mkdir()
    for k in range(count):
        (folder / f"bc{k:02d}.txt").write_text(
            f"UBND PHƯỜNG {k + 1}\nBÁO CÁO\nKết quả rà soát thủ tục hành chính quý {k % 4 + 1}\n"
            + "Rà soát thủ tục hành chính tại bộ phận một cửa.\n" * (1 + k % 3), encoding="utf-8")
    return folder


def test_the_first_page_comes_first_then_every_hit(tmp_path: Path) -> None:
    index_dir = build_index(write_reports(tmp_path / "docs", REPORTS), tmp_path / "idx")
    shown: list[int] = []

    async def scenario() -> None:
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            show_result = screen.show_result

            def counted(*args, **kwargs):
                shown.append(len(args[3].hits))
                return show_result(*args, **kwargs)

            screen.show_result = counted  # type: ignore[method-assign]
            await pilot.press(*keys_for("thu tuc hanh chinh"))
            await settle(pilot)
            results = screen.query_one(ResultList)
            assert len(results.hits) == REPORTS
            assert f"{REPORTS} reports" in str(screen.query_one(StatusLine).render())

    asyncio.run(scenario())
    assert shown[-2:] == [FIRST_PAGE, REPORTS]
    assert FIRST_PAGE < REPORTS <= SEARCH_LIMIT


def test_a_search_within_the_first_page_asks_once(tmp_path: Path) -> None:
    index_dir = build_index(write_reports(tmp_path / "docs", 3), tmp_path / "idx")
    asked: list[int] = []

    async def scenario() -> None:
        app = make_app(index_dir)
        search = app.search
        app.search = lambda query, filters, limit=SEARCH_LIMIT: asked.append(limit) or search(query, filters, limit)  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            asked.clear()
            await pilot.press(*keys_for("thu tuc hanh chinh"))
            await settle(pilot)
            assert len(app.screen.query_one(ResultList).hits) == 3

    asyncio.run(scenario())
    assert asked[-1:] == [FIRST_PAGE] and asked.count(SEARCH_LIMIT) == 0


def test_browsing_lists_its_reports_at_once() -> None:
    from cchc_tui.app import BROWSE_LIMIT, CchcApp

    assert CchcApp.search_pages("") == (BROWSE_LIMIT,) == CchcApp.search_pages("  \"\" ")
    assert CchcApp.search_pages("một cửa") == (FIRST_PAGE, SEARCH_LIMIT)


def test_the_rest_is_searched_once_the_first_page_is_painted(tmp_path: Path) -> None:
    index_dir = build_index(write_reports(tmp_path / "docs", REPORTS), tmp_path / "idx")
    events: list[str] = []

    async def scenario() -> None:
        app = make_app(index_dir)
        search = app.search

        def logged(query, filters, limit=SEARCH_LIMIT):
            events.append(f"search {limit}")
            return search(query, filters, limit)

        app.search = logged  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            painted = screen._painted

            def noted(*args, **kwargs):
                events.append("painted")
                return painted(*args, **kwargs)

            screen._painted = noted  # type: ignore[method-assign]
            events.clear()
            await pilot.press(*keys_for("thu tuc hanh chinh"))
            await settle(pilot)

    asyncio.run(scenario())
    first = events.index(f"search {FIRST_PAGE}", len(events) - 4)
    assert events[first:first + 4] == [f"search {FIRST_PAGE}", "painted", f"search {SEARCH_LIMIT}", "painted"]
