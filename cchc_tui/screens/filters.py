"""A modal to edit search filters; dismisses with the new `Filters` or None."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label

from indexer.api import DateError, Filters, check_date

# (field, label, placeholder)
FIELDS = [
    ("unit", "Unit", "Sở Khoa học và Công nghệ / so khoa hoc…"),
    ("doc_type", "Type", "Báo cáo, Kế hoạch…"),
    ("cites", "Cites", "3041/QĐ-UBND"),
    ("topic", "Topic", "Một cửa, chuyển đổi số… (diacritics optional)"),
    ("date_from", "From", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("date_to", "To", "YYYY, YYYY-MM or YYYY-MM-DD"),
]


def parse_form(values: dict[str, str]) -> Filters | str:
    """Filters from the form, or the message explaining what's wrong."""
    cleaned = {name: (values.get(name) or "").strip() or None for name, _, _ in FIELDS}
    for name in ("date_from", "date_to"):
        try:
            if cleaned[name]:
                check_date(cleaned[name])  # the one date rule of the CLI too (indexer.dates)
        except DateError as exc:
            return f"{name.replace('_', ' ')}: {exc}"
    return Filters(**cleaned)


class FilterScreen(ModalScreen[Filters | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel", tooltip="Close without changing filters"),
        Binding("ctrl+s", "apply", "Apply", id="filters.apply", tooltip="Search with these filters"),
    ]

    def __init__(self, filters: Filters, known: dict[str, list[str]] | None = None) -> None:
        super().__init__()
        self.filters = filters
        self.known = known or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog"):
            yield Label("Filters (empty = any)", id="filter-title")
            with Grid(id="filter-grid"):
                for name, label, placeholder in FIELDS:
                    yield Label(label)
                    suggester = SuggestFromList(self.known[name], case_sensitive=False) if self.known.get(name) else None
                    yield Input(
                        value=getattr(self.filters, name) or "",
                        placeholder=placeholder,
                        id=f"filter-{name}",
                        suggester=suggester,
                        compact=True,
                    )
            yield Label("", id="filter-error")
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def form_values(self) -> dict[str, str]:
        return {name: self.query_one(f"#filter-{name}", Input).value for name, _, _ in FIELDS}

    def action_apply(self) -> None:
        parsed = parse_form(self.form_values())
        if isinstance(parsed, str):
            self.query_one("#filter-error", Label).update(parsed)
            return
        self.dismiss(parsed)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#clear")
    def _clear_pressed(self) -> None:
        self.dismiss(Filters())

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
