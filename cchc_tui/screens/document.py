"""One report: metadata, original text with matches, outline, citations, topics."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, TabbedContent, TabPane

from cchc_tui.external import copy_line, open_original
from cchc_tui.messages import IndexChanged, ThemeChanged
from cchc_tui.palette import styles
from cchc_tui.screens.goto_line import GotoLineScreen
from cchc_tui.widgets.fit_footer import FitFooter
from cchc_tui.widgets.jump_list import JumpItem, JumpList
from cchc_tui.widgets.rendering import DIM_STYLE, inert
from cchc_tui.widgets.report_header import ReportHeader
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.section_tree import SectionTree
from cchc_tui.widgets.status_line import StatusLine, failure_message
from indexer.api import Citation, Hit, Report, Section, TopicHit, readable_lines, readable_sections


def citation_item(citation: Citation) -> JumpItem:
    # The line first: long labels wrap, the number stays in its column.
    name = inert(citation.symbol or citation.name or citation.raw.replace("\n", " "))
    label = Text(f"{citation.line:>3} ", style=DIM_STYLE)
    palette = styles()
    label.append(name, style=f"bold {palette.primary}")
    if citation.type:
        label.append(f"  {inert(citation.type)}", style=palette.secondary)
    if citation.date:
        label.append(f"  {inert(citation.date)}", style=palette.success)
    elif citation.date_raw:
        label.append(f"  {inert(citation.date_raw)} (impossible date)", style=palette.error)
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
    TITLE = "cchc — report"

    BINDINGS = [
        Binding("escape", "back", "Back", id="report.back", tooltip="Back to the results"),
        Binding("n", "next_match", "Next match", id="report.next", tooltip="Jump to the next matching line", group=MATCHES),
        Binding("N", "previous_match", "Prev match", id="report.previous", tooltip="Jump to the previous matching line", group=MATCHES),
        Binding("m", "walk_matches", "Matches", show=False, id="report.matches", tooltip="n/N walk the search matches again"),
        Binding("ctrl+g", "goto_line", "Go to line", show=False, id="report.goto", tooltip="Jump to a line number"),
        Binding("r", "toggle_readable", "Readable", id="report.readable", tooltip="Diacritics restored by the OCR repair, or the original"),
        Binding("o", "open_original", "Open", id="report.open", tooltip="The original file here: $VISUAL/$EDITOR, a PDF at its page"),
        Binding("y", "copy_line", "Copy", id="report.copy", tooltip="Copy the line with its reference (doc · unit · symbol · l.N)"),
        Binding("ctrl+b", "toggle_outline", "Outline", show=False, id="report.outline", tooltip="Show or hide sections, citations, topics"),
        Binding("1", "show_tab('sections')", "Sections", id="report.tab-sections", group=OUTLINE_TABS, show=False),
        Binding("2", "show_tab('citations')", "Citations", id="report.tab-citations", group=OUTLINE_TABS, show=False),
        Binding("3", "show_tab('topics')", "Topics", id="report.tab-topics", group=OUTLINE_TABS, show=False),
    ]

    def __init__(self, doc_id: str, hit: Hit | None = None, line: int | None = None) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.hit = hit
        self.initial_line = line
        self.report: Report | None = None
        self.readable: list[str] | None = None  # the readable view's lines, once computed
        self.readable_outline: list[Section] = []  # the sections with their headings as the readable view reads
        self.reading = False  # the readable view is on

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
        yield FitFooter()

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
        self.report, self.readable = report, None
        self.sub_title = inert(report.doc_id)  # file names are untrusted too
        self.query_one(ReportHeader).show_report(report)
        view = self.query_one(ReportView)
        target = reading_at or self.initial_line  # a reload keeps the reader's place
        view.show_text(report.text, spans_by_line(self.hit), at_line=target)
        if self.reading:
            self.load_readable()
        info = report.info
        self.query_one(SectionTree).show_sections(info.sections)
        self.query_one("#citation-list", JumpList).show_items([citation_item(c) for c in info.citations])
        self.query_one("#topic-list", JumpList).show_items([topic_item(t) for t in info.topics if t.lines])
        if not target and view.match_lines:
            view.action_next_match()
        self.show_position()

    def show_position(self) -> None:
        """Where the reader is: the match being walked, the current line, or the lines on screen."""
        view = self.query_one(ReportView)
        total = len(view.lines)
        first, last = view.visible_lines()
        current = view.current_line
        mode = " · readable (r: original)" if self.reading else ""
        if current is None or not first <= current <= last:
            where = f"lines {first}–{last} of {total}" if total else "empty report"
        elif current in view.walk_lines:
            back = "" if view.walk_name == "match" else " · m: back to the search matches"
            where = f"{view.walk_name} {view.walk_lines.index(current) + 1}/{len(view.walk_lines)} · line {current} of {total}{back}"
        else:
            where = f"line {current} of {total}"
            if not view.match_lines and self.hit is None:
                where += " · no highlighted matches"
        original = ""
        if self.reading and self.report is not None and current and first <= current <= last:
            printed = " ".join(self.report.line_text(current).split())
            original = f" · original: {printed}" if printed else ""  # a blank line: nothing to show
        self.query_one(StatusLine).show_text(where + mode + original)

    @on(ReportView.MatchChanged)
    @on(ReportView.Moved)
    def _moved(self) -> None:
        self.show_position()

    @on(SectionTree.Jump)
    def _jump_to_section(self, message: SectionTree.Jump) -> None:
        self.query_one(ReportView).goto_line(message.line)

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

    @on(ThemeChanged)
    def _theme_changed(self) -> None:
        if self.report is not None:
            self.query_one(ReportView).restyle()
            self.query_one("#citation-list", JumpList).show_items([citation_item(c) for c in self.report.info.citations])

    # -- readable view -------------------------------------------------------

    def action_toggle_readable(self) -> None:
        if self.report is None:
            return
        self.reading = not self.reading
        if not self.reading:
            self.query_one(ReportView).swap_text(self.report.text, spans_by_line(self.hit))
            self.query_one(SectionTree).show_sections(self.report.info.sections)
            self.show_position()
        elif self.readable is not None:
            self.query_one(ReportView).swap_text("\n".join(self.readable))
            self.query_one(SectionTree).show_sections(self.readable_outline)
            self.show_position()
        else:
            self.query_one(StatusLine).show_text("Restoring diacritics…")
            self.load_readable()

    @work(exclusive=True, thread=True, group="readable", exit_on_error=False)
    def load_readable(self) -> None:
        report = self.report
        if report is None:
            return
        try:
            lines = readable_lines(report.text)
            outline = readable_sections(report.info.sections, report.text.split("\n"), lines)
        except Exception as error:
            self.app.call_from_thread(self.show_failure, error)
            return
        self.app.call_from_thread(self.show_readable, report, lines, outline)

    def show_readable(self, report: Report, lines: list[str], outline: list[Section]) -> None:
        if report is not self.report:
            return  # reloaded meanwhile: that worker's result is stale
        self.readable, self.readable_outline = lines, outline
        if self.reading:
            self.query_one(ReportView).swap_text("\n".join(lines))
            self.query_one(SectionTree).show_sections(outline)
            self.show_position()

    # -- leaving the app -----------------------------------------------------

    def current_line_number(self) -> int:
        view = self.query_one(ReportView)
        first, _ = view.visible_lines()
        return view.current_line or first or 1

    def action_open_original(self) -> None:
        if self.report is not None:
            open_original(self.app, self.report.path, self.current_line_number(), self.report.text)

    def action_copy_line(self) -> None:
        if self.report is None:
            return
        line = self.current_line_number()
        text = self.readable[line - 1] if self.reading and self.readable else self.report.line_text(line)
        info = self.report.info
        copy_line(self.app, text, self.report.doc_id, info.unit, info.symbol, line)

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
