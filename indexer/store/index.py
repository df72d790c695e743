"""Locating, opening and locking the index directory (see `layout` for what is in it)."""
from __future__ import annotations

import atexit
import fcntl
import os
from pathlib import Path

import tantivy

from indexer.errors import CchcError
from indexer.store.layout import (
    LOCK_FILE,
    Marker,
    NewerIndex,
    NotOurs,
    generation_dir,
    inspect,
    shown_dir,
)
from indexer.store.schema import SCHEMA_VERSION, build_schema, register_analyzers

REBUILD_HINT = "run `cchc index --rebuild` to rebuild it (it re-reads the folders it was built from)"

__all__ = ["IndexBusy", "LOCK_FILE", "NewerIndex", "NotOurs", "REBUILD_HINT", "SchemaMismatch", "WriterLock",
           "current_folder", "default_index_dir", "index_exists", "open_folder", "open_index", "resolve_index_dir"]


class IndexBusy(CchcError):
    pass


class SchemaMismatch(CchcError):
    pass


def default_index_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "cchc" / "index"


def resolve_index_dir(index_dir: Path | str | None) -> Path:
    """--index-dir, else $CCHC_INDEX_DIR, else $XDG_DATA_HOME/cchc/index."""
    if index_dir:
        return Path(index_dir).expanduser()
    env = os.environ.get("CCHC_INDEX_DIR")
    return Path(env).expanduser() if env else default_index_dir()


def index_exists(index_dir: Path) -> bool:
    """A built index of ours (of any schema) is there; a foreign folder raises NotOurs."""
    marker = inspect(index_dir)
    return marker is not None and generation_dir(index_dir, marker) is not None


def current_folder(index_dir: Path) -> Path:
    """The folder of the tantivy index in use, or a one-line CchcError saying why there is none."""
    marker = inspect(index_dir)
    folder = generation_dir(index_dir, marker) if marker is not None else None
    if marker is None or folder is None:
        raise CchcError(f"no index at {shown_dir(index_dir)}; run `cchc index` to build it")
    if marker.legacy or marker.schema_version != SCHEMA_VERSION:
        raise SchemaMismatch(
            f"index at {shown_dir(index_dir)} was built by an older cchc (schema {marker.schema_version}, "
            f"this one uses {SCHEMA_VERSION}); {REBUILD_HINT}"
        )
    return folder


_HELD_FOLDERS: dict[str, int] = {}  # folder -> descriptor kept open for tantivy (see tantivy_path)


def tantivy_path(folder: Path) -> str:
    """tantivy takes a UTF-8 path; a folder whose name is not UTF-8 is reached through a
    descriptor held open on it (`/proc/self/fd/N`, Linux)."""
    text = os.fspath(folder)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    if not Path("/proc/self/fd").is_dir():
        raise CchcError(f"the index folder name {shown_dir(folder)} is not valid UTF-8; choose another with --index-dir")
    if text not in _HELD_FOLDERS:
        _HELD_FOLDERS[text] = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    return f"/proc/self/fd/{_HELD_FOLDERS[text]}"


def open_read_only_copy(folder: Path, index_dir: Path) -> tantivy.Index:
    """tantivy takes a lock file even to read; a folder we may not write (a colleague's shared
    index, a read-only mount) is searched through a private copy instead."""
    import shutil  # here: tempfile and shutil cost a cold search ~5 ms of imports, and only this needs them
    import tempfile

    copy = Path(tempfile.mkdtemp(prefix="cchc-readonly-"))
    atexit.register(shutil.rmtree, copy, True)
    try:
        for entry in folder.iterdir():
            if entry.is_file() and not entry.name.startswith(".tantivy"):
                shutil.copy2(entry, copy / entry.name)
        return tantivy.Index(build_schema(), path=str(copy), reuse=True)
    except (ValueError, OSError) as exc:
        raise CchcError(f"index at {shown_dir(index_dir)} is unreadable or corrupted ({exc}); {REBUILD_HINT}") from exc


def open_folder(folder: Path, index_dir: Path) -> tantivy.Index:
    """Open one generation and register the analyzers it needs."""
    try:
        index = tantivy.Index(build_schema(), path=tantivy_path(folder), reuse=True)
    except (ValueError, OSError) as exc:
        if not os.access(folder, os.W_OK) or "PermissionDenied" in str(exc):
            index = open_read_only_copy(folder, index_dir)
        else:
            raise CchcError(
                f"index at {shown_dir(index_dir)} is unreadable or corrupted ({exc}); {REBUILD_HINT}") from exc
    register_analyzers(index)
    return index


def open_index(index_dir: Path) -> tantivy.Index:
    """Open the index in use (read side)."""
    folder = current_folder(index_dir)
    try:
        return open_folder(folder, index_dir)
    except CchcError:
        if current_folder(index_dir) == folder:
            raise
        return open_folder(current_folder(index_dir), index_dir)  # a rebuild swapped it meanwhile


def create_index(folder: Path) -> tantivy.Index:
    index = tantivy.Index(build_schema(), path=tantivy_path(folder), reuse=False)
    register_analyzers(index)
    return index


def marker_of(index_dir: Path) -> Marker | None:
    return inspect(index_dir)


class WriterLock:
    """Exclusive, non-blocking: a second `cchc index` exits at once instead of waiting."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise CchcError(
                f"cannot write to the index folder {shown_dir(self.path.parent)} ({exc.strerror}); "
                "choose another with --index-dir or CCHC_INDEX_DIR"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise IndexBusy(f"another process is updating the index at {shown_dir(self.path.parent)}; "
                            "try again when it finishes") from None
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
