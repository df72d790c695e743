"""The coverage grid lists the units with most reports first, then one row that shows them all."""
from __future__ import annotations

from types import SimpleNamespace

from cchc_tui.dashboard_rows import WholeCoverage, coverage_rows
from indexer.api import Count, Coverage


def overview(units: int) -> SimpleNamespace:
    names = [f"UBND xã {k}" for k in range(units)]
    coverage = Coverage(names, ["t1", "t2"], {"t1": "Một cửa", "t2": "Chuyển đổi số"}, [[k % 3, 1] for k in range(units)])
    return SimpleNamespace(coverage=coverage, by_unit=[Count(name, 1, [f"d{k}"]) for k, name in enumerate(names)])


def test_past_the_limit_the_last_row_tells_how_many_more_and_shows_them_all():
    rows = coverage_rows(overview(7), limit=5)
    assert [row.cells[0].plain for row in rows[:5]] == [f"UBND xã {k}" for k in range(5)]
    assert rows[-1].cells[0].plain == "… 2 more (Enter: all)" and len(rows) == 6
    assert len(rows[-1].cells) == 3  # a cell under each column
    assert rows[-1].target is not None and isinstance(rows[-1].target(), WholeCoverage)


def test_within_the_limit_or_without_one_every_unit_is_listed_and_nothing_more():
    assert len(coverage_rows(overview(5), limit=5)) == 5
    assert len(coverage_rows(overview(7), limit=None)) == 7
    assert coverage_rows(overview(7), limit=None)[-1].cells[0].plain == "UBND xã 6"


def test_enter_on_the_last_row_of_the_grid_lists_every_unit(tmp_path_factory):
    import asyncio

    from tui_app_factory import make_app, settle, shared_index

    index_dir = shared_index(tmp_path_factory)

    async def scenario():
        app = make_app(index_dir, start="dashboard")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            screen = app.screen
            units = len(screen.overview.coverage.units)
            screen.coverage_units = 1
            screen.show_coverage(screen.overview)
            table = screen.query_one("#table-coverage")
            short = table.row_count
            table.focus()
            table.move_cursor(row=1, column=0)
            await pilot.press("enter")
            await pilot.pause()
            return units, short, table.row_count

    units, short, every = asyncio.run(scenario())
    assert units > 1 and short == 2
    assert every == units
