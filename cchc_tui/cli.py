"""The `cchc` entry point. A plain `cchc search` (what scripts and batches run) goes the short way,
without typer (`cchc_tui.quick`); every other command line runs the typer app of
`cchc_tui.commandline`. The app and the other names of that module are served from here on first
use, so `from cchc_tui.cli import app` keeps working."""
from __future__ import annotations

import gc
import importlib
import sys
from typing import Any


def main() -> None:
    gc.disable()  # while the imports load (see cchc_tui.output.end_of_startup); a single search keeps it off
    from cchc_tui.output import end_of_startup, prepare_streams
    from cchc_tui.quick import quick_main

    prepare_streams()
    code = quick_main(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from cchc_tui.commandline import app

    end_of_startup()
    app()


def __getattr__(name: str) -> Any:
    if name.startswith("__"):  # the import system asks for `__path__` on every `from cchc_tui.cli import main`
        raise AttributeError(name)
    return getattr(importlib.import_module("cchc_tui.commandline"), name)
