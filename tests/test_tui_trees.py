"""The outline and the facets: labels too long for the panel end in "…", never cut mid-word."""
from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from cchc_tui.widgets.facet_panel import FacetPanel
from cchc_tui.widgets.section_tree import SectionTree
from indexer.api import Section

LONG = "Phương hướng nhiệm vụ công tác tuyên truyền cải cách hành chính năm 2026 và các năm tiếp theo"


class OneTree(App[None]):
    CSS = "SectionTree, FacetPanel { width: 40; height: 12; }"

    def __init__(self, tree) -> None:
        super().__init__()
        self.widget = tree

    def compose(self) -> ComposeResult:
        yield self.widget


def shown_lines(tree) -> list[str]:
    """The tree's rows as drawn (guides, labels), trailing blanks dropped."""
    return [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]


def test_a_long_section_heading_ends_in_an_ellipsis_within_the_panel():
    async def scenario():
        tree = SectionTree()
        async with OneTree(tree).run_test(size=(80, 14)) as pilot:
            child = Section("1", LONG, 2, "other", 12, 20)
            tree.show_sections([Section("IV", LONG, 1, "phuong_huong", 10, 30, [child]), Section("V", "Kiến nghị", 1, "other", 31, 40)])
            await pilot.pause()
            return shown_lines(tree), tree.scrollable_content_region.width

    lines, width = asyncio.run(scenario())
    long_rows = [line for line in lines if "Phương hướng" in line]
    assert len(long_rows) == 2
    assert all(row.endswith("…") and len(row) <= width for row in long_rows)
    assert lines[0].startswith("▼  10 IV Phương hướng")
    # A section without children lines up with the ones that have a ▼ before them.
    assert lines[2] == "   31 V Kiến nghị"


def test_a_long_facet_value_ends_in_an_ellipsis_and_a_short_one_is_whole():
    async def scenario():
        tree = FacetPanel()
        async with OneTree(tree).run_test(size=(80, 14)) as pilot:
            tree.show_facets({"unit": {LONG: 3, "Sở Nội vụ": 1}})
            await pilot.pause()
            return shown_lines(tree), tree.scrollable_content_region.width

    lines, width = asyncio.run(scenario())
    assert lines[0].startswith("▼ Units (2)")
    assert lines[1].endswith("…") and "Phương hướng" in lines[1] and len(lines[1]) <= width
    assert lines[2].endswith("1 Sở Nội vụ")


def test_new_counts_of_the_same_facets_relabel_the_lines_in_place_and_show_the_new_counts():
    async def scenario():
        tree = FacetPanel()
        async with OneTree(tree).run_test(size=(80, 14)) as pilot:
            tree.show_facets({"unit": {"Sở Nội vụ": 3, "Sở Y tế": 1}, "year": {"2025": 4}})
            await pilot.pause()
            nodes = [*tree.root.children, *tree.root.children[0].children]
            tree.show_facets({"unit": {"Sở Tư pháp": 5, "Sở Nội vụ": 2}, "year": {"2024": 7}}, active={"year": "2024"})
            await pilot.pause()
            same = [*tree.root.children, *tree.root.children[0].children] == nodes
            relabelled = shown_lines(tree)
            tree.show_facets({"unit": {"Sở Tư pháp": 5}})  # one value fewer, no years: built again
            await pilot.pause()
            return same, relabelled, shown_lines(tree), [leaf.data.value for leaf in tree.root.children[0].children]

    same, relabelled, rebuilt, values = asyncio.run(scenario())
    assert same
    assert relabelled[:5] == ["▼ Units (2)", "├   5 Sở Tư pháp", "└   2 Sở Nội vụ", "▼ Years (1)", "└   7 ● 2024"]
    assert rebuilt[:2] == ["▼ Units (1)", "└   5 Sở Tư pháp"] and rebuilt[2] == ""
    assert values == ["Sở Tư pháp"]  # picking a line filters on what it shows
