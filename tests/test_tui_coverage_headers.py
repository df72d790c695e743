"""The topic-coverage grid's headers use the width: labels over two lines, "…" only where cut."""
from __future__ import annotations

import asyncio

from textual.geometry import Region
from tui_app_factory import make_app, settle, shared_index

from cchc_tui.widgets.column_fit import share, wrapped_label


def drawn(widget) -> str:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def test_a_label_wraps_over_two_lines_and_ends_in_an_ellipsis_only_when_cut():
    assert wrapped_label("Chuyển đổi số", 9) == "Chuyển\nđổi số"
    assert wrapped_label("Chuyển đổi số", 20) == "Chuyển đổi số"
    assert wrapped_label("Cải cách thủ tục hành chính", 9) == "Cải cách\nthủ tục…"
    assert wrapped_label("Supercalifragilistic", 9) == "Supercal…"
    assert all(len(line) <= 9 for line in wrapped_label("Đề án 06, VNeID, dữ liệu dân cư", 9).split("\n"))


def test_columns_share_the_room_between_their_least_and_their_longest_label():
    assert share(100, 4, 9, 40) == 23
    assert share(100, 4, 9, 12) == 12
    assert share(20, 4, 9, 40) == 9


def test_the_coverage_headers_show_whole_words_over_two_lines_at_200_columns(tmp_path_factory):
    index_dir = shared_index(tmp_path_factory)

    async def scenario():
        app = make_app(index_dir, start="dashboard")
        async with app.run_test(size=(200, 60)) as pilot:
            await settle(pilot, 0)
            table = app.screen.query_one("#table-coverage")
            return table.header_height, drawn(table)

    height, text = asyncio.run(scenario())
    header, second = text.split("\n")[:2]
    assert height == 2
    assert "Chuyển" in header and "đổi số" in second  # was `Chuyển đ…` on one line
    assert "Chuyển đ…" not in text
