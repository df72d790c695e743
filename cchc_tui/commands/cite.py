"""`cchc cite`, `cchc citations`, `cchc units`, `cchc topics`: what the corpus cites and who wrote it.

Plain functions with typer annotations; `cchc_tui/cli.py` registers them and turns
`CchcError` into a one-line message and exit status 1. Everything shown comes from
`indexer` (parsed at index time); report text is made inert before it is printed.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer

from cchc_tui.output import emit_json, inert_line
from indexer.errors import CchcError

INDEX_DIR_HELP = "Index directory [default: $CCHC_INDEX_DIR, else $XDG_DATA_HOME/cchc/index]."
CONTEXT_WIDTH = 110


def _inert(text: str | None) -> str:
    return inert_line(text or "")


def _reports(index_dir: Path | None) -> list:
    from indexer.api import Library

    return list(Library.open(index_dir).reports())


def _table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _conflict_dicts(conflicts) -> list[dict]:
    return [{"kind": c.kind, "detail": c.detail, "doc_ids": c.doc_ids} for c in conflicts]


def cite(
    symbol: str = typer.Argument(..., help="A document symbol in any form: 3041/QĐ-UBND, 3041/QD-UBND, 'qđ 3041', 3041."),
    index_dir: Path | None = typer.Option(None, "--index-dir", help=INDEX_DIR_HELP, show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print JSON (UTF-8, one object) instead of text."),
) -> None:
    """Every report citing a document, with the line, the context, and the date and issuer that report gives."""
    from indexer.parse.citeindex import aggregate_citations, parse_symbol_query
    from indexer.textnorm import fold

    query = parse_symbol_query(symbol)
    by_name = _names_an_instrument(symbol)
    if query.key is None and query.number is None and not by_name:
        raise CchcError(f"not a document symbol: {symbol!r} (try 3041/QĐ-UBND, 'qđ 3041' or 'Luật …')")
    reports = {r.doc_id: r for r in _reports(index_dir)}
    wanted = " ".join(fold(symbol).split())
    documents = [d for d in aggregate_citations((r.doc_id, r.info) for r in reports.values())
                 if (d.symbol and any(query.matches(d.symbol, c.type) for c in d.citing))
                 or (by_name and d.name and wanted in " ".join(fold(d.name).split()))]
    citing = [(d, c) for d in documents for c in d.citing]
    symbols = [d.symbol or d.name for d in documents]
    if json_:
        emit_json({
            "query": symbol,
            "symbol": symbols[0] if len(symbols) == 1 else query.symbol,
            "symbols": symbols,
            "type": documents[0].type if len(documents) == 1 else None,
            "citing": [{"doc_id": c.doc_id, "path": reports[c.doc_id].path, "unit": c.unit, "symbol": d.symbol,
                        "line": c.line, "end_line": c.end_line, "raw": c.raw, "type": c.type, "date": c.date,
                        "date_raw": c.date_raw, "issuer": c.issuer, "context": reports[c.doc_id].line_text(c.line)}
                       for d, c in citing],
            "conflicts": [x for d in documents for x in _conflict_dicts(d.conflicts)],
        })
        return
    if not documents:
        typer.echo(f"no indexed report cites {symbol}", err=True)
        return
    for document in documents:
        _print_document(document, reports)


def _names_an_instrument(text: str) -> bool:
    """`Luật dân chủ …`, `Đề án 06`: instruments cited by name, looked up by name."""
    from indexer.parse.tables import doc_type_names
    from indexer.textnorm import fold

    words = fold(text).split()
    return any(words[:len(fold(t).split())] == fold(t).split() for t in doc_type_names()) and len(words) > 1


def _print_document(document, reports: dict) -> None:
    typer.echo(f"{_inert(document.symbol or document.name)}  {document.type or ''}  — cited by {document.report_count} report(s)")
    rows = [[f"{c.doc_id}:{c.line}", _inert(c.unit or "?"), c.date or (f"{c.date_raw} (impossible)" if c.date_raw else "-"),
             _inert(c.issuer or "-")] for c in document.citing]
    _table(rows, ["report:line", "unit", "date given", "issuer given"])
    typer.echo("context:")
    for c in document.citing:
        context = _inert(" ".join(reports[c.doc_id].line_text(c.line).split()))
        typer.echo(f"  {c.doc_id}:{c.line}  {context[:CONTEXT_WIDTH]}")
    for conflict in document.conflicts:
        typer.echo(f"CONFLICT ({conflict.kind}): {_inert(conflict.detail)}")
    typer.echo("")


def citations(
    index_dir: Path | None = typer.Option(None, "--index-dir", help=INDEX_DIR_HELP, show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print JSON (UTF-8, one object) instead of text."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Only documents whose citations disagree."),
) -> None:
    """Every document cited across the corpus: type, citing reports, dates and issuers seen, conflicts."""
    from indexer.parse.citeindex import aggregate_citations

    documents = aggregate_citations((r.doc_id, r.info) for r in _reports(index_dir))
    if conflicts:
        documents = [d for d in documents if d.conflicts]
    if json_:
        emit_json({"count": len(documents), "documents": [
            {"symbol": d.symbol, "name": d.name, "type": d.type, "reports": d.report_count,
             "doc_ids": sorted({c.doc_id for c in d.citing}), "dates": d.dates, "issuers": d.issuers,
             "conflict": bool(d.conflicts), "conflicts": _conflict_dicts(d.conflicts)} for d in documents]})
        return
    if not documents:
        typer.echo("no citations" + (" in conflict" if conflicts else ""), err=True)
        return
    rows = [[_inert(d.symbol or d.name or "?"), d.type or "-", str(d.report_count), ", ".join(d.dates) or "-",
             _inert("; ".join(d.issuers))[:48] or "-", ",".join(sorted({c.kind for c in d.conflicts})) or ""]
            for d in documents]
    _table(rows, ["document", "type", "reports", "dates seen", "issuers seen", "conflict"])


def units(
    index_dir: Path | None = typer.Option(None, "--index-dir", help=INDEX_DIR_HELP, show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print JSON (UTF-8, one object) instead of text."),
) -> None:
    """Issuing units with their number of reports."""
    reports = _reports(index_dir)
    groups: dict[str | None, list] = {}
    for report in reports:
        groups.setdefault(report.info.unit, []).append(report)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] or "\uffff"))
    if json_:
        emit_json({"count": len(ordered), "units": [
            {"unit": unit, "parent": Counter(r.info.unit_parent for r in rs).most_common(1)[0][0],
             "reports": len(rs), "doc_ids": [r.doc_id for r in rs]} for unit, rs in ordered]})
        return
    if not ordered:
        typer.echo("no indexed reports", err=True)
        return
    _table([[_inert(unit or "(unknown)"), str(len(rs)), _inert(rs[0].info.unit_parent or "-")] for unit, rs in ordered],
           ["unit", "reports", "parent"])


def topics(
    index_dir: Path | None = typer.Option(None, "--index-dir", help=INDEX_DIR_HELP, show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print JSON (UTF-8, one object) instead of text."),
) -> None:
    """CCHC topics with the reports that cover them."""
    from indexer.parse.topics import topic_labels

    labels = topic_labels()
    covered: dict[str, list[tuple[str, int]]] = {tid: [] for tid in labels}
    for report in _reports(index_dir):
        for hit in report.info.topics:
            covered.setdefault(hit.topic, []).append((report.doc_id, len(hit.lines)))
    if json_:
        emit_json({"topics": [{"topic": tid, "label": labels.get(tid, tid), "reports": len(docs),
                                "doc_ids": [d for d, _ in docs], "lines": sum(n for _, n in docs)}
                               for tid, docs in covered.items()]})
        return
    _table([[tid, labels.get(tid, tid), str(len(docs)), str(sum(n for _, n in docs))] for tid, docs in covered.items()],
           ["topic", "label", "reports", "lines"])
