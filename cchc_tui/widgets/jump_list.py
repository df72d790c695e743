"""A list of things found at lines of the report (citations, topics); choosing one jumps."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cchc_tui.widgets.rendering import DIM_STYLE


@dataclass(frozen=True)
class JumpItem:
    label: Text  # already inert
    line: int
    name: str = ""  # for the status line while n/N walk `lines`
    lines: tuple[int, ...] = ()  # every line of the item (a topic's lines, a citation's occurrences)


class JumpList(OptionList):
    @dataclass
    class Jump(Message):
        jump_list: JumpList
        line: int
        name: str = ""
        lines: tuple[int, ...] = ()

    def __init__(self, empty: str = "(none)", **kwargs) -> None:
        super().__init__(**kwargs)
        self.empty = empty
        self.items: list[JumpItem] = []

    def show_items(self, items: list[JumpItem]) -> None:
        self.items = list(items)
        self.clear_options()
        if not self.items:
            self.add_option(Option(Text(self.empty, style=DIM_STYLE), disabled=True))
        self.add_options(Option(item.label) for item in self.items)

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.items and 0 <= event.option_index < len(self.items):
            item = self.items[event.option_index]
            self.post_message(self.Jump(self, item.line, item.name, item.lines))
