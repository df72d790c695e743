"""Search results: one three-line option per report; space marks two for comparing."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cchc_tui.widgets.rendering import hit_prompt
from indexer.api import Hit

MAX_MARKED = 2


class ResultList(OptionList):
    """The hits of the current query."""

    BINDINGS = [
        Binding("space", "toggle_mark", "Mark", id="results.mark", tooltip="Mark this report for comparing (two at most)"),
        Binding("c", "compare", "Compare", id="results.compare", tooltip="Compare the two marked reports side by side"),
    ]

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

    def show_hits(self, hits: list[Hit], keep_position: bool = False) -> None:
        """Replace the list; the highlight goes to the top unless `keep_position` (same query
        refreshed) and the highlighted report is still there. Marks always survive."""
        current = self.current_hit if keep_position else None
        self.hits = list(hits)
        self.clear_options()
        # One add_options call: each call re-measures the whole list (one per hit cost ~1.6 ms a hit).
        self.add_options([entry for hit in self.hits for entry in (self._option(hit), None)])  # None: a divider
        doc_ids = [hit.doc_id for hit in self.hits]
        if current is not None and current.doc_id in doc_ids:
            self.highlighted = doc_ids.index(current.doc_id)
        elif self.hits:
            self.highlighted = 0

    @property
    def current_hit(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and 0 <= index < len(self.hits) else None

    @property
    def prompt_width(self) -> int:
        return max(40, self.scrollable_content_region.width - 4)

    def _prompt(self, hit: Hit):
        return hit_prompt(hit, marked=hit.doc_id in self.marked, width=self.prompt_width)

    def _option(self, hit: Hit) -> Option:
        return Option(self._prompt(hit), id=hit.doc_id)

    def _refresh_option(self, index: int) -> None:
        self.replace_option_prompt_at_index(index, self._prompt(self.hits[index]))

    def on_resize(self) -> None:
        self.restyle()

    def restyle(self) -> None:
        """Draw every prompt again (new width, new theme, marks changed)."""
        for index in range(len(self.hits)):
            self._refresh_option(index)

    @property
    def hidden_marks(self) -> list[str]:
        """Marked reports the current results do not list (a filter or a new query hides them)."""
        shown = {hit.doc_id for hit in self.hits}
        return [doc_id for doc_id in self.marked if doc_id not in shown]

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

    @on(OptionList.OptionSelected)
    def _choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.post_message(self.Chosen(self, self.hits[event.option_index]))
