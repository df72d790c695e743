"""The search screen over a real index built from the sample corpus."""
from __future__ import annotations

import asyncio
import time

import pytest
from tui_app_factory import keys_for, make_app, open_library, settle, shared_index

from cchc_tui.messages import OpenReport
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.search_bar import SearchBar
from cchc_tui.widgets.status_line import StatusLine
from cchc_tui.widgets.suggestion_bar import SuggestionBar
from indexer.errors import CchcError
from indexer.model import Filters

QUERIES = ["quyet dinh 3041", "cải cách hành chính", "tuyen truyen", "3041/QĐ-UBND"]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def posted(messages, kind) -> list:
    """Each message once (the hook sees a bubbling message at every node it visits)."""
    return list({id(m): m for m in messages if isinstance(m, kind)}.values())


def status_text(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def type_query(pilot, query: str) -> None:
    await pilot.press(*keys_for(query))
    await settle(pilot)


@pytest.mark.parametrize("query", QUERIES)
def test_typing_a_query_lists_what_the_library_finds(index_dir, query):
    expected = open_library(index_dir).search(query, limit=50)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, query)
            results = app.screen.query_one(ResultList)
            assert [hit.doc_id for hit in results.hits] == [hit.doc_id for hit in expected.hits]
            assert expected.total > 0
            assert f"{expected.total} report" in status_text(app)
            assert " ms" in status_text(app)

    asyncio.run(scenario())


def test_typing_is_debounced(index_dir):
    query = "quyet dinh 3041"
    messages = []

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await type_query(pilot, query)

    asyncio.run(scenario())
    changes = [m.query for m in posted(messages, SearchBar.QueryChanged)]
    assert changes and changes[-1] == query
    assert len(changes) < len(query) // 2  # keystrokes were coalesced


def test_empty_query_browses_every_report(index_dir):
    every = [report.doc_id for report in open_library(index_dir).reports()]

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            shown = [hit.doc_id for hit in app.screen.query_one(ResultList).hits]
            assert sorted(shown) == sorted(every)
            assert f"{len(every)} reports indexed" in status_text(app)

    asyncio.run(scenario())


def test_no_match_shows_zero_and_the_library_suggestions(index_dir):
    query = "qxzvw"
    expected = open_library(index_dir).search(query, limit=50)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, query)
            assert app.screen.query_one(ResultList).hits == []
            assert "0 reports match" in status_text(app)
            bar = app.screen.query_one(SuggestionBar)
            assert bar.suggestions == expected.suggestions
            assert bar.has_class("-visible") == bool(expected.suggestions)

    assert expected.total == 0
    asyncio.run(scenario())


def test_enter_opens_the_highlighted_report_and_escape_returns(index_dir):
    query = "quyet dinh"
    messages = []

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await type_query(pilot, query)
            await pilot.press("enter")  # from the input to the results
            assert isinstance(app.focused, ResultList)
            await pilot.press("down")
            second = app.screen.query_one(ResultList).current_hit
            await pilot.press("enter")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.doc_id == second.doc_id
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.query_one(SearchBar).value == query
            assert app.screen.query_one(ResultList).current_hit.doc_id == second.doc_id

    asyncio.run(scenario())
    opened = posted(messages, OpenReport)
    assert len(opened) == 1 and opened[0].hit is not None


def test_a_cites_filter_from_the_filter_modal_narrows_results(index_dir):
    symbol = "3041/QĐ-UBND"
    expected = open_library(index_dir).search("", limit=50, filters=Filters(cites=symbol))

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+f")
            await pilot.pause()
            await pilot.click("#filter-cites")
            app.screen.query_one("#filter-cites").value = symbol
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.filters == Filters(cites=symbol)
            shown = [hit.doc_id for hit in app.screen.query_one(ResultList).hits]
            assert shown == [hit.doc_id for hit in expected.hits]
            assert "cites: 3041/QĐ-UBND" in status_text(app)
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert app.screen.filters == Filters()

    assert expected.total > 0
    asyncio.run(scenario())


def test_a_new_query_starts_at_the_top_and_a_refresh_keeps_the_place(index_dir):
    library = open_library(index_dir)
    candidates = ["quyet dinh", "cai cach hanh chinh", "tuyen truyen", "ke hoach", "bao cao", "chuyen doi so"]

    def second_query_ranking_lower(doc_id: str) -> str:
        for query in candidates:
            ranked = [hit.doc_id for hit in library.search(query, limit=50).hits]
            if doc_id in ranked[1:]:
                return query
        raise AssertionError(f"no candidate query ranks {doc_id} below the top")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "tuyen")
            results = app.screen.query_one(ResultList)
            await pilot.press("enter", "down", "down")
            place = results.current_hit.doc_id
            app.screen.refresh_search()  # what an index commit triggers
            await settle(pilot, 0)
            assert results.current_hit.doc_id == place
            await pilot.press("escape", "escape")  # back to the query, then clear it
            assert app.screen.query_one(SearchBar).value == ""
            await type_query(pilot, second_query_ranking_lower(place))
            assert results.highlighted == 0 and results.current_hit.doc_id != place

    asyncio.run(scenario())


FAILURE_CASES = [
    ("engine error", CchcError("bad query: try again"), "bad query: try again"),
    ("bug", RuntimeError("boom"), "internal error (RuntimeError: boom)"),
]


@pytest.mark.parametrize(("name", "error", "shown"), FAILURE_CASES, ids=[c[0] for c in FAILURE_CASES])
def test_a_failing_search_says_why_and_clears_the_list(index_dir, name, error, shown):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "quyet dinh")
            assert app.screen.query_one(ResultList).hits

            def fail(*_args, **_kwargs):
                raise error

            app.library.search = fail
            await type_query(pilot, " 3041")
            assert app.screen.query_one(ResultList).hits == []
            assert shown in status_text(app)
            assert app.is_running

    asyncio.run(scenario())


@pytest.mark.parametrize("query", ["[/]", "--"])
def test_a_query_without_words_browses(index_dir, query):
    every = sorted(report.doc_id for report in open_library(index_dir).reports())

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, query)
            assert app.screen.query_one(SearchBar).value == query
            assert sorted(hit.doc_id for hit in app.screen.query_one(ResultList).hits) == every

    asyncio.run(scenario())


def test_a_slow_older_search_never_overwrites_a_newer_one(index_dir):
    expected = open_library(index_dir).search("quyet dinh 3041", limit=50)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            real_search = app.search

            def slow_for_the_first_query(query, filters, limit=50):
                result = real_search(query, filters, limit)
                if query == "quyet dinh":
                    time.sleep(0.6)  # outside the index lock: the newer search overtakes it
                return result

            app.search = slow_for_the_first_query
            await pilot.press(*keys_for("quyet dinh"))
            await pilot.pause(0.3)  # the slow search is running
            await type_query(pilot, " 3041")
            await pilot.pause(0.8)  # the cancelled thread still runs to its end
            await settle(pilot, 0)
            results = app.screen.query_one(ResultList)
            assert app.screen.last_result.query == "quyet dinh 3041"
            assert [hit.doc_id for hit in results.hits] == [hit.doc_id for hit in expected.hits]

    asyncio.run(scenario())


def test_choosing_a_suggestion_searches_for_it(index_dir):
    library = open_library(index_dir)
    candidates = ["AND", "OR OR", "qx", "zq", "ww"]
    query = next((q for q in candidates if (r := library.search(q, limit=50)).total == 0 and r.suggestions), None)
    if query is None:
        pytest.skip("the engine suggests nothing for these candidates")
    suggestion = library.search(query, limit=50).suggestions[0]
    expected = library.search(suggestion, limit=50)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, query)
            bar = app.screen.query_one(SuggestionBar)
            assert bar.has_class("-visible")
            bar.focus()
            bar.highlighted = 0
            await pilot.press("enter")
            await settle(pilot, 0)
            assert app.screen.query_one(SearchBar).value == suggestion
            assert [hit.doc_id for hit in app.screen.query_one(ResultList).hits] == [hit.doc_id for hit in expected.hits]
            assert not bar.has_class("-visible")

    asyncio.run(scenario())


@pytest.mark.parametrize("query", ["chi dao kiem tra", "quyet dinh tuyen truyen", "tuyen truyen cai cach"])
def test_results_whose_words_are_apart_say_so(index_dir, query):
    from cchc_tui.palette import styles
    from cchc_tui.widgets.rendering import SCATTERED_NOTE

    expected = {hit.doc_id: hit.scattered for hit in open_library(index_dir).search(query, limit=50).hits}
    assert expected

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, query)
            results = app.screen.query_one(ResultList)
            assert [hit.doc_id for hit in results.hits] == list(expected)
            for index, hit in enumerate(results.hits):
                prompt = results.prompt_at(index)
                note = SCATTERED_NOTE.strip()
                assert (note in prompt.plain) == expected[hit.doc_id], prompt.plain
                if expected[hit.doc_id]:
                    start = prompt.plain.index(note)
                    styled = {str(span.style) for span in prompt.spans if span.start <= start < span.end}
                    assert any(styles().muted in style for style in styled), styled

    asyncio.run(scenario())
