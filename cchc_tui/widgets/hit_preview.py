"""The matching lines of the highlighted result, beside the list on wide terminals."""
from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from cchc_tui.widgets.rendering import DIM_STYLE, excerpt, hit_heading, plain, plural

MAX_LINES = 60
GUTTER = 7  # `  123│ `


def preview_text(hit, width: int = 100) -> Text:
    """Heading, title and each matching line on one row of `width` cells (cut between words, the match kept)."""
    text = hit_heading(hit)
    text.append("\n")
    text.append_text(plain(hit.title, "(no title)", "italic"))
    text.append(f"\n{plural(len(hit.lines), 'matching line')}\n", style=DIM_STYLE)
    for line_hit in hit.lines[:MAX_LINES]:
        text.append(f"\n{line_hit.line:>5}│ ", style=DIM_STYLE)
        text.append_text(excerpt(line_hit, max(20, width - GUTTER)))
    if len(hit.lines) > MAX_LINES:
        text.append(f"\n  … {len(hit.lines) - MAX_LINES} more (open the report)", style=DIM_STYLE)
    return text


class HitPreview(VerticalScroll):
    DEFAULT_CSS = """
    HitPreview { width: 1fr; border-left: vkey $foreground 20%; padding: 0 1; display: none; }
    HitPreview.-shown { display: block; }
    """

    def compose(self):
        yield Static(id="preview-text")

    def show_hit(self, hit) -> None:
        width = self.scrollable_content_region.width or 100  # (the search screen shows it again on resize)
        self.query_one(Static).update(preview_text(hit, width) if hit is not None else Text(""))
        self.scroll_home(animate=False)
