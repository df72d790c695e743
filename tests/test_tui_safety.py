"""Hostile report text shows literally: no markup, no actions, no terminal control."""
from __future__ import annotations

import asyncio

import pytest
from rich.text import Text
from textual.widgets._header import HeaderTitle
from tui_app_factory import HOSTILE_FILE, HOSTILE_WORD, keys_for, make_app, open_library, settle, shared_index

from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.rendering import hit_prompt
from cchc_tui.widgets.report_header import ReportHeader
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.result_list import ResultList

LITERALS = ["[@click=app.quit]bấm[/]", "[link=https://evil.example]liên kết[/link]", "[bold red]đỏ[/bold red]"]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def assert_inert(strips) -> None:
    for strip in strips:
        for segment in strip:
            assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in segment.text), segment
            style = segment.style
            if style is not None:
                assert not style.link and not style.meta, segment  # nothing clickable came from the text


def view_strips(view: ReportView):
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]


def test_result_prompt_keeps_markup_literal(index_dir):
    hit = open_library(index_dir).search(HOSTILE_WORD, limit=5).hits[0]
    prompt = hit_prompt(hit)
    assert isinstance(prompt, Text)
    assert "[@click=app.quit]" in prompt.plain
    assert HOSTILE_FILE.removesuffix(".txt") in prompt.plain  # the doc id, from the file name
    assert not any(span.style and "@click" in str(span.style) for span in prompt.spans)


def test_hostile_report_renders_literally_and_cannot_act(index_dir):
    library = open_library(index_dir)
    hits = library.search(HOSTILE_WORD, limit=5).hits
    assert hits, "the hostile report should be indexed and found"
    report = library.get(hits[0].doc_id)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press(*keys_for(HOSTILE_WORD))
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            assert [hit.doc_id for hit in results.hits] == [hit.doc_id for hit in hits]
            await pilot.click(ResultList, offset=(30, 2))  # on the literal "[@click=app.quit]" excerpt
            await settle(pilot, 0)
            assert app.is_running
            if not isinstance(app.screen, DocumentScreen):
                await pilot.press("enter")
                await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            view = app.screen.query_one(ReportView)
            view.goto_line(1)
            await pilot.pause()
            strips = view_strips(view)
            shown = "\n".join(strip.text for strip in strips)
            for literal in LITERALS:
                assert literal in shown
            if "\x1b" in report.text:
                assert "␛" in shown
            assert_inert(strips)
            title = app.screen.query_one(HeaderTitle)
            assert HOSTILE_FILE.removesuffix(".txt") in title.render().plain
            report_header = app.screen.query_one(ReportHeader).render()
            assert report_header is not None
            for y in range(view.scrollable_content_region.height):
                await pilot.click(ReportView, offset=(20, y))
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, DocumentScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, SearchScreen)

    asyncio.run(scenario())
