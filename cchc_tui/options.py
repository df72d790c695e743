"""Options every command shares, declared once (as sqlite-utils' `output_options` are).

A command takes `index_dir: IndexDir = None` and `json_: JsonOut = False`; help text,
flag names and defaults are the same everywhere.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

IndexDir = Annotated[
    Path | None,
    typer.Option(
        "--index-dir",
        help="Index directory (default: $CCHC_INDEX_DIR, else $XDG_DATA_HOME/cchc/index).",
        show_default=False,
    ),
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print JSON (UTF-8, one object) instead of text.")]
