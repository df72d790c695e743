"""Leaving the app for a moment: the original file in an editor or a PDF viewer, a line to the clipboard."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

# How editors take a line: most accept `+N file`; these want `file:N` after a flag or alone.
GOTO_FLAG = {"code": ["--goto"], "codium": ["--goto"], "subl": [], "hx": [], "helix": []}
PDF_VIEWERS = [("zathura", "--page={page}"), ("evince", "--page-index={page}"), ("okular", "--page={page}")]


def reference(doc_id: str, unit: str | None, symbol: str | None, line: int) -> str:
    """`doc · unit · symbol · l.N`: what a copied line is quoted with."""
    return " · ".join(part for part in (doc_id, unit, symbol, f"l.{line}") if part)


def quoted_line(text: str, doc_id: str, unit: str | None, symbol: str | None, line: int) -> str:
    return f"{text.strip()}\n— {reference(doc_id, unit, symbol, line)}"


def editor_command(path: str, line: int, environ: dict[str, str] | None = None) -> list[str] | None:
    """The `$VISUAL` / `$EDITOR` command opening `path` at `line`; None when neither is set."""
    env = os.environ if environ is None else environ
    spec = env.get("VISUAL") or env.get("EDITOR")
    if not spec:
        return None
    words = shlex.split(spec)
    name = Path(words[0]).name
    if name in GOTO_FLAG:
        return [*words, *GOTO_FLAG[name], f"{path}:{line}"]
    return [*words, f"+{line}", path]


def page_of_line(text: str, line: int) -> int:
    """1-based page of `line` in text extracted from a PDF (pages end with a form feed)."""
    before = text.split("\n")[: max(0, line - 1)]
    return sum(piece.count("\f") for piece in before) + 1


def pdf_beside(path: str) -> Path | None:
    """The PDF the text was extracted from, when it sits next to it (`x.txt` ← `x.pdf`)."""
    for suffix in (".pdf", ".PDF"):
        candidate = Path(path).with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def pdf_command(pdf: Path, page: int) -> list[str] | None:
    for viewer, flag in PDF_VIEWERS:
        if shutil.which(viewer):
            return [viewer, flag.format(page=page if viewer != "evince" else page - 1), str(pdf)]
    opener = shutil.which("xdg-open") or shutil.which("open")
    return [opener, str(pdf)] if opener else None


def open_original(app, path: str, line: int, text: str) -> None:
    """The PDF at the line's page in a desktop viewer where there is one, else the text in the editor."""
    pdf = pdf_beside(path)
    if pdf is not None:
        command = pdf_command(pdf, page_of_line(text, line))
        if command:
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            app.notify(f"Opened {pdf.name} at page {page_of_line(text, line)}", markup=False)
            return
    command = editor_command(path, line)
    if command is None:
        app.notify("Set $VISUAL or $EDITOR to open the original file", severity="warning")
        return
    try:
        with app.suspend():
            subprocess.run(command, check=False)
    except (OSError, Exception) as error:  # SuspendNotSupported, editor missing
        app.notify(f"Could not run {command[0]}: {error}", severity="error", markup=False)


def copy_line(app, text: str, doc_id: str, unit: str | None, symbol: str | None, line: int) -> None:
    app.copy_to_clipboard(quoted_line(text, doc_id, unit, symbol, line))
    app.notify(f"Copied line {line} with its reference", markup=False)
