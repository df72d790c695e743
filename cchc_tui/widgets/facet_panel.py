"""Counts per unit, type, year and topic for the current query; choosing one filters."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree

from cchc_tui.widgets.rendering import DIM_STYLE, inert

FACET_LABELS = {"unit": "Units", "doc_type": "Types", "year": "Years", "topic": "Topics"}
MAX_VALUES = 30


@dataclass(frozen=True)
class FacetValue:
    facet: str
    value: str


class FacetPanel(Tree[FacetValue | None]):
    """A tree: facet names, then values with counts."""

    DEFAULT_CSS = """
    FacetPanel { width: 34; border-right: vkey $foreground 20%; overflow-x: hidden; }
    """

    @dataclass
    class Picked(Message):
        facet_panel: FacetPanel
        facet: str
        value: str

    def __init__(self, **kwargs) -> None:
        super().__init__(Text("Facets"), **kwargs)
        self.show_root = False
        self.guide_depth = 2

    def show_facets(self, facets: dict[str, dict[str, int]], labels: dict[str, dict[str, str]] | None = None) -> None:
        """`labels` names facet values for display (topic ids -> labels); picking still uses the value."""
        labels = labels or {}
        expanded = {node.data for node in self.root.children if node.is_expanded}
        self.clear()
        for facet, label in FACET_LABELS.items():
            counts = facets.get(facet) or {}
            branch = self.root.add(Text(f"{label} ({len(counts)})", style="bold"), data=FacetValue(facet, ""))
            for value, count in _top(counts, newest_first=facet == "year"):
                leaf = Text(f"{count:>3} ", style=DIM_STYLE)
                leaf.append(inert(labels.get(facet, {}).get(value, value)))
                branch.add_leaf(leaf, data=FacetValue(facet, value))
            if not expanded or FacetValue(facet, "") in expanded:
                branch.expand()

    @on(Tree.NodeSelected)
    def _pick(self, event: Tree.NodeSelected) -> None:
        event.stop()
        data = event.node.data
        if data is not None and data.value:
            self.post_message(self.Picked(self, data.facet, data.value))


def _top(counts: dict[str, int], newest_first: bool = False) -> list[tuple[str, int]]:
    if newest_first:
        return sorted(counts.items(), reverse=True)[:MAX_VALUES]
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_VALUES]
