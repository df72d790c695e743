"""The `cchc` command line (typer): a thin layer over `indexer`'s typed API; `cchc_tui.cli` is the entry point.

Errors become one line on stderr and exit status 1 here, at the edge;
usage errors exit 2 (typer's own). Textual and the OCR tables are imported
only by the commands that need them, so `cchc search` starts fast.
"""
from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path
from typing import Annotated

import typer

from cchc_tui.options import IndexDir, JsonOut
from cchc_tui.output import emit_json, prepare_streams
from cchc_tui.quick import at_edge
from indexer.api import CchcError

app = typer.Typer(
    name="cchc",
    help="Search and compare Vietnamese administrative-reform (CCHC) reports, OCR text included.\n\n"
    "Run `cchc index` once (it indexes the bundled sample corpus), then `cchc search \"cải cách hành chính\"` "
    "— diacritics optional — or just `cchc` for the terminal app.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



def bundled_corpus() -> Path:
    return Path(os.environ.get("CCHC_CORPUS") or Path(__file__).resolve().parent.parent / "corpus")


def say_error(message: str) -> None:
    from cchc_tui.quick import say_error as say

    say(message)


def run_at_edge(func, args, kwargs):
    """`func(*args, **kwargs)`; our errors, output faults and signals become one line on stderr and
    typer.Exit with the status `quick.at_edge` gives them (one implementation for both paths)."""
    result = []
    code = at_edge(lambda: result.append(func(*args, **kwargs)))
    if code:
        raise typer.Exit(code)
    return result[0]


def edge(func):
    """Turn our errors, output faults and signals into one line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return run_at_edge(func, args, kwargs)

    return wrapper


def open_library(index_dir: Path | None):
    from indexer.api import Library

    return Library.open(index_dir)


@app.callback(invoke_without_command=True)
def main_callback(ctx: typer.Context) -> None:
    """Bare `cchc` opens the terminal app."""
    if ctx.invoked_subcommand is None:
        tui(query="", index_dir=None)


@app.command()
@edge
def index(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Report files or folders (*.txt, recursive). Default: the folders the index was built from "
        "(a new index: the bundled corpus/).", show_default=False)] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start over: re-read every file (of PATH, else of "
                                          "the folders the index was built from).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any file was skipped.")] = False,
    index_dir: IndexDir = None,
    json_: JsonOut = False,
    profile: Annotated[bool, typer.Option("--profile", help="Print the seconds spent in each stage (all processes).")] = False,
) -> None:
    """Index reports: only new or changed files are re-processed; deleted ones are removed."""
    from cchc_tui.indexing import run_index
    from indexer import api

    stages = api.start_profile()
    summary = run_index(paths or [], index_dir, rebuild=rebuild, json_out=json_, fallback=[bundled_corpus()])
    if profile:
        typer.echo(api.profile_table(stages), err=json_)
    if json_:
        emit_json(summary)
    if strict and summary["skipped"]:
        raise typer.Exit(1)


SEARCH_EXAMPLES = "\n\n".join([
    "Examples (diacritics optional; OCR forms such as 't6 chirc bd may' are found too):",
    'cchc search "tổ chức bộ máy"',
    "cchc search '\"dich vu cong truc tuyen\"'   (quoted: words in order)",
    'cchc search --cites "qđ 3041"   (reports citing Quyết định 3041/QĐ-UBND)',
    'cchc search "" --unit "Sở Ngoại vụ" --from 2025-01 --json',
    "cchc search --batch queries.txt > results.jsonl   (one query per line; JSON Lines out)",
])


@app.command(epilog=SEARCH_EXAMPLES)
@edge
def search(
    query: Annotated[str, typer.Argument(help='Words (ANDed) and "quoted phrases"; diacritics optional.')] = "",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000, help="Reports to list.")] = 10,
    unit: Annotated[str | None, typer.Option("--unit", help='Issuing unit, e.g. "Sở Ngoại vụ" or "phuong Le Chan".')] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help='Document type: "Báo cáo", "Kế hoạch" …')] = None,
    cites: Annotated[str | None, typer.Option("--cites", help='Reports citing this symbol: "3041/QĐ-UBND", "qđ 3041", "3041".')] = None,
    topic: Annotated[str | None, typer.Option("--topic", help='Topic id or name: "mot cua", "chuyển đổi số" (see `cchc topics`).')] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Reports dated on or after YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Reports dated on or before YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    batch: Annotated[str | None, typer.Option(
        "--batch", metavar="FILE",
        help="One query per line of FILE ('-': standard input); prints one JSON object per query (JSON Lines).")] = None,
    index_dir: IndexDir = None,
    json_: JsonOut = False,
) -> None:
    """Search reports; OCR-garbled words are found from proper Vietnamese and vice versa."""
    from indexer.api import Filters, has_words

    filters = Filters(unit=unit, doc_type=doc_type, cites=cites, topic=topic, date_from=date_from, date_to=date_to)
    if batch is not None:
        from cchc_tui.batch import run_batch

        run_batch(batch, open_library(index_dir), limit=limit, filters=filters)
        return
    if filters.is_empty() and not has_words(query):
        if not query.strip():
            raise typer.BadParameter("give a QUERY, or a filter such as --unit, --cites or --topic", param_hint="QUERY")
        raise CchcError(f"empty query: {query!r} holds no word to search for")
    # the text output shows no facets: asking tantivy for them would only cost time
    result = open_library(index_dir).search(query, limit=limit, filters=filters, with_facets=json_)
    if json_:
        emit_json(result.to_dict())
        return
    from cchc_tui.render import render_search, use_color

    typer.echo(render_search(result, use_color()))


@app.command()
@edge
def show(
    doc: Annotated[str, typer.Argument(help="Doc id (the file name without .txt) or the path of an indexed report.")],
    index_dir: IndexDir = None,
    json_: JsonOut = False,
    readable: Annotated[bool, typer.Option("--readable", help="Text with diacritics restored (same line numbers).")] = False,
) -> None:
    """Print one indexed report: its metadata and its text with line numbers."""
    from indexer.api import readable_lines, readable_sections

    report = open_library(index_dir).get(doc)
    restored = {}
    if readable:  # what the app's readable view shows: the text and the outline's headings, restored
        lines = readable_lines(report.text)
        outline = readable_sections(report.info.sections, report.text.split("\n"), lines)
        restored = {"readable_text": "\n".join(lines), "readable_sections": [dataclasses.asdict(s) for s in outline]}
    if json_:
        info = report.info.to_dict()
        head = {"doc_id": report.doc_id, "path": report.path, "score": None}
        head |= {k: info.get(k) for k in ("unit", "symbol", "doc_type", "date", "title")}
        emit_json(head | {"lines": []} | info | {"text": report.text} | restored)
        return
    from cchc_tui.render import render_report, use_color

    shown = dataclasses.replace(report, text=restored["readable_text"]) if readable else report
    typer.echo(render_report(shown, use_color()))


@app.command()
@edge
def tui(
    query: Annotated[str, typer.Argument(help="Search to start with.", show_default=False)] = "",
    index_dir: IndexDir = None,
) -> None:
    """Open the terminal app (also what bare `cchc` does). F1 lists the keys; CCHC_KEYMAP rebinds them."""
    from cchc_tui.indexing import ensure_index

    directory = ensure_index(index_dir, bundled_corpus())
    from cchc_tui.factory import create_app

    create_app(directory, initial_query=query).run()


def register_commands() -> None:
    """The commands that live in their own modules. Imported here, not lazily per command: a
    broken module must fail loudly, never make its command vanish."""
    from cchc_tui.commands import cite, compare, export

    for command in (cite.cite, cite.citations, cite.units, cite.topics, compare.compare, export.export):
        app.command(command.__name__)(edge(command))


register_commands()


def main() -> None:
    prepare_streams()
    app()
