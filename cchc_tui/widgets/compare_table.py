"""One table of a comparison; `a` / `b` open that report at the row's line. Columns fit the width."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from cchc_tui.widgets.column_fit import fit_widths, fitted
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

    def show_rows(self, columns: list[str], rows: list[CompareRow], *, flexible: tuple[int, ...] = (), width: int = 80,
                  empty: str = "(nothing here)") -> None:
        self.clear(columns=True)
        self.rows_shown = list(rows)
        natural = [max([len(label), *(row.cells[i].cell_len for row in rows)]) for i, label in enumerate(columns)]
        padding = 2 * self.cell_padding * len(columns) + 2  # cell padding and the scrollbar
        widths = fit_widths(natural, flexible if rows else (), width - padding)
        for label, column_width in zip(columns, widths):
            self.add_column(Text(label, style="bold"), width=max(column_width, len(label) if label else 1) if rows else None)
        for row in rows:
            self.add_row(*fitted(row.cells, widths))
        if not rows:
            self.add_row(*([Text(empty, style="dim italic")] + [Text("")] * (len(columns) - 1)))

    def action_open_side(self, side: str) -> None:
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return
        row = self.rows_shown[self.cursor_row]
        line = row.a_line if side == "a" else row.b_line
        if line is None:
            self.notify(f"This row has nothing in report {side.upper()}", severity="warning")
            return
        self.post_message(self.OpenSide(self, side, line))
