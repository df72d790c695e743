"""The reports citing one document, each with its line in context; Enter opens it there."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static

from cchc_tui.external import copy_line, open_original
from cchc_tui.messages import IndexChanged, OpenReport, ThemeChanged
from cchc_tui.palette import styles
from cchc_tui.widgets.column_fit import cut_str
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.link_table import LinkRow, LinkTable
from cchc_tui.widgets.rendering import DIM_STYLE, inert, plain, plural
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import CitedDocument, CitingRef

CONTEXT_WIDTH = 200  # the table cuts it to the screen
COLUMNS = ["Report", "Unit", "Line", "Date given", "Issuer given", "Context"]


@dataclass(slots=True)
class CitingLine:
    ref: CitingRef
    path: str
    context: str  # the citing line as printed
    text: str  # the whole report (for the PDF page of the line)


def citing_row(item: CitingLine) -> LinkRow:
    palette = styles()
    ref = item.ref
    given = plain(ref.date, style=palette.success) if ref.date else plain(
        f"{ref.date_raw} (impossible)" if ref.date_raw else None, style=palette.error)
    context = " ".join(item.context.split())
    cells = [plain(ref.doc_id, style=DIM_STYLE), plain(ref.unit, "(unit unknown)", "bold"), Text(str(ref.line)), given,
             plain(ref.issuer), Text(inert(cut_str(context, CONTEXT_WIDTH)))]
    return LinkRow(cells, lambda: OpenReport(ref.doc_id, line=ref.line))


def find_document(documents: list[CitedDocument], wanted: str) -> CitedDocument | None:
    return next((d for d in documents if wanted in (d.symbol, d.name)), None)


class CitingScreen(Screen[None]):
    TITLE = "cchc — who cites it"
    AUTO_FOCUS = "#citing-table"

    BINDINGS = [
        Binding("escape", "back", "Back", id="citing.back", tooltip="Back to the citations"),
        Binding("o", "open_original", "Open original", id="citing.open", tooltip="The original at this line (editor, PDF viewer)"),
        Binding("y", "copy_line", "Copy line", id="citing.copy", tooltip="Copy the citing line with its reference"),
    ]

    def __init__(self, symbol: str) -> None:
        super().__init__()
        self.symbol = symbol
        self.sub_title = inert(symbol)
        self.items: list[CitingLine] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(inert(self.symbol), style="bold"), id="citing-title")
        yield LinkTable(empty="(no indexed report cites it)", id="citing-table")
        yield Static(id="citing-context")
        yield StatusLine(id="citing-status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text(f"Finding the reports citing {self.symbol}…")
        self.load()

    @work(exclusive=True, thread=True, group="citing", exit_on_error=False)
    def load(self) -> None:
        try:
            document = find_document(self.app.citations(), self.symbol)
            items = []
            reports = {}
            for ref in document.citing if document else []:
                report = reports.get(ref.doc_id) or reports.setdefault(ref.doc_id, self.app.get_report(ref.doc_id))
                items.append(CitingLine(ref, report.path, report.line_text(ref.line), report.text))
        except Exception as error:
            self.app.call_from_thread(self.query_one(StatusLine).show_error, failure_message(error))
            return
        self.app.call_from_thread(self.show_items, document, items)

    def show_items(self, document: CitedDocument | None, items: list[CitingLine]) -> None:
        self.items = items
        palette = styles()
        title = Text(inert(self.symbol), style=f"bold {palette.primary}")
        if document is not None:
            title.append(f"  {inert(document.type or '')}", style=palette.secondary)
            title.append(f"  cited by {plural(document.report_count, 'report')}")
            for conflict in document.conflicts:
                title.append(f"\n  conflict ({conflict.kind.replace('_', ' ')}): ", style=f"bold {palette.error}")
                title.append(inert(conflict.detail))
        self.query_one("#citing-title", Static).update(title)
        self.query_one(LinkTable).show_rows(COLUMNS, [citing_row(item) for item in items], flexible=(0, 1, 4, 5))
        self.query_one(StatusLine).show_text(f"{plural(len(items), 'citing line')} · Enter: open at the line · o original · y copy")

    def on_resize(self) -> None:
        if self.items:
            self.query_one(LinkTable).show_rows(COLUMNS, [citing_row(item) for item in self.items], flexible=(0, 1, 4, 5))

    def on_data_table_row_highlighted(self) -> None:
        """The whole citing line of the highlighted row (the table cuts it at narrow sizes)."""
        item = self.current()
        context = Text()
        if item is not None:
            context.append(f"{item.ref.doc_id} · line {item.ref.line}\n", style=DIM_STYLE)
            context.append(inert(" ".join(item.context.split())))
        self.query_one("#citing-context", Static).update(context)

    def current(self) -> CitingLine | None:
        row = self.query_one(LinkTable).cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def on_index_changed(self, _: IndexChanged) -> None:
        self.load()

    def on_theme_changed(self, _: ThemeChanged) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_open_original(self) -> None:
        item = self.current()
        if item is not None:
            open_original(self.app, item.path, item.ref.line, item.text)

    def action_copy_line(self) -> None:
        item = self.current()
        if item is not None:
            copy_line(self.app, item.context, item.ref.doc_id, item.ref.unit, self.symbol, item.ref.line)
