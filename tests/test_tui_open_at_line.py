"""A report opened at a line shows that line in the first frame its text appears: no flash of line 1."""
from __future__ import annotations

import asyncio

import pytest
from tui_app_factory import make_app, settle, shared_index

from cchc_tui.screens.document import DocumentScreen
from cchc_tui.widgets.report_view import ReportView

TARGET = 120  # far down a sample report: line 1 is off screen once placed


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def _record_top_lines(monkeypatch) -> list[int]:
    """The source line of the top screen row, each time a frame paints the text."""
    tops: list[int] = []
    render = ReportView.render_line

    def recording(self, y):
        strip = render(self, y)
        if y == 0 and self._rows:
            tops.append(self._rows[min(int(self.scroll_offset.y), len(self._rows) - 1)].line)
        return strip

    monkeypatch.setattr(ReportView, "render_line", recording)
    return tops


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_report_opened_at_a_line_never_paints_line_one(index_dir, monkeypatch, size):
    tops = _record_top_lines(monkeypatch)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=size) as pilot:
            await settle(pilot, 0)
            await app.push_screen(DocumentScreen("002_21e941790add82e5", line=TARGET))
            for _ in range(6):  # frame by frame while the worker loads and the view lays out
                await pilot.pause()
            await settle(pilot, 0)
            view = app.screen.query_one(ReportView)
            assert view.current_line == TARGET
            assert view.screen_row(TARGET) is not None
            first, last = view.visible_lines()
            assert first <= TARGET <= last

    asyncio.run(scenario())
    assert tops, "the text was never painted"
    assert all(top > 1 for top in tops), f"line 1 painted before the target: tops {tops[:8]}"


def test_a_report_opened_from_a_search_hit_paints_its_first_match_first(index_dir, monkeypatch):
    from tui_app_factory import open_library

    from cchc_tui.messages import OpenReport

    hit = next(h for h in open_library(index_dir).search("kien toan", limit=20).hits if h.lines[0].line > 40)
    tops = _record_top_lines(monkeypatch)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, 0)
            tops.clear()  # the search screen's own frames do not count
            app.post_message(OpenReport(hit.doc_id, hit))
            await settle(pilot, 0)
            assert app.screen.query_one(ReportView).screen_row(hit.lines[0].line) is not None

    asyncio.run(scenario())
    assert tops and all(top > 1 for top in tops), f"line 1 painted before the first match: tops {tops[:8]}"
