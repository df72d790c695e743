"""`cchc compare`: two reports side by side, or a matrix over many.

Renders what `indexer.api` (the comparison engine) returns; never parses report text itself.
Report text is untrusted: rich prints with markup off and every string from a
report goes through `inert_line` first.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cchc_tui.options import IndexDir
from cchc_tui.output import emit_json, inert_line
from indexer.api import CchcError

if TYPE_CHECKING:  # the engine is imported by the command that runs, not by every `cchc` start
    from indexer.api import Comparison, Matrix



def compare(
    docs: Annotated[list[str] | None, typer.Argument(
        help="Two or more doc ids (file names without .txt) or indexed paths.", show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Compare every indexed report (with the filters below) as a matrix.")] = False,
    unit: Annotated[str | None, typer.Option("--unit", help='With --all: issuing unit, diacritics optional ("phuong Le Chan").')] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help='With --all: document type ("Báo cáo", "Kế hoạch").')] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="With --all: reports dated on or after YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="With --all: reports dated on or before YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    matrix: Annotated[str | None, typer.Option("--matrix", help="Matrix over the reports: topics or citations (default: both).")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Matrix columns to keep (most widespread first).")] = 20,
    json_: Annotated[bool, typer.Option("--json", help="Print the full result as JSON (UTF-8).")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown report to paste into an email or document.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="Print the matrix as CSV (needs --matrix).")] = False,
    index_dir: IndexDir = None,
) -> None:
    """Compare reports: header, aligned sections, citations, topics, figures and shared text
    for two reports; a topics/citations matrix for more (or --all)."""
    from indexer.api import MATRIX_KINDS, compare_matrix, compare_reports, filter_reports

    docs = docs or []
    _check_usage(docs, all_, (unit, doc_type, date_from, date_to), matrix, json_, markdown, csv_)
    library = _open_library(index_dir)
    if all_:
        reports = filter_reports(library.reports(), unit=unit, doc_type=doc_type, date_from=date_from, date_to=date_to)
        if not reports:
            raise CchcError("no indexed report matches these filters")
    else:
        reports = [library.get(doc) for doc in docs]
    if len(reports) == 2 and not all_ and matrix is None:
        _print_comparison(compare_reports(*reports), json_, markdown)
    else:
        kinds = [matrix] if matrix else list(MATRIX_KINDS)
        _print_matrices([compare_matrix(reports, kind, top) for kind in kinds], json_, markdown, csv_)


def _check_usage(docs, all_, filters, matrix, json_, markdown, csv_) -> None:
    from indexer.api import MATRIX_KINDS

    if all_ and docs:
        raise typer.BadParameter("give report ids or --all, not both", param_hint="DOCS")
    if not all_ and len(docs) < 2:
        raise typer.BadParameter("give at least two reports to compare (or --all)", param_hint="DOCS")
    if not all_ and any(f is not None for f in filters):
        raise typer.BadParameter("--unit, --type, --from and --to select reports for --all", param_hint="--all")
    for value, hint in ((filters[2], "--from"), (filters[3], "--to")):
        if value is not None:
            _check_date(value, hint)
    if matrix is not None and matrix not in MATRIX_KINDS:
        raise typer.BadParameter(f"expected one of {', '.join(MATRIX_KINDS)}", param_hint="--matrix")
    if json_ + markdown + csv_ > 1:
        raise typer.BadParameter("choose one of --json, --markdown, --csv")
    if csv_ and matrix is None:
        raise typer.BadParameter("--csv prints one matrix: add --matrix topics or --matrix citations", param_hint="--csv")


def _check_date(value: str, hint: str) -> None:
    from indexer.api import DateError, check_date

    try:
        check_date(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc), param_hint=hint) from None


def _open_library(index_dir: Path | None):
    from indexer.api import Library

    return Library.open(index_dir)


def _print_comparison(result: Comparison, json_: bool, markdown: bool) -> None:
    from indexer.api import comparison_markdown

    if json_:
        emit_json(result.to_dict())
    elif markdown:
        typer.echo(comparison_markdown(result))
    else:
        render_comparison(result, _console())


def _print_matrices(matrices: list[Matrix], json_: bool, markdown: bool, csv_: bool) -> None:
    from indexer.api import matrix_csv, matrix_markdown

    if json_:
        emit_json({"reports": matrices[0].to_dict()["reports"], "matrices": [m.to_dict() for m in matrices]})
    elif csv_:
        sys.stdout.write(matrix_csv(matrices[0]))
    elif markdown:
        typer.echo("\n".join(matrix_markdown(m) for m in matrices))
    else:
        console = _console()
        for m in matrices:
            render_matrix(m, console)


def _console():
    from rich.console import Console

    width = shutil.get_terminal_size((100, 24)).columns
    return Console(width=width, markup=False, highlight=False, emoji=False)


# --- terminal rendering -------------------------------------------------------

def _text(value: object, style: str = ""):
    """Inert rich Text: report strings are shown, never interpreted."""
    from rich.text import Text

    return Text("—" if value is None else inert_line(str(value)), style=style)


def _table(title: str, *columns: str, ratios: tuple[int, ...] | None = None, fixed: dict[int, int] | None = None):
    """A full-width table; `fixed` columns (index -> width) never wrap (scores, counts, markers)."""
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, expand=True,
                  show_edge=False, pad_edge=False)
    fixed = fixed or {}
    for i, name in enumerate(columns):
        if i in fixed:
            table.add_column(name, width=fixed[i], no_wrap=True)
        else:
            table.add_column(name, ratio=ratios[i] if ratios else None, overflow="fold")
    return table


def _print_table(console, table) -> None:
    """A table, or its title and `(none)` when there is nothing to list."""
    from rich.text import Text

    if table.row_count:
        console.print(table)
    else:
        console.print(Text(f"{table.title}: (none)", style="bold"))
        console.print()


def render_comparison(c: Comparison, console) -> None:
    from indexer.api import report_label

    console.print(_text(f"A  {report_label(c.a)}", "bold"))
    console.print(_text(f"B  {report_label(c.b)}", "bold"))
    header = _table("Header", "", "A", "B", "", ratios=(2, 5, 5, 1), fixed={0: 11, 3: 1})
    for f in c.header.fields:
        header.add_row(_text(f.name), _text(f.a), _text(f.b), _text("" if f.same else "≠", "bold red"))
    _print_table(console, header)
    if c.header.common_directive:
        console.print(_text(f"Both answer {c.header.common_directive}", "bold"))
    sections = _table("Sections (lines)", "A", "B", "match", ratios=(6, 6, 1), fixed={2: 7})
    _section_rows(sections, c.sections, 0)
    _print_table(console, sections)
    _render_citations(c, console)
    topics = _table("Topics (lines on the topic)", "topic", "A", "B", ratios=(6, 1, 1), fixed={1: 5, 2: 5})
    for t in c.topics:
        if t.a_count or t.b_count:
            topics.add_row(_text(t.label), _text(t.a_count or "·"), _text(t.b_count or "·"))
    _print_table(console, topics)
    neither = [t.label for t in c.topics if not (t.a_count or t.b_count)]
    if neither:
        console.print(_text(f"Neither mentions: {'; '.join(neither)}", "dim"))
        console.print()
    figures = _table("Figures", "counts", "A", "B", ratios=(2, 5, 5))
    for p in c.figures:
        unit = (p.a or p.b).unit or "%"
        figures.add_row(_text(unit), _text(_figure(p.a)), _text(_figure(p.b)))
    _print_table(console, figures)
    _render_shared(c, console)


def _section_rows(table, pairs, depth: int) -> None:
    from indexer.api import lines_label

    for pair in pairs:
        side = lambda s: f"{'  ' * depth}{s.number}. {s.heading}  {lines_label(s.line, s.end_line)}" if s else None  # noqa: E731
        match = f"{pair.score:.2f}" if pair.a and pair.b else "missing"
        table.add_row(_text(side(pair.a)), _text(side(pair.b)), _text(match, "" if pair.a and pair.b else "yellow"))
        _section_rows(table, pair.children, depth + 1)


def _render_citations(c: Comparison, console) -> None:
    from indexer.api import STATUS_LABELS, cite_title

    table = _table("Citations", "document", "status", "A", "B", ratios=(4, 2, 4, 4))
    for row in c.citations:
        status = STATUS_LABELS[row.status] + (f" ({', '.join(row.conflicts)})" if row.conflicts else "")
        table.add_row(_text(cite_title(row)), _text(status, "bold red" if row.conflicts else ""),
                      _text(_cite(row.a)), _text(_cite(row.b)))
    _print_table(console, table)


def _cite(side) -> str | None:
    if side is None:
        return None
    date = side.date or (f"{side.date_raw} (impossible)" if side.date_raw else None)
    return "  ".join(p for p in (date, side.issuer, "l." + ",".join(map(str, side.lines))) if p)


def _figure(figure) -> str | None:
    return f"{figure.reading or figure.text}  l.{figure.line}" if figure else None


def _render_shared(c: Comparison, console) -> None:
    from indexer.api import lines_label

    oa, ob = c.originality_a, c.originality_b
    table = _table(f"Shared text — A {oa.original_ratio:.0%} original ({oa.shared_paragraphs}/{oa.paragraphs} paragraphs "
                   f"shared), B {ob.original_ratio:.0%} ({ob.shared_paragraphs}/{ob.paragraphs})",
                   "A", "B", "similar", ratios=(6, 6, 1), fixed={2: 7})
    for p in c.shared:
        table.add_row(_text(f"{lines_label(p.a_line, p.a_end_line)}  {_excerpt(p.a_text)}"),
                      _text(f"{lines_label(p.b_line, p.b_end_line)}  {_excerpt(p.b_text)}"), _text(f"{p.containment:.0%}"))
    _print_table(console, table)


def _excerpt(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_matrix(m: Matrix, console) -> None:
    """Rows are topics/documents, columns are reports: reads well for a handful of reports."""
    from indexer.api import report_label

    title = "Topics: lines per report" if m.kind == "topics" else "Most-cited documents: occurrences per report"
    ratios = (4, *[1] * len(m.reports), 1)
    table = _table(title, m.kind[:-1], *[f"#{i}" for i in range(1, len(m.reports) + 1)], "reports", ratios=ratios,
                   fixed={i: 5 for i in range(1, len(m.reports) + 2)})
    for j, column in enumerate(m.columns):
        table.add_row(_text(column.label), *[_text(row[j] or "·") for row in m.cells], _text(column.reports))
    _print_table(console, table)
    for i, ref in enumerate(m.reports, start=1):
        console.print(_text(f"  #{i} {report_label(ref)}", "dim"))
    console.print()
