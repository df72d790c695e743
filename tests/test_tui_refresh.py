"""Another process commits to the index: the open app re-runs its query; facets filter."""
from __future__ import annotations

import asyncio
import shutil

from tui_app_factory import CORPUS, build_index, keys_for, make_app, open_library, settle

from cchc_tui.messages import IndexChanged
from cchc_tui.screens.search import SearchScreen, filters_for_facet
from cchc_tui.widgets.facet_panel import FacetPanel
from cchc_tui.widgets.result_list import ResultList
from indexer.api import update_index
from indexer.model import Filters

QUERY = "tuyen truyen"


def test_a_commit_by_another_writer_refreshes_the_results(tmp_path):
    sources = sorted(CORPUS.glob("*.txt"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in sources[:-1]:
        shutil.copy(source, corpus / source.name)
    index_dir = build_index(corpus, tmp_path / "index")
    late = sources[-1].stem
    messages = []

    async def scenario():
        app = make_app(index_dir, reload_seconds=0.2)
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await pilot.press(*keys_for(QUERY))
            await settle(pilot)
            before = [hit.doc_id for hit in app.screen.query_one(ResultList).hits]
            assert late not in before
            shutil.copy(sources[-1], corpus / sources[-1].name)
            await asyncio.to_thread(update_index, [corpus], index_dir)
            for _ in range(30):  # the poll runs every 0.2 s
                await settle(pilot, 0.2)
                after = [hit.doc_id for hit in app.screen.query_one(ResultList).hits]
                if late in after:
                    break
            assert late in after
            assert set(before) <= set(after)

    asyncio.run(scenario())
    assert any(isinstance(m, IndexChanged) for m in messages)


def test_picking_a_facet_value_filters_the_results(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index_dir = build_index(corpus, tmp_path / "index")
    library = open_library(index_dir)
    facets = library.search(QUERY, limit=50).facets
    unit, _count = max(facets["unit"].items(), key=lambda item: item[1])
    expected = library.search(QUERY, limit=50, filters=Filters(unit=unit))

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys_for(QUERY))
            await settle(pilot)
            panel = app.screen.query_one(FacetPanel)
            units = next(node for node in panel.root.children if node.data.facet == "unit")
            leaf = next(node for node in units.children if node.data.value == unit)
            panel.select_node(leaf)
            await settle(pilot, 0)
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            assert screen.filters == filters_for_facet(Filters(), "unit", unit)
            shown = [hit.doc_id for hit in screen.query_one(ResultList).hits]
            assert shown == [hit.doc_id for hit in expected.hits]

    assert 0 < expected.total < library.search(QUERY, limit=50).total
    asyncio.run(scenario())


def test_a_failing_index_check_is_reported_once_and_polling_goes_on(tmp_path):
    index_dir = build_index(shutil.copytree(CORPUS, tmp_path / "corpus"), tmp_path / "index")
    calls, notes = [], []

    async def scenario():
        app = make_app(index_dir, reload_seconds=0.1)
        app.notify = lambda message, **options: notes.append((message, options))

        def broken_reload():
            calls.append(1)
            raise OSError("index folder vanished [/]")

        app.library.reload = broken_reload
        async with app.run_test(size=(120, 40)) as pilot:
            # poll until three checks have run (a loaded machine starts the app late), at most 10 s
            for _ in range(100):
                await pilot.pause(0.1)
                if len(calls) >= 3:
                    break
            await app.workers.wait_for_complete()
            assert app.is_running


    asyncio.run(scenario())
    assert len(calls) >= 3
    assert [message for message, _ in notes] == ["internal error (OSError: index folder vanished [/]); please report it"]
    assert notes[0][1]["markup"] is False
