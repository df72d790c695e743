"""Faults of the disk under an index run, as one line naming the folder and the cause.

A full disk, an I/O error, a read-only or vanished folder surface as OSError
from our own writes or as ValueError from tantivy (whose message holds the
operating system's). Either way the run has rolled back: the line says so.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from indexer.errors import CchcError
from indexer.store.layout import shown_dir

OS_ERROR_CODE = re.compile(r"(?:os error |code: )(\d+)")
CAUSE_LIMIT = 160


def cause_of(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno:
        return os.strerror(exc.errno)
    text = str(exc)
    found = OS_ERROR_CODE.search(text)
    if found and int(found.group(1)) in errno.errorcode:
        return os.strerror(int(found.group(1)))
    text = " ".join(text.split())
    return text if len(text) <= CAUSE_LIMIT else text[: CAUSE_LIMIT - 1] + "…"


@contextlib.contextmanager
def named_faults(index_dir: Path) -> Iterator[None]:
    try:
        yield
    except CchcError:
        raise
    except (OSError, ValueError) as exc:
        raise CchcError(
            f"cannot update the index at {shown_dir(index_dir)} ({cause_of(exc)}); "
            "the index is as it was before this run"
        ) from exc


def quietly(func: Callable[..., object], *args: object) -> None:
    """Clean-up after the fact (a rollback, a merge, an old generation): its failure changes nothing."""
    try:
        func(*args)
    except (OSError, ValueError, RuntimeError):
        pass
