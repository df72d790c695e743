"""The metadata block above a report: who wrote it, when, about what."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cchc_tui.widgets.rendering import plain
from indexer.api import Report, ReportInfo


def header_fields(info: ReportInfo) -> list[tuple[str, str | None]]:
    signer = " — ".join(v for v in (info.signer, info.signer_role) if v) or None
    return [
        ("Unit", info.unit),
        ("Symbol", info.symbol),
        ("Type", info.doc_type),
        ("Date", info.date),
        ("Period", info.period),
        ("Signer", signer),
        ("Responds to", info.responds_to),
    ]


class ReportHeader(Static):
    DEFAULT_CSS = """
    ReportHeader { height: auto; max-height: 8; padding: 0 1; background: $boost; }
    """

    def show_report(self, report: Report) -> None:
        info = report.info
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        fields = header_fields(info)
        title = plain(info.title, "(no title)", "bold italic")
        table.add_row(Text("Title"), title, Text("File"), plain(report.doc_id))
        for (left, left_value), (right, right_value) in zip(fields[0::2], [*fields[1::2], ("", "")]):
            table.add_row(Text(left), plain(left_value), Text(right), plain(right_value) if right else Text(""))
        self.update(table)
