"""Builds the app: used by `cchc tui` (and bare `cchc`) and by the tests."""
from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from cchc_tui.app import RELOAD_SECONDS, CchcApp
from indexer.api import CchcError, Library

KEYMAP_ENV = "CCHC_KEYMAP"  # e.g. "report.next=j,report.previous=k" (binding ids: see the help screen)


def parse_keymap(spec: str) -> dict[str, str]:
    """`id=key,id=key` into a keymap; CchcError names the first malformed entry."""
    keymap: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in spec.split(","))):
        binding_id, sep, key = entry.partition("=")
        if not sep or not binding_id.strip() or not key.strip():
            raise CchcError(f"{KEYMAP_ENV}: expected binding-id=key, got {entry!r}")
        keymap[binding_id.strip()] = key.strip()
    return keymap


def create_app(
    index_dir: Path | None = None,
    *,
    library: Library | None = None,
    reload_seconds: float = RELOAD_SECONDS,
    initial_query: str = "",
    keymap: Mapping[str, str] | None = None,
    remember_theme: bool = True,
    start: str = "dashboard",
) -> CchcApp:
    """The app over the index at `index_dir` (default location when None).

    Raises `CchcError` when there is no index or the keymap is malformed, before
    any terminal setup, so the CLI can print the message and exit 1. `keymap`
    (binding id -> key) defaults to `$CCHC_KEYMAP`.
    """
    keys = dict(keymap) if keymap is not None else parse_keymap(os.environ.get(KEYMAP_ENV, ""))
    opened = library if library is not None else Library.open(index_dir)
    unknown = sorted(set(keys) - known_binding_ids())
    app = CchcApp(opened, reload_seconds=reload_seconds, initial_query=initial_query, remember_theme=remember_theme,
                  unknown_keys=unknown, start=start)
    if keys:
        app.set_keymap(keys)
    return app


def known_binding_ids() -> set[str]:
    """Every binding id the app's screens and widgets declare (what CCHC_KEYMAP may rebind)."""
    import cchc_tui.screens as screens_package
    import cchc_tui.widgets as widgets_package

    for package in (screens_package, widgets_package):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    ids: set[str] = set()
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("cchc_tui"):
            ids.update(b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id)
    return ids
