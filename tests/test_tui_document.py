"""The report screen: line numbers, highlighted matches, n/N, outline jumps, Escape, q."""
from __future__ import annotations

import asyncio
import io

import pytest
from rich.console import Console
from rich.style import Style
from tui_app_factory import make_app, open_library, settle, shared_index

from cchc_tui.messages import IndexChanged, OpenReport
from cchc_tui.palette import styles
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.section_tree import SectionTree
from cchc_tui.widgets.status_line import StatusLine

MATCH_BACKGROUND = Style.parse(styles().match).bgcolor


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def best_hit(index_dir, query: str):
    """The top hit with at least two matching lines (so n/N have somewhere to go)."""
    hits = [hit for hit in open_library(index_dir).search(query, limit=20).hits if len(hit.lines) >= 2]
    assert hits, f"no report has two lines matching {query!r}"
    return hits[0]


def highlighted_cells(strip) -> str:
    return "".join(segment.text for segment in strip if segment.style and segment.style.bgcolor == MATCH_BACKGROUND)


async def open_report(app, pilot, hit) -> ReportView:
    app.post_message(OpenReport(hit.doc_id, hit))
    await settle(pilot, 0)
    assert isinstance(app.screen, DocumentScreen)
    return app.screen.query_one(ReportView)


@pytest.mark.parametrize("query", ["quyet dinh", "cai cach hanh chinh", "tuyen truyen"])
def test_report_opens_at_the_first_match_with_number_and_highlight(index_dir, query):
    hit = best_hit(index_dir, query)
    first = hit.lines[0]

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await open_report(app, pilot, hit)
            assert view.current_line == first.line
            row = view.screen_row(first.line)
            assert row is not None
            strip = view.render_line(row)
            assert strip.text.lstrip().startswith(f"{first.line} ")
            marked = highlighted_cells(strip)
            start, end = first.spans[0]
            assert first.text[start:end] in marked
            assert f"match 1/{len(hit.lines)}" in str(app.screen.query_one(StatusLine).render())

    asyncio.run(scenario())


def test_n_and_shift_n_walk_the_matching_lines(index_dir):
    hits = [hit for hit in open_library(index_dir).search("quyet dinh", limit=20).hits if len(hit.lines) >= 3]
    hit = min(hits, key=lambda h: len(h.lines))
    lines = sorted(line_hit.line for line_hit in hit.lines)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await open_report(app, pilot, hit)
            visited = [view.current_line]
            for _ in lines[1:]:
                await pilot.press("n")
                visited.append(view.current_line)
            assert visited == lines
            await pilot.press("n")  # wraps around
            assert view.current_line == lines[0]
            await pilot.press("N")
            assert view.current_line == lines[-1]
            assert view.screen_row(lines[-1]) is not None  # scrolled into view

    asyncio.run(scenario())


def test_escape_goes_back_and_q_quits(index_dir):
    hit = best_hit(index_dir, "quyet dinh")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await open_report(app, pilot, hit)
            await pilot.press("escape")
            assert isinstance(app.screen, SearchScreen)
            await open_report(app, pilot, hit)
            await pilot.press("q")
            await pilot.pause()
        return app.return_code

    assert asyncio.run(scenario()) == 0


def test_choosing_a_section_jumps_to_its_line(index_dir):
    library = open_library(index_dir)
    report = next((r for r in library.reports() if len(r.info.sections) >= 2), None)
    if report is None:
        pytest.skip("the index has no report with parsed sections yet")
    target = report.info.sections[-1]

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            app.post_message(OpenReport(report.doc_id))
            await settle(pilot, 0)
            await pilot.press("1")
            tree = app.screen.query_one(SectionTree)
            assert app.focused is tree
            node = next(n for n in tree.root.children if n.data is target or (n.data and n.data.line == target.line))
            tree.select_node(node)
            await pilot.pause()
            view = app.screen.query_one(ReportView)
            assert view.current_line == target.line
            assert view.screen_row(target.line) is not None

    asyncio.run(scenario())


def test_go_to_line_modal(index_dir):
    hit = best_hit(index_dir, "quyet dinh")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await open_report(app, pilot, hit)
            await pilot.press("ctrl+g")
            await pilot.press("1", "2", "0", "enter")
            await pilot.pause()
            assert view.current_line == min(120, len(view.lines))
            assert view.screen_row(view.current_line) is not None

    asyncio.run(scenario())


def test_choosing_a_topic_jumps_and_n_walks_its_lines_until_m(index_dir):
    hit = best_hit(index_dir, "cai cach hanh chinh")
    report = open_library(index_dir).get(hit.doc_id)
    topic = next((t for t in report.info.topics if len(t.lines) >= 2), None)
    if topic is None:
        pytest.skip("no topic with two lines in this report")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await open_report(app, pilot, hit)
            await pilot.press("3")
            topics = app.screen.query_one("#topic-list")
            assert app.focused is topics
            index = [item.name for item in topics.items].index(topic.label)
            topics.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert view.current_line == topic.lines[0]
            await pilot.press("n")
            assert view.current_line == sorted(topic.lines)[1]
            assert topic.label in str(app.screen.query_one(StatusLine).render())
            await pilot.press("m")
            assert view.current_line == sorted(line_hit.line for line_hit in hit.lines)[0]

    asyncio.run(scenario())


def test_an_index_change_reloads_the_report_at_the_same_line(index_dir):
    hit = best_hit(index_dir, "quyet dinh")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await open_report(app, pilot, hit)
            first_copy = app.screen.report
            view.goto_line(40)
            app.screen.post_message(IndexChanged())
            await settle(pilot, 0)
            assert app.screen.report is not first_copy  # read again from the index
            assert view.current_line == 40

    asyncio.run(scenario())


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 50)])
def test_the_first_match_is_in_view_at_any_terminal_size(index_dir, size):
    hit = best_hit(index_dir, "mot cua")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=size) as pilot:
            view = await open_report(app, pilot, hit)
            await pilot.pause()
            assert view.current_line == hit.lines[0].line
            assert view.screen_row(view.current_line) is not None
            outline = app.screen.query_one("#outline")
            assert outline.display == (size[0] >= 100)
            await pilot.press("ctrl+b")  # toggling the outline re-wraps; the line stays in view
            await pilot.pause()
            assert view.screen_row(view.current_line) is not None

    asyncio.run(scenario())


def test_a_keymap_rebinds_by_binding_id_and_help_shows_it(index_dir):
    hit = best_hit(index_dir, "quyet dinh")
    lines = sorted(line_hit.line for line_hit in hit.lines)

    async def scenario():
        app = make_app(index_dir, keymap={"report.next": "j"})
        async with app.run_test(size=(140, 45)) as pilot:
            view = await open_report(app, pilot, hit)
            await pilot.press("n")  # rebound away
            assert view.current_line == lines[0]
            await pilot.press("j")
            assert view.current_line == lines[1]
            await pilot.press("f1")
            await pilot.pause()
            console = Console(width=200, record=True, file=io.StringIO())
            console.print(app.screen.render_table())
            rows = [" ".join(line.split()) for line in console.export_text().splitlines()]
            assert any(row.startswith("j Next match") and row.endswith("report.next") for row in rows)

    asyncio.run(scenario())
