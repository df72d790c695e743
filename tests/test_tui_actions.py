"""The app's own actions, checked on what the screen shows: theme kept across restarts, a keymap
warning, `y` copy, `o` open, the readable toggle `r`, narrowing ctrl+n and the command palette."""
from __future__ import annotations

import asyncio
import contextlib
import subprocess

import pytest
from textual.command import CommandPalette
from textual.widgets._toast import Toast
from tui_app_factory import keys_for, make_app, open_library, settle, shared_index

from cchc_tui.messages import OpenReport
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.status_line import StatusLine
from indexer.api import readable_lines


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def toasts(app) -> list[str]:
    """The notifications drawn on the current screen (run_test needs notifications=True)."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


def shown_line(view: ReportView, line: int) -> str:
    row = view.screen_row(line)
    assert row is not None, f"line {line} not in view"
    return view.render_line(row).text


def test_the_chosen_theme_is_there_after_a_restart(index_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    async def run(change_to: str | None) -> str:
        app = make_app(index_dir, remember_theme=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, 0)
            if change_to:
                app.theme = change_to
                await pilot.pause()
            return app.theme

    async def scenario():
        first = await run(None)
        assert first != "solarized-light"
        await run("solarized-light")
        assert await run(None) == "solarized-light"

    asyncio.run(scenario())
    assert (tmp_path / "config" / "cchc" / "config.json").is_file()


def test_an_unknown_keymap_id_is_named_in_a_warning(index_dir, monkeypatch):
    monkeypatch.setenv("CCHC_KEYMAP", "report.next=j,report.nope=k")

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot, 0)
            shown = toasts(app)
            assert any("report.nope" in text and "CCHC_KEYMAP" in text for text in shown), shown
            assert not any("report.next" in text for text in shown)

    asyncio.run(scenario())


def first_hit(index_dir, query: str = "quyet dinh"):
    hits = [hit for hit in open_library(index_dir).search(query, limit=20).hits if hit.lines]
    assert hits
    return hits[0]


async def open_at(app, pilot, hit) -> ReportView:
    app.post_message(OpenReport(hit.doc_id, hit))
    await settle(pilot, 0)
    assert isinstance(app.screen, DocumentScreen)
    return app.screen.query_one(ReportView)


def toasts_after_pressing(index_dir, hit, key: str, prepare=None) -> list[str]:
    """Open `hit`'s report at its line, press `key`: the notifications shown then."""
    shown: list[str] = []

    async def scenario():
        app = make_app(index_dir)
        if prepare is not None:
            prepare(app)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await open_at(app, pilot, hit)
            await pilot.press(key)
            await pilot.pause()
            shown.extend(toasts(app))

    asyncio.run(scenario())
    return shown


def test_y_copies_the_line_with_its_reference(index_dir, monkeypatch):
    hit = first_hit(index_dir)
    report = open_library(index_dir).get(hit.doc_id)
    line = hit.lines[0].line
    copied: list[str] = []
    shown = toasts_after_pressing(index_dir, hit, "y", lambda app: monkeypatch.setattr(app, "copy_to_clipboard", copied.append))
    assert any(f"Copied line {line}" in text for text in shown)
    assert len(copied) == 1
    text, reference = copied[0].split("\n— ")
    assert text == report.line_text(line).strip()
    parts = reference.split(" · ")
    assert parts[0] == hit.doc_id and parts[-1] == f"l.{line}"
    for value in (report.info.unit, report.info.symbol):
        assert value is None or value in parts


def test_o_opens_the_editor_at_the_current_line(index_dir, monkeypatch):
    hit = first_hit(index_dir)
    line = hit.lines[0].line
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "myeditor --flag")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(subprocess, "run", lambda command, **_: calls.append(command))
    # A headless app cannot give the terminal away: stand in for suspend().
    shown = toasts_after_pressing(index_dir, hit, "o", lambda app: monkeypatch.setattr(app, "suspend", contextlib.nullcontext))
    assert not any("Could not" in text for text in shown)
    assert calls == [["myeditor", "--flag", f"+{line}", hit.path]]


def test_o_without_an_editor_says_what_to_set(index_dir, monkeypatch):
    hit = first_hit(index_dir)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    assert any("$EDITOR" in text for text in toasts_after_pressing(index_dir, hit, "o"))


def restorable(index_dir):
    """A hit and one of its lines that the readable view changes (an unaccented report)."""
    library = open_library(index_dir)
    for hit in library.search("", limit=200).hits:
        report = library.get(hit.doc_id)
        for number, (raw, fixed) in enumerate(zip(report.text.split("\n"), readable_lines(report.text), strict=False), 1):
            if number > 30:
                break
            if raw.strip() and raw != fixed:
                return hit, number, raw, fixed
    pytest.fail("no report whose readable view differs")


def test_r_shows_the_readable_text_and_back_at_the_same_line(index_dir):
    hit, line, raw, fixed = restorable(index_dir)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(160, 45)) as pilot:
            view = await open_at(app, pilot, hit)
            view.goto_line(line)
            await pilot.pause()
            before = shown_line(view, line)
            assert raw.strip()[:20] in before
            await pilot.press("r")
            await settle(pilot, 0)
            after = shown_line(view, line)
            assert fixed.strip()[:20] in after and after != before
            assert view.current_line == line
            await pilot.press("r")
            await pilot.pause()
            assert shown_line(view, line) == before

    asyncio.run(scenario())


def test_ctrl_n_narrows_later_searches_to_the_current_results(index_dir):
    library = open_library(index_dir)
    first = {h.doc_id for h in library.search("quyet dinh", limit=500).hits}
    second = {h.doc_id for h in library.search("tuyen truyen", limit=500).hits}
    assert second - first, "the second query must find reports outside the first"

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.press(*keys_for("quyet dinh"))
            await settle(pilot)
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert isinstance(app.screen, SearchScreen)
            assert f"{len(first)} found by “quyet dinh”" in status(app)
            await pilot.press(*keys_for("tuyen truyen"))
            await settle(pilot)
            shown = {h.doc_id for h in app.screen.query_one(ResultList).hits}
            assert shown == first & second
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert {h.doc_id for h in app.screen.query_one(ResultList).hits} == second

    asyncio.run(scenario())


@pytest.mark.parametrize(("typed", "expected"), [
    ("go to the dash", "Go to the dashboard"),
    ("go to conflicts", "Go to conflicts"),
    ("go to citations", "Go to citations"),
    ("readable", "Readable"),
    ("copy", "Copy"),
    ("open report 00", "Open report 00"),
    ("theme", "theme"),
])
def test_the_palette_offers_the_app_actions(index_dir, typed, expected):
    hit = first_hit(index_dir)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await open_at(app, pilot, hit)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*keys_for(typed))
            await pilot.pause(0.5)
            await pilot.pause()
            options = app.screen.query_one("CommandList")
            prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
            assert any(expected in prompt for prompt in prompts), prompts

    asyncio.run(scenario())
