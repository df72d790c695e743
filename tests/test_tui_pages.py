"""The report view shows the page beside the line number in paged documents (PDF, Word, scans)."""
from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from cchc_tui.widgets.report_view import ReportView

PAGED = "BÁO CÁO\nTrang một\n\f\nTrang hai: Quyết định 3041/QĐ-UBND\nhết"


class OneView(App[None]):
    def compose(self) -> ComposeResult:
        yield ReportView()


def test_paged_text_shows_pages_in_the_gutter_and_a_rule_at_the_break():
    asyncio.run(_paged())


async def _paged() -> None:
    app = OneView()
    async with app.run_test(size=(80, 10)):
        view = app.query_one(ReportView)
        view.show_text(PAGED)
        assert view.paged
        assert [view.gutter_label(n) for n in (1, 2, 4, 5)] == ["p1 1", "p1 2", "p2 4", "p2 5"]
        assert view._line_text(3).plain == "──── page 2 ────"
        assert str(view.render_line(3).text).lstrip().startswith("p2 4")


def test_a_plain_report_keeps_bare_line_numbers():
    asyncio.run(_plain())


async def _plain() -> None:
    app = OneView()
    async with app.run_test(size=(80, 10)):
        view = app.query_one(ReportView)
        view.show_text("một\nhai")
        assert not view.paged and view.gutter_label(2) == "2"
