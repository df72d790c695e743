"""One table of a comparison; `a` / `b` open that report at the row's line."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from cchc_tui.widgets.compare_rows import CompareRow

OPEN_SIDE = Binding.Group("Open A/B here", compact=True)


class CompareTable(DataTable):
    BINDINGS = [
        Binding("a", "open_side('a')", "Open A here", id="compare.open-a", tooltip="Open report A at this row's line", group=OPEN_SIDE),
        Binding("b", "open_side('b')", "Open B here", id="compare.open-b", tooltip="Open report B at this row's line", group=OPEN_SIDE),
    ]

    @dataclass
    class OpenSide(Message):
        compare_table: CompareTable
        side: str  # "a" | "b"
        line: int

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_shown: list[CompareRow] = []

    def show_rows(self, columns: list[str], rows: list[CompareRow]) -> None:
        self.clear(columns=True)
        self.add_columns(*(Text(label, style="bold") for label in columns))
        self.rows_shown = list(rows)
        for row in rows:
            self.add_row(*row.cells, height=None)
        if not rows:
            self.add_row(*([Text("(nothing to compare)", style="dim")] + [Text("")] * (len(columns) - 1)))

    def action_open_side(self, side: str) -> None:
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return
        row = self.rows_shown[self.cursor_row]
        line = row.a_line if side == "a" else row.b_line
        if line is None:
            self.notify(f"This row has nothing in report {side.upper()}", severity="warning")
            return
        self.post_message(self.OpenSide(self, side, line))
