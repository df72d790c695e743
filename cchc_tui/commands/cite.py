"""`cchc cite`, `cchc citations`, `cchc units`, `cchc topics`: what the corpus cites and who wrote it.

Plain functions with typer annotations; `cchc_tui/cli.py` registers them and turns
`CchcError` into a one-line message and exit status 1. The lookups are
`indexer.api.cite`/`citations`/`units`/`topics`; JSON is their `to_dict()`.
Report text is made inert before it is printed.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer

from cchc_tui.options import IndexDir, JsonOut
from cchc_tui.output import emit_json, inert_line
from indexer import api

CONTEXT_WIDTH = 110


def _inert(text: str | None) -> str:
    return inert_line(text or "")


def _entries(index_dir: Path | None) -> Iterator[api.ReportEntry]:
    return api.Library.open(index_dir).entries()


def _table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def cite(
    symbol: str = typer.Argument(..., help="A document symbol in any form: 3041/QĐ-UBND, 3041/QD-UBND, 'qđ 3041', 3041."),
    index_dir: IndexDir = None,
    json_: JsonOut = False,
) -> None:
    """Every report citing a document, with the line, the context, and the date and issuer that report gives."""
    library = api.Library.open(index_dir)
    found = api.cite(library.entries(), symbol, library.get)
    if json_:
        emit_json(found.to_dict())
        return
    if not found.documents:
        typer.echo(f"no indexed report cites {symbol}", err=True)
        return
    for document in found.documents:
        _print_document(document, found)


def _print_document(document: api.CitedDocument, found: api.CiteResult) -> None:
    typer.echo(f"{_inert(document.symbol or document.name)}  {document.type or ''}  — cited by {document.report_count} report(s)")
    rows = [[f"{c.doc_id}:{c.line}", _inert(c.unit or "?"), c.date or (f"{c.date_raw} (impossible)" if c.date_raw else "-"),
             _inert(c.issuer or "-")] for c in document.citing]
    _table(rows, ["report:line", "unit", "date given", "issuer given"])
    typer.echo("context:")
    for c in document.citing:
        context = _inert(" ".join(found.context(c).split()))
        typer.echo(f"  {c.doc_id}:{c.line}  {context[:CONTEXT_WIDTH]}")
    for conflict in document.conflicts:
        typer.echo(f"CONFLICT ({conflict.kind}): {_inert(conflict.detail)}")
    typer.echo("")


def citations(
    index_dir: IndexDir = None,
    json_: JsonOut = False,
    conflicts: bool = typer.Option(False, "--conflicts", help="Only documents whose citations disagree."),
) -> None:
    """Every document cited across the corpus: type, citing reports, dates and issuers seen, conflicts."""
    documents = api.citations(_entries(index_dir), conflicts_only=conflicts)
    if json_:
        emit_json({"count": len(documents), "documents": [api.citation_dict(d) for d in documents]})
        return
    if not documents:
        typer.echo("no citations" + (" in conflict" if conflicts else ""), err=True)
        return
    rows = [[_inert(d.symbol or d.name or "?"), d.type or "-", str(d.report_count), ", ".join(d.dates) or "-",
             _inert("; ".join(d.issuers))[:48] or "-", ",".join(sorted({c.kind for c in d.conflicts})) or ""]
            for d in documents]
    _table(rows, ["document", "type", "reports", "dates seen", "issuers seen", "conflict"])


def units(
    index_dir: IndexDir = None,
    json_: JsonOut = False,
) -> None:
    """Issuing units with their number of reports."""
    summaries = api.units(_entries(index_dir))
    if json_:
        emit_json({"count": len(summaries), "units": [u.to_dict() for u in summaries]})
        return
    if not summaries:
        typer.echo("no indexed reports", err=True)
        return
    _table([[_inert(u.unit or "(unknown)"), str(len(u.doc_ids)), _inert(u.parent or "-")] for u in summaries],
           ["unit", "reports", "parent"])


def topics(
    index_dir: IndexDir = None,
    json_: JsonOut = False,
) -> None:
    """CCHC topics with the reports that cover them."""
    summaries = api.topics(_entries(index_dir))
    if json_:
        emit_json({"topics": [t.to_dict() for t in summaries]})
        return
    _table([[t.topic, t.label, str(len(t.lines_by_report)), str(sum(t.lines_by_report.values()))] for t in summaries],
           ["topic", "label", "reports", "lines"])
