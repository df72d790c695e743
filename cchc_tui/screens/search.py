"""The first screen: type a query, see matching reports as you type."""
from __future__ import annotations

import dataclasses
from time import perf_counter

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from cchc_tui.messages import CompareReports, IndexChanged, OpenReport
from cchc_tui.screens.filters import FilterScreen
from cchc_tui.widgets.facet_panel import FacetPanel
from cchc_tui.widgets.result_list import ResultList
from cchc_tui.widgets.search_bar import SearchBar
from cchc_tui.widgets.status_line import StatusLine, failure_message
from cchc_tui.widgets.suggestion_bar import SuggestionBar
from indexer.api import Filters, SearchResult


def filters_for_facet(filters: Filters, facet: str, value: str) -> Filters:
    """`filters` narrowed by one facet value the user picked."""
    if facet == "year":
        return dataclasses.replace(filters, date_from=f"{value}-01-01", date_to=f"{value}-12-31")
    return dataclasses.replace(filters, **{facet: value})


class SearchScreen(Screen[None]):
    AUTO_FOCUS = "SearchBar"

    BINDINGS = [
        Binding("ctrl+f", "pick_filters", "Filters", id="search.filters", tooltip="Filter by unit, type, cited symbol, topic, dates"),
        Binding("ctrl+r", "clear_filters", "Clear filters", id="search.clear-filters", tooltip="Remove every filter"),
        Binding("ctrl+b", "toggle_facets", "Facets", id="search.facets", tooltip="Show or hide the facet panel"),
        Binding("escape", "escape", "Clear", show=False, id="search.escape", tooltip="Back to the query; clear it"),
        Binding("slash", "focus_search", "Search", show=False, id="search.focus"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, initial_query: str = "") -> None:
        super().__init__()
        self.initial_query = initial_query
        self.filters = Filters()
        self.last_result: SearchResult | None = None
        self.last_elapsed_ms = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBar(value=self.initial_query, id="query")
        yield SuggestionBar(id="suggestions")
        with Horizontal(id="search-body"):
            yield FacetPanel(id="facets")
            yield ResultList(id="results")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.run_search(self.query_text, self.filters)

    @property
    def query_text(self) -> str:
        return self.query_one(SearchBar).value

    # -- searching -----------------------------------------------------------

    @work(exclusive=True, thread=True, group="search", exit_on_error=False)
    def run_search(self, query: str, filters: Filters) -> None:
        """Blocking index call in a thread; the newest request wins."""
        started = perf_counter()
        try:
            result = self.app.search(query, filters)
            labels = self.app.topic_labels
        except Exception as error:
            self.app.call_from_thread(self.show_failure, query, filters, error)
            return
        elapsed_ms = (perf_counter() - started) * 1000
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_result, query, filters, result, elapsed_ms, labels)

    def is_stale(self, query: str, filters: Filters) -> bool:
        """An older request finished after a newer one started."""
        return query != self.query_text or filters != self.filters

    def show_failure(self, query: str, filters: Filters, error: Exception) -> None:
        if self.is_stale(query, filters):
            return
        self.last_result = None
        self.query_one(ResultList).show_hits([])
        self.query_one(SuggestionBar).show_suggestions([])
        self.query_one(StatusLine).show_error(failure_message(error))

    def show_result(
        self, query: str, filters: Filters, result: SearchResult, elapsed_ms: float, labels: dict[str, str] | None = None
    ) -> None:
        if self.is_stale(query, filters):
            return
        same_query = self.last_result is not None and self.last_result.query == result.query
        self.last_result, self.last_elapsed_ms = result, elapsed_ms
        self.query_one(ResultList).show_hits(result.hits, keep_position=same_query)
        self.query_one(FacetPanel).show_facets(result.facets, {"topic": labels or {}})
        self.query_one(SuggestionBar).show_suggestions(result.suggestions if result.total == 0 else [])
        self.update_status()

    def update_status(self) -> None:
        result = self.last_result
        if result is None:
            return
        self.query_one(StatusLine).show_counts(
            query=result.query,
            total=result.total,
            shown=len(result.hits),
            elapsed_ms=self.last_elapsed_ms,
            filters=self.filters,
            marked=len(self.query_one(ResultList).marked),
        )

    def refresh_search(self) -> None:
        self.run_search(self.query_text, self.filters)

    @on(SearchBar.QueryChanged)
    def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        self.run_search(message.query, self.filters)

    @on(SearchBar.Submitted)
    def _submitted(self) -> None:
        self.action_focus_results()

    @on(IndexChanged)
    def _index_changed(self) -> None:
        self.notify("Index updated: results refreshed")
        self.refresh_search()

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

    @on(SuggestionBar.Accepted)
    def _accept_suggestion(self, message: SuggestionBar.Accepted) -> None:
        search_bar = self.query_one(SearchBar)
        search_bar.value = message.query
        search_bar.focus()
        self.run_search(message.query, self.filters)

    @on(FacetPanel.Picked)
    def _facet_picked(self, message: FacetPanel.Picked) -> None:
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
        self.apply_filters(Filters())

    def action_toggle_facets(self) -> None:
        facets = self.query_one(FacetPanel)
        facets.display = not facets.display

    def action_escape(self) -> None:
        """From the results back to the query; in the query, clear it."""
        search_bar = self.query_one(SearchBar)
        if search_bar.has_focus:
            search_bar.value = ""
        else:
            search_bar.focus()

    def on_resize(self, event) -> None:
        # Narrow terminals give the results the whole width.
        self.query_one(FacetPanel).display = event.size.width >= 100

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_focus_results(self) -> None:
        self.query_one(ResultList).focus()
