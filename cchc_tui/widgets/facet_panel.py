"""Counts per unit, type, year and topic for the current query; choosing one filters, again removes it."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree

from cchc_tui.palette import styles
from cchc_tui.widgets.fitted_tree import FittedTree
from cchc_tui.widgets.rendering import DIM_STYLE, inert

FACET_LABELS = {"unit": "Units", "doc_type": "Types", "year": "Years", "topic": "Topics"}
MAX_VALUES = 30


@dataclass(frozen=True)
class FacetValue:
    facet: str
    value: str


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
        labels = labels or {}
        self.active = dict(active or {})
        expanded = {node.data for node in self.root.children if node.is_expanded}
        self.clear()
        for facet, label in FACET_LABELS.items():
            counts = dict(facets.get(facet) or {})
            if self.active.get(facet) and self.active[facet] not in counts:
                counts[self.active[facet]] = 0
            extra = undated if facet == "year" else 0
            if not counts and not extra:
                continue  # no header over nothing
            branch = self.root.add(Text(f"{label} ({len(counts) + bool(extra)})", style="bold"), data=FacetValue(facet, ""))
            for value, count in _top(counts, newest_first=facet == "year"):
                shown = labels.get(facet, {}).get(value, value)
                branch.add_leaf(self._leaf(count, shown, self.active.get(facet) == value), data=FacetValue(facet, value))
            if extra:
                branch.add_leaf(Text(f"{extra:>3} ", style=DIM_STYLE).append("(undated)", style="italic"), data=None)
            if not expanded or FacetValue(facet, "") in expanded:
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
