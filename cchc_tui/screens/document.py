"""One report: metadata, original text with matches, outline, citations, topics."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from cchc_tui.messages import IndexChanged
from cchc_tui.screens.goto_line import GotoLineScreen
from cchc_tui.widgets.jump_list import JumpItem, JumpList
from cchc_tui.widgets.rendering import DIM_STYLE, inert
from cchc_tui.widgets.report_header import ReportHeader
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.section_tree import SectionTree
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import Citation, Hit, Report, TopicHit


def citation_item(citation: Citation) -> JumpItem:
    # The line first: long labels wrap, the number stays in its column.
    name = inert(citation.symbol or citation.name or citation.raw.replace("\n", " "))
    label = Text(f"{citation.line:>3} ", style=DIM_STYLE)
    label.append(name, style="bold cyan")
    if citation.type:
        label.append(f"  {inert(citation.type)}", style="magenta")
    if citation.date:
        label.append(f"  {inert(citation.date)}", style="green")
    elif citation.date_raw:
        label.append(f"  {inert(citation.date_raw)} (impossible date)", style="red")
    if citation.count > 1:
        label.append(f"  ×{citation.count}", style=DIM_STYLE)
    return JumpItem(label, citation.line, name, tuple(citation.lines or [citation.line]))


def topic_item(topic: TopicHit) -> JumpItem:
    label = Text(f"{len(topic.lines):>3}× ", style=DIM_STYLE)
    label.append(inert(topic.label), style="bold")
    return JumpItem(label, topic.lines[0], inert(topic.label), tuple(topic.lines))


def spans_by_line(hit: Hit | None) -> dict[int, list[tuple[int, int]]]:
    if hit is None:
        return {}
    return {line_hit.line: list(line_hit.spans) for line_hit in hit.lines}


MATCHES = Binding.Group("Match")
OUTLINE_TABS = Binding.Group("Outline tab", compact=True)


class DocumentScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="report.back", tooltip="Back to the results"),
        Binding("n", "next_match", "Next match", id="report.next", tooltip="Jump to the next matching line", group=MATCHES),
        Binding("N", "previous_match", "Prev match", id="report.previous", tooltip="Jump to the previous matching line", group=MATCHES),
        Binding("m", "walk_matches", "Matches", show=False, id="report.matches", tooltip="n/N walk the search matches again"),
        Binding("ctrl+g", "goto_line", "Go to line", id="report.goto", tooltip="Jump to a line number"),
        Binding("ctrl+b", "toggle_outline", "Outline", id="report.outline", tooltip="Show or hide sections, citations, topics"),
        Binding("1", "show_tab('sections')", "Sections", id="report.tab-sections", group=OUTLINE_TABS),
        Binding("2", "show_tab('citations')", "Citations", id="report.tab-citations", group=OUTLINE_TABS),
        Binding("3", "show_tab('topics')", "Topics", id="report.tab-topics", group=OUTLINE_TABS),
    ]

    def __init__(self, doc_id: str, hit: Hit | None = None, line: int | None = None) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.hit = hit
        self.initial_line = line
        self.report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ReportHeader(id="report-header")
        with Horizontal(id="report-body"):
            yield ReportView(id="report-text")
            with TabbedContent(id="outline"):
                with TabPane("Sections", id="sections"):
                    yield SectionTree(id="section-tree")
                with TabPane("Citations", id="citations"):
                    yield JumpList(empty="(no citations found)", id="citation-list")
                with TabPane("Topics", id="topics"):
                    yield JumpList(empty="(no topics found)", id="topic-list")
        yield StatusLine(id="report-status")
        yield Footer()

    def show_failure(self, error: Exception) -> None:
        self.query_one(StatusLine).show_error(failure_message(error))

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_text(f"Loading {self.doc_id}…")
        self.query_one(ReportView).focus()
        self.load_report()

    @work(exclusive=True, thread=True, group="report", exit_on_error=False)
    def load_report(self) -> None:
        try:
            report = self.app.get_report(self.doc_id)
        except Exception as error:
            self.app.call_from_thread(self.show_failure, error)
            return
        self.app.call_from_thread(self.show_report, report)

    def show_report(self, report: Report) -> None:
        reading_at = self.query_one(ReportView).current_line if self.report is not None else None
        self.report = report
        self.sub_title = inert(report.doc_id)  # file names are untrusted too
        self.query_one(ReportHeader).show_report(report)
        view = self.query_one(ReportView)
        view.show_text(report.text, spans_by_line(self.hit))
        info = report.info
        self.query_one(SectionTree).show_sections(info.sections)
        self.query_one("#citation-list", JumpList).show_items([citation_item(c) for c in info.citations])
        self.query_one("#topic-list", JumpList).show_items([topic_item(t) for t in info.topics if t.lines])
        if reading_at or self.initial_line:  # a reload keeps the reader's place
            view.goto_line(reading_at or self.initial_line)
            self.query_one(StatusLine).show_text(f"line {view.current_line} of {len(view.lines)}")
        elif view.match_lines:
            view.action_next_match()
        else:
            self.query_one(StatusLine).show_text(f"{len(view.lines)} lines · no highlighted matches")

    @on(ReportView.MatchChanged)
    def _match_changed(self, message: ReportView.MatchChanged) -> None:
        lines = len(self.query_one(ReportView).lines)
        back = "" if message.walk == "match" else "  ·  m: back to the search matches"
        self.query_one(StatusLine).show_text(
            f"{message.walk} {message.index + 1}/{message.total} · line {message.line} of {lines}{back}"
        )

    @on(SectionTree.Jump)
    def _jump_to_section(self, message: SectionTree.Jump) -> None:
        view = self.query_one(ReportView)
        view.goto_line(message.line)
        self.query_one(StatusLine).show_text(f"line {message.line} of {len(view.lines)}")

    @on(JumpList.Jump)
    def _jump_and_walk(self, message: JumpList.Jump) -> None:
        """A topic or citation: go to its first line; n/N then walk all its lines."""
        view = self.query_one(ReportView)
        view.walk(list(message.lines) or [message.line], message.name)
        view.current_line = None
        view.action_next_match()

    @on(IndexChanged)
    def _index_changed(self) -> None:
        self.load_report()

    def on_resize(self, event) -> None:
        # Narrow terminals give the text the whole width (ctrl+b shows the outline).
        self.query_one("#outline", TabbedContent).display = event.size.width >= 100

    def action_back(self) -> None:
        self.dismiss(None)

    def action_next_match(self) -> None:
        self.query_one(ReportView).action_next_match()

    def action_previous_match(self) -> None:
        self.query_one(ReportView).action_previous_match()

    def action_walk_matches(self) -> None:
        view = self.query_one(ReportView)
        view.walk_matches()
        view.current_line = None
        if view.walk_lines:
            view.action_next_match()
        else:
            self.query_one(StatusLine).show_text("no search matches in this report")

    def action_goto_line(self) -> None:
        view = self.query_one(ReportView)

        def go(line: int | None) -> None:
            if line is not None:
                view.goto_line(line)
                view.focus()

        self.app.push_screen(GotoLineScreen(len(view.lines)), go)

    def action_toggle_outline(self) -> None:
        outline = self.query_one("#outline", TabbedContent)
        outline.display = not outline.display

    def action_show_tab(self, tab: str) -> None:
        outline = self.query_one("#outline", TabbedContent)
        outline.display = True
        outline.active = tab
        outline.query_one(f"#{tab}", TabPane).query("Tree, OptionList").first().focus()
