"""Every cited document in one sortable, filterable table; Enter lists who cites it."""
from __future__ import annotations

import unicodedata

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from cchc_tui.messages import IndexChanged, ShowCitations, ThemeChanged
from cchc_tui.palette import styles
from cchc_tui.widgets.column_fit import cut_str
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.link_table import LinkRow, LinkTable
from cchc_tui.widgets.rendering import plain, plural
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import CitedDocument

COLUMNS = ["Document", "Type", "Issuer", "Dates seen", "Reports", "Conflict"]
SORT_KEYS = {
    "Document": lambda d: (d.symbol or d.name or "").casefold(),
    "Type": lambda d: (d.type or "\uffff").casefold(),
    "Issuer": lambda d: ("; ".join(d.issuers) or "\uffff").casefold(),
    "Dates seen": lambda d: d.dates[0] if d.dates else "\uffff",
    "Reports": lambda d: -d.report_count,
    "Conflict": lambda d: -len(d.conflicts),
}


def folded(text: str) -> str:
    """Lower case without diacritics, for matching what a user types in the filter box."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


ISSUERS_WIDTH = 40  # the issuers seen, before the table fits the column to the screen


def searchable(document: CitedDocument) -> str:
    return folded(" ".join([document.symbol or "", document.name or "", document.type or "", *document.issuers, *document.dates]))


def document_row(document: CitedDocument) -> LinkRow:
    palette = styles()
    name = document.symbol or document.name
    conflict = ", ".join(sorted({c.kind.replace("_", " ") for c in document.conflicts}))
    cells = [
        plain(name, style=f"bold {palette.primary}"),
        plain(document.type, style=palette.secondary),
        plain(cut_str("; ".join(document.issuers), ISSUERS_WIDTH) or None),
        plain(", ".join(document.dates) or None, style=palette.success),
        Text(str(document.report_count)),
        Text(conflict, style=f"bold {palette.error}"),
    ]
    return LinkRow(cells, lambda: ShowCitations(name))


class CitationsScreen(Screen[None]):
    TITLE = "cchc — citations"
    AUTO_FOCUS = "#cite-table"

    BINDINGS = [
        Binding("escape", "back", "Back", id="citations.back", tooltip="Back to the previous screen"),
        Binding("slash", "focus_filter", "Filter", id="citations.filter", tooltip="Type to keep matching documents"),
        Binding("s", "next_sort", "Sort", id="citations.sort", tooltip="Sort by the next column (or click a header)"),
        Binding("f", "only_conflicts", "Conflicts only", id="citations.conflicts", tooltip="Only documents whose citations disagree"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[CitedDocument] = []
        self.sort_by = "Reports"
        self.reverse = False
        self.conflicts_only = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: symbol, type, issuer, date (diacritics optional)", id="cite-filter", compact=True)
        yield LinkTable(empty="(no cited document matches)", id="cite-table")
        yield StatusLine(id="cite-status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text("Reading citations…")
        self.load()

    @work(exclusive=True, thread=True, group="citations", exit_on_error=False)
    def load(self) -> None:
        try:
            documents = self.app.citations()
        except Exception as error:
            self.app.call_from_thread(self.query_one(StatusLine).show_error, failure_message(error))
            return
        self.app.call_from_thread(self.show_documents, documents)

    def show_documents(self, documents: list[CitedDocument]) -> None:
        self.documents = documents
        self.refill()

    def visible(self) -> list[CitedDocument]:
        wanted = folded(self.query_one("#cite-filter", Input).value).split()
        shown = [d for d in self.documents if all(word in searchable(d) for word in wanted)]
        if self.conflicts_only:
            shown = [d for d in shown if d.conflicts]
        return sorted(shown, key=SORT_KEYS[self.sort_by], reverse=self.reverse)

    def refill(self) -> None:
        shown = self.visible()
        arrow = " ▲" if not self.reverse else " ▼"
        columns = [name + (arrow if name == self.sort_by else "") for name in COLUMNS]
        self.query_one(LinkTable).show_rows(columns, [document_row(d) for d in shown], flexible=(0, 2, 3, 5))
        conflicts = sum(1 for d in shown if d.conflicts)
        self.query_one(StatusLine).show_text(
            f"{plural(len(shown), 'document')} of {len(self.documents)} · {plural(conflicts, 'with a conflict', 'with conflicts')} · "
            f"sorted by {self.sort_by.lower()} · Enter: who cites it"
        )

    def on_resize(self) -> None:
        if self.documents:
            self.refill()

    @on(Input.Changed, "#cite-filter")
    def _filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#cite-filter")
    def _filter_done(self) -> None:
        self.query_one(LinkTable).focus()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        name = COLUMNS[event.column_index]
        self.reverse = not self.reverse if name == self.sort_by else False
        self.sort_by = name
        self.refill()

    @on(IndexChanged)
    @on(ThemeChanged)
    def _reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        if self.app.screen_stack[-2:-1]:
            self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#cite-filter", Input).focus()

    def action_next_sort(self) -> None:
        self.sort_by = COLUMNS[(COLUMNS.index(self.sort_by) + 1) % len(COLUMNS)]
        self.reverse = False
        self.refill()

    def action_only_conflicts(self) -> None:
        self.conflicts_only = not self.conflicts_only
        self.refill()

