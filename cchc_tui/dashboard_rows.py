"""Rows of the dashboard's tables, built from `indexer.overview.Overview` (pure functions).

Each row carries the message that opens what it counts: a search with the
matching filter, or exactly the reports it counts (a scope of doc ids).
"""
from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import PurePath

from rich.text import Text
from textual.message import Message

from cchc_tui.messages import ShowCitations, ShowConflicts, ShowSearch
from cchc_tui.palette import heat_style, styles
from cchc_tui.widgets.column_fit import share, wrapped_label
from cchc_tui.widgets.link_table import LinkRow
from cchc_tui.widgets.rendering import DIM_STYLE, inert, plain, plural
from indexer.api import CitedCount, ConflictRow, Count, Coverage, Filters, IndexStatus, Overview

BAR_WIDTH = 16
TOPIC_HEADER = 9  # least characters of a topic column (its label wraps over two lines)
UNIT_COLUMN = 24
UNKNOWN = {"unit": "(unit unknown)", "doc_type": "(type unknown)", "period": "(no period)"}
COVERAGE_UNITS = 50  # rows of the coverage grid, the units with most reports, before "… more"
DASHBOARD_CONFLICTS = 100  # rows in the dashboard's panel; the Conflicts screen lists them all
KIND_LABELS = {"date": "date", "issuer": "issuer", "type": "type", "subject": "subject", "impossible_date": "impossible date"}


def bar(count: int, peak: int, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar in eighths of a cell, coloured from the theme."""
    if peak <= 0 or count <= 0:
        return Text("")
    eighths = max(1, round(count * width * 8 / peak))
    full, part = divmod(eighths, 8)
    return Text("█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[part], style=styles().primary)


def _scope(ids: list[str], label: str, filters: Filters | None = None) -> ShowSearch:
    return ShowSearch(filters=filters or Filters(), scope=frozenset(ids), scope_label=label)


def _count_target(count: Count, field: str) -> ShowSearch:
    if count.key is None or field == "period":
        return _scope(count.doc_ids, f"{field.replace('doc_type', 'type')}: {count.key or UNKNOWN[field]}")
    return ShowSearch(filters=Filters(**{field: count.key}))


def count_rows(counts: list[Count], field: str, total: int) -> list[LinkRow]:
    peak = max((c.count for c in counts), default=0)
    return [
        LinkRow([plain(c.key, UNKNOWN[field]), Text(f"{c.count:>4} ").append_text(bar(c.count, peak, 8))],
                partial(_count_target, c, field))
        for c in counts
    ]


def month_rows(overview: Overview) -> list[LinkRow]:
    months = overview.by_month
    peak = max((c.count for c in months), default=0)
    rows = [LinkRow([Text(c.key or ""), Text(str(c.count), style="" if c.count else DIM_STYLE), bar(c.count, peak)],
                    partial(_scope, c.doc_ids, f"month: {c.key}") if c.count else None) for c in months]
    if overview.undated:
        rows.append(LinkRow([Text("undated", style="italic"), Text(str(len(overview.undated))), Text("")],
                            partial(_scope, overview.undated, "undated reports")))
    return rows


def topic_width(coverage: Coverage, room: int) -> int:
    """Width of each topic column: `room` (the table's, less the unit column) shared among the
    topics, from TOPIC_HEADER (the table scrolls sideways then) up to the longest label."""
    longest = max((len(coverage.labels[t]) for t in coverage.topics), default=TOPIC_HEADER)
    return share(room - UNIT_COLUMN - 2, len(coverage.topics), TOPIC_HEADER, longest)


def coverage_columns(coverage: Coverage, width: int = TOPIC_HEADER) -> list[str | tuple[str, int | None]]:
    """Headers: each topic's label over up to two lines of `width`, "…" where it is still cut."""
    return [("Unit", UNIT_COLUMN), *((wrapped_label(coverage.labels[t], width), width) for t in coverage.topics)]


class WholeCoverage(Message):
    """Show every unit in the coverage grid, not only the first `COVERAGE_UNITS`."""


def coverage_rows(overview: Overview, width: int = TOPIC_HEADER, limit: int | None = COVERAGE_UNITS) -> list[LinkRow]:
    """The first `limit` units (most reports first; None: all), then one row that shows the rest:
    the table measures each cell it holds, ~0.5 s for 2,752 units × 16 topics each time it is filled."""
    coverage = overview.coverage
    ids_of = {c.key: c.doc_ids for c in overview.by_unit}
    peak = coverage.peak  # once: it scans every cell (a grid of 3,000 units took minutes asking per cell)
    rows = []
    for unit, counts in list(zip(coverage.units, coverage.cells))[:limit]:
        cells = [plain(unit, UNKNOWN["unit"])]
        targets: list = [partial(_count_target, Count(unit, len(ids_of.get(unit, [])), ids_of.get(unit, [])), "unit")]
        for topic, count in zip(coverage.topics, counts):
            cells.append(Text(f"{count:^{width}}" if count else f"{'·':^{width}}",
                              style=heat_style(count, peak) or DIM_STYLE))
            targets.append(partial(_topic_target, unit, topic, ids_of.get(unit, [])) if count else None)
        rows.append(LinkRow(cells, targets[0], targets))
    if limit is not None and len(coverage.units) > limit:
        more = Text(f"… {len(coverage.units) - limit} more (Enter: all)", style="italic")
        rows.append(LinkRow([more, *(Text("") for _ in coverage.topics)], WholeCoverage))
    return rows


def _topic_target(unit: str | None, topic: str, ids: list[str]) -> ShowSearch:
    if unit is None:
        return dataclasses.replace(_scope(ids, UNKNOWN["unit"]), filters=Filters(topic=topic))
    return ShowSearch(filters=Filters(unit=unit, topic=topic))


def cited_rows(cited: list[CitedCount]) -> list[LinkRow]:
    palette = styles()
    rows = []
    for document in cited:
        name = document.symbol or document.name
        flag = Text(plural(document.conflicts, "conflict"), style=palette.error) if document.conflicts else Text("")
        rows.append(LinkRow([plain(name, style=f"bold {palette.primary}"), plain(document.type), Text(str(document.reports)), flag],
                            partial(ShowCitations, name)))
    return rows


def conflict_rows(conflicts: list[ConflictRow], limit: int = DASHBOARD_CONFLICTS) -> list[LinkRow]:
    """The first `limit` conflicts, then one row leading to the rest on the Conflicts screen
    (thousands of rows at 10,000 reports: a table of them all cost seconds and memory here)."""
    palette = styles()
    rows = [
        LinkRow([plain(c.symbol or c.name, style=f"bold {palette.primary}"), Text(KIND_LABELS.get(c.kind, c.kind), style=palette.error),
                 Text(str(len(c.sides))), plain(c.detail)], partial(ShowConflicts, index))
        for index, c in enumerate(conflicts[:limit])
    ]
    if len(conflicts) > limit:
        rows.append(LinkRow([Text(f"… {len(conflicts) - limit} more", style="italic"), Text(""), Text(""),
                             Text("Enter or x: every conflict", style=DIM_STYLE)], partial(ShowConflicts, limit)))
    return rows


def status_text(overview: Overview) -> Text:
    status = overview.status
    palette = styles()
    line = Text()
    line.append(plural(overview.total, "report"), style=f"bold {palette.primary}")
    line.append(f" · {plural(len(overview.by_unit), 'unit')} · {plural(overview.cited, 'cited document')}")
    line.append(f" · {plural(len(overview.conflicts), 'conflict')}", style=palette.error if overview.conflicts else "")
    line.append("\nlast indexed ", style=DIM_STYLE)
    line.append((status.last_indexed or "unknown").replace("T", " ").replace("+00:00", " UTC"))
    line.append(" · ", style=DIM_STYLE)
    if status.skipped is None:
        line.append("skipped files not recorded (run cchc index)", style=DIM_STYLE)
    else:
        line.append(f"{plural(status.skipped, 'file')} skipped", style=palette.warning if status.skipped else "")
    line.append(" · index ", style=DIM_STYLE)  # last: a narrow terminal cuts the path, not the counts
    line.append(inert(status.index_dir))
    return line


def skipped_rows(status: IndexStatus) -> list[LinkRow]:
    """What the last index run left out, and why (nothing to open: the files are not in the index)."""
    return [LinkRow([_file_first(entry.path), plain(entry.reason, style=styles().warning)]) for entry in status.skipped_files]


def _file_first(path: str) -> Text:
    """`name  folder`: a narrow column cuts the folder, not the name."""
    shown = PurePath(path)
    return plain(shown.name, style="bold").append_text(plain(f"  {shown.parent}", style=DIM_STYLE))
