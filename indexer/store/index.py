"""Locating, opening and locking the index directory."""
from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import orjson
import tantivy

from indexer.errors import CchcError
from indexer.store.schema import SCHEMA_VERSION, build_schema, register_analyzers

VERSION_FILE = "cchc-version.json"
LOCK_FILE = ".cchc-writer.lock"
REBUILD_HINT = "run `cchc index --rebuild` to rebuild it"


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


def stored_version(index_dir: Path) -> int | None:
    try:
        return int(orjson.loads((index_dir / VERSION_FILE).read_bytes())["schema_version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_version(index_dir: Path) -> None:
    tmp = index_dir / (VERSION_FILE + ".tmp")
    tmp.write_bytes(orjson.dumps({"schema_version": SCHEMA_VERSION}))
    os.replace(tmp, index_dir / VERSION_FILE)


def index_exists(index_dir: Path) -> bool:
    return (index_dir / "meta.json").exists()


def open_read_only_copy(index_dir: Path) -> tantivy.Index:
    """tantivy takes a lock file even to read; a folder we may not write (a colleague's shared
    index, a read-only mount) is searched through a private copy instead."""
    copy = Path(tempfile.mkdtemp(prefix="cchc-readonly-"))
    atexit.register(shutil.rmtree, copy, True)
    for entry in index_dir.iterdir():
        if entry.is_file() and not entry.name.startswith("."):
            shutil.copy2(entry, copy / entry.name)
    try:
        return tantivy.Index(build_schema(), path=str(copy), reuse=True)
    except (ValueError, OSError) as exc:
        raise CchcError(f"index at {index_dir} is unreadable or corrupted ({exc}); {REBUILD_HINT}") from exc


def open_index(index_dir: Path, *, create: bool = False) -> tantivy.Index:
    """Open (or create) the index and register the analyzers it needs."""
    if index_exists(index_dir):
        version = stored_version(index_dir)
        if version != SCHEMA_VERSION:
            raise SchemaMismatch(
                f"index at {index_dir} was built by another version of cchc (schema {version}, "
                f"this one uses {SCHEMA_VERSION}); {REBUILD_HINT}"
            )
        try:
            index = tantivy.Index(build_schema(), path=str(index_dir), reuse=True)
        except (ValueError, OSError) as exc:
            if not os.access(index_dir, os.W_OK) or "PermissionDenied" in str(exc):
                index = open_read_only_copy(index_dir)
            else:
                raise CchcError(f"index at {index_dir} is unreadable or corrupted ({exc}); {REBUILD_HINT}") from exc
    elif create:
        index_dir.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(build_schema(), path=str(index_dir), reuse=False)
        write_version(index_dir)
    else:
        raise CchcError(f"no index at {index_dir}; run `cchc index` to build it")
    register_analyzers(index)
    return index


class WriterLock:
    """Exclusive, non-blocking: a second `cchc index` exits at once instead of waiting."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise CchcError(
                f"cannot write to the index folder {self.path.parent} ({exc.strerror}); "
                "choose another with --index-dir or CCHC_INDEX_DIR"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise IndexBusy(f"another process is updating the index at {self.path.parent}; try again when it finishes") from None
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
