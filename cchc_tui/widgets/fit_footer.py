"""Textual's footer, keeping only the keys that fit whole: a narrow terminal cut the last one
mid-word (`f1 Hel▏` at 100 columns, `q Q▏` at 80). F1 (the help, which lists every key) is
always kept; keys that do not fit are left out, in the order Textual lists them (the focused
widget's first, the app's last), and F1 shows them all.
"""
from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.compose import compose
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

HELP_ACTION = "help"
PALETTE_CLASS = "-command-palette"


def footer_width(item: Widget) -> int:
    """Cells `item` takes in a footer that is not compact (the padding and margins of Footer's CSS;
    tests/test_tui_footer.py checks these against the regions Textual lays out)."""
    if isinstance(item, KeyGroup):  # keys without descriptions, then a FooterLabel
        keys = [child for child in (*item._pending_children, *item.children) if isinstance(child, FooterKey)]
        width = sum(Text(key.key_display).cell_len for key in keys)
        if item.has_class("-compact"):
            return width + 2  # padding-left 1, margin-right 1
        return width + len(keys) + 1  # margin 0 1 on each key; neighbours' margins overlap
    if isinstance(item, FooterLabel):
        return Text(str(item.content)).cell_len + 1  # margin-right 1
    if isinstance(item, FooterKey):
        description = Text(item.description).cell_len + 1 if item.description else 0
        return Text(item.key_display).cell_len + 2 + description
    return 0


def fitting(items: list[Widget], width: int) -> Iterable[Widget]:
    """`items` (a group's keys and its label count as one) that fit `width` cells, help kept."""
    palette = [item for item in items if item.has_class(PALETTE_CLASS)]
    rest = [item for item in items if not item.has_class(PALETTE_CLASS)]
    room = width - sum(footer_width(item) for item in palette)  # docked at the right end
    helps = [item for item in rest if isinstance(item, FooterKey) and item.action.endswith(HELP_ACTION)]
    room -= sum(footer_width(item) for item in helps)
    kept: list[Widget] = []
    index = 0
    while index < len(rest):
        item = rest[index]
        unit = [item, rest[index + 1]] if isinstance(item, KeyGroup) and index + 1 < len(rest) else [item]
        index += len(unit)
        if item in helps:
            kept.extend(unit)
            continue
        cost = sum(footer_width(part) for part in unit)
        if cost <= room:
            room -= cost
            kept.extend(unit)
    return [*kept, *palette]


class FitFooter(Footer):
    """A footer whose keys are never cut; recomposed when the terminal's width changes."""

    def compose(self) -> ComposeResult:
        items = compose(self, super().compose())  # groups built with their keys, as Textual would
        width = self.size.width or self.app.size.width
        yield from fitting(items, width)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
