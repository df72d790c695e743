"""Builds real indexes and apps for the TUI tests (the same `create_app` as `cchc tui`)."""
from __future__ import annotations

import shutil
from pathlib import Path

from cchc_tui.app import CchcApp
from cchc_tui.factory import create_app
from indexer.api import Library, update_index

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

HOSTILE_WORD = "zebrafoxtrot"  # a word no real report contains, to find the hostile one
HOSTILE_FILE = "999_[bold]hostile[@click=app.quit].txt"  # file names are untrusted too
HOSTILE_LINES = [
    "UBND THÀNH PHỐ HẢI PHÒNG",
    "BÁO CÁO thử nghiệm hiển thị",
    f"Dòng {HOSTILE_WORD} [@click=app.quit]bấm[/] và [/] và [link=https://evil.example]liên kết[/link]",
    "Dòng có mã điều khiển \x1b[2J\x1b]0;pwned\x07 và [bold red]đỏ[/bold red] cuối dòng",
    f"Lặp lại {HOSTILE_WORD} [@click=app.push_screen('help')]x[/]",
]


def write_hostile_report(folder: Path) -> Path:
    path = folder / HOSTILE_FILE
    path.write_text("\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    return path


def build_corpus(folder: Path, *, hostile: bool = True) -> Path:
    """A copy of the sample corpus (plus the hostile report) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(CORPUS.glob("*.txt")):
        shutil.copy(source, folder / source.name)
    if hostile:
        write_hostile_report(folder)
    return folder


def build_index(corpus_dir: Path, index_dir: Path) -> Path:
    update_index([corpus_dir], index_dir, rebuild=True)
    return index_dir


def make_app(index_dir: Path, **kwargs) -> CchcApp:
    """The app over a real index; no reload polling unless asked (tests drive reloads)."""
    kwargs.setdefault("reload_seconds", 0)
    kwargs.setdefault("remember_theme", False)  # never read or write the user's config
    kwargs.setdefault("start", "search")  # most tests exercise search; the flow tests start on the dashboard
    return create_app(index_dir, **kwargs)


def open_library(index_dir: Path) -> Library:
    return Library.open(index_dir)


KEY_NAMES = {" ": "space", "/": "slash", "-": "minus", ".": "full_stop", ":": "colon"}


def keys_for(text: str) -> list[str]:
    """Pilot key names that type `text`."""
    return [KEY_NAMES.get(char, char) for char in text]


async def settle(pilot, debounce: float = 0.3) -> None:
    """Let the debounce timer fire, the thread workers finish and the screen update."""
    await pilot.pause(debounce)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


_SHARED: dict[str, Path] = {}


def shared_index(tmp_path_factory) -> Path:
    """One read-only index (sample corpus + the hostile report) for every TUI test module."""
    if "index" not in _SHARED:
        root = tmp_path_factory.mktemp("tui-shared")
        _SHARED["index"] = build_index(build_corpus(root / "corpus"), root / "index")
    return _SHARED["index"]
