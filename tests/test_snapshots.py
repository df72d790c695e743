"""Snapshots of every screen at 80×24 and 120×40, in the dark theme and a light one.

Deterministic by construction: a fixed index of corpus/ at a fixed temporary path with a
fixed commit time, the reload clock off, timings hidden, the theme set by the test.
Update after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs under tests/__snapshots__/ before committing them.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_app_factory import CORPUS, build_index, make_app, settle

from cchc_tui.messages import CompareReports, ShowCitations

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
THEMES = ["textual-dark", "textual-light"]
FIXED_TIME = 1_767_225_600  # 2026-01-01 00:00 UTC: "last indexed" on the dashboard
A, B = "000_df440b9e58cad61c", "004_168e2d2b68016eeb"


@pytest.fixture(autouse=True)
def _colours(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)  # the pictures are of the themes' colours


@pytest.fixture(scope="module")
def snapshot_index() -> Iterator[Path]:
    root = Path(tempfile.gettempdir()) / "cchc-snapshots"  # fixed: the dashboard shows the index path
    # Two runs on one machine (a checkout and its CI clone) would rebuild each other's
    # index mid-run: the lock makes the second wait for the first module to finish.
    with open(f"{root}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield _fresh_index(root)


def _fresh_index(root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for source in sorted(CORPUS.glob("*.txt")):
        shutil.copy(source, corpus / source.name)
    index = build_index(corpus, root / "index")
    for meta in index.glob("**/meta.json"):  # the generation folder's commit file
        os.utime(meta, (FIXED_TIME, FIXED_TIME))
    return index


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(char, char) for char in text])


SCREENS = {
    "dashboard": ("dashboard", []),
    "search": ("search", ["type:tuyen truyen"]),
    "search-apart": ("search", ["type:mot cua so"]),  # one phrase hit, then hits marked "· words apart"
    "filters": ("search", ["type:tuyen truyen", "ctrl+f"]),
    "document": ("search", ["type:3041", "enter", "enter"]),
    "readable": ("search", ["type:3041", "enter", "enter", "r"]),
    "goto-line": ("search", ["type:3041", "enter", "enter", "ctrl+g"]),
    "compare": ("search", ["compare"]),
    "citations": ("dashboard", ["f4"]),
    "citing": ("dashboard", ["citing"]),
    "conflicts": ("dashboard", ["f5"]),
    "help": ("dashboard", ["f1"]),
}


def _steps(steps: list[str], theme: str):
    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await settle(pilot, 0)
        for step in steps:
            if step.startswith("type:"):
                await _type(pilot, step[5:])
                await settle(pilot)  # the search box waits for typing to pause
                continue
            elif step == "compare":
                pilot.app.post_message(CompareReports(A, B))
            elif step == "citing":
                pilot.app.post_message(ShowCitations("3041/QĐ-UBND"))
            else:
                await pilot.press(step)
            await settle(pilot, 0)
        pilot.app.clear_notifications()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture depend on the moment
        await settle(pilot, 0)
        for screen in pilot.app.screen_stack:  # the dashboard refits its tables after the last resize:
            overview = getattr(screen, "overview", None)  # draw it with the final widths, as a user sees it
            if overview is not None:
                screen.show_overview(overview)
        await settle(pilot, 0)

    return run_before


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, snapshot_index, screen, size, theme):
    start, steps = SCREENS[screen]
    app = make_app(snapshot_index, start=start)
    app.show_timings = False
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_steps(steps, theme))
