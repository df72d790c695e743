"""Output shared by every command: JSON on stdout (UTF-8, inert), inert text for terminals."""
from __future__ import annotations

import sys

import orjson

from indexer.api import inert_json, inert_line

__all__ = ["emit_json", "inert_line"]


def emit_json(data: object) -> None:
    """One JSON object: UTF-8 (not ASCII-escaped), C1 and bidi controls escaped as well."""
    sys.stdout.buffer.write(inert_json(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)) + b"\n")
    sys.stdout.flush()
