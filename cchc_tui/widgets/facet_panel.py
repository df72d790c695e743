"""Counts per unit, type, year and topic for the current query; choosing one filters, again removes it."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from cchc_tui.palette import styles
from cchc_tui.widgets.fitted_tree import FittedTree
from cchc_tui.widgets.rendering import DIM_STYLE, inert

FACET_LABELS = {"unit": "Units", "doc_type": "Types", "year": "Years", "topic": "Topics"}
MAX_VALUES = 30


@dataclass(frozen=True)
class FacetValue:
    facet: str
    value: str


Branch = tuple[Text, FacetValue, list[tuple[Text, "FacetValue | None"]]]


class FacetPanel(FittedTree[FacetValue | None]):
    """A tree: facet names, then values with counts; active values are marked."""

    DEFAULT_CSS = """
    FacetPanel { width: 34; border-right: vkey $foreground 20%; overflow-x: hidden; }
    """

    @dataclass
    class Picked(Message):
        facet_panel: FacetPanel
        facet: str
        value: str
        active: bool = False  # the value was already a filter: picking it again removes it

    def __init__(self, **kwargs) -> None:
        super().__init__(Text("Facets"), **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self.active: dict[str, str] = {}

    def show_facets(
        self, facets: dict[str, dict[str, int]], labels: dict[str, dict[str, str]] | None = None,
        active: dict[str, str] | None = None, undated: int = 0,
    ) -> None:
        """`labels` names facet values for display (topic ids -> labels); `active`: facet -> value filtered on;
        `undated`: reports the Years facet cannot list (no date)."""
        self.active = dict(active or {})
        wanted = self._wanted(facets, labels or {}, undated)
        if not self._relabel(wanted):
            self._rebuild(wanted)

    def _wanted(self, facets: dict[str, dict[str, int]], labels: dict[str, dict[str, str]], undated: int) -> list[Branch]:
        """(header, data, leaves) of each facet shown; each leaf (label, data)."""
        wanted = []
        for facet, label in FACET_LABELS.items():
            counts = dict(facets.get(facet) or {})
            if self.active.get(facet) and self.active[facet] not in counts:
                counts[self.active[facet]] = 0
            extra = undated if facet == "year" else 0
            if not counts and not extra:
                continue  # no header over nothing
            leaves: list[tuple[Text, FacetValue | None]] = [
                (self._leaf(count, labels.get(facet, {}).get(value, value), self.active.get(facet) == value), FacetValue(facet, value))
                for value, count in _top(counts, newest_first=facet == "year")
            ]
            if extra:
                leaves.append((Text(f"{extra:>3} ", style=DIM_STYLE).append("(undated)", style="italic"), None))
            wanted.append((Text(f"{label} ({len(counts) + bool(extra)})", style="bold"), FacetValue(facet, ""), leaves))
        return wanted

    def _relabel(self, wanted: list[Branch]) -> bool:
        """New labels on the nodes there already, when the tree keeps its shape (same facets, as many
        values each): only the lines whose label changed are drawn again, nothing is laid out again
        (the next page of the same query, same counts: nothing at all). A rebuild cleared the tree,
        re-laid out the screen and redrew every line (~3 passes a search)."""
        branches = self.root.children
        if len(branches) != len(wanted) or any(
            node.data != data or len(node.children) != len(leaves) for node, (_, data, leaves) in zip(branches, wanted)
        ):
            return False
        line = 0  # each branch's line, then its leaves' when it is expanded (the root is hidden)
        for node, (header, _, leaves) in zip(branches, wanted):
            self._set(node, header, node.data, line)
            line += 1
            for offset, (leaf, (label, data)) in enumerate(zip(node.children, leaves)):
                self._set(leaf, label, data, line + offset if node.is_expanded else -1)
            line += len(leaves) if node.is_expanded else 0
        return True

    def _set(self, node: TreeNode, label: Text, data: FacetValue | None, line: int) -> None:
        node.data = data
        if node._label != label:
            node._label = label
            node._updates += 1  # part of the tree's line cache key: this line is drawn again
            if line >= 0:
                self.refresh_line(line)

    def _rebuild(self, wanted: list[Branch]) -> None:
        expanded = {node.data for node in self.root.children if node.is_expanded}
        self.clear()
        for header, data, leaves in wanted:
            branch = self.root.add(header, data=data)
            for label, value in leaves:
                branch.add_leaf(label, data=value)
            if not expanded or data in expanded:
                branch.expand()

    def _leaf(self, count: int, shown: str, active: bool) -> Text:
        leaf = Text(f"{count:>3} ", style=DIM_STYLE)
        name = Text(("● " if active else "") + inert(shown), style=f"bold {styles().accent}" if active else "")
        return leaf.append_text(name)

    @on(Tree.NodeSelected)
    def _pick(self, event: Tree.NodeSelected) -> None:
        event.stop()
        data = event.node.data
        if data is not None and data.value:
            self.post_message(self.Picked(self, data.facet, data.value, self.active.get(data.facet) == data.value))


def _top(counts: dict[str, int], newest_first: bool = False) -> list[tuple[str, int]]:
    if newest_first:
        return sorted(counts.items(), reverse=True)[:MAX_VALUES]
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_VALUES]
