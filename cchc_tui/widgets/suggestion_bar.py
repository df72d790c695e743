"""'Did you mean' choices, shown only when a query finds nothing."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cchc_tui.widgets.rendering import inert


class SuggestionBar(OptionList):
    """Each suggestion is an option; choosing one replaces the query."""

    DEFAULT_CSS = """
    SuggestionBar { height: auto; max-height: 6; display: none; border: round $warning; }
    SuggestionBar.-visible { display: block; }
    """

    @dataclass
    class Accepted(Message):
        suggestion_bar: SuggestionBar
        query: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Did you mean"
        self.suggestions: list[str] = []

    def show_suggestions(self, suggestions: list[str]) -> None:
        if list(suggestions) == self.suggestions:
            return  # most searches: none before, none now (refilling the list re-laid out the screen)
        self.suggestions = list(suggestions)
        self.clear_options()
        self.add_options(Option(Text(inert(s), style="bold")) for s in self.suggestions)
        self.set_class(bool(self.suggestions), "-visible")

    @on(OptionList.OptionSelected)
    def _accept(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Accepted(self, self.suggestions[event.option_index]))
