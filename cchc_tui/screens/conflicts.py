"""Every citation conflict with both sides and their lines; Enter opens that side's report there."""
from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from cchc_tui.dashboard_rows import KIND_LABELS
from cchc_tui.messages import IndexChanged, OpenReport, ThemeChanged
from cchc_tui.palette import styles
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.link_table import LinkRow, LinkTable
from cchc_tui.widgets.rendering import DIM_STYLE, plain, plural
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import ConflictRow

COLUMNS = ["Document", "Conflict", "Report", "Unit", "Line", "Gives"]


def side_rows(conflicts: list[ConflictRow]) -> tuple[list[LinkRow], list[int]]:
    """One row per side (the document and kind on the first); the first row of each conflict."""
    palette = styles()
    rows: list[LinkRow] = []
    starts: list[int] = []
    for conflict in conflicts:
        starts.append(len(rows))
        for number, side in enumerate(conflict.sides):
            first = number == 0
            name = plain(conflict.symbol or conflict.name, style=f"bold {palette.primary}") if first else Text("")
            kind = Text(KIND_LABELS.get(conflict.kind, conflict.kind), style=f"bold {palette.error}") if first else Text("")
            cells = [name, kind, plain(side.doc_id, style=DIM_STYLE), plain(side.unit, "(unit unknown)"), Text(str(side.line)),
                     plain(side.given, "(not given)", palette.warning)]
            rows.append(LinkRow(cells, lambda side=side: OpenReport(side.doc_id, line=side.line)))
    return rows, starts


class ConflictsScreen(Screen[None]):
    TITLE = "cchc — citation conflicts"
    AUTO_FOCUS = "#conflict-table"

    BINDINGS = [
        Binding("escape", "back", "Back", id="conflicts.back", tooltip="Back to the previous screen"),
        Binding("right_square_bracket", "next_conflict", "Next conflict", id="conflicts.next", tooltip="The next conflict's first side"),
        Binding("left_square_bracket", "previous_conflict", "Prev conflict", id="conflicts.previous", tooltip="The previous conflict"),
    ]

    def __init__(self, focus: int = 0) -> None:
        super().__init__()
        self.focus_index = focus
        self.conflicts: list[ConflictRow] = []
        self.starts: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield LinkTable(empty="(no conflicts: every cited document is cited alike)", id="conflict-table")
        yield StatusLine(id="conflict-status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text("Reading citations…")
        self.load()

    @work(exclusive=True, thread=True, group="conflicts", exit_on_error=False)
    def load(self) -> None:
        try:
            conflicts = self.app.overview().conflicts
        except Exception as error:
            self.app.call_from_thread(self.query_one(StatusLine).show_error, failure_message(error))
            return
        self.app.call_from_thread(self.show_conflicts, conflicts)

    def show_conflicts(self, conflicts: list[ConflictRow]) -> None:
        self.conflicts = conflicts
        rows, self.starts = side_rows(conflicts)
        table = self.query_one(LinkTable)
        table.show_rows(COLUMNS, rows, flexible=(0, 2, 3, 5))
        if self.starts:
            table.move_cursor(row=self.starts[min(self.focus_index, len(self.starts) - 1)])
        self.show_detail()

    def show_detail(self) -> None:
        if not self.conflicts:
            self.query_one(StatusLine).show_text("no citation conflicts")
            return
        row = self.query_one(LinkTable).cursor_row
        index = max(i for i, start in enumerate(self.starts) if start <= max(row, 0))
        detail = self.conflicts[index].detail
        self.query_one(StatusLine).show_text(f"{plural(len(self.conflicts), 'conflict')} · {index + 1}: {detail} · Enter opens this side")

    def on_resize(self) -> None:
        if self.conflicts:
            cursor = self.query_one(LinkTable).cursor_row
            self.query_one(LinkTable).show_rows(COLUMNS, side_rows(self.conflicts)[0], flexible=(0, 2, 3, 5))
            self.query_one(LinkTable).move_cursor(row=cursor)

    def on_data_table_row_highlighted(self) -> None:
        if self.starts:
            self.show_detail()

    def on_index_changed(self, _: IndexChanged) -> None:
        self.load()

    def on_theme_changed(self, _: ThemeChanged) -> None:
        self.load()

    def _move(self, step: int) -> None:
        if not self.starts:
            return
        table = self.query_one(LinkTable)
        current = max(i for i, start in enumerate(self.starts) if start <= max(table.cursor_row, 0))
        table.move_cursor(row=self.starts[(current + step) % len(self.starts)])

    def action_next_conflict(self) -> None:
        self._move(1)

    def action_previous_conflict(self) -> None:
        self._move(-1)

    def action_back(self) -> None:
        self.dismiss(None)
