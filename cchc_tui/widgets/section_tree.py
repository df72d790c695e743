"""The report's outline (sections as parsed); choosing one jumps to its line."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from cchc_tui.widgets.fitted_tree import FittedTree
from cchc_tui.widgets.rendering import DIM_STYLE, inert
from indexer.api import Section


def section_label(section: Section) -> Text:
    # The line number first: long headings end in … at the panel's edge.
    label = Text(f"{section.line:>3} ", style=DIM_STYLE)
    label.append(inert(section.number), style="bold")
    label.append(" ")
    label.append(inert(section.heading))
    return label


class SectionTree(FittedTree[Section]):
    @dataclass
    class Jump(Message):
        section_tree: SectionTree
        line: int

    def __init__(self, **kwargs) -> None:
        super().__init__(Text("Sections"), **kwargs)
        self.show_root = False

    def show_sections(self, sections: list[Section]) -> None:
        cursor = self.cursor_node.data.line if self.cursor_node is not None and self.cursor_node.data else None
        self.clear()
        for section in sections:
            self._add(self.root, section)
        self.root.expand_all()
        if not sections:
            self.root.add_leaf(Text("(no sections found)", style=DIM_STYLE))
        if cursor is not None:  # the same outline relabelled (readable view on or off): keep the reader's place
            self.call_after_refresh(self._move_to, cursor)

    def _move_to(self, line: int) -> None:
        for row in range(self.last_line + 1):
            node = self.get_node_at_line(row)
            if node is not None and node.data is not None and node.data.line == line:
                self.cursor_line = row
                return

    def _add(self, parent: TreeNode[Section], section: Section) -> None:
        if section.children:
            node = parent.add(section_label(section), data=section)
            for child in section.children:
                self._add(node, child)
        else:
            parent.add_leaf(section_label(section), data=section)

    @on(Tree.NodeSelected)
    def _jump(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Jump(self, event.node.data.line))
