"""A modal listing the keys of the screen underneath, grouped by where they apply."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from cchc_tui.palette import styles

GROUP_NAMES = {
    "CchcApp": "Everywhere",
    "SearchScreen": "Search screen",
    "DocumentScreen": "Report screen",
    "CompareScreen": "Compare screen",
    "ResultList": "Result list",
    "ReportView": "Report text",
    "SearchBar": "Search box",
    "CompareTable": "Compare tables",
    "DashboardScreen": "Dashboard",
    "CitationsScreen": "Citations browser",
    "CitingScreen": "Reports citing a document",
    "ConflictsScreen": "Conflicts",
    "FacetPanel": "Facets",
}
# Keys and gestures that are not bindings of ours (Textual's widgets and the palette).
GENERAL = [
    ("enter", "Open", "Open the highlighted result, row or cell; choose a facet (again: remove it)"),
    ("click", "Open", "Click a row to highlight it, click again (or Enter) to open; click a column header to sort"),
    ("wheel", "Scroll", "Scroll lists, tables and the report text"),
    ("tab / shift+tab", "Next / previous", "Move between the search box, facets, results, panels"),
    ("ctrl+p", "Palette", "Every action: go to a screen, open a report by id, export, readable view, switch theme"),
    ("space", "Mark", "In the results: mark a report for comparing (two at most)"),
]


def own_bindings(node: DOMNode) -> list[Binding]:
    """Bindings declared by the node's own classes in this package (not Textual's defaults)."""
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if cls.__module__.startswith("cchc_tui") and "BINDINGS" in cls.__dict__:
            found.extend(b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding))
    return found


def binding_groups(screen: Screen) -> list[tuple[str, list[Binding]]]:
    nodes: list[DOMNode] = [screen.app, screen, *screen.walk_children()]
    groups: dict[str, list[Binding]] = {}
    for node in nodes:
        bindings = own_bindings(node)
        if bindings:
            name = GROUP_NAMES.get(type(node).__name__, type(node).__name__)
            groups.setdefault(name, [])
            groups[name].extend(b for b in bindings if b not in groups[name])
    return list(groups.items())


class HelpScreen(ModalScreen[None]):
    """Keys of the screen underneath; the last column is the id to rebind it in CCHC_KEYMAP."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "Close", id="help.close", tooltip="Close help")]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(self.render_table(), id="help-table")

    def render_table(self) -> Table:
        table = Table(title="Keys", expand=True, show_header=False, box=None, padding=(0, 1))
        table.add_column(no_wrap=True, style=f"bold {styles().primary}")
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        table.add_column(style="dim italic", no_wrap=True)
        keymap = getattr(self.app, "_keymap", {})  # user overrides (CCHC_KEYMAP) by binding id
        table.add_row(Text("Anywhere", style="bold underline"), Text(""), Text(""), Text(""))
        for key, description, tooltip in GENERAL:
            table.add_row(Text(key), Text(description), Text(tooltip), Text(""))
        for group, bindings in binding_groups(self.target):
            table.add_row(Text(group, style="bold underline"), Text(""), Text(""), Text(""))
            for binding in bindings:
                if binding.id in keymap:
                    binding = binding.with_key(keymap[binding.id])
                key = Text(self.app.get_key_display(binding))
                table.add_row(key, Text(binding.description), Text(binding.tooltip), Text(binding.id or ""))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
