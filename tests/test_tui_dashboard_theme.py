"""A theme change redraws the dashboard in the new colours without reading the index again."""
from __future__ import annotations

import asyncio

from textual.widgets import Static
from tui_app_factory import make_app, settle, shared_index


def test_a_theme_change_restyles_the_dashboard_without_reading_the_overview_again(tmp_path_factory):
    index_dir = shared_index(tmp_path_factory)

    async def scenario():
        app = make_app(index_dir, start="dashboard")
        reads = []
        overview = app.overview
        app.overview = lambda: reads.append(1) or overview()  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0)
            before = str(app.screen.query_one("#dash-status", Static).render())
            app.theme = "textual-light"
            await settle(pilot, 0)
            return len(reads), before, str(app.screen.query_one("#dash-status", Static).render())

    reads, before, after = asyncio.run(scenario())
    assert reads == 1
    assert after == before and "6 reports" in after
