"""Search results: two or three lines per report under a rule; space marks two for comparing.

A virtual list (Textual's line API): a new result set only records where each hit starts;
a hit's lines are built when they scroll into view, and kept until the hits, the width,
the theme or the marks change. 200 hits cost what the 8 or so on screen cost.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cchc_tui.widgets.rendering import hit_prompt
from indexer.api import Hit

MAX_MARKED = 2


def hit_height(hit: Hit) -> int:
    """Heading and title, the first matching line when there is one (see `hit_prompt`)."""
    return 3 if hit.lines else 2


def shown_as(hit: Hit) -> tuple:
    """What `hit_prompt` draws of a hit (not its score): equal, the same lines on screen."""
    first = hit.lines[0] if hit.lines else None
    return (hit.doc_id, hit.unit, hit.symbol, hit.date, hit.doc_type, hit.title, hit.scattered, len(hit.lines),
            first and (first.line, first.text, tuple(map(tuple, first.spans))))


def shared_prefix(old: list[Hit], new: list[Hit]) -> int:
    """How many hits `new` begins with that `old` shows the same way at the same places."""
    kept = 0
    for before, after in zip(old, new):
        if before is not after and shown_as(before) != shown_as(after):
            break
        kept += 1
    return kept


class ResultList(ScrollView, can_focus=True):
    """The hits of the current query."""

    DEFAULT_CSS = """
    ResultList { background: $surface; overflow-x: hidden; padding: 0 1; }
    ResultList:focus { background-tint: $foreground 5%; }
    ResultList > .result-list--highlight { background: $block-cursor-blurred-background; }
    ResultList:focus > .result-list--highlight { background: $block-cursor-background; }
    ResultList > .result-list--rule { color: $foreground 15%; }
    """
    COMPONENT_CLASSES = {"result-list--highlight", "result-list--rule"}

    BINDINGS = [
        Binding("enter", "choose", "Open", show=False, id="results.open", tooltip="Open the highlighted report"),
        Binding("up", "move(-1)", "Up", show=False, id="results.up"),
        Binding("down", "move(1)", "Down", show=False, id="results.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="results.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="results.page-down"),
        Binding("home", "move_to(0)", "First", show=False, id="results.first"),
        Binding("end", "move_to(-1)", "Last", show=False, id="results.last"),
        Binding("space", "toggle_mark", "Mark", id="results.mark", tooltip="Mark this report for comparing (two at most)"),
        Binding("c", "compare", "Compare", id="results.compare", tooltip="Compare the two marked reports side by side"),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    @dataclass
    class Highlighted(Message):
        result_list: ResultList
        index: int

    @dataclass
    class Chosen(Message):
        """The user opened a result (Enter or click)."""

        result_list: ResultList
        hit: Hit

    @dataclass
    class CompareRequested(Message):
        result_list: ResultList
        left: str  # doc ids: marks survive a change of query
        right: str

    @dataclass
    class MarksChanged(Message):
        result_list: ResultList
        marked: list[str]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[Hit] = []
        self.marked: list[str] = []  # doc ids, oldest first
        self._starts: list[int] = []  # first row of each hit (each but the last is followed by a rule)
        self._rows = 0
        self._drawn: dict[tuple, list[Strip]] = {}
        self._styles = (Style(), Style(), Style())  # plain, highlighted, rule: set each frame

    # -- content ---------------------------------------------------------------

    def show_hits(self, hits: list[Hit], keep_position: bool = False) -> None:
        """Replace the list; the highlight goes to the top unless `keep_position` (same query
        refreshed) and the highlighted report is still there. Marks always survive. The hits
        listed before at the same places (the first page, when the rest comes) keep their lines
        and are not drawn again."""
        current = self.current_hit if keep_position else None
        old_rows, old_hits, self.hits = self._rows, self.hits, list(hits)
        self._starts, row = [], 0
        for hit in self.hits:
            self._starts.append(row)
            row += hit_height(hit) + 1
        self._rows = max(0, row - 1)
        kept = shared_prefix(old_hits, self.hits)
        self._drawn = {key: strips for key, strips in self._drawn.items() if key[0] < kept}
        self._resize_virtual()
        changed_from = self._starts[kept] if kept < len(self.hits) else self._rows
        self.refresh_lines(changed_from, max(old_rows, self._rows) + 1 - changed_from)  # (+1: the rule after the last kept hit)
        doc_ids = [hit.doc_id for hit in self.hits]
        if current is not None and current.doc_id in doc_ids:
            self.highlighted = doc_ids.index(current.doc_id)
        else:
            self.highlighted = 0 if self.hits else None
            self.scroll_to(y=0, animate=False, immediate=True)

    def _resize_virtual(self) -> None:
        """A new scrollable height without laying the screen out again: the list's own region does
        not change (it fills its column), only its scrollbar does. A layout, besides ~1 ms, redrew
        every scroll view's scrollbars on the screen (~3 ms each at 40 rows)."""
        size = Size(self.scrollable_content_region.width, self._rows)
        if size != self.virtual_size:
            self.set_reactive(ResultList.virtual_size, size)
            self._scroll_update(size)  # the scrollbar shown or hidden, its thumb resized

    @property
    def current_hit(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and 0 <= index < len(self.hits) else None

    @property
    def prompt_width(self) -> int:
        return max(20, self.scrollable_content_region.width - 1)

    def prompt_at(self, index: int) -> Text:
        """What the list shows for hit `index` (all its lines, one Text)."""
        hit = self.hits[index]
        return hit_prompt(hit, marked=hit.doc_id in self.marked, width=self.prompt_width)

    def restyle(self) -> None:
        """Draw the hits again (new width, new theme, marks changed)."""
        self._drawn.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._resize_virtual()
        self.restyle()

    @property
    def hidden_marks(self) -> list[str]:
        """Marked reports the current results do not list (a filter or a new query hides them)."""
        shown = {hit.doc_id for hit in self.hits}
        return [doc_id for doc_id in self.marked if doc_id not in shown]

    # -- drawing ---------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles looked up once a frame, not once a line (each lookup walks the CSS).
        plain = self.rich_style
        self._styles = (plain, plain + self.get_component_rich_style("result-list--highlight"),
                        plain + self.get_component_rich_style("result-list--rule"))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        plain, _, rule = self._styles
        row = self.scroll_offset.y + y
        index = bisect_right(self._starts, row) - 1
        if not 0 <= index < len(self.hits) or row >= self._rows:
            return Strip.blank(width, plain)
        strips = self._hit_strips(index, width)
        part = row - self._starts[index]
        return strips[part] if part < len(strips) else Strip([Segment("─" * width, rule)], width)

    def _hit_strips(self, index: int, width: int) -> list[Strip]:
        plain, highlight, _ = self._styles
        base = highlight if index == self.highlighted else plain
        key = (index, width, base, self.app.theme)
        strips = self._drawn.get(key)
        if strips is None:
            strips = [self._strip(line, width, base) for line in self.prompt_at(index).split("\n")]
            self._drawn[key] = strips
        return strips

    def _strip(self, line: Text, width: int, base: Style) -> Strip:
        segments = Segment.apply_style(line.render(self.app.console), base)
        return Strip(segments).crop_extend(0, width, base)

    # -- moving and choosing ---------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self.hits:
            return None
        return min(max(index, 0), len(self.hits) - 1)

    def watch_highlighted(self, previous: int | None, index: int | None) -> None:
        for hit in {previous, index} - {None}:  # only those two hits change style
            self.refresh_hit(hit)
        if index is None:
            return
        self.scroll_to_hit(index)
        self.post_message(self.Highlighted(self, index))

    def refresh_hit(self, index: int) -> None:
        if 0 <= index < len(self.hits):
            self.refresh_lines(self._starts[index], hit_height(self.hits[index]))

    def scroll_to_hit(self, index: int) -> None:
        if not self.is_mounted or not self.hits:
            return
        region = Region(0, self._starts[index], self.scrollable_content_region.width, hit_height(self.hits[index]))
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        if self.hits:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + step

    def action_move_to(self, index: int) -> None:
        if self.hits:
            self.highlighted = index if index >= 0 else len(self.hits) + index

    def action_page(self, direction: int) -> None:
        if not self.hits:
            return
        current = self.highlighted or 0
        row = self._starts[current] + direction * self.scrollable_content_region.height
        self.highlighted = max(0, bisect_right(self._starts, max(0, row)) - 1) if direction < 0 or row < self._rows else len(self.hits) - 1

    def action_choose(self) -> None:
        hit = self.current_hit
        if hit is not None:
            self.post_message(self.Chosen(self, hit))

    def hit_at(self, content_y: int) -> int | None:
        """The hit drawn at row `content_y` of the visible list (None: a rule or past the end)."""
        row = self.scroll_offset.y + content_y
        index = bisect_right(self._starts, row) - 1
        if 0 <= index < len(self.hits) and row - self._starts[index] < hit_height(self.hits[index]):
            return index
        return None

    def on_click(self, event: events.Click) -> None:
        """A click highlights a result; a click on the highlighted one (or a double click) opens it."""
        offset = event.get_content_offset(self)
        index = self.hit_at(offset.y) if offset is not None else None
        if index is None:
            return
        if index == self.highlighted or event.chain > 1:
            self.action_choose()
        else:
            self.highlighted = index

    # -- marks -----------------------------------------------------------------

    def action_toggle_mark(self) -> None:
        hit = self.current_hit
        if hit is None:
            return
        if hit.doc_id in self.marked:
            self.marked.remove(hit.doc_id)
        elif len(self.marked) >= MAX_MARKED:
            hidden = f" ({len(self.hidden_marks)} not in these results)" if self.hidden_marks else ""
            self.notify(f"Two reports are marked already{hidden}: unmark one with space, or press c to compare", severity="warning")
            return
        else:
            self.marked.append(hit.doc_id)
        self.restyle()
        self.post_message(self.MarksChanged(self, list(self.marked)))

    def action_compare(self) -> None:
        if len(self.marked) < MAX_MARKED:
            self.notify("Mark two reports with space first (marks survive a new query)", severity="warning")
            return
        self.post_message(self.CompareRequested(self, self.marked[0], self.marked[1]))
