"""The cchc Textual app: search the index, read a report, compare two."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from cchc_tui.messages import CompareReports, IndexChanged, OpenReport
from cchc_tui.screens.compare import CompareScreen
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.help import HelpScreen, own_bindings
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.status_line import failure_message
from indexer.api import Comparison, Filters, Library, Report, SearchResult, compare_reports

RELOAD_SECONDS = 3.0
SEARCH_LIMIT = 50
BROWSE_LIMIT = 200  # rows listed when browsing; the count and facets cover every report

T = TypeVar("T")


class CchcApp(App[None]):
    """Owns the `Library`; screens call it through the locked helpers below, from worker threads."""

    TITLE = "cchc"
    SUB_TITLE = "CCHC reports"
    CSS_PATH = "app.tcss"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave cchc"),
        Binding("f1", "help", "Help", id="app.help", tooltip="Show every key of this screen"),
        Binding("question_mark", "help", "Help", show=False, id="app.help-alt"),
    ]

    def __init__(self, library: Library, *, reload_seconds: float = RELOAD_SECONDS, initial_query: str = "") -> None:
        super().__init__()
        self.library = library
        self.reload_seconds = reload_seconds
        self.initial_query = initial_query
        # tantivy searchers are shared: one index call at a time across workers.
        self._index_lock = threading.Lock()
        self._reload_failing = False

    # -- index access (call from thread workers) -----------------------------

    def _locked(self, call: Callable[[], T]) -> T:
        with self._index_lock:
            return call()

    def search(self, query: str, filters: Filters, limit: int = SEARCH_LIMIT) -> SearchResult:
        """Hits for `query`; with no words, every report the filters admit, newest first (browsing)."""
        limit = limit if any(char.isalnum() for char in query) else BROWSE_LIMIT
        return self._locked(lambda: self.library.search(query, limit=limit, filters=filters))

    def get_report(self, doc_id: str) -> Report:
        return self._locked(lambda: self.library.get(doc_id))

    @cached_property
    def topic_labels(self) -> dict[str, str]:
        """Topic id -> label, for facets (first use in a worker: the taxonomy loads)."""
        from indexer.api import topic_labels

        return topic_labels()

    def compare(self, left: str, right: str) -> Comparison:
        """The engine's comparison of two indexed reports (pure computation once both are read)."""
        return compare_reports(self.get_report(left), self.get_report(right))

    # -- lifecycle -----------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(initial_query=self.initial_query))
        if self.reload_seconds > 0:
            self.set_interval(self.reload_seconds, self.check_index)

    @work(exclusive=True, thread=True, group="reload", exit_on_error=False)
    def check_index(self) -> None:
        """Poll for commits by another process (`cchc index` running elsewhere)."""
        try:
            changed = self._locked(self.library.reload)
        except Exception as error:
            if not self._reload_failing:
                self._reload_failing = True
                self.call_from_thread(self.notify, failure_message(error), title="Index check failed", severity="error", markup=False)
            return
        self._reload_failing = False
        if changed:
            self.call_from_thread(self._broadcast_index_changed)

    def _broadcast_index_changed(self) -> None:
        for screen in self.screen_stack:
            screen.post_message(IndexChanged())

    # -- navigation ----------------------------------------------------------

    @on(OpenReport)
    def _open_report(self, message: OpenReport) -> None:
        self.push_screen(DocumentScreen(message.doc_id, hit=message.hit, line=message.line))

    @on(CompareReports)
    def _compare(self, message: CompareReports) -> None:
        self.push_screen(CompareScreen(message.left, message.right))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p) also lists this app's keys, by their descriptions."""
        yield from super().get_system_commands(screen)
        for binding in own_bindings(screen):
            if binding.show and binding.action.isidentifier():
                yield SystemCommand(binding.description, binding.tooltip, getattr(screen, f"action_{binding.action}"))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
