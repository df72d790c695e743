"""A Tree whose labels end in "…" at the panel's edge instead of being cut mid-word."""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeDataType, TreeNode

from cchc_tui.widgets.column_fit import cut_at_words


def node_depth(node: TreeNode) -> int:
    """0 for the root's children (the root is hidden in our trees)."""
    depth, parent = 0, node.parent
    while parent is not None and parent.parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


class FittedTree(Tree[TreeDataType]):
    """Labels fit the width left beside the guides; leaves beside branches line up with their labels."""

    _width = 0  # of the content region, looked up once a frame (each lookup walks the styles)
    _line_style = Style()  # the widget's style, likewise once a frame (Tree asked for it on every line)

    def render_lines(self, crop):
        self._width = self.scrollable_content_region.width
        self._line_style = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        # Tree.render_line, the style looked up once a frame (render_lines) instead of on each line.
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, self._line_style)

    def _on_resize(self, event) -> None:
        self._width = self.scrollable_content_region.width
        super()._on_resize(event)  # (Tree measures its labels again)

    def render_label(self, node: TreeNode[TreeDataType], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        if not node.allow_expand and node.parent is self.root and any(n.allow_expand for n in self.root.children):
            label = Text("  ", style=base_style).append_text(label)  # where a branch has its ▼
        room = (self._width or self.scrollable_content_region.width) - node_depth(node) * self.guide_depth
        return cut_at_words(label, room) if room > 1 else label
