"""Rows of the compare tables, built from the engine's `Comparison` (pure functions).

Each row carries its cells (literal `Text`) and the lines it points at in
report A and report B, so a row can open either report at the right place.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rich.text import Text

from cchc_tui.palette import styles
from cchc_tui.widgets.column_fit import cut_at_words
from cchc_tui.widgets.rendering import DIM_STYLE, inert, plain, plural
from indexer.api import CitationSide, Comparison, SectionPair, SectionSide, section_kind_labels


def status_style(status: str) -> str:
    palette = styles()
    by_status = {"both": palette.success, "only_a": palette.primary, "only_b": palette.secondary, "conflict": f"bold {palette.error}"}
    return by_status.get(status, "")


STATUS_LABELS = {"both": "both", "only_a": "only A", "only_b": "only B", "conflict": "conflict"}
FIELD_LABELS = {
    "unit": "Unit", "symbol": "Symbol", "doc_type": "Type", "date": "Date",
    "period": "Period", "signer": "Signer", "responds_to": "Responds to",
}


@dataclass(slots=True)
class CompareRow:
    cells: list[Text]
    a_line: int | None
    b_line: int | None


def _line(line: int | None) -> Text:
    return Text(str(line), style=DIM_STYLE) if line else Text("")


def header_rows(comparison: Comparison) -> list[CompareRow]:
    rows = []
    for field in comparison.header.fields:
        palette = styles()
        style = "" if field.same else f"bold {palette.warning}"
        mark = Text("=", style=palette.success) if field.same else Text("≠", style=f"bold {palette.warning}")
        label = Text(FIELD_LABELS.get(field.name, field.name), style="bold")
        rows.append(CompareRow([label, mark, plain(field.a, style=style), plain(field.b, style=style)], None, None))
    if comparison.header.common_directive:
        both = plain(comparison.header.common_directive, style=styles().success)
        rows.append(CompareRow([Text("Both answer", style="bold"), Text("="), both, both], None, None))
    for name, side in (("Original text A", comparison.originality_a), ("Original text B", comparison.originality_b)):
        value = Text(f"{side.original_ratio:.0%} ({side.shared_paragraphs} of {plural(side.paragraphs, 'paragraph')} shared)")
        rows.append(CompareRow([Text(name, style="bold"), Text(""), value, Text("")], None, None))
    return rows


SECTION_WIDTH = 38  # both sides must fit an 80-column terminal


def _section_cell(side: SectionSide | None, indent: int, width: int | None = SECTION_WIDTH) -> Text:
    if side is None:
        return Text("— missing —", style="dim italic")
    cell = Text("  " * indent)
    cell.append(inert(side.number), style="bold")
    cell.append(" ")
    cell.append(inert(side.heading))
    return cut_at_words(cell, width) if width else cell


def _walk_sections(pairs: list[SectionPair], depth: int = 0) -> Iterator[tuple[SectionPair, int]]:
    for pair in pairs:
        yield pair, depth
        yield from _walk_sections(pair.children, depth + 1)


def section_rows(comparison: Comparison, width: int | None = SECTION_WIDTH) -> list[CompareRow]:
    """Aligned sections; headings cut to `width` (None: the table fits them to the screen)."""
    kinds = section_labels()
    rows = []
    for pair, depth in _walk_sections(comparison.sections):
        a_line = pair.a.line if pair.a else None
        b_line = pair.b.line if pair.b else None
        palette = styles()
        score = Text(f"{pair.score:.2f}", style=palette.success if pair.score >= 0.99 else palette.warning if pair.score else palette.error)
        kind = plain(kinds.get(pair.kind, pair.kind) if depth == 0 else "")
        cells = [kind, _section_cell(pair.a, depth, width), _line(a_line), _section_cell(pair.b, depth, width), _line(b_line), score]
        rows.append(CompareRow(cells, a_line, b_line))
    return rows


def _citation_cell(side: CitationSide | None) -> Text:
    if side is None:
        return Text("—", style=DIM_STYLE)
    cell = plain(side.date or side.date_raw, "(no date)", styles().success if side.date else styles().error)
    if side.count > 1:
        cell.append(f" ×{side.count}", style=DIM_STYLE)
    return cell


def citation_rows(comparison: Comparison) -> list[CompareRow]:
    rows = []
    for row in comparison.citations:
        status = Text(STATUS_LABELS.get(row.status, row.status), style=status_style(row.status))
        a_line = row.a.line if row.a else None
        b_line = row.b.line if row.b else None
        conflicts = Text(", ".join(inert(c) for c in row.conflicts), style=styles().error)
        cells = [status, plain(row.key, style=f"bold {styles().primary}"), plain(row.type), _citation_cell(row.a), _line(a_line),
                 _citation_cell(row.b), _line(b_line), conflicts]
        rows.append(CompareRow(cells, a_line, b_line))
    return rows


def _count(count: int, lines: list[int]) -> Text:
    if not count:
        return Text("0", style=DIM_STYLE)
    cell = Text(str(count), style="bold")
    cell.append(f"  L{', '.join(map(str, lines[:4]))}{'…' if len(lines) > 4 else ''}", style=DIM_STYLE)
    return cell


def topic_rows(comparison: Comparison) -> list[CompareRow]:
    return [
        CompareRow([plain(row.label, style="bold"), _count(row.a_count, row.a_lines), _count(row.b_count, row.b_lines)],
                   row.a_lines[0] if row.a_lines else None, row.b_lines[0] if row.b_lines else None)
        for row in comparison.topics
    ]


def figure_rows(comparison: Comparison) -> list[CompareRow]:
    rows = []
    for pair in comparison.figures:
        a_line = pair.a.line if pair.a else None
        b_line = pair.b.line if pair.b else None
        unit = (pair.a and pair.a.unit) or (pair.b and pair.b.unit) or pair.noun
        cells = [plain(unit), plain(_reading(pair.a)), _line(a_line),
                 plain(_reading(pair.b)), _line(b_line), Text(f"{pair.score:.2f}", style=DIM_STYLE)]
        rows.append(CompareRow(cells, a_line, b_line))
    return rows


def _reading(figure) -> str | None:
    """The figure as proper Vietnamese ("09 buổi"), the print when there is no reading."""
    return (figure.reading or figure.text) if figure else None


def _excerpt(text: str) -> Text:
    return Text(inert(" ".join(text.split())))  # the table cuts it to the column


def shared_rows(comparison: Comparison) -> list[CompareRow]:
    return [
        CompareRow([Text(f"{p.a_line}–{p.a_end_line}"), _excerpt(p.a_text), Text(f"{p.b_line}–{p.b_end_line}"),
                    _excerpt(p.b_text), Text(f"{p.containment:.0%}")], p.a_line, p.b_line)
        for p in comparison.shared
    ]


@cache
def section_labels() -> dict[str, str]:
    return section_kind_labels()


def _fitted_sections(comparison: Comparison) -> list[CompareRow]:
    return section_rows(comparison, width=None)


# tab id -> (tab label, column labels, row builder)
TABLES = {
    "overview": ("Overview", ["Field", "", "A", "B"], header_rows),
    "sections": ("Sections", ["Kind", "A", "line", "B", "line", "score"], _fitted_sections),
    "citations": ("Citations", ["In", "Document", "Type", "A date", "line", "B date", "line", "Differs"], citation_rows),
    "topics": ("Topics", ["Topic", "A lines", "B lines"], topic_rows),
    "figures": ("Figures", ["Counted", "A", "line", "B", "line", "match"], figure_rows),
    "shared": ("Shared text", ["A lines", "A", "B lines", "B", "overlap"], shared_rows),
}
# columns that give up width when a table is wider than the screen, and what an empty tab says
FLEXIBLE = {"overview": (2, 3), "sections": (0, 1, 3), "citations": (1, 7), "topics": (0,), "figures": (0, 1, 3), "shared": (1, 3)}
EMPTY = {
    "overview": "(no header fields)",
    "sections": "Neither report has sections the parser recognised.",
    "citations": "Neither report cites another document.",
    "topics": "Neither report touches a CCHC topic.",
    "figures": "Neither report has counted figures.",
    "shared": "No paragraph is shared: each report's text is its own.",
}
