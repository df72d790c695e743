"""Search: type a query, see matching reports as you type; narrow, filter, preview, compare."""
from __future__ import annotations

import threading
from time import perf_counter

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import get_current_worker

from cchc_tui.messages import CompareReports, IndexChanged, OpenReport, ThemeChanged
from cchc_tui.screens.filters import FilterScreen
from cchc_tui.search_scope import active_facets, filters_for_facet, filters_without_facet, scoped
from cchc_tui.widgets.facet_panel import FacetPanel
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.hit_preview import HitPreview
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.search_bar import SearchBar
from cchc_tui.widgets.status_line import StatusLine, failure_message
from cchc_tui.widgets.suggestion_bar import SuggestionBar
from indexer.api import Filters, SearchResult

# The next page's search waits for the page shown to be painted (at most this long): run at once, it
# held the interpreter lock through the frame that draws the first page (~80 ms of CPU at 10,000).
PAINT_WAIT_SECONDS = 0.3

__all__ = ["SearchScreen", "filters_for_facet"]

FACETS_FROM = 100  # columns from which the facet panel shows
PREVIEW_FROM = 150  # ... and the preview of the highlighted result


class SearchScreen(Screen[None]):
    TITLE = "cchc — search"
    AUTO_FOCUS = "SearchBar"

    BINDINGS = [
        Binding("ctrl+f", "pick_filters", "Filters", id="search.filters", tooltip="Filter by unit, type, cited symbol, topic, dates"),
        Binding("ctrl+r", "clear_filters", "Clear", id="search.clear-filters", tooltip="Remove every filter and the narrowing"),
        Binding("ctrl+n", "narrow", "Narrow", id="search.narrow", tooltip="Search only within the current results (again: narrower)"),
        Binding("ctrl+b", "toggle_facets", "Facets", show=False, id="search.facets", tooltip="Show or hide the facet panel"),
        Binding("escape", "escape", "Clear", show=False, id="search.escape", tooltip="Back to the query; clear it; back"),
        Binding("slash", "focus_search", "Search", show=False, id="search.focus",
                tooltip="Go to the search box, the query selected (type to replace it); in the box / is typed, as in 3041/QĐ-UBND"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(
        self, initial_query: str = "", *, filters: Filters | None = None, scope: frozenset[str] | None = None, scope_label: str = ""
    ) -> None:
        super().__init__()
        self.initial_query = initial_query
        self.filters = filters or Filters()
        self.scope, self.scope_label = scope, scope_label
        self.last_result: SearchResult | None = None
        self.last_elapsed_ms = 0.0
        self.painted_at = 0.0  # perf_counter() when the last result was drawn (for bench/bench_tui.py)

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBar(value=self.initial_query, id="query")
        yield SuggestionBar(id="suggestions")
        with Horizontal(id="search-body"):
            yield FacetPanel(id="facets")
            yield ResultList(id="results")
            yield HitPreview(id="preview")
        yield StatusLine(id="status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.refresh_search()

    @property
    def query_text(self) -> str:
        return self.query_one(SearchBar).value

    # -- searching -----------------------------------------------------------

    @work(exclusive=True, thread=True, group="search", exit_on_error=False)
    def run_search(self, query: str, filters: Filters, scope: frozenset[str] | None) -> None:
        """Blocking index calls in a thread, the first page then the rest; the newest request wins."""
        pages = self.app.search_pages(query) if scope is None else (0,)  # narrowed: its scope's hits at once, no limit
        for limit in pages:
            started = perf_counter()
            try:
                result = scoped(self.app.search_all(query, filters), scope) if scope is not None else self.app.search(query, filters, limit)
                labels = self.app.topic_labels
            except Exception as error:
                self.app.call_from_thread(self.show_failure, query, filters, scope, error)
                return
            elapsed_ms = (perf_counter() - started) * 1000
            if get_current_worker().is_cancelled:
                return
            painted = threading.Event()
            self.app.call_from_thread(self.show_result, query, filters, scope, result, elapsed_ms, labels, painted)
            if len(result.hits) >= result.total:
                return  # every hit there is is shown
            painted.wait(PAINT_WAIT_SECONDS)
            if get_current_worker().is_cancelled:
                return

    def is_stale(self, query: str, filters: Filters, scope: frozenset[str] | None) -> bool:
        """An older request finished after a newer one started."""
        return query != self.query_text or filters != self.filters or scope != self.scope

    def show_failure(self, query: str, filters: Filters, scope, error: Exception) -> None:
        if self.is_stale(query, filters, scope):
            return
        self.last_result = None
        self.query_one(ResultList).show_hits([])
        self.query_one(SuggestionBar).show_suggestions([])
        self.query_one(StatusLine).show_error(failure_message(error))

    def show_result(self, query: str, filters: Filters, scope, result: SearchResult, elapsed_ms: float, labels=None,
                    painted: threading.Event | None = None) -> None:
        """`painted` is set once the frame that draws the result is painted (at once when nothing is drawn)."""
        if self.is_stale(query, filters, scope):
            if painted is not None:
                painted.set()
            return
        same_query = self.last_result is not None and self.last_result.query == result.query
        self.last_result, self.last_elapsed_ms = result, elapsed_ms
        self.query_one(ResultList).show_hits(result.hits, keep_position=same_query)
        dated = sum(result.facets.get("year", {}).values())
        undated = max(0, result.total - dated) if result.facets.get("year") is not None else 0
        self.query_one(FacetPanel).show_facets(result.facets, {"topic": labels or {}}, active_facets(filters), undated)
        self.query_one(SuggestionBar).show_suggestions(result.suggestions if result.total == 0 else [])
        self.update_status()
        self.show_preview()
        self.call_after_refresh(self._painted, painted)

    def _painted(self, painted: threading.Event | None = None) -> None:
        self.painted_at = perf_counter()
        if painted is not None:
            painted.set()

    def update_status(self) -> None:
        result = self.last_result
        if result is None:
            return
        results = self.query_one(ResultList)
        self.query_one(StatusLine).show_counts(
            query=result.query, total=result.total, shown=len(result.hits),
            elapsed_ms=self.last_elapsed_ms if self.app.show_timings else None,
            filters=self.filters, marked=len(results.marked), hidden_marks=len(results.hidden_marks),
            scope=self.scope_label if self.scope is not None else "", topic_labels=self.app.topic_labels,
        )

    def refresh_search(self) -> None:
        self.run_search(self.query_text, self.filters, self.scope)

    @on(SearchBar.QueryChanged)
    def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        self.run_search(message.query, self.filters, self.scope)

    @on(SearchBar.Submitted)
    def _submitted(self) -> None:
        self.action_focus_results()

    @on(IndexChanged)
    def _index_changed(self) -> None:
        self.notify("Index updated: results refreshed")
        self.refresh_search()

    @on(ThemeChanged)
    def _theme_changed(self) -> None:
        self.query_one(ResultList).restyle()
        self.update_status()
        self.show_preview()

    # -- results -------------------------------------------------------------

    @on(ResultList.Chosen)
    def _open(self, message: ResultList.Chosen) -> None:
        self.post_message(OpenReport(message.hit.doc_id, message.hit))

    @on(ResultList.CompareRequested)
    def _compare(self, message: ResultList.CompareRequested) -> None:
        self.post_message(CompareReports(message.left, message.right))

    @on(ResultList.MarksChanged)
    def _marks_changed(self) -> None:
        self.update_status()

    @on(ResultList.Highlighted)
    def _highlighted(self) -> None:
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.query_one(HitPreview)
        if preview.has_class("-shown"):
            preview.show_hit(self.query_one(ResultList).current_hit)

    @on(SuggestionBar.Accepted)
    def _accept_suggestion(self, message: SuggestionBar.Accepted) -> None:
        search_bar = self.query_one(SearchBar)
        search_bar.value = message.query
        search_bar.focus()
        self.run_search(message.query, self.filters, self.scope)

    @on(FacetPanel.Picked)
    def _facet_picked(self, message: FacetPanel.Picked) -> None:
        if message.active:
            self.apply_filters(filters_without_facet(self.filters, message.facet))
        else:
            self.apply_filters(filters_for_facet(self.filters, message.facet, message.value))

    # -- filters -------------------------------------------------------------

    def apply_filters(self, filters: Filters | None) -> None:
        if filters is None:
            return
        self.filters = filters
        self.refresh_search()

    def action_pick_filters(self) -> None:
        facets = self.last_result.facets if self.last_result else {}
        known = {name: sorted(facets.get(name, {})) for name in ("unit", "doc_type", "topic")}
        self.app.push_screen(FilterScreen(self.filters, known), self.apply_filters)

    def action_clear_filters(self) -> None:
        self.scope, self.scope_label = None, ""
        self.apply_filters(Filters())

    def action_narrow(self) -> None:
        """docfd's narrowing: later queries search only the reports found now."""
        if self.last_result is None:
            return
        self.narrow_to_current()

    @work(exclusive=True, thread=True, group="narrow", exit_on_error=False)
    def narrow_to_current(self) -> None:
        query, filters, scope = self.query_text, self.filters, self.scope
        found = self.app.search_all(query, filters)
        ids = frozenset(hit.doc_id for hit in (scoped(found, scope) if scope is not None else found).hits)
        self.app.call_from_thread(self._narrowed, query, ids)

    def _narrowed(self, query: str, ids: frozenset[str]) -> None:
        words = query.strip() or "browsing"
        self.scope_label = f"{len(ids)} found by “{words}”" + (f", {self.scope_label}" if self.scope is not None else "")
        self.scope = ids
        search_bar = self.query_one(SearchBar)
        search_bar.value = ""
        search_bar.focus()
        self.refresh_search()
        self.notify(f"Searching within {len(ids)} reports (ctrl+r: everywhere again)", markup=False)

    def action_toggle_facets(self) -> None:
        facets = self.query_one(FacetPanel)
        facets.display = not facets.display

    def action_escape(self) -> None:
        """From the results back to the query; in the query, clear it; an empty query goes back."""
        search_bar = self.query_one(SearchBar)
        if not search_bar.has_focus:
            search_bar.focus()
        elif search_bar.value:
            search_bar.value = ""
        elif len(self.app.screen_stack) > 2:
            self.dismiss(None)

    def on_resize(self, event) -> None:
        # Narrow terminals give the results the whole width; wide ones add the preview.
        self.query_one(FacetPanel).display = event.size.width >= FACETS_FROM
        self.query_one(HitPreview).set_class(event.size.width >= PREVIEW_FROM, "-shown")
        self.show_preview()

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_focus_results(self) -> None:
        self.query_one(ResultList).focus()
