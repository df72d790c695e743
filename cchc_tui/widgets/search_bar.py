"""The query input: posts `SearchBar.QueryChanged` once typing pauses."""
from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

DEBOUNCE_SECONDS = 0.15


class SearchBar(Input):
    """An input that searches as you type, debounced so each keystroke doesn't query."""

    @dataclass
    class QueryChanged(Message):
        search_bar: SearchBar
        query: str

    def __init__(self, *, debounce: float = DEBOUNCE_SECONDS, **kwargs) -> None:
        kwargs.setdefault("placeholder", "Search reports (with or without diacritics: quyet dinh 3041, mot cua…)")
        super().__init__(**kwargs)
        self.debounce = debounce
        self._pending: Timer | None = None

    async def _on_key(self, event: events.Key) -> None:
        # `/` is the key that leads here (help: "/ Search"): pressed again in the empty box it
        # stays the binding, not a query no one means (`//`). After a character it is one: 3041/QĐ-UBND.
        if event.character == "/" and not self.value:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    @on(Input.Changed)
    def _schedule(self, event: Input.Changed) -> None:
        event.stop()
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(self.debounce, self._emit)

    @on(Input.Submitted)
    def _submit_now(self, event: Input.Submitted) -> None:
        # Enter runs the query at once (and the screen moves focus to the results).
        if self._pending is not None:
            self._pending.stop()
            self._emit()

    def _emit(self) -> None:
        self._pending = None
        self.post_message(self.QueryChanged(self, self.value))
