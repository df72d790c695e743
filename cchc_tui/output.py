"""Output shared by every command: JSON on stdout (UTF-8, inert), inert text for terminals,
and the faults of the output itself (a closed pipe, a full disk, an encoding that cannot
carry Vietnamese) ending in one line, never a traceback."""
from __future__ import annotations

import gc
import os
import sys

import orjson

from indexer.api import inert_json, inert_line

__all__ = ["emit_json", "end_of_startup", "finish_output", "inert_line", "prepare_streams", "silence_stdout"]


def end_of_startup() -> None:
    """`cchc_tui.cli.main` starts with the cyclic collector off: a cold command is mostly imports,
    whose objects live as long as the process, and collecting among them cost ~10% of a cold
    `cchc search`. Anything that runs long (a batch, an index run, the app) calls this first:
    what is loaded is kept out of the collector's sight, and it collects again."""
    gc.freeze()
    gc.enable()


def prepare_streams() -> None:
    """A terminal whose encoding cannot show a character gets it escaped (`\\u1ebf`), not a crash;
    a stream closed before we started (`cchc index >&-`) is a sink: the work is still done."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def emit_json(data: object) -> None:
    """One JSON object: UTF-8 (not ASCII-escaped), C1 and bidi controls escaped as well."""
    if sys.stdout is None:  # started with stdout closed: nothing to write to
        return
    sys.stdout.buffer.write(inert_json(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)) + b"\n")
    sys.stdout.flush()


def silence_stdout() -> None:
    """After a write to stdout failed: later flushes (at exit) must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def finish_output() -> None:
    """Flush what is buffered now, so its failure is reported here rather than at exit."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
