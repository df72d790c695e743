"""One line under the results: how many reports matched, how fast, which filters."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cchc_tui.widgets.rendering import DIM_STYLE, inert
from indexer.api import CchcError, Filters


def failure_message(error: Exception) -> str:
    """What to tell the user when an index call failed."""
    if isinstance(error, CchcError):
        return str(error)
    return f"internal error ({type(error).__name__}: {error}); please report it"


def describe_filters(filters: Filters) -> str:
    return ", ".join(f"{name}={value}" for name, value in _filter_items(filters))


def _filter_items(filters: Filters) -> list[tuple[str, str]]:
    names = ("unit", "doc_type", "cites", "topic", "date_from", "date_to")
    return [(name, getattr(filters, name)) for name in names if getattr(filters, name)]


class StatusLine(Static):
    """Counts, timing, active filters, marks, or an error."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $boost; }
    StatusLine.-error { color: $error; }
    """

    def show_counts(
        self, *, query: str, total: int, shown: int, elapsed_ms: float, filters: Filters, marked: int = 0
    ) -> None:
        self.remove_class("-error")
        line = Text()
        if not any(char.isalnum() for char in query) and filters.is_empty():
            line.append(f"{total} reports indexed", style="bold")
            if total == 0:
                line.append("  ·  index some: cchc index PATH", style="yellow")
        else:
            line.append(f"{total} report{'s' if total != 1 else ''} match", style="bold")
            if shown < total:
                line.append(f" (showing {shown})")
        line.append(f"  ·  {elapsed_ms:.1f} ms", style=DIM_STYLE)
        if not filters.is_empty():
            line.append("  ·  filters: ", style=DIM_STYLE)
            line.append(inert(describe_filters(filters)), style="yellow")
        if marked:
            line.append(f"  ·  {marked} marked", style="yellow")
        self.update(line)

    def show_error(self, message: str) -> None:
        self.add_class("-error")
        self.update(Text(inert(message)))

    def show_text(self, message: str) -> None:
        self.remove_class("-error")
        self.update(Text(inert(message)))
