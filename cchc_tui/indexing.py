"""The `cchc index` front end: progress bar, skip messages, summary."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from indexer.api import index_exists, resolve_index_dir


def shown(path: Path) -> str:
    """A path for a message: bytes that are not UTF-8 escaped, as `ls -b` shows them."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def run_index(paths: list[Path], index_dir: Path | None, *, rebuild: bool, json_out: bool,
              fallback: list[Path] | None = None) -> dict:
    """No `paths`: the folders the index was built from (recorded in it), else `fallback`."""
    from cchc_tui.output import inert_line
    from indexer.api import update_index

    directory = resolve_index_dir(index_dir)
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        from indexer.api import CchcError

        raise CchcError(f"no such file or folder: {shown(missing[0])}")
    bar = None
    if sys.stderr is not None and sys.stderr.isatty() and not json_out:
        bar = typer.progressbar(length=1, label="indexing", file=sys.stderr, show_pos=True)

    def progress(done: int, total: int, label: str) -> None:
        """`done`/`total` count pages (a .txt is one); `label` names the file (and the page being OCR'd)."""
        if bar is not None:
            bar.length = total
            bar.label = f"indexing {inert_line(Path(label).name)[:48]:<48}"
            bar.update(done - bar.pos)

    try:
        summary = update_index(paths, directory, rebuild=rebuild, progress=progress, fallback=fallback or [])
    finally:
        if bar is not None:
            bar.render_finish()
    if summary.rebuilt_reason:
        typer.echo(f"cchc: rebuilt the index ({inert_line(summary.rebuilt_reason)})", err=True)
    for note in summary.notes():
        typer.echo(f"cchc: {inert_line(note)}", err=True)
    for skipped in summary.skipped:
        typer.echo(f"skipped {inert_line(skipped.path)}: {inert_line(skipped.reason)}", err=True)
    if not json_out:
        typer.echo(f"{summary.line()} — index at {inert_line(shown(directory))}")
    return {
        "index_dir": shown(directory),
        "indexed": summary.indexed,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
        "skipped_by_reason": summary.skipped_counts(),
        "kept": summary.kept,
        "roots": summary.roots,
    }


def ensure_index(index_dir: Path | None, corpus: Path) -> Path:
    """The app opens on something: an empty index location gets the bundled corpus."""
    directory = resolve_index_dir(index_dir)
    if not index_exists(directory):
        typer.echo(f"cchc: no index at {shown(directory)} yet; indexing the bundled corpus first", err=True)
        run_index([corpus], directory, rebuild=False, json_out=False)
    return directory
