"""The opening screen: the corpus at a glance; every row or cell opens the matching list."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Sparkline, Static

from cchc_tui.dashboard_rows import (
    COVERAGE_UNITS,
    WholeCoverage,
    cited_rows,
    conflict_rows,
    count_rows,
    coverage_columns,
    coverage_rows,
    month_rows,
    skipped_rows,
    status_text,
    topic_width,
)
from cchc_tui.messages import IndexChanged, ThemeChanged
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.link_table import LinkTable
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import Overview

PANELS = [  # (id, title, empty text)
    ("units", "Reports by unit", "(no reports)"),
    ("types", "By type", "(no reports)"),
    ("periods", "By period", "(no reports)"),
    ("months", "Per month", "(no dated reports)"),
    ("coverage", "Topic coverage: reports of each unit per topic", "(no topics found)"),
    ("cited", "Most cited documents", "(no citations)"),
    ("conflicts", "Citation conflicts to check", "(no conflicts: the citations agree)"),
    ("skipped", "Files the last index run skipped", "(none: every file was read)"),
]
WIDE = 110  # columns from which the panels sit two by two


class DashboardScreen(Screen[None]):
    TITLE = "cchc — dashboard"
    AUTO_FOCUS = "#table-units"

    BINDINGS = [
        Binding("slash", "search", "Search", id="dashboard.search", tooltip="Search every report"),
        Binding("c", "app.citations", "Citations", id="dashboard.citations", tooltip="Browse every cited document"),
        Binding("x", "app.conflicts", "Conflicts", id="dashboard.conflicts", tooltip="Every citation conflict, both sides"),
        Binding("tab", "app.focus_next", "Next panel", show=False, id="dashboard.next"),
        Binding("shift+tab", "app.focus_previous", "Previous panel", show=False, id="dashboard.previous"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.overview: Overview | None = None
        self.coverage_units: int | None = COVERAGE_UNITS  # None: every unit (asked for on the grid's last row)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Reading the index…"), id="dash-status")
        with VerticalScroll(id="dash-body"), Grid(id="dash-grid"):
            for panel, title, empty in PANELS:
                with Vertical(id=f"panel-{panel}", classes="dash-panel") as box:
                    box.border_title = title
                    if panel == "months":
                        yield Sparkline([], id="month-sparkline")
                    yield LinkTable(empty=empty, id=f"table-{panel}", cursor_type="cell" if panel == "coverage" else "row")
        yield StatusLine(id="dash-hint")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text("Enter: the reports of a row or cell · / search · c citations · x conflicts")
        self.load()

    @work(exclusive=True, thread=True, group="overview", exit_on_error=False)
    def load(self) -> None:
        try:
            overview = self.app.overview()
        except Exception as error:
            self.app.call_from_thread(self.query_one(StatusLine).show_error, failure_message(error))
            return
        self.app.call_from_thread(self.show_loaded, overview)

    def show_loaded(self, overview: Overview) -> None:
        self.show_overview(overview)
        self.app.call_after_refresh(self.app.keep_alive_objects)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.query_one("#dash-status", Static).update(status_text(overview))
        self.table("units").show_rows(["Unit", "Reports"], count_rows(overview.by_unit, "unit", overview.total), flexible=(0,))
        self.table("types").show_rows(["Type", "Reports"], count_rows(overview.by_type, "doc_type", overview.total), flexible=(0,))
        self.table("periods").show_rows(["Period", "Reports"], count_rows(overview.by_period, "period", overview.total), flexible=(0,))
        self.query_one(Sparkline).data = [count.count for count in overview.by_month] or [0]
        self.table("months").show_rows(["Month", "Reports", ""], month_rows(overview))
        self.show_coverage(overview)
        self.table("cited").show_rows(["Document", "Type", "Reports", "Conflicts"], cited_rows(overview.most_cited), flexible=(0, 1))
        conflict_columns = ["Document", "Kind", "Reports", "What differs"]
        self.table("conflicts").show_rows(conflict_columns, conflict_rows(overview.conflicts), flexible=(0, 3))
        self.table("skipped").show_rows(["File", "Why it was skipped"], skipped_rows(overview.status), flexible=(0, 1))

    def show_coverage(self, overview: Overview) -> None:
        """Topic columns share the panel's width; a label that still does not fit takes two lines."""
        table = self.table("coverage")
        width = topic_width(overview.coverage, table.available_width() - 4)  # border and scrollbar
        columns = coverage_columns(overview.coverage, width)
        table.header_height = 2 if any("\n" in column[0] for column in columns[1:]) else 1
        table.show_rows(columns, coverage_rows(overview, width, self.coverage_units))

    @on(WholeCoverage)
    def _whole_coverage(self) -> None:
        if self.overview is not None:
            self.coverage_units = None
            self.show_coverage(self.overview)

    def table(self, panel: str) -> LinkTable:
        return self.query_one(f"#table-{panel}", LinkTable)

    @on(DataTable.CellHighlighted, "#table-coverage")
    def _coverage_cell(self, event: DataTable.CellHighlighted) -> None:
        """The full topic label of the highlighted column (headers are cut to fit)."""
        if self.overview is None:
            return
        coverage = self.overview.coverage
        column = event.coordinate.column - 1
        box = self.query_one("#panel-coverage")
        box.border_subtitle = coverage.labels[coverage.topics[column]] if 0 <= column < len(coverage.topics) else ""

    @on(IndexChanged)
    def _refresh(self) -> None:
        self.load()

    @on(ThemeChanged)
    def _restyle(self) -> None:
        """New colours for the same figures: drawn again, not read again."""
        if self.overview is not None:
            self.show_overview(self.overview)

    def on_resize(self, event) -> None:
        self.query_one("#dash-grid").set_class(event.size.width >= WIDE, "-wide")
        if self.overview is not None:
            self.call_after_refresh(self.show_overview, self.overview)  # panels changed width

    def action_search(self) -> None:
        # After this key is done: a printable key must not land in the new search box.
        self.call_after_refresh(self.app.action_search)
