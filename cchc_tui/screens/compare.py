"""Two reports side by side: header fields, aligned sections, citations, topics, figures."""
from __future__ import annotations

import os
from pathlib import Path
from time import perf_counter

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane

from cchc_tui.messages import IndexChanged, OpenReport, ThemeChanged
from cchc_tui.widgets.compare_rows import EMPTY, FLEXIBLE, TABLES
from cchc_tui.widgets.compare_table import CompareTable
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.rendering import DIM_STYLE, inert, meta_styles, plain, plural
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import Comparison, ReportRef, comparison_markdown


def ref_line(side: str, ref: ReportRef) -> Text:
    line = Text(f"{side}  ", style="bold reverse")
    line.append(" ")
    line.append_text(plain(ref.unit, "(unit unknown)", "bold"))
    for value, style in zip((ref.symbol, ref.date, ref.doc_type), meta_styles()):
        if value:
            line.append("  ·  ", style=DIM_STYLE)
            line.append(inert(value), style=style)
    line.append(f"  [{inert(ref.doc_id)}]", style=DIM_STYLE)
    return line


def summary(comparison: Comparison) -> str:
    statuses = [row.status for row in comparison.citations]
    return (
        f"citations: {statuses.count('both')} both, {statuses.count('only_a')} only A, "
        f"{statuses.count('only_b')} only B, {statuses.count('conflict')} conflicting · "
        f"{plural(len(comparison.shared), 'shared passage')}"
    )


def export_dir() -> Path:
    """Where exports go: $CCHC_EXPORT_DIR, else the current directory."""
    return Path(os.environ.get("CCHC_EXPORT_DIR") or Path.cwd())


def export_name(left: str, right: str) -> str:
    safe = "".join(char if char.isalnum() or char in "-_." else "_" for char in f"{left}-vs-{right}")
    return f"cchc-compare-{safe[:120]}.md"


TABS = Binding.Group("Tabs", compact=True)


class CompareScreen(Screen[None]):
    TITLE = "cchc — compare"

    BINDINGS = [
        Binding("escape", "back", "Back", id="compare.back", tooltip="Back to the results"),
        Binding("m", "export_markdown", "Export .md", id="compare.export", tooltip="Write the comparison as Markdown to a file"),
        *(
            Binding(str(number), f"show_tab('{tab}')", label, id=f"compare.tab-{tab}", group=TABS)
            for number, (tab, (label, _, _)) in enumerate(TABLES.items(), start=1)
        ),
    ]

    def __init__(self, left: str, right: str) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.comparison: Comparison | None = None
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"Comparing {inert(self.left)} and {inert(self.right)}…"), id="compare-refs")
        with TabbedContent(id="compare-tabs"):
            for tab, (label, _, _) in TABLES.items():
                with TabPane(label, id=tab):
                    yield CompareTable(id=f"table-{tab}")
        yield StatusLine(id="compare-status")
        yield FitFooter()

    def show_failure(self, error: Exception) -> None:
        self.query_one(TabbedContent).loading = False
        self.query_one(StatusLine).show_error(failure_message(error))

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text("Comparing…")
        self.query_one(TabbedContent).loading = True
        self.run_compare()

    @on(IndexChanged)
    def _index_changed(self) -> None:
        self.run_compare()

    @work(exclusive=True, thread=True, group="compare", exit_on_error=False)
    def run_compare(self) -> None:
        started = perf_counter()
        try:
            comparison = self.app.compare(self.left, self.right)
        except Exception as error:
            self.app.call_from_thread(self.show_failure, error)
            return
        self.app.call_from_thread(self.show_comparison, comparison, (perf_counter() - started) * 1000)

    def show_comparison(self, comparison: Comparison, elapsed_ms: float) -> None:
        self.comparison = comparison
        self.query_one(TabbedContent).loading = False
        refs = ref_line("A", comparison.a).append("\n").append_text(ref_line("B", comparison.b))
        self.query_one("#compare-refs", Static).update(refs)
        self.fill_tables()
        timing = f" · {elapsed_ms:.0f} ms" if self.app.show_timings else ""
        self.query_one(StatusLine).show_text(f"{summary(comparison)}{timing} · m: export Markdown")
        self.query_one("#table-overview", CompareTable).focus()

    def fill_tables(self) -> None:
        if self.comparison is None:
            return
        width = self.size.width or self.app.size.width
        for tab, (_, columns, build_rows) in TABLES.items():
            table = self.query_one(f"#table-{tab}", CompareTable)
            table.show_rows(columns, build_rows(self.comparison), flexible=FLEXIBLE[tab], width=width, empty=EMPTY[tab])

    def on_resize(self) -> None:
        self.fill_tables()

    @on(ThemeChanged)
    def _theme_changed(self) -> None:
        self.fill_tables()

    def action_export_markdown(self) -> None:
        if self.comparison is None:
            self.notify("The comparison is not ready yet", severity="warning")
            return
        target = export_dir() / export_name(self.left, self.right)
        try:
            target.write_text(comparison_markdown(self.comparison), encoding="utf-8")
        except OSError as error:
            self.notify(f"Could not write {target}: {error.strerror or error}", severity="error", markup=False)
            return
        self.exported = target
        self.query_one(StatusLine).show_text(f"Markdown written to {target}")
        self.notify(f"Comparison exported to {target}", title="Exported", markup=False)

    @on(CompareTable.OpenSide)
    def _open_side(self, message: CompareTable.OpenSide) -> None:
        doc_id = self.left if message.side == "a" else self.right
        self.post_message(OpenReport(doc_id, line=message.line))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#table-{tab}", CompareTable).focus()
