"""One line under the results: how many reports matched, how fast, which filters."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cchc_tui.palette import styles
from cchc_tui.widgets.rendering import DIM_STYLE, inert, plural
from indexer.api import CchcError, Filters

FILTER_NAMES = {"unit": "unit", "doc_type": "type", "cites": "cites", "topic": "topic", "date_from": "from", "date_to": "to"}


def failure_message(error: Exception) -> str:
    """What to tell the user when an index call failed."""
    if isinstance(error, CchcError):
        return str(error)
    return f"internal error ({type(error).__name__}: {error}); please report it"


def describe_filters(filters: Filters, topic_labels: dict[str, str] | None = None) -> str:
    """`unit: Sở Nội vụ, topic: Một cửa…` — the names a user reads, not field ids."""
    labels = topic_labels or {}
    parts = []
    for name, value in _filter_items(filters):
        shown = labels.get(value, value) if name == "topic" else value
        parts.append(f"{FILTER_NAMES[name]}: {shown}")
    return ", ".join(parts)


def _filter_items(filters: Filters) -> list[tuple[str, str]]:
    return [(name, getattr(filters, name)) for name in FILTER_NAMES if getattr(filters, name)]


class StatusLine(Static):
    """Counts, timing, active filters, marks, or an error."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusLine.-error { color: $error; }
    """

    def show_counts(
        self, *, query: str, total: int, shown: int, elapsed_ms: float | None, filters: Filters, marked: int = 0,
        hidden_marks: int = 0, scope: str = "", topic_labels: dict[str, str] | None = None,
    ) -> None:
        self.remove_class("-error")
        accent = styles().accent
        line = Text()
        if not any(char.isalnum() for char in query) and filters.is_empty() and not scope:
            line.append(f"{plural(total, 'report')} indexed", style="bold")
            if total == 0:
                line.append("  ·  index some: cchc index PATH", style=accent)
        else:
            line.append(f"{plural(total, 'report')} {'matches' if total == 1 else 'match'}", style="bold")
            if shown < total:
                line.append(f" (showing {shown})")
        if elapsed_ms is not None:
            line.append(f"  ·  {elapsed_ms:.1f} ms", style=DIM_STYLE)
        if scope:
            line.append("  ·  within: ", style=DIM_STYLE)
            line.append(inert(scope), style=accent)
        if not filters.is_empty():
            line.append("  ·  ", style=DIM_STYLE)
            line.append(inert(describe_filters(filters, topic_labels)), style=accent)
        if marked:
            line.append(f"  ·  {marked} marked", style=accent)
            if hidden_marks:
                line.append(f" ({hidden_marks} not in these results)", style=DIM_STYLE)
        self.update(line, layout=False)  # one line, always: no need to lay the screen out again

    def show_error(self, message: str) -> None:
        self.add_class("-error")
        self.update(Text(inert(message)), layout=False)

    def show_text(self, message: str) -> None:
        self.remove_class("-error")
        self.update(Text(inert(message)), layout=False)
