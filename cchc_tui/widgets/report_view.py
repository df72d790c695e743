"""The original report text: line numbers, highlighted matches, wrapping, jumps."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cchc_tui.widgets.rendering import highlighted
from indexer.api import is_page_break, page_of_line, page_starts

GUTTER_PAD = 2  # spaces between the line number and the text


@dataclass(slots=True)
class _Row:
    line: int  # 1-based source line this screen row belongs to
    first: bool  # first row of the line (carries the number)
    strip: Strip


class ReportView(ScrollView, can_focus=True):
    """A line-API view: only visible rows are rendered, long lines wrap."""

    BINDINGS = [
        Binding("w", "toggle_wrap", "Wrap", show=False, id="report.wrap", tooltip="Wrap long lines or scroll sideways"),
        Binding("g", "first_line", "Top", show=False, id="report.top"),
        Binding("G", "last_line", "Bottom", show=False, id="report.bottom"),
    ]

    COMPONENT_CLASSES = {"report-view--gutter", "report-view--current"}

    DEFAULT_CSS = """
    ReportView { background: $surface; }
    ReportView > .report-view--gutter { color: $foreground 40%; }
    ReportView > .report-view--current { background: $accent 25%; }
    """

    @dataclass
    class Moved(Message):
        """The view scrolled: the status line says where the reader is."""

        report_view: ReportView

    @dataclass
    class MatchChanged(Message):
        report_view: ReportView
        index: int  # 0-based position among the lines being walked
        total: int
        line: int
        walk: str  # what n/N walk: "match" or a topic / citation name

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.match_lines: list[int] = []  # lines with search matches (highlighted)
        self.walk_lines: list[int] = []  # what n/N step through: the matches, or lines chosen in the outline
        self.walk_name = "match"
        self.current_line: int | None = None
        self.wrap = True
        self._rows: list[_Row] = []
        self._first_row: list[int] = []  # index by line - 1
        self._layout_width = -1
        self._page_starts: list[int] = [1]  # first line of each page (PDF, Word, scans); one page for a .txt
        self._placing = False  # shown at a line: scroll there before the first row is painted

    # -- content -------------------------------------------------------------

    def swap_text(self, text: str, spans: dict[int, list[tuple[int, int]]] | None = None) -> None:
        """Another text with the same lines (the readable view): place, matches and walk are kept."""
        lines = text.split("\n")
        if len(lines) != len(self.lines):
            return
        self.lines = lines
        self.spans = {line: list(s) for line, s in (spans or {}).items() if 0 < line <= len(self.lines)}
        self.restyle()

    def restyle(self) -> None:
        """Lay the text out again (new theme, new text); the current line stays in view."""
        self._layout_width = -1
        self._relayout()
        self._scroll_to_current()

    def show_text(self, text: str, spans: dict[int, list[tuple[int, int]]] | None = None, at_line: int | None = None) -> None:
        """Show `text`; `spans` maps 1-based line numbers to match spans in that line. With `at_line`,
        the first frame that paints the text already shows that line (never line 1 first)."""
        self.lines = text.split("\n")
        self._page_starts = page_starts(text)
        self.spans = {line: list(s) for line, s in (spans or {}).items() if 0 < line <= len(self.lines)}
        self.match_lines = sorted(line for line, s in self.spans.items() if s)
        self.walk_matches()
        self.current_line = min(max(1, at_line), len(self.lines)) if at_line else None
        self._placing = at_line is not None
        self._layout_width = -1
        self._relayout()
        if at_line is not None:
            self.post_message(self.Moved(self))

    @property
    def gutter_width(self) -> int:
        page = f"p{len(self._page_starts)} " if self.paged else ""
        return len(page) + len(str(max(999, len(self.lines)))) + GUTTER_PAD

    @property
    def paged(self) -> bool:
        return len(self._page_starts) > 1

    def gutter_label(self, line: int) -> str:
        """`12`, or `p3 12` in a paged document: the page beside the line number."""
        return f"p{page_of_line(line, self._page_starts)} {line}" if self.paged else str(line)

    def _line_text(self, line: int) -> Text:
        printed = self.lines[line - 1]
        if is_page_break(printed):  # the break between two pages of a PDF or Word file
            return Text(f"──── page {page_of_line(line + 1, self._page_starts)} ────")
        return highlighted(printed, self.spans.get(line, ()))

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        if width == self._layout_width and self._rows:
            return
        self._layout_width = width
        console = self.app.console
        text_width = max(10, width - self.gutter_width)
        rows: list[_Row] = []
        first_row: list[int] = []
        for line in range(1, len(self.lines) + 1):
            first_row.append(len(rows))
            text = self._line_text(line)
            pieces = text.wrap(console, text_width, overflow="fold") if self.wrap else [text]
            for number, piece in enumerate(pieces or [Text("")]):
                segments = list(piece.render(console, end=""))
                rows.append(_Row(line, number == 0, Strip(segments)))
        self._rows, self._first_row = rows, first_row
        widest = max((row.strip.cell_length for row in rows), default=0)
        self.virtual_size = Size(widest + self.gutter_width, len(rows))
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if old != new:
            self.post_message(self.Moved(self))

    def visible_lines(self) -> tuple[int, int]:
        """First and last source line on screen."""
        if not self._rows:
            return (0, 0)
        top = min(int(self.scroll_offset.y), len(self._rows) - 1)
        bottom = min(top + max(1, self.scrollable_content_region.height) - 1, len(self._rows) - 1)
        return self._rows[top].line, self._rows[bottom].line

    def on_resize(self) -> None:
        if self.wrap:
            self._relayout()
            self._scroll_to_current()  # rows moved: keep the current line in view

    # -- rendering -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._placing:
            self._place()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        gutter_style = self.get_component_rich_style("report-view--gutter")
        number = self.gutter_label(row.line) if row.first else ""
        gutter = Segment(number.rjust(self.gutter_width - GUTTER_PAD) + " " * GUTTER_PAD, gutter_style)
        body = row.strip.crop(scroll_x, scroll_x + max(0, width - self.gutter_width))
        strip = Strip([gutter, *body], self.gutter_width + body.cell_length)
        style: Style = base
        if row.line == self.current_line:
            style = base + self.get_component_rich_style("report-view--current")
        return strip.extend_cell_length(width).apply_style(style)

    def screen_row(self, line: int) -> int | None:
        """Where `line` starts in the visible rows, or None when scrolled out of view."""
        if not 0 < line <= len(self._first_row):
            return None
        row = self._first_row[line - 1] - self.scroll_offset.y
        return row if 0 <= row < self.scrollable_content_region.height else None

    # -- navigation ----------------------------------------------------------

    def goto_line(self, line: int) -> None:
        """Scroll so `line` sits about a third down the view, and mark it current."""
        if not self.lines:
            return
        self.current_line = min(max(1, line), len(self.lines))
        self._scroll_to_current()
        self.post_message(self.Moved(self))
        # Before the first layout the view has no height to scroll in (and a scroll made then is
        # lost): scroll again right before the next paint, so no frame shows another place first.
        self._placing = True

    def _place(self) -> None:
        """Scroll to the line `show_text` was given, once the view has a height to scroll in: done
        while painting, so the frame being painted is the first to show the text, at that line."""
        if self.scrollable_content_region.height <= 0:
            return
        self._placing = False
        self._relayout()  # the width may have changed since show_text
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        if self.current_line is None or not self._first_row:
            return
        row = self._first_row[self.current_line - 1]
        self.scroll_to(y=max(0, row - self.size.height // 3), animate=False, immediate=True)
        self.refresh()

    def walk_matches(self) -> None:
        """n/N step through the search matches again."""
        self.walk(self.match_lines, "match")

    def walk(self, lines: list[int], name: str) -> None:
        """n/N step through `lines` (a topic's lines, a citation's occurrences)."""
        self.walk_lines = sorted({line for line in lines if 0 < line <= len(self.lines)})
        self.walk_name = name

    def _jump_to_match(self, line: int) -> None:
        self.goto_line(line)
        index = self.walk_lines.index(line)
        self.post_message(self.MatchChanged(self, index, len(self.walk_lines), line, self.walk_name))

    def action_next_match(self) -> None:
        if not self.walk_lines:
            self.notify("No highlighted matches in this report", severity="warning")
            return
        after = bisect_right(self.walk_lines, self.current_line or 0)
        self._jump_to_match(self.walk_lines[after % len(self.walk_lines)])

    def action_previous_match(self) -> None:
        if not self.walk_lines:
            self.notify("No highlighted matches in this report", severity="warning")
            return
        before = bisect_left(self.walk_lines, self.current_line or len(self.lines) + 1) - 1
        self._jump_to_match(self.walk_lines[before % len(self.walk_lines)])

    def action_toggle_wrap(self) -> None:
        self.wrap = not self.wrap
        self._layout_width = -1
        self._relayout()
        if self.current_line:
            self.goto_line(self.current_line)

    def action_first_line(self) -> None:
        self.goto_line(1)

    def action_last_line(self) -> None:
        self.goto_line(len(self.lines))
