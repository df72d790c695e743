"""Comparisons as Markdown (to paste into an email or a document) and matrices as CSV.

Report text is untrusted: every cell is made inert (control characters shown,
not obeyed) and Markdown syntax in it is escaped — table pipes, links and images
(`[x](y)`), HTML and autolinks (`<…>`), entities, emphasis and code — so it
reads as the words the report holds, never as markup.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from indexer.compare.result import Comparison, Figure, Matrix, ReportRef, SectionPair
from indexer.compare.structure import titled
from indexer.safety import inert_line
from indexer.textnorm import fold

STATUS_LABELS = {"both": "cited by both", "conflict": "conflict", "only_a": "only A", "only_b": "only B"}
HEADER_LABELS = {"unit": "Unit", "symbol": "Symbol", "doc_type": "Type", "date": "Date", "period": "Period",
                 "signer": "Signer", "responds_to": "Responds to"}


# Always markup in CommonMark/GFM; `_` only where it can open or close emphasis (not in `ward_a`).
MARKDOWN_ACTIVE = re.compile(r"[\\`*\[\]<>|~&]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def cell(value: object) -> str:
    """One Markdown table cell: inert, one line, Markdown syntax escaped."""
    if value is None:
        return "—"
    return MARKDOWN_ACTIVE.sub(lambda m: "\\" + m.group(), inert_line(str(value))).strip()


def lines_label(first: int, last: int | None = None) -> str:
    return f"l.{first}" if last is None or last == first else f"l.{first}–{last}"


def report_label(ref: ReportRef) -> str:
    parts = [p for p in (ref.unit, ref.symbol, ref.date) if p]
    return f"{ref.doc_id} ({', '.join(parts)})" if parts else ref.doc_id


def _table(head: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def _section_rows(pairs: list[SectionPair], depth: int = 0) -> list[list[object]]:
    rows: list[list[object]] = []
    for pair in pairs:
        indent = "› " * depth  # Markdown tables drop leading spaces
        side = lambda s, indent=indent: f"{indent}{s.number}. {s.heading} ({lines_label(s.line, s.end_line)})" if s else None  # noqa: E731
        rows.append([side(pair.a), side(pair.b), pair.kind if pair.kind != "other" else "",
                     f"{pair.score:.2f}" if pair.a and pair.b else "missing"])
        rows += _section_rows(pair.children, depth + 1)
    return rows


def figure_label(figure: Figure | None) -> str | None:
    """`09 buổi (l.148: 09 budi)`: the reading, and the print when it differs (OCR)."""
    if figure is None:
        return None
    printed = "" if fold(figure.text) == fold(figure.reading) else f": {figure.text}"
    return f"{figure.reading or figure.text} (l.{figure.line}{printed})"


def comparison_markdown(c: Comparison) -> str:
    out = [f"# Comparison: {cell(report_label(c.a))} / {cell(report_label(c.b))}", ""]
    out += ["## Header", ""]
    out += _table(["", "A", "B", ""], [[HEADER_LABELS.get(f.name, f.name), f.a, f.b, "" if f.same else "≠"]
                                       for f in c.header.fields])
    if c.header.common_directive:
        out += [f"Both answer **{cell(c.header.common_directive)}**.", ""]
    out += ["## Sections", ""] + _table(["A", "B", "Kind", "Match"], _section_rows(c.sections))
    out += ["## Citations", ""]
    out += _table(["Document", "Status", "A", "B"], [
        [cite_title(r), STATUS_LABELS[r.status] + (f" ({', '.join(r.conflicts)})" if r.conflicts else ""),
         _cite(r.a), _cite(r.b)] for r in c.citations])
    out += ["## Topics (lines on the topic)", ""]
    out += _table(["Topic", "A", "B"], [[t.label, t.a_count, t.b_count] for t in c.topics if t.a_count or t.b_count])
    neither = [t.label for t in c.topics if not (t.a_count or t.b_count)]
    if neither:
        out += [f"Neither mentions: {cell('; '.join(neither))}.", ""]
    out += ["## Figures", ""]
    out += _table(["Counts", "A", "B"], [[p.a.unit if p.a and p.a.unit else (p.b.unit if p.b else None) or "%",
                                          figure_label(p.a), figure_label(p.b)] for p in c.figures])
    out += ["## Shared text", ""]
    out += [f"A is {c.originality_a.original_ratio:.0%} original ({c.originality_a.shared_paragraphs} of "
            f"{c.originality_a.paragraphs} paragraphs shared); B is {c.originality_b.original_ratio:.0%} original "
            f"({c.originality_b.shared_paragraphs} of {c.originality_b.paragraphs}).", ""]
    if c.shared:
        out += _table(["A", "B", "Similarity", "Text (A)"], [
            [lines_label(p.a_line, p.a_end_line), lines_label(p.b_line, p.b_end_line), f"{p.containment:.0%}",
             _excerpt(p.a_text)] for p in c.shared])
    else:
        out += ["No paragraph of one report is a near-copy of a paragraph of the other.", ""]
    return "\n".join(out)


def cite_title(row) -> str:
    return titled(row.type, row.label or row.key)


def _cite(side) -> str | None:
    if side is None:
        return None
    date = side.date or (f"{side.date_raw} (impossible)" if side.date_raw else None)
    parts = [p for p in (date, side.issuer) if p]
    return "; ".join(parts + [f"l.{', '.join(map(str, side.lines))}"])


def _excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def matrix_markdown(matrix: Matrix) -> str:
    title = "Topics (lines per report)" if matrix.kind == "topics" else "Most-cited documents (occurrences)"
    head = ["Report"] + [col.label for col in matrix.columns]
    rows: list[list[object]] = [[report_label(ref), *row] for ref, row in zip(matrix.reports, matrix.cells)]
    rows.append(["Reports citing/covering", *(col.reports for col in matrix.columns)])
    return "\n".join([f"## {title}", ""] + _table(head, rows))


def _csv_safe(value: str) -> str:
    """A spreadsheet must not read a unit name from a report as a formula."""
    value = inert_line(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def matrix_csv(matrix: Matrix) -> str:
    """One row per report: doc_id, unit, date, then one column per topic/document (key as header)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doc_id", "unit", "date"] + [_csv_safe(col.key) for col in matrix.columns])
    for ref, row in zip(matrix.reports, matrix.cells):
        writer.writerow([_csv_safe(ref.doc_id), _csv_safe(ref.unit or ""), ref.date or ""] + row)
    return buffer.getvalue()
