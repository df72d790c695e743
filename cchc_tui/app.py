"""The cchc Textual app: the dashboard, search, reports, citations, conflicts, compare."""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from cchc_tui.config import DEFAULT_THEME, load_config, save_config
from cchc_tui.messages import CompareReports, IndexChanged, OpenReport, ShowCitations, ShowConflicts, ShowSearch, ThemeChanged
from cchc_tui.palette import use_theme
from cchc_tui.report_commands import ReportCommands
from cchc_tui.screens.citations import CitationsScreen
from cchc_tui.screens.citing import CitingScreen
from cchc_tui.screens.compare import CompareScreen
from cchc_tui.screens.conflicts import ConflictsScreen
from cchc_tui.screens.dashboard import DashboardScreen
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.screens.help import HelpScreen, own_bindings
from cchc_tui.screens.search import SearchScreen
from cchc_tui.widgets.status_line import failure_message
from indexer.api import (
    CitedDocument,
    Comparison,
    Filters,
    Library,
    Overview,
    Report,
    SearchResult,
    cached_overview,
    citations,
    compare_reports,
    locked_entries,
)

RELOAD_SECONDS = 3.0
KEYMAP_WARNING_SECONDS = 15.0  # read while the dashboard first loads, which can take seconds on a big index
SEARCH_LIMIT = 50
# Hits first shown for a typed query, then the rest up to SEARCH_LIMIT: the lines of each hit shown cost
# about a millisecond at 10,000 reports, and a first screen holds fewer than this many results.
FIRST_PAGE = 15
BROWSE_LIMIT = 200  # rows listed when browsing; the count and facets cover every report

T = TypeVar("T")


class CchcApp(App[None]):
    """Owns the `Library`; screens call it through the locked helpers below, from worker threads."""

    TITLE = "cchc"
    SUB_TITLE = "CCHC reports"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReportCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave cchc"),
        Binding("f1", "help", "Help", id="app.help", tooltip="Show every key of this screen"),
        Binding("question_mark", "help", "Help", show=False, id="app.help-alt"),
        Binding("f2", "dashboard", "Dashboard", show=False, id="app.dashboard", tooltip="The corpus at a glance"),
        Binding("f3", "search", "Search", show=False, id="app.search", tooltip="Search every report"),
        Binding("f4", "citations", "Citations", show=False, id="app.citations", tooltip="Every cited document"),
        Binding("f5", "conflicts", "Conflicts", show=False, id="app.conflicts", tooltip="Citations that disagree"),
    ]

    def __init__(
        self, library: Library, *, reload_seconds: float = RELOAD_SECONDS, initial_query: str = "",
        remember_theme: bool = True, unknown_keys: Iterable[str] = (), start: str = "dashboard",
    ) -> None:
        super().__init__()
        self.library = library
        self.reload_seconds = reload_seconds
        self.initial_query = initial_query
        self.remember_theme = remember_theme
        self.start = start  # "dashboard" (the opening screen) or "search" (on top of it)
        self.show_timings = True  # milliseconds in status lines (snapshot tests turn them off)
        self.unknown_keys = list(unknown_keys)
        # tantivy searchers are shared: one index call at a time across workers.
        self._index_lock = threading.Lock()
        self._reload_failing = False
        self._report_index: list[tuple[str, str]] | None = None

    # -- index access (call from thread workers) -----------------------------

    def _locked(self, call: Callable[[], T]) -> T:
        with self._index_lock:
            return call()

    def search(self, query: str, filters: Filters, limit: int = SEARCH_LIMIT) -> SearchResult:
        """Hits for `query`; with no words, the reports the filters admit, newest first (browsing:
        `search_pages` gives its limit)."""
        return self._locked(lambda: self.library.search(query, limit=limit, filters=filters))

    @staticmethod
    def search_pages(query: str) -> tuple[int, ...]:
        """The limits a search screen asks `search` for, in turn, each while the previous one's hits are
        on screen (the last one stands): the first page soon, then the rest; browsing lists at once."""
        return (FIRST_PAGE, SEARCH_LIMIT) if any(char.isalnum() for char in query) else (BROWSE_LIMIT,)

    def search_all(self, query: str, filters: Filters) -> SearchResult:
        """Every hit (for narrowing a search to a set of reports)."""
        return self._locked(lambda: self.library.search(query, limit=max(1, self.library.count), filters=filters))

    def get_report(self, doc_id: str) -> Report:
        return self._locked(lambda: self.library.get(doc_id))

    def overview(self) -> Overview:
        """Read back from the index generation when computed once (~2.5 s at 2,000 reports, then ms).
        Only index reads take the lock: aggregating the reports must not hold up a search."""
        return cached_overview(self.library, self._locked)

    def keep_alive_objects(self) -> None:
        """The objects alive now (the dashboard's tables: ~300k at 2,000 reports) leave the collector's
        view: a full collection scanned them in ~200 ms, in the middle of a keystroke's redraw."""
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what the app held may go now (several apps run in one process under tests)

    def citations(self) -> list[CitedDocument]:
        return citations(locked_entries(self.library, self._locked))

    def report_index(self) -> list[tuple[str, str]]:
        """(doc id, "unit · title") of every report, for the command palette."""
        if self._report_index is None:
            entries = locked_entries(self.library, self._locked)
            labels = [(e.doc_id, " · ".join(v for v in (e.info.unit, e.info.title) if v)) for e in entries]
            self._report_index = sorted(labels)
        return self._report_index

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
        saved = load_config().get("theme") if self.remember_theme else None
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        use_theme(self.theme_variables)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.push_screen(DashboardScreen())
        if self.initial_query or self.start == "search":
            self.push_screen(SearchScreen(initial_query=self.initial_query))
        if self.reload_seconds > 0:
            self.set_interval(self.reload_seconds, self.check_index)
        for binding_id in self.unknown_keys:
            self.notify(f"CCHC_KEYMAP: no key has the id {binding_id!r} (F1 lists the ids)", severity="warning",
                        markup=False, timeout=KEYMAP_WARNING_SECONDS)

    def _theme_changed(self, theme: Theme) -> None:
        use_theme(self.theme_variables)
        if self.remember_theme and theme.name != load_config().get("theme", DEFAULT_THEME):
            problem = save_config({"theme": theme.name})
            if problem:
                self.notify(f"Theme not saved: {problem}", severity="warning", markup=False)
        for screen in self.screen_stack:
            screen.post_message(ThemeChanged())

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
            self._report_index = None
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

    @on(ShowSearch)
    def _show_search(self, message: ShowSearch) -> None:
        self.push_screen(SearchScreen(message.query, filters=message.filters, scope=message.scope, scope_label=message.scope_label))

    @on(ShowCitations)
    def _show_citations(self, message: ShowCitations) -> None:
        self.push_screen(CitationsScreen())
        if message.symbol:
            self.push_screen(CitingScreen(message.symbol))

    @on(ShowConflicts)
    def _show_conflicts(self, message: ShowConflicts) -> None:
        self.push_screen(ConflictsScreen(focus=message.index))

    def _go(self, screen_type: type[Screen], make: Callable[[], Screen]) -> None:
        """Back to the nearest screen of that type in the stack, else open a new one."""
        for index in range(len(self.screen_stack) - 1, 0, -1):
            if isinstance(self.screen_stack[index], screen_type):
                while self.screen is not self.screen_stack[index]:
                    self.pop_screen()
                return
        self.push_screen(make())

    def action_dashboard(self) -> None:
        self._go(DashboardScreen, DashboardScreen)

    def action_search(self) -> None:
        self._go(SearchScreen, SearchScreen)

    def action_citations(self) -> None:
        self._go(CitationsScreen, CitationsScreen)

    def action_conflicts(self) -> None:
        self._go(ConflictsScreen, ConflictsScreen)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): every screen of the app, then this screen's keys by their descriptions."""
        yield SystemCommand("Go to the dashboard", "The corpus at a glance (F2)", self.action_dashboard)
        yield SystemCommand("Go to search", "Search every report (F3)", self.action_search)
        yield SystemCommand("Go to citations", "Every cited document, who cites it (F4)", self.action_citations)
        yield SystemCommand("Go to conflicts", "Citations whose dates, issuers or types disagree (F5)", self.action_conflicts)
        yield from super().get_system_commands(screen)
        seen = set()
        for binding in own_bindings(screen):
            if binding.action.isidentifier() and binding.description not in seen:
                seen.add(binding.description)
                yield SystemCommand(binding.description, binding.tooltip, getattr(screen, f"action_{binding.action}"))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
