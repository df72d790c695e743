"""Builds the app: used by `cchc tui` (and bare `cchc`) and by the tests."""
from __future__ import annotations

from pathlib import Path

from cchc_tui.app import RELOAD_SECONDS, CchcApp
from indexer.api import Library


def create_app(
    index_dir: Path | None = None,
    *,
    library: Library | None = None,
    reload_seconds: float = RELOAD_SECONDS,
    initial_query: str = "",
) -> CchcApp:
    """The app over the index at `index_dir` (default location when None).

    Raises `CchcError` when there is no index, before any terminal setup, so the
    CLI can print the message and exit 1.
    """
    opened = library if library is not None else Library.open(index_dir)
    return CchcApp(opened, reload_seconds=reload_seconds, initial_query=initial_query)
