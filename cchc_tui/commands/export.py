"""`cchc export`: every indexed report with its metadata, citations and topics, as JSON Lines.

A thin front end over `indexer.api.export_jsonl`: one JSON object (UTF-8) per
line on standard output, or in `--out FILE`. The format (documented in
docs/scaling.md) is also the ingest format of the Quickwit index in
deploy/quickwit/.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cchc_tui.options import IndexDir
from indexer import api


def export(
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines, one report per line (the only format; the default).")] = True,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to FILE instead of standard output.")] = None,
    index_dir: IndexDir = None,
) -> None:
    """Every report as JSON Lines: identity, text, metadata, sections, citations, topics and search forms."""
    if out is None:
        count = api.export_jsonl(index_dir, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with out.open("wb") as handle:
            count = api.export_jsonl(index_dir, handle)
        typer.echo(f"exported {count} reports to {out}", err=True)
