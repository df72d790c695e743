"""The result list as drawn: only what scrolls into view is built, and what is on screen follows the keys and the mouse."""
from __future__ import annotations

import asyncio

import pytest
from textual.geometry import Region
from tui_app_factory import keys_for, make_app, open_library, settle, shared_index

from cchc_tui.screens.document import DocumentScreen
from cchc_tui.widgets.result_list import ResultList

SMALL = (140, 16)  # room for two or three results (the rest below the fold), wide enough for doc ids


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def drawn(widget) -> str:
    """The widget's text as it is on screen now."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def test_only_the_results_in_view_are_drawn_and_end_scrolls_to_the_last(index_dir):
    every = open_library(index_dir).search("", limit=50).hits
    assert len(every) >= 4, "the sample corpus lists enough reports to scroll"

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            assert [hit.doc_id for hit in results.hits] == [hit.doc_id for hit in every]
            shown = drawn(results)
            assert every[0].doc_id in shown and every[-1].doc_id not in shown
            built = {key[0] for key in results._drawn}
            assert len(every) - 1 not in built, "a result below the fold was built before it was seen"
            results.focus()
            await pilot.press("end")
            await pilot.pause()
            shown = drawn(results)
            assert results.current_hit.doc_id == every[-1].doc_id
            assert every[-1].doc_id in shown and every[0].doc_id not in shown
            await pilot.press("home")
            await pilot.pause()
            assert every[0].doc_id in drawn(results)

    asyncio.run(scenario())


def test_pagedown_moves_past_what_was_on_screen(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            results.focus()
            on_first_screen = drawn(results)
            await pilot.press("pagedown")
            await pilot.pause()
            assert results.highlighted >= 2 and results.scroll_offset.y > 0
            assert results.hits[0].doc_id in on_first_screen and results.hits[0].doc_id not in drawn(results)
            assert results.current_hit.doc_id in drawn(results)
            await pilot.press("pageup")
            await pilot.pause()
            assert results.highlighted == 0

    asyncio.run(scenario())


def test_a_click_highlights_a_result_and_a_second_click_opens_it(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for("tuyen truyen"))
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            assert len(results.hits) >= 2
            second_row = results._starts[1] + 1  # the second result's title line
            await pilot.click(ResultList, offset=(10, second_row))
            await pilot.pause()
            assert results.highlighted == 1
            assert not isinstance(app.screen, DocumentScreen)
            await pilot.click(ResultList, offset=(10, second_row))
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.report.doc_id == results.hits[1].doc_id

    asyncio.run(scenario())


def test_a_mark_shows_on_the_result_at_once(index_dir):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press(*keys_for("tuyen truyen"))
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            results.focus()
            assert "●" not in drawn(results)
            await pilot.press("space")
            await pilot.pause()
            first_line = drawn(results).splitlines()[0]
            assert first_line.lstrip().startswith("●") and results.hits[0].doc_id in first_line

    asyncio.run(scenario())
