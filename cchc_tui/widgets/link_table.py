"""A DataTable whose rows (or cells) lead somewhere: Enter or a click posts the row's message."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from cchc_tui.widgets.column_fit import fit_widths, fitted

Target = Callable[[], Message | None]  # builds the message to post (a fresh one each time)


@dataclass(slots=True)
class LinkRow:
    cells: list[Text]
    target: Target | None = None
    cell_targets: Sequence[Target | None] = ()  # per column, for cell cursors


class LinkTable(DataTable):
    """Rows of literal `Text`; each row (or cell) knows the message that opens what it counts."""

    DEFAULT_CSS = """
    LinkTable { height: auto; max-height: 14; }
    """

    def __init__(self, *, empty: str = "(none)", cursor_type: str = "row", **kwargs) -> None:
        super().__init__(cursor_type=cursor_type, zebra_stripes=True, **kwargs)
        self.empty = empty
        self.link_rows: list[LinkRow] = []

    def show_rows(self, columns: Sequence[str | tuple[str, int | None]], rows: list[LinkRow], *,
                  flexible: tuple[int, ...] = (), width: int | None = None) -> None:
        """`columns`: labels, or (label, width) pairs; rows in order. When the table is wider than
        `width` (default: the screen), the `flexible` columns give up room and their cells end in "…"."""
        cursor = self.cursor_coordinate
        self.clear(columns=True)
        labels = [column[0] if isinstance(column, tuple) else column for column in columns]
        fixed = [column[1] if isinstance(column, tuple) else None for column in columns]
        heads = [max(map(len, label.split("\n"))) for label in labels]  # a label may take two lines
        natural = [fixed[i] or max([heads[i], *(row.cells[i].cell_len for row in rows)]) for i in range(len(labels))]
        room = (width or self.available_width()) - 2 * self.cell_padding * len(labels) - 4  # padding, border, scrollbar
        widths = fit_widths(natural, flexible if rows else (), room)
        for label, head, column_width in zip(labels, heads, widths):
            self.add_column(Text(label, style="bold"), width=max(column_width, head) if rows else None)
        self.link_rows = list(rows)
        for row in rows:
            self.add_row(*fitted(row.cells, widths))
        if not rows:
            self.add_row(*([Text(self.empty, style="dim italic")] + [Text("")] * (len(columns) - 1)))
        elif cursor.row < len(rows):
            self.cursor_coordinate = cursor

    def available_width(self) -> int:
        parent = self.parent
        width = getattr(parent, "content_size", None)
        return width.width if width is not None and width.width else self.app.size.width

    def current_target(self) -> Target | None:
        row, column = self.cursor_coordinate
        if not 0 <= row < len(self.link_rows):
            return None
        link = self.link_rows[row]
        if self.cursor_type == "cell" and column < len(link.cell_targets):
            return link.cell_targets[column]
        return link.target

    def follow(self) -> None:
        target = self.current_target()
        message = target() if target else None
        if message is not None:
            self.post_message(message)

    @on(DataTable.RowSelected)
    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.RowSelected | DataTable.CellSelected) -> None:
        event.stop()
        self.follow()
