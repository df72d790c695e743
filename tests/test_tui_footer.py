"""The footer never cuts a key: at 80 and 100 columns every key shown is whole, F1 is always there."""
from __future__ import annotations

import asyncio

import pytest
from textual.widgets._footer import FooterKey
from tui_app_factory import make_app, settle, shared_index

from cchc_tui.messages import CompareReports
from cchc_tui.widgets.fit_footer import FitFooter, footer_width
from cchc_tui.widgets.result_list import ResultList

A, B = "000_df440b9e58cad61c", "004_168e2d2b68016eeb"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def footer_problems(app) -> tuple[list[str], list[str]]:
    """(the keys shown, the keys drawn past the footer's edge or under the palette key)."""
    footer = app.screen.query_one(FitFooter)
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    edge = palette[0].region.x if palette else footer.region.right
    shown = [str(key.render()).strip() for key in keys if not key.has_class("-command-palette")]
    cut = [str(key.render()).strip() for key in keys
           if not key.has_class("-command-palette") and key.region.right > edge]
    return shown, cut


async def _to(pilot, where: str) -> None:
    if where == "results":
        await pilot.press("t", "u", "y", "e", "n")
        await settle(pilot)
        pilot.app.screen.query_one(ResultList).focus()
    elif where == "compare":
        pilot.app.post_message(CompareReports(A, B))
    elif where == "report":
        await pilot.press("3", "0", "4", "1")
        await settle(pilot)
        await pilot.press("enter", "enter")
    await settle(pilot, 0)


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("where", ["dashboard", "results", "compare", "report"])
def test_every_footer_key_is_whole_and_help_is_shown(index_dir, where, width):
    async def scenario():
        app = make_app(index_dir, start="dashboard" if where == "dashboard" else "search")
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(pilot, 0)
            await _to(pilot, where)
            shown, cut = footer_problems(app)
            assert cut == []
            assert "f1 Help" in shown
            return shown

    shown = asyncio.run(scenario())
    assert len(shown) >= 3  # the screen's own keys still show, not only F1


@pytest.mark.parametrize("where", ["compare", "report"])
def test_a_wide_terminal_shows_every_key_where_the_estimate_says(index_dir, where):
    """The widths the footer fits by are the ones Textual lays out (keys, groups, labels)."""
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(200, 30)) as pilot:
            await settle(pilot, 0)
            await _to(pilot, where)
            items = [item for item in app.screen.query_one(FitFooter).children if not item.has_class("-command-palette")]
            steps = [(footer_width(item), after.region.x - item.region.x) for item, after in zip(items, items[1:])]
            return footer_problems(app)[0], steps

    shown, steps = asyncio.run(scenario())
    assert {"esc Back", "q Quit", "f1 Help"} <= set(shown)
    assert len(steps) >= 5 and all(estimate == laid_out for estimate, laid_out in steps)
